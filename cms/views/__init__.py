from .contact import contact, contact_thanks
from .events import EventListView, PolicyListView, event, policy
from .home import home
from .pages import country, meetings, page

__all__ = [
    "EventListView",
    "PolicyListView",
    "contact",
    "contact_thanks",
    "country",
    "event",
    "home",
    "meetings",
    "page",
    "policy",
]
