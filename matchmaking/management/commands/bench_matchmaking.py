import multiprocessing
import resource
import time

import numpy as np
from django.core.management.base import BaseCommand
from django.db import connections

from databases.models import Enterprise, Project
from matchmaking import features, runs
from matchmaking.models import MatchRun, RunTrigger
from matchmaking.tasks import after_success
from matchmaking.weights import HOME_COUNTRY_SCORE, WEIGHTS


def peak_memory_mb():
    """The process's peak resident memory so far (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Command(BaseCommand):
    help = (
        "Benchmark matchmaking on the current database: a full run in this process (wall time, "
        "peak memory), one project's and one enterprise's recompute, and a naive pair-by-pair "
        "Python loop timed on a sample and extrapolated. Seed first (make bench-matchmaking)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--naive-projects", type=int, default=10)
        parser.add_argument(
            "--workers",
            type=int,
            default=2,
            help="Processes that score the chunks at once, as that many Celery workers would.",
        )

    def handle(self, *args, **options):
        projects = Project.objects.published().count()
        enterprises = Enterprise.objects.published().count()
        self.stdout.write(f"{projects:,} published projects × {enterprises:,} enterprises")
        MatchRun.objects.filter(status="running").update(status="failed")

        started = time.perf_counter()
        run = runs.start(RunTrigger.MANUAL)
        numbers = runs.prepare(run.pk)
        prepared = time.perf_counter()
        # Forked workers must not share the parent's database connection.
        connections.close_all()
        with multiprocessing.get_context("fork").Pool(options["workers"]) as pool:
            worker_peaks = pool.starmap(score_in_worker, [(run.pk, n) for n in numbers])
        scored = time.perf_counter()
        runs.finalize(run.pk)
        finished = time.perf_counter()
        after_success(run.pk)
        run = MatchRun.objects.get(pk=run.pk)
        timings = (
            f"prepare {prepared - started:.1f} s, {len(numbers)} chunks "
            f"{scored - prepared:.1f} s, finalise {finished - scored:.1f} s"
        )
        self.stdout.write(
            f"full run with {options['workers']} workers: {finished - started:.1f} s wall "
            f"({timings}); peak memory {peak_memory_mb():,.0f} MB in the process that prepares "
            f"and finalises, {max(worker_peaks, default=0):,.0f} MB in a worker; "
            f"{run.pairs_scored:,} pairs scored, {run.matches_kept:,} matches kept"
        )

        for kind, model in (("project", Project), ("enterprise", Enterprise)):
            pk = model.objects.published().order_by("?").values_list("pk", flat=True).first()
            timings = []
            for _ in range(5):
                started = time.perf_counter()
                runs.recompute(kind, pk)
                timings.append(time.perf_counter() - started)
            self.stdout.write(
                f"recompute one {kind}: median {np.median(timings) * 1000:.0f} ms "
                f"(first {timings[0] * 1000:.0f} ms, with the features loaded from storage)"
            )

        loaded = features.load(run.pk)
        sample = min(options["naive_projects"], len(loaded.projects))
        started = time.perf_counter()
        naive_scores(loaded, range(sample))
        naive = time.perf_counter() - started
        per_pair = naive / (sample * len(loaded.enterprises))
        extrapolated = per_pair * len(loaded.projects) * len(loaded.enterprises)
        self.stdout.write(
            f"naive Python loop: {sample} projects × {len(loaded.enterprises):,} enterprises in "
            f"{naive:.1f} s ({per_pair * 1e6:.1f} µs a pair); the full run would take "
            f"{extrapolated / 3600:,.1f} h"
        )


def score_in_worker(run_id, number):
    runs.score_chunk(run_id, number)
    return peak_memory_mb()


def naive_scores(loaded, project_rows):
    """The structured criteria pair by pair in plain Python (no text), for comparison."""
    p, e = loaded.projects, loaded.enterprises

    def row_set(matrix, row):
        return set(matrix.indices[matrix.indptr[row] : matrix.indptr[row + 1]].tolist())

    enterprise_sets = [
        (row_set(e.sectors, j), row_set(e.countries, j), row_set(e.cooperation, j))
        for j in range(len(e))
    ]
    scores = []
    for i in project_rows:
        sectors, countries, cooperation = (
            row_set(p.sectors, i),
            row_set(p.countries, i),
            row_set(p.cooperation, i),
        )
        for j, (e_sectors, e_countries, e_cooperation) in enumerate(enterprise_sets):
            score = WEIGHTS["sectors"] * len(sectors & e_sectors) / max(len(sectors), 1)
            if countries & e_countries:
                score += WEIGHTS["country"]
            elif p.home[i] >= 0 and p.home[i] == e.home[j]:
                score += WEIGHTS["country"] * HOME_COUNTRY_SCORE
            score += (
                WEIGHTS["cooperation"] * len(cooperation & e_cooperation) / max(len(cooperation), 1)
            )
            amount, low, high = p.amount_low[i], e.amount_low[j], e.amount_high[j]
            if amount == amount and low == low and high == high and low <= amount <= high:
                score += WEIGHTS["investment"]
            scores.append(score)
    return scores
