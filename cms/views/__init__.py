from .contact import contact, contact_thanks
from .home import home
from .pages import country, meetings, page

__all__ = ["contact", "contact_thanks", "country", "home", "meetings", "page"]
