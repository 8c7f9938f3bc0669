from django.core.management.base import BaseCommand, CommandError

from matchmaking import runs
from matchmaking.models import RunTrigger
from matchmaking.tasks import after_success


class Command(BaseCommand):
    help = (
        "Run the matchmaking now, in this process (chunk after chunk), and print what it did. "
        "The nightly run goes through Celery instead (matchmaking.tasks.run_matchmaking)."
    )

    def handle(self, *args, **options):
        try:
            run = runs.run_inline(RunTrigger.MANUAL)
        except runs.RunInProgress as error:
            raise CommandError("Another run is in progress.") from error
        after_success(run.pk)
        self.stdout.write(
            self.style.SUCCESS(
                f"Run {run.pk}: {run.projects_scored:,} projects × {run.enterprises_scored:,} "
                f"enterprises, {run.matches_kept:,} matches kept in {run.duration}."
            )
        )
