"""Filter panels of the events and policy documents lists (django-filter).

As on the databases' lists, every parameter is validated by a form field: a wrong value is
reported on the page and the other filters still apply.
"""

from functools import reduce
from operator import or_

import django_filters as filters
from django import forms
from django.db.models import F, Q, TextChoices
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modeltranslation import settings as mt_settings
from modeltranslation.utils import build_localized_fieldname

from databases import widgets
from databases.filters import SingleTableChoiceFilter
from databases.models import Country

from .models import EventKind


class EventWhen(TextChoices):
    UPCOMING = "upcoming", _("Upcoming and ongoing")
    PAST = "past", _("Past")
    ALL = "all", _("All dates")


class EventFormat(TextChoices):
    ONLINE = "online", _("Online")
    IN_PERSON = "in-person", _("In person")


def country_filter():
    return filters.ModelChoiceFilter(
        label=_("Country"),
        queryset=Country.objects.brics_first(),
        to_field_name="iso2",
        empty_label=_("All countries"),
        widget=widgets.Select,
    )


class DefaultOrderFilterSet(filters.FilterSet):
    """Always bound, so that the default order and date range of ``filter_queryset`` also apply
    to the page without a query string."""

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data if data is not None else {}, *args, **kwargs)

    def filter_nothing(self, queryset, name, value):
        # Applied with the ordering in filter_queryset.
        return queryset


class EventFilter(DefaultOrderFilterSet):
    when = filters.ChoiceFilter(
        label=_("When"),
        choices=EventWhen.choices,
        empty_label=None,
        method="filter_nothing",
        widget=widgets.Select,
    )
    kind = SingleTableChoiceFilter(
        label=_("Kind"), choices=EventKind.choices, widget=forms.CheckboxSelectMultiple
    )
    format = filters.ChoiceFilter(
        label=_("Format"),
        choices=EventFormat.choices,
        empty_label=_("Online and in person"),
        method="filter_format",
        widget=widgets.Select,
    )
    country = country_filter()

    def filter_format(self, queryset, name, value):
        return queryset.filter(online=value == EventFormat.ONLINE)

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        when = self.form.cleaned_data.get("when") or EventWhen.UPCOMING
        today = timezone.localdate()
        if when == EventWhen.UPCOMING:
            # Soonest first, ongoing events included until their last day.
            return queryset.filter(end_date__gte=today).order_by("start_date", "title", "pk")
        if when == EventWhen.PAST:
            queryset = queryset.filter(end_date__lt=today)
        return queryset.order_by("-start_date", "title", "pk")


class PolicySort(TextChoices):
    NEWEST = "newest", _("Newest first")
    OLDEST = "oldest", _("Oldest first")
    TITLE = "title", _("Name A–Z")


POLICY_ORDER = {
    PolicySort.NEWEST: [F("issued_on").desc(nulls_last=True), "title", "pk"],
    PolicySort.OLDEST: [F("issued_on").asc(nulls_last=True), "title", "pk"],
    PolicySort.TITLE: ["title", "pk"],
}


class PolicyFilter(DefaultOrderFilterSet):
    q = filters.CharFilter(
        label=_("Keywords"), method="filter_keywords", max_length=200, strip=True
    )
    country = country_filter()
    sort = filters.ChoiceFilter(
        label=_("Sort by"),
        choices=PolicySort.choices,
        empty_label=None,
        method="filter_nothing",
        widget=widgets.Select,
    )

    def filter_keywords(self, queryset, name, value):
        # The active language's columns and English, which untranslated documents fall back to.
        languages = {get_language(), mt_settings.DEFAULT_LANGUAGE}
        columns = [
            build_localized_fieldname(field, language)
            for field in ("title", "summary", "issuing_body")
            for language in languages
        ]
        condition = Q()
        for word in value.split()[:10]:
            condition &= reduce(or_, (Q(**{f"{column}__icontains": word}) for column in columns))
        return queryset.filter(condition)

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        sort = self.form.cleaned_data.get("sort") or PolicySort.NEWEST
        return queryset.order_by(*POLICY_ORDER[sort])
