"""The licence of the open data (the API's records, the bulk downloads), and what the
taxonomies' sources require.

The licence is chosen in the site settings (cms.SiteSettings.data_licence, CC BY 4.0 by
default). Databases may not import cms (matchmaking → cms → databases → platform_site), so the
cms app plugs its setting in: ``use_licence_from`` in cms/apps.py; without it, the default.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Licence:
    code: str  # SPDX identifier
    name: str
    url: str


LICENCES = {
    licence.code: licence
    for licence in (
        Licence(
            "CC-BY-4.0",
            "Creative Commons Attribution 4.0 International",
            "https://creativecommons.org/licenses/by/4.0/",
        ),
        Licence(
            "CC-BY-SA-4.0",
            "Creative Commons Attribution-ShareAlike 4.0 International",
            "https://creativecommons.org/licenses/by-sa/4.0/",
        ),
        Licence(
            "CC0-1.0",
            "Creative Commons Zero 1.0 Universal (public domain dedication)",
            "https://creativecommons.org/publicdomain/zero/1.0/",
        ),
        Licence(
            "ODbL-1.0",
            "Open Data Commons Open Database License 1.0",
            "https://opendatacommons.org/licenses/odbl/1-0/",
        ),
        Licence(
            "ODC-By-1.0",
            "Open Data Commons Attribution License 1.0",
            "https://opendatacommons.org/licenses/by/1-0/",
        ),
    )
}
DEFAULT_LICENCE = "CC-BY-4.0"
LICENCE_CHOICES = [(licence.code, licence.name) for licence in LICENCES.values()]

# What the taxonomies' sources require (databases/taxonomy_data/README.md): shown on the data
# page and in the catalogue.
SOURCES = (
    {
        "what": _("Country codes and names"),
        "source": "mledoze/countries",
        "source_url": "https://github.com/mledoze/countries",
        "licence": LICENCES["ODbL-1.0"],
        "note": _(
            "The countries list (API: /api/v1/countries/) is a database derived from it and is "
            "available under the ODbL 1.0 too."
        ),
    },
    {
        "what": _("Titles of the Sustainable Development Goals"),
        "source": "open-sdg/sdg-translations",
        "source_url": "https://github.com/open-sdg/sdg-translations",
        "licence": Licence("MIT", "MIT License", "https://opensource.org/license/mit"),
        "note": _("Copyright the Open SDG contributors; the goals are the United Nations'."),
    },
)

_licence_source = None


def use_licence_from(source):
    """Have the licence read by ``source()``, which returns a code of ``LICENCES`` (the cms
    app plugs in its site settings)."""
    global _licence_source
    _licence_source = source


def current_licence():
    code = _licence_source() if _licence_source is not None else DEFAULT_LICENCE
    return LICENCES.get(code, LICENCES[DEFAULT_LICENCE])
