from .contact import contact, contact_thanks
from .events import EventListView, PolicyListView, event, policy
from .home import home
from .pages import country, meetings, page
from .stories import StoryListView, story

__all__ = [
    "EventListView",
    "PolicyListView",
    "StoryListView",
    "contact",
    "contact_thanks",
    "country",
    "event",
    "home",
    "meetings",
    "page",
    "policy",
    "story",
]
