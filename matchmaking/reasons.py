"""A match's reasons in the reader's language: "Both in solar energy", "The enterprise invests in
Brazil", "US$5 million sought; the enterprise invests US$1 million–US$10 million"."""

from django.core.cache import cache
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from databases.models import CooperationType, Country, Sector, TechnologyField
from databases.models.project import ProjectStage
from databases.registry import TAXONOMIES
from platform_site import l10n
from platform_site.cache import content_version


def names():
    """{kind: {code: name}} of the taxonomies in the active language, cached per content
    version (a renamed sector shows at once)."""
    key = f"matchmaking:names:{content_version(TAXONOMIES)}:{get_language()}"
    found = cache.get(key)
    if found is None:
        found = {
            "sectors": {s.code: s.name for s in Sector.objects.all()},
            "fields": {f.code: _with_code(f.code, f.name) for f in TechnologyField.objects.all()},
            "types": {c.code: c.name for c in CooperationType.objects.all()},
            "countries": {c.iso2: c.name for c in Country.objects.all()},
        }
        cache.set(key, found, 60 * 60)
    return found


def _with_code(code, name):
    """A technology field's name led by its code (Y02E · Low-carbon energy …), once."""
    code = code.upper()
    return name if name.upper().startswith(code) else f"{code} {name}"


def _unique(texts):
    """``texts`` in order, each once, however it is capitalised."""
    kept, seen = [], set()
    for text in texts:
        if text.casefold() not in seen:
            seen.add(text.casefold())
            kept.append(text)
    return kept


def _list(codes, table):
    return ", ".join(_unique(table.get(code, code) for code in codes))


def _term(term):
    # Identifiers read as they are written: ACM0002, AMS-III.AU.
    return term.upper() if any(char.isdigit() for char in term) else term


def describe(reason, table):
    code = reason.get("code")
    if code == "sectors":
        return _("Both in %(sectors)s") % {"sectors": _list(reason["sectors"], table["sectors"])}
    if code == "technology":
        return _("The enterprise provides technologies in %(fields)s") % {
            "fields": _list(reason["fields"], table["fields"])
        }
    if code == "country":
        country = table["countries"].get(reason["country"], reason["country"])
        if reason.get("interest"):
            return _("The enterprise invests in %(country)s") % {"country": country}
        return _("The enterprise is based in %(country)s") % {"country": country}
    if code == "cooperation":
        return _("Offers the %(types)s the project seeks") % {
            "types": _list(reason["types"], table["types"]).lower()
        }
    if code == "investment":
        values = {
            "amount": l10n.amount(reason["amount"]),
            "capacity": l10n.amount_range(reason.get("low"), reason.get("high")),
        }
        if reason.get("within"):
            return _("%(amount)s sought; the enterprise invests %(capacity)s") % values
        return _("%(amount)s sought; the enterprise usually invests %(capacity)s") % values
    if code == "stage":
        return _("What the enterprise offers suits a project at the “%(stage)s” stage") % {
            "stage": ProjectStage(reason["stage"]).label
        }
    if code == "text":
        if reason.get("terms"):
            return _("Both descriptions mention %(terms)s") % {
                "terms": ", ".join(_unique(_term(term) for term in reason["terms"]))
            }
        return _("Their descriptions are alike")
    return ""


def describe_all(match):
    table = names()
    return [text for text in (describe(reason, table) for reason in match.reasons) if text]
