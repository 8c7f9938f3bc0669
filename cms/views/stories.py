"""Stories of cooperation: the list and a story."""

from django.shortcuts import get_object_or_404, render
from django.views.generic import ListView

from cms import stories


class StoryListView(ListView):
    template_name = "cms/story_list.html"
    context_object_name = "stories"
    # A page number that does not exist is a 404 (ListView.paginate_queryset).
    paginate_by = 12

    def get_queryset(self):
        return stories.for_list()


def story(request, slug):
    story = get_object_or_404(stories.detail_queryset(), slug=slug)
    return render(
        request,
        "cms/story_detail.html",
        {"story": story, "record_groups": stories.involved_records(story)},
    )
