"""Events (forums, trainings, competitions, exhibitions) and green policy documents."""

from django.shortcuts import get_object_or_404, render

from cms import jsonld
from cms.filters import EventFilter, PolicyFilter
from cms.models import Event, PolicyDocument
from databases.views import FilteredListView


class EventListView(FilteredListView):
    template_name = "cms/event_list.html"
    filterset_class = EventFilter

    def get_queryset(self):
        return Event.objects.published().select_related("country")


class PolicyListView(FilteredListView):
    template_name = "cms/policy_list.html"
    filterset_class = PolicyFilter

    def get_queryset(self):
        return PolicyDocument.objects.published().select_related("country")


def event(request, slug):
    event = get_object_or_404(Event.objects.published().select_related("country"), slug=slug)
    return render(
        request,
        "cms/event_detail.html",
        {"event": event, "json_ld": jsonld.dumps(jsonld.event(request, event))},
    )


def policy(request, slug):
    document = get_object_or_404(
        PolicyDocument.objects.published().select_related("country"), slug=slug
    )
    return render(request, "cms/policy_detail.html", {"document": document})
