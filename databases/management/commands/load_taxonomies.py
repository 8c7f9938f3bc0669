from django.core.management.base import BaseCommand

from databases import taxonomies


class Command(BaseCommand):
    help = (
        "Upsert the shared taxonomies from databases/taxonomy_data/*.json. "
        "Overwrites staff edits of the rows in those files; keeps rows staff added."
    )

    def add_arguments(self, parser):
        parser.add_argument("--database", default="default", help="Database alias to load into.")

    def handle(self, *args, **options):
        taxonomies.load(stdout=self.stdout, using=options["database"])
