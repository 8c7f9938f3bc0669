from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS

from databases import demo, statistics
from databases.registry import BY_KEY
from platform_site.cache import bump_content_version


class Command(BaseCommand):
    help = (
        "Fill the five resource databases with realistic demonstration records: technologies, "
        "projects, experts, enterprises and service institutions from BRICS and partner "
        "countries, in English with Chinese, Russian, Portuguese and Hindi translations. "
        "Adds to what is there unless --clear is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--per-database",
            type=int,
            default=30,
            help="Records to create in each of the five databases (default 30).",
        )
        parser.add_argument(
            "--seed",
            type=int,
            help="Random seed; the same seed on the same data gives the same records.",
        )
        parser.add_argument(
            "--clear",
            action="store_true",
            help="Delete the existing records of the five databases first (on PostgreSQL "
            "TRUNCATE ... CASCADE, which also empties tables that refer to them).",
        )
        parser.add_argument(
            "--no-images",
            action="store_true",
            help="Do not create or attach the demo images.",
        )
        parser.add_argument(
            "--counts",
            help="Records per resource database by its key instead, e.g. "
            "projects=20000,enterprises=100000 (the resource databases not named get none).",
        )
        parser.add_argument(
            "--database",
            default="default",
            help="The database connection to fill (an alias of settings.DATABASES).",
        )

    def handle(self, *args, **options):
        per_database = options["per_database"]
        if per_database < 0:
            raise CommandError("--per-database must be zero or more.")
        counts = self.parse_counts(options["counts"]) if options["counts"] else per_database
        timings = demo.seed(
            counts,
            seed=options["seed"],
            images=not options["no_images"],
            clear_first=options["clear"],
            stdout=self.stdout,
            using=options["database"],
        )
        # Bulk writes send no model signals: make the cached pages and choices stale here.
        bump_content_version()
        if options["database"] == DEFAULT_DB_ALIAS:
            # What the figures' task would count after the change, so that the statistics
            # page of a new installation does not count in its first request.
            statistics.refresh()
        total = sum(counts.values()) if isinstance(counts, dict) else per_database * len(timings)
        self.stdout.write(self.style.SUCCESS(f"Created {total:,} records."))

    def parse_counts(self, text):
        counts = {}
        for part in text.split(","):
            key, _, number = part.partition("=")
            key = key.strip()
            if key not in BY_KEY or not number.strip().isdigit():
                raise CommandError(
                    f"--counts takes key=count pairs, with the resource databases' keys "
                    f"{', '.join(BY_KEY)}; got {part!r}."
                )
            counts[key] = int(number)
        return counts
