"""Search quality on the demo data: precision@10 and nDCG@10 of the search as shipped next to
the plain word match of before, per language and per kind of query (databases/search_eval)."""

from statistics import mean

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from databases import search_eval


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument(
            "--queries",
            default=str(search_eval.QUERIES_FILE),
            help="The judged queries (JSON, see databases/search_eval/README.md).",
        )

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            raise CommandError("The evaluation needs PostgreSQL (the search it measures).")
        queries = search_eval.load_queries(options["queries"])
        engines = [search_eval.Baseline(), search_eval.WordsOnly(), search_eval.Shipped()]
        results = search_eval.evaluate(queries, engines)
        judged = len(results["shipped"])
        self.stdout.write(f"{judged} of {len(queries)} queries have relevant records.\n")
        self.stdout.write(
            "| queries | n | P@10 baseline | P@10 words only | P@10 shipped | nDCG@10 baseline "
            "| nDCG@10 words only | nDCG@10 shipped | P@10 at best |"
        )
        self.stdout.write("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        groups = [("all", lambda q: True)]
        for language in sorted({q["language"] for q in queries}):
            groups.append((language, lambda q, lang=language: q["language"] == lang))
        groups.append(("sector named", lambda q: "sector" in q["relevant"]))
        groups.append(("words of titles", lambda q: "title_en" in q["relevant"]))
        for label, chosen in groups:
            row = [label]
            picked = {name: [s for q, s in rows if chosen(q)] for name, rows in results.items()}
            row.append(str(len(picked["shipped"])))
            for metric in ("precision", "ndcg"):
                for name in ("baseline", "words only", "shipped"):
                    values = [getattr(s, metric) for s in picked[name]]
                    row.append(f"{mean(values):.3f}" if values else "–")
            # A query with fewer than ten relevant records cannot reach a precision@10 of 1.
            best = [s.best_precision for s in picked["shipped"]]
            row.append(f"{mean(best):.3f}" if best else "–")
            self.stdout.write("| " + " | ".join(row) + " |")
