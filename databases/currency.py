"""ISO 4217 currencies the projects are priced in, and their normalisation to US dollars.

Rates are reference rates (USD per unit) that staff can override with the
``CURRENCY_USD_RATES`` setting; investment figures are indicative, not accounting.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.utils.translation import gettext_lazy as _

DEFAULT_USD_RATES = {
    "USD": Decimal("1"),
    "EUR": Decimal("1.08"),
    "CNY": Decimal("0.138"),
    "RUB": Decimal("0.0108"),
    "BRL": Decimal("0.18"),
    "INR": Decimal("0.0118"),
    "ZAR": Decimal("0.055"),
    "EGP": Decimal("0.0205"),
    "ETB": Decimal("0.0075"),
    "IRR": Decimal("0.0000238"),
    "AED": Decimal("0.2723"),
    "IDR": Decimal("0.000062"),
    "SAR": Decimal("0.2667"),
}

CHOICES = [
    ("USD", _("US dollar (USD)")),
    ("EUR", _("Euro (EUR)")),
    ("CNY", _("Chinese yuan (CNY)")),
    ("RUB", _("Russian rouble (RUB)")),
    ("BRL", _("Brazilian real (BRL)")),
    ("INR", _("Indian rupee (INR)")),
    ("ZAR", _("South African rand (ZAR)")),
    ("EGP", _("Egyptian pound (EGP)")),
    ("ETB", _("Ethiopian birr (ETB)")),
    ("IRR", _("Iranian rial (IRR)")),
    ("AED", _("UAE dirham (AED)")),
    ("IDR", _("Indonesian rupiah (IDR)")),
    ("SAR", _("Saudi riyal (SAR)")),
]


def rates():
    return {**DEFAULT_USD_RATES, **getattr(settings, "CURRENCY_USD_RATES", {})}


def to_usd(amount, code):
    if amount is None:
        return None
    rate = rates().get(code)
    if rate is None:
        return None
    return (Decimal(amount) * rate).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
