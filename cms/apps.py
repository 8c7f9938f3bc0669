from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# The area of the page cache (platform_site/cache.py) the site's own pages make up.
CMS = "cms"


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Site content")

    def ready(self):
        from databases import licences
        from platform_site import cache

        # Any change to what the public pages show (menu and footer included) makes the cached
        # pages of the cms and the cached site chrome stale. Inquiries are private: they change
        # no page.
        for model in self.get_models():
            if model.__name__ == "Inquiry":
                continue
            cache.watch(model, CMS)
        # The open data's licence is a site setting; databases reads it through this hook.
        licences.use_licence_from(licence_of_the_open_data)

    def media_holders(self):
        """Policy documents hold their PDFs and stories their images, public once published
        (platform_site/media.py)."""
        from django.db.models import Q

        from platform_site.media import Holder, file_columns

        return [
            Holder(self.get_model("PolicyDocument"), file_columns, Q(published=True)),
            Holder(self.get_model("StoryImage"), file_columns, Q(story__published=True)),
        ]


def licence_of_the_open_data():
    """The site settings' choice of licence for the open data (databases/licences.py)."""
    from cms.models import SiteSettings

    return SiteSettings.get_solo().data_licence
