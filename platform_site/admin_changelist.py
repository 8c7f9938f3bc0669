"""Change lists whose date hierarchy treats an impossible date as a bad lookup.

Django's ChangeList turns a year, month or day of the date hierarchy that makes no date into
``IncorrectLookupParameters`` (the change list redirects with ``?e=1``), but not a year beyond
what ``datetime`` holds (OverflowError), nor the last year it holds, whose end is out of range
(ValueError): ``?updated_at__year=99999999999`` was a server error.
"""

from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList


class SafeDateHierarchyChangeList(ChangeList):
    def get_filters(self, request):
        try:
            return super().get_filters(request)
        except (OverflowError, ValueError) as error:
            raise IncorrectLookupParameters(error) from error


class SafeDateHierarchyMixin:
    """For a ModelAdmin with a ``date_hierarchy``: bad dates in the query string are bad lookups."""

    def get_changelist(self, request, **kwargs):
        return SafeDateHierarchyChangeList
