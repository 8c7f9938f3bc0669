"""The site chrome: the menu's page tree and the footer's site settings, which every page shows
(cms/context_processors.py) and the home page's JSON-LD describes."""

from django.core.cache import cache

from cms.apps import CMS
from cms.models import Page, SiteSettings
from platform_site.cache import content_version

# Top-level pages with a menu entry of their own (not from the page tree).
FIXED_MENU_SLUGS = {"meetings"}


def site_chrome(language):
    """The menu's page tree and the footer's site settings, cached per content version.

    Cached as plain values per language (titles, slogan and address are translated); a change
    to any cms model bumps the cms's content version (cms/apps.py), so a miss costs two queries
    once.
    """
    version = content_version(CMS)
    key = f"site-chrome:{version}:{language}"
    chrome = cache.get(key)
    if chrome is None:
        chrome = _build_site_chrome()
        cache.set(key, chrome, timeout=None)
    # What the menu's and footer's rendered fragments are kept under (templates/base.html).
    return {**chrome, "chrome_version": version}


def _build_site_chrome():
    pages = list(Page.objects.navigation())
    children = {}
    for page in pages:
        if page.parent_id is not None:
            children.setdefault(page.parent_id, []).append(page)
    menu = []
    for page in pages:
        if page.parent_id is not None or page.slug in FIXED_MENU_SLUGS:
            continue
        menu.append(
            {
                "title": page.title,
                "url": page.get_absolute_url(),
                "path": page.path,
                "children": [
                    {
                        "title": child.title,
                        "url": _child_url(page, child),
                        "path": f"{page.path}{child.slug}/",
                    }
                    for child in children.get(page.pk, [])
                ],
            }
        )
    site_settings = SiteSettings.get_solo()
    return {
        "site_menu": menu,
        "site_settings": {
            "slogan": site_settings.slogan,
            "phones": site_settings.phone_list,
            "emails": site_settings.email_list,
            "address": site_settings.address,
        },
    }


def _child_url(parent, child):
    # ``child.path`` would fetch the parent again; the parent is at hand.
    return parent.get_absolute_url() + child.slug + "/"
