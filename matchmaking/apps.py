from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class MatchmakingConfig(AppConfig):
    name = "matchmaking"
    verbose_name = _("Matchmaking")

    def ready(self):
        from cms import headlines
        from databases import workflow
        from databases.models import Enterprise, Project
        from databases.registry import MEMBERS
        from databases.signals import record_state_changed
        from platform_site import cache

        from . import signals, statistics, statuses
        from .models import Dismissal, Interest, Introduction

        for model in (Project, Enterprise):
            post_save.connect(signals.schedule_recompute, sender=model, dispatch_uid=f"mm-{model}")
        record_state_changed.connect(signals.schedule_recompute, dispatch_uid="mm-state")
        # The member dashboard shows them (its matches change with each run, matchmaking/runs.py).
        for model in (Interest, Introduction, Dismissal):
            cache.watch(model, MEMBERS)
        workflow.register_status(Introduction, statuses.introduction_status)
        workflow.register_status(Interest, statuses.interest_status)
        # The home page (cms) shows the introductions' figures and links to the statistics page.
        headlines.register(statistics.headline, url_name="matchmaking:statistics")
