"""``{{ count|counted:database }}``: a number of a database's records in plain words, with the
plural forms of the reader's language ("1 project", "345 technologies");
``{{ count|counted_beyond:database }}`` for a count stopped at a cap ("More than 1,000 …")."""

from django import template

register = template.Library()


@register.filter
def counted(count, database):
    return database.count_text(count or 0)


@register.filter
def counted_beyond(count, database):
    return database.count_text(count or 0, capped=True)
