from django.conf import settings
from django.core.cache import cache
from django.urls import translate_url
from django.utils.translation import get_language

from databases.registry import DATABASES
from platform_site.cache import content_version
from platform_site.site_url import site_origin

# Top-level pages with a menu entry of their own (not from the page tree).
FIXED_MENU_SLUGS = {"meetings"}


def site(request):
    """The language switcher and hreflang alternates: this same page in every language."""
    path = request.get_full_path()
    current = get_language()
    alternates = [
        {
            "code": code,
            "name": name,
            "url": translate_url(path, code),
            "current": code == current,
        }
        for code, name in settings.LANGUAGES
    ]
    match = request.resolver_match
    current_url_name = match.url_name if match else ""
    return {
        "nav_databases": [
            (database, current_url_name.startswith(database.url_name + "-"))
            for database in DATABASES
        ],
        "language_alternates": alternates,
        "default_alternate_url": translate_url(path, settings.LANGUAGE_CODE),
        "site_origin": site_origin(request),
        "staff_mfa_required": settings.STAFF_MFA_REQUIRED,
        **site_chrome(current),
    }


def site_chrome(language):
    """The menu's page tree and the footer's site settings, cached per content version.

    Cached as plain values per language (titles, slogan and address are translated); a change
    to any cms model bumps the content version (cms/apps.py), so a miss costs two queries once.
    """
    key = f"site-chrome:{content_version()}:{language}"
    chrome = cache.get(key)
    if chrome is None:
        chrome = _build_site_chrome()
        cache.set(key, chrome, timeout=None)
    return chrome


def _build_site_chrome():
    from cms.models import Page, SiteSettings

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
