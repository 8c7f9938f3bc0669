"""What every page's template needs of the platform itself; each app adds its own context
(the menu and footer: cms/context_processors.py)."""

from functools import lru_cache

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

from platform_site.site_url import site_origin


def site(request):
    """The language switcher and hreflang alternates: this same page in every language."""
    path = request.get_full_path()
    current = get_language()
    alternates = [
        {
            "code": code,
            "name": name,
            "url": _translated(path, code),
            "current": code == current,
        }
        for code, name in settings.LANGUAGES
    ]
    return {
        "language_alternates": alternates,
        "default_alternate_url": _translated(path, settings.LANGUAGE_CODE),
        "site_origin": site_origin(request),
        "staff_mfa_required": settings.STAFF_MFA_REQUIRED,
        # How long the menu and footer, the same for everyone, are kept rendered (base.html).
        "fragment_seconds": settings.PUBLIC_PAGE_CACHE_SECONDS,
    }


@lru_cache(maxsize=4096)
def _translated(path, code):
    # Resolving and reversing six URLs took a good share of a page served around cached
    # fragments; the answer depends on nothing but the URLconf.
    return translate_url(path, code)
