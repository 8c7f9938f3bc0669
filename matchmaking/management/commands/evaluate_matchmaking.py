from django.core.management.base import BaseCommand

from matchmaking import evaluation


class Command(BaseCommand):
    help = (
        "Score the labelled evaluation set (projects whose right partners are known by "
        "construction) and print precision@10 and recall@10 for the engine and for a "
        "sector-overlap baseline. Needs no database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--profiles", type=int, default=40)
        parser.add_argument("--seed", type=int, default=7)

    def handle(self, *args, **options):
        built = evaluation.build(profiles=options["profiles"], seed=options["seed"])
        results = evaluation.evaluate(built, seed=options["seed"])
        projects, enterprises = len(built.features.projects), len(built.features.enterprises)
        self.stdout.write(f"{projects} projects, {enterprises} enterprises, 5 right partners each")
        self.stdout.write(f"{'':<10}{'precision@10':>14}{'recall@10':>12}")
        for name, (precision, recall) in results.items():
            self.stdout.write(f"{name:<10}{precision:>14.3f}{recall:>12.3f}")
