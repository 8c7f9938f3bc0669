"""Where a record, an enterprise or a membership stands, as its member reads it: the labels and
next steps come from the workflow (databases.workflow.status_display), never from a template."""

from django import template

from databases import workflow

register = template.Library()


@register.inclusion_tag("databases/member/_status.html")
def status(record, detailed=True, missing=False):
    """The state's badge; ``detailed``: with what happens next and who acts; ``missing``: with
    the fields the member still has to fill in (it reads the whole record)."""
    return {"info": workflow.status_display(record, with_missing=missing), "detailed": detailed}
