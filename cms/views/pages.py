"""The site's content pages: the about section, the country overviews and the meetings."""

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from cms.models import CountryOverview, MeetingSeries, MinisterialMeeting, Page
from databases import statistics
from databases.registry import DATABASES

ABOUT_SLUG = "about"
MEETINGS_SLUG = "meetings"


def page(request, slug=None):
    """The about root (``slug`` None) or one of its children, with the section's navigation."""
    about_pages = Page.objects.published().filter(parent__isnull=True, slug=ABOUT_SLUG)
    children = Page.objects.published().only("parent_id", "slug", "title", "ordering")
    about = get_object_or_404(
        about_pages.prefetch_related(
            Prefetch("children", queryset=children.order_by("ordering", "title"), to_attr="menu")
        )
    )
    if slug is None:
        current = about
    else:
        current = get_object_or_404(Page.objects.published(), parent=about, slug=slug)
        current.parent = about
    return render(
        request,
        "cms/page.html",
        {"page": current, "about": about, "section_pages": about.menu},
    )


def country(request, iso2):
    iso2 = iso2.upper()
    if len(iso2) != 2 or not iso2.isalpha():
        raise Http404
    overview = get_object_or_404(
        CountryOverview.objects.published().select_related("country"), country__iso2=iso2
    )
    figures = statistics.country_figures(overview.country)
    counts = [(database, figures["by_database"].get(database.key, 0)) for database in DATABASES]
    return render(
        request,
        "cms/country.html",
        {
            "overview": overview,
            "country": overview.country,
            "database_counts": counts,
            "figures": figures,
            "min_group": statistics.MIN_GROUP,
        },
    )


def meetings(request):
    intro = Page.objects.published().filter(parent__isnull=True, slug=MEETINGS_SLUG).first()
    by_series = {value: [] for value in MeetingSeries.values}
    # Oldest first: a timeline read from the first meeting to the latest.
    for meeting in MinisterialMeeting.objects.select_related("country").order_by(
        "series", "date", "number"
    ):
        by_series.setdefault(meeting.series, []).append(meeting)
    series = [
        {"key": value, "title": label, "meetings": by_series[value]}
        for value, label in MeetingSeries.choices
        if by_series[value]
    ]
    return render(request, "cms/meetings.html", {"intro": intro, "series": series})
