from django import template

register = template.Library()


@register.filter
def marks_optional(form):
    """Whether the form marks some of its fields "(optional)" (platform_site/forms.py): it then
    says that the others are required."""
    return any(getattr(field, "marked_optional", False) for field in form)
