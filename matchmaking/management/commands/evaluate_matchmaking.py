import json
import time
from dataclasses import asdict

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from matchmaking import engine, evaluation, realdata

RANKER_LABELS = {
    "engine": "engine",
    "country-sector": "same country + shared sector",
    "tfidf": "TF-IDF cosine of the texts",
    "random": "random (expectation)",
}


class Command(BaseCommand):
    help = (
        "With --dataset DIR: measure the matchmaking on real data. Each task of DIR "
        "(task{N}_projects.json, task{N}_enterprises.json, task{N}_truth.json) is imported into "
        "a scratch database and media directory of its own, run as the nightly job runs, and "
        "ranked: recall@1, recall@10 and MRR of each project's real partner, for the engine and "
        "for two baselines computed here (see docs/matchmaking.md). The configured database is "
        "not touched. Without --dataset: the synthetic labelled set (matchmaking/evaluation.py), "
        "which checks that each criterion does its part; built to the engine's own assumptions, "
        "it says nothing of the engine's quality."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dataset", help="A folder of task files, e.g. ../shared/data/...")
        parser.add_argument(
            "--task", default="all", help="The number of the task to evaluate, or all (default)."
        )
        parser.add_argument("--json", action="store_true", help="Print the figures as JSON.")
        parser.add_argument("--profiles", type=int, default=40, help="Synthetic set only.")
        parser.add_argument("--seed", type=int, default=7, help="Synthetic set only.")

    def handle(self, *args, **options):
        if options["dataset"]:
            self.real_data(options)
        else:
            self.synthetic(options)

    def real_data(self, options):
        numbers = None
        if options["task"] != "all":
            if not options["task"].isdigit():
                raise CommandError("--task takes a task number or all.")
            numbers = [int(options["task"])]
        started = time.perf_counter()
        try:
            tasks = realdata.load_dataset(options["dataset"], numbers)
            in_use = weights_in_use()
            with realdata.scratch_database(verbosity=max(options["verbosity"] - 1, 0)):
                results = realdata.evaluate(tasks, weights=in_use)
        except realdata.DatasetError as error:
            raise CommandError(f"The dataset cannot be evaluated:\n{error}") from error
        seconds = time.perf_counter() - started
        if options["json"]:
            report = {
                "dataset": options["dataset"],
                "seconds": round(seconds, 1),
                "tasks": [asdict(result) for result in results],
            }
            self.stdout.write(json.dumps(report, indent=2))
            return
        for result in results:
            self.write_task(result)
        self.stdout.write(f"{seconds:.1f} s in all, scratch database included")

    def write_task(self, result):
        timings = ", ".join(f"{step} {value:.1f} s" for step, value in result.seconds.items())
        self.stdout.write(
            self.style.MIGRATE_HEADING(
                f"Task {result.task}: {result.projects:,} projects, {result.enterprises:,} "
                f"enterprises; {result.matches_kept:,} matches kept ({timings})"
            )
        )
        weights = ", ".join(
            f"{name} {result.weights[name]:g}" for name in engine.CRITERIA if name in result.weights
        )
        self.stdout.write(f"  engine weights: {weights}")
        for note in result.notes:
            self.stdout.write(f"  note: {note}")
        for answers, figures in result.figures.items():
            self.stdout.write(f"  answers: {answers} ({figures['projects']:,} projects)")
            self.stdout.write(f"  {'ranker':<30}{'recall@1':>10}{'recall@10':>11}{'MRR':>8}")
            for ranker, label in RANKER_LABELS.items():
                row = figures[ranker]
                self.stdout.write(
                    f"  {label:<30}{row['recall@1']:>10.3f}{row['recall@10']:>11.3f}"
                    f"{row['mrr']:>8.3f}"
                )

    def synthetic(self, options):
        built = evaluation.build(profiles=options["profiles"], seed=options["seed"])
        results = evaluation.evaluate(built, seed=options["seed"])
        projects, enterprises = len(built.features.projects), len(built.features.enterprises)
        if options["json"]:
            figures = {
                name: {"precision@10": precision, "recall@10": recall}
                for name, (precision, recall) in results.items()
            }
            self.stdout.write(json.dumps({"synthetic": figures}, indent=2))
            return
        self.stdout.write(
            f"Synthetic set (a check that each criterion does its part, not the engine's "
            f"quality): {projects} projects, {enterprises} enterprises, 5 right partners each"
        )
        self.stdout.write(f"{'':<10}{'precision@10':>14}{'recall@10':>12}")
        for name, (precision, recall) in results.items():
            self.stdout.write(f"{name:<10}{precision:>14.3f}{recall:>12.3f}")


def weights_in_use():
    """The weights the nightly job scores with on the configured database: its live weight set
    or the defaults. None when it cannot tell (not migrated yet): then the scratch database's,
    the defaults."""
    try:
        return engine.current_weights()
    except DatabaseError:
        return None
