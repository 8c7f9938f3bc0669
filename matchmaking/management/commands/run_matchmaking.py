from django.core.management.base import BaseCommand, CommandError

from matchmaking import services
from matchmaking.models import RunTrigger


class Command(BaseCommand):
    help = (
        "Run the matchmaking now, in this process (chunk after chunk), and print what it did. "
        "The nightly run goes through Celery instead (matchmaking.tasks.run_matchmaking)."
    )

    def handle(self, *args, **options):
        try:
            run = services.run_inline(RunTrigger.MANUAL)
        except services.RunInProgress as error:
            raise CommandError("Another run is in progress.") from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Run {run.pk}: {run.projects_scored:,} projects × {run.enterprises_scored:,} "
                f"enterprises, {run.matches_kept:,} matches kept in {run.duration}."
            )
        )
