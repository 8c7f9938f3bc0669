from django.core.management.base import BaseCommand, CommandError

from matchmaking import learning, realdata
from matchmaking.models import FitDecision, FitTrigger


class Command(BaseCommand):
    help = (
        "Fit the matchmaking criteria's weights from members' feedback (matches marked not "
        "relevant, introductions and their outcomes), judge them against the weights in use on "
        "held-back feedback and on the real-data set (MATCHMAKING_EVALUATION_DATASET or "
        "--dataset), and make them live when they are at least as good."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="fit and judge, but save and change nothing"
        )
        parser.add_argument(
            "--dataset", help="the real-data set's folder (default: MATCHMAKING_EVALUATION_DATASET)"
        )

    def handle(self, *args, **options):
        try:
            weight_set = learning.fit(
                FitTrigger.COMMAND, dry_run=options["dry_run"], dataset=options["dataset"]
            )
        except realdata.DatasetError as error:
            raise CommandError(f"The real-data set cannot be evaluated:\n{error}") from error
        write = self.stdout.write
        write(
            f"Feedback: {weight_set.pairs} labelled pairs ({weight_set.positives} relevant, "
            f"{weight_set.negatives} not relevant) from {weight_set.accounts} accounts, "
            f"{weight_set.capped_accounts} capped at their share."
        )
        if weight_set.weights:
            write(f"{'criterion':<14}{'fitted':>10}{'compared':>10}")
            for name, value in weight_set.weights.items():
                write(f"{name:<14}{value:>10.3f}{weight_set.compared_weights.get(name, 0):>10.3f}")
        held = weight_set.figures.get("held_back")
        if held:
            write(
                f"Held-back feedback ({held['pairs']} pairs): ROC AUC "
                f"{held['candidate']['auc']:.3f} against {held['compared']['auc']:.3f}"
            )
        real = weight_set.figures.get("real_data")
        if real:
            for task, compared in real["compared"].items():
                mine = real["candidate"][task]
                write(
                    f"{task}: recall@10 {mine['recall@10']:.3f} against "
                    f"{compared['recall@10']:.3f}, MRR {mine['mrr']:.3f} against "
                    f"{compared['mrr']:.3f}"
                )
        elif held and weight_set.decision != FitDecision.WORSE_HELD_BACK:
            write("Real-data set: not evaluated (no dataset configured).")
        outcome = f"{weight_set.get_decision_display()}."
        if options["dry_run"]:
            write(f"Dry run, nothing saved. The decision would be: {outcome}")
        else:
            write(
                self.style.SUCCESS(
                    f"Weight set {weight_set.pk} ({weight_set.get_status_display()}): {outcome}"
                )
            )
