from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

from databases.registry import DATABASES


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
    }
