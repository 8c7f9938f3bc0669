"""What every page's template needs of the platform itself; each app adds its own context
(the menu and footer: cms/context_processors.py)."""

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
            "url": translate_url(path, code),
            "current": code == current,
        }
        for code, name in settings.LANGUAGES
    ]
    return {
        "language_alternates": alternates,
        "default_alternate_url": translate_url(path, settings.LANGUAGE_CODE),
        "site_origin": site_origin(request),
        "staff_mfa_required": settings.STAFF_MFA_REQUIRED,
    }
