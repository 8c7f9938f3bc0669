from decimal import Decimal, InvalidOperation

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma, intword

register = template.Library()


@register.filter
def amount(value):
    """A money or tonnage figure as people read it: "250,000", "5.2 million" (localised)."""
    try:
        number = Decimal(value)
    except (TypeError, ValueError, InvalidOperation):
        return ""
    if number >= 1_000_000:
        return intword(int(number))
    return intcomma(int(number.to_integral_value()))
