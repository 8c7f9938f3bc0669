"""The home page's headline figures, which apps above cms plug in.

The home page (cms) shows the databases' figures itself; the matchmaking's (introductions and
agreements) and the link to the statistics page belong to matchmaking, which cms may not import.
So matchmaking registers them in its ``AppConfig.ready()``, as apps register work with
``PlatformAdminSite.register_work``. A provider returns ``(label, Figure)`` pairs and should cost
a cached lookup: the home page asks every provider each time it is rendered.
"""

_providers = []
_links = []


def register(provider, url_name=None):
    """Add ``provider()``'s figures to the headline; ``url_name`` is the page explaining them."""
    if provider not in _providers:
        _providers.append(provider)
    if url_name and url_name not in _links:
        _links.append(url_name)


def figures():
    return [figure for provider in _providers for figure in provider()]


def link():
    """The URL name of the page with every figure, or None when no app offers one."""
    return _links[0] if _links else None
