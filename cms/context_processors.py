from django.utils.translation import get_language

from cms.chrome import site_chrome
from databases.registry import DATABASES


def chrome(request):
    """The menu (the databases, the page tree) and the footer of every page."""
    match = request.resolver_match
    current_url_name = match.url_name if match else ""
    return {
        "nav_databases": [
            (database, current_url_name.startswith(database.url_name + "-"))
            for database in DATABASES
        ],
        **site_chrome(get_language()),
    }
