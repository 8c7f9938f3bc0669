"""Learning the criteria's weights from members' feedback: what counts as feedback, the cap on
one account's share, the rule for making weights live, the weights the engine then uses, and
the command, task and admin pages that run it."""

import logging
import random
from datetime import timedelta

import numpy as np
import pytest
from django.core.management import call_command
from django.utils import timezone

from matchmaking import engine, learning, runs, weights
from matchmaking.models import (
    Dismissal,
    FitDecision,
    FitTrigger,
    Introduction,
    Match,
    MatchRun,
    WeightSet,
    WeightStatus,
)
from matchmaking.tasks import fit_weights
from platform_site.models import AuditAction, AuditEvent
from tests.factories import (
    EnterpriseFactory,
    ProjectFactory,
    SectorFactory,
    StaffFactory,
    UserFactory,
)
from tests.utils import sign_in_staff, text

pytestmark = pytest.mark.django_db

CRITERIA = engine.CRITERIA
START = timezone.now() - timedelta(days=200)


@pytest.fixture(autouse=True)
def _weights_read_afresh():
    """Each test starts and ends with every process reading the live set again: a test's
    live set is rolled back, but a process's memory of it would outlive it."""
    weights.changed()
    yield
    weights.changed()


def grid(projects, enterprises, seed=0):
    """A current run that kept every pair of ``projects`` × ``enterprises`` new records, with
    random criterion scores; returns its matches."""
    run = MatchRun.objects.create(trigger="manual", status="succeeded", finished_at=timezone.now())
    rng = np.random.default_rng(seed)
    enterprises = EnterpriseFactory.create_batch(enterprises)
    Match.objects.bulk_create(
        Match(
            run=run,
            project=project,
            enterprise=enterprise,
            score=0.5,
            components={name: round(float(rng.random()), 3) for name in CRITERIA},
        )
        for project in ProjectFactory.create_batch(projects)
        for enterprise in enterprises
    )
    return list(
        Match.objects.filter(run=run).select_related("project", "enterprise").order_by("pk")
    )


def relevant(match, account, at):
    """An introduction the other side accepted, and a meeting held."""
    Introduction.objects.create(
        project=match.project,
        enterprise=match.enterprise,
        requested_by=account,
        requesting_side="project",
        status="accepted",
        answered_at=at,
        outcome="meeting",
        outcome_at=at,
    )


def not_relevant(match, account, at, side="project"):
    dismissal = Dismissal.objects.create(
        project=match.project, enterprise=match.enterprise, side=side, user=account
    )
    Dismissal.objects.filter(pk=dismissal.pk).update(created_at=at)


def give_feedback(matches, accounts, says_relevant, after=timedelta(0), seed=0):
    """One account's word on each match (the accounts in turn), at shuffled times from
    ``START + after``; ``says_relevant(components)`` decides which."""
    hours = list(range(len(matches)))
    random.Random(seed).shuffle(hours)
    for i, match in enumerate(matches):
        at = START + after + timedelta(hours=hours[i])
        account = accounts[i % len(accounts)]
        if says_relevant(match.components):
            relevant(match, account, at)
        else:
            not_relevant(match, account, at)


def country_decides(components):
    return components["country"] >= 0.5


def sectors_decide(components):
    return components["sectors"] >= 0.5


def only(name):
    return {criterion: float(criterion == name) for criterion in CRITERIA}


def live_set(criterion_weights):
    weight_set = WeightSet.objects.create(
        weights=criterion_weights,
        status=WeightStatus.LIVE,
        decision=FitDecision.MADE_LIVE,
        trigger=FitTrigger.COMMAND,
        live_since=timezone.now(),
    )
    weights.changed()
    return weight_set


# Fitting ------------------------------------------------------------------------------------


def test_feedback_where_one_criterion_predicts_acceptance_raises_its_weight(
    django_capture_on_commit_callbacks,
):
    give_feedback(grid(10, 10), UserFactory.create_batch(10), country_decides)
    with django_capture_on_commit_callbacks(execute=True):
        weight_set = learning.fit(FitTrigger.COMMAND)
    assert weight_set.status == WeightStatus.LIVE
    assert weight_set.decision == FitDecision.MADE_LIVE
    fitted = weight_set.weights
    assert fitted["country"] > weights.WEIGHTS["country"]
    assert max(fitted, key=fitted.get) == "country"
    assert sum(fitted.values()) == pytest.approx(1, abs=1e-3)
    assert (weight_set.pairs, weight_set.accounts) == (100, 10)
    assert weight_set.positives + weight_set.negatives == 100
    held = weight_set.figures["held_back"]
    assert 20 < held["pairs"] < 50  # the newest, holding 30% of the sample weight
    assert held["candidate"]["auc"] > held["compared"]["auc"]
    assert weight_set.compared_weights == weights.WEIGHTS
    # The engine uses them from now on, and the change is in the audit trail.
    assert weights.current() == pytest.approx(weights.usable(weight_set))
    event = AuditEvent.objects.get(action=AuditAction.WEIGHTS)
    assert event.details["change"] == "live"


@pytest.mark.parametrize("pairs, accounts", [(40, 10), (100, 4)])
def test_too_little_feedback_fits_nothing_and_the_weights_stay(pairs, accounts):
    give_feedback(grid(10, 10)[:pairs], UserFactory.create_batch(accounts), country_decides)
    weight_set = learning.fit(FitTrigger.COMMAND)
    assert weight_set.status == WeightStatus.NOT_FITTED
    assert weight_set.decision == FitDecision.TOO_LITTLE
    assert weight_set.weights == {}
    assert (weight_set.pairs, weight_set.accounts) == (pairs, accounts)
    assert not WeightSet.objects.filter(status=WeightStatus.LIVE).exists()
    assert weights.current() == weights.WEIGHTS


def test_without_a_run_there_is_nothing_to_learn_from():
    assert len(learning.gather()) == 0
    assert learning.fit(FitTrigger.COMMAND).decision == FitDecision.TOO_LITTLE


def test_one_accounts_flood_of_dismissals_is_capped(django_capture_on_commit_callbacks):
    matches = grid(20, 20)
    give_feedback(matches[:100], UserFactory.create_batch(10), country_decides)
    # One member marks "not relevant" every other match the country speaks for, and asks for
    # an introduction to all the rest: three times as many words as all the others together,
    # all against the country.
    flooder = UserFactory()
    for i, match in enumerate(matches[100:]):
        at = START + timedelta(minutes=i * 17)
        if country_decides(match.components):
            not_relevant(match, flooder, at)
        else:
            Introduction.objects.create(
                project=match.project,
                enterprise=match.enterprise,
                requested_by=flooder,
                requesting_side="project",
            )
    uncapped = learning.gather(share=1.0)
    assert (uncapped.accounts == flooder.pk).sum() > len(uncapped) / 2
    # Left alone, the flood would turn the country's weight down...
    assert learning.fit_weights(uncapped, weights.WEIGHTS)["country"] < weights.WEIGHTS["country"]
    with django_capture_on_commit_callbacks(execute=True):
        weight_set = learning.fit(FitTrigger.COMMAND)
    # ... capped at a tenth of the weight, it does not.
    feedback = learning.gather()
    flood_share = feedback.sample_weights[feedback.accounts == flooder.pk].sum()
    assert flood_share / feedback.sample_weights.sum() == pytest.approx(0.10)
    assert weight_set.accounts == 11 and weight_set.capped_accounts >= 1
    assert max(weight_set.weights, key=weight_set.weights.get) == "country"
    assert weight_set.weights["country"] > weights.WEIGHTS["country"]


def test_the_cap_gives_each_account_an_equal_share_at_most_when_few_speak():
    accounts = np.array([1] * 90 + [2] * 5 + [3] * 5)
    capped, count = learning.cap_accounts(accounts, np.ones(100), share=0.10)
    shares = [capped[accounts == a].sum() / capped.sum() for a in (1, 2, 3)]
    assert shares == pytest.approx([1 / 3] * 3)
    assert count == 1
    many = np.repeat(np.arange(20), 5)
    assert learning.cap_accounts(many, np.ones(100))[1] == 0


def test_feedback_from_unpublished_or_deleted_records_and_accounts_is_ignored():
    matches = grid(10, 10)
    accounts = UserFactory.create_batch(10)
    give_feedback(matches, accounts, country_decides)
    assert len(learning.gather()) == 100
    project = matches[0].project
    project.status = "archived"
    project.save()
    enterprise = matches[-1].enterprise
    enterprise.status = "draft"
    enterprise.save()
    accounts[5].delete()
    matches[50].project.delete()
    feedback = learning.gather()
    # Match i is project i // 10 with enterprise i % 10, and account i % 10 spoke of it.
    left = [i for i in range(100) if i // 10 not in (0, 5) and i % 10 not in (5, 9)]
    assert len(feedback) == len(left) == 64
    assert accounts[5].pk not in feedback.accounts


def test_an_accounts_latest_word_on_a_pair_is_its_only_one():
    match = grid(1, 1)[0]
    member = UserFactory()
    relevant(match, member, START)
    not_relevant(match, member, START + timedelta(days=1))
    feedback = learning.gather()
    assert len(feedback) == 1 and feedback.labels[0] == learning.NOT_RELEVANT


def test_feedback_on_a_pair_the_run_did_not_keep_is_scored_from_the_runs_features():
    solar, wind = SectorFactory(code="solar-energy"), SectorFactory(code="wind-energy")
    project = ProjectFactory(sectors=[solar])
    kept = EnterpriseFactory(sectors=[solar])
    unrelated = EnterpriseFactory(sectors=[wind])
    run = runs.run_inline("manual")
    assert not Match.objects.filter(run=run, enterprise=unrelated).exists()
    member = UserFactory()
    Dismissal.objects.create(project=project, enterprise=unrelated, side="project", user=member)
    Dismissal.objects.create(project=project, enterprise=kept, side="project", user=member)
    feedback = learning.gather()
    assert len(feedback) == 2
    sectors = CRITERIA.index("sectors")
    assert sorted(feedback.scores[:, sectors].tolist()) == [0, 1]


def test_a_candidate_worse_on_held_back_feedback_is_not_made_live():
    matches = grid(10, 10)
    accounts = UserFactory.create_batch(10)
    # Members used to take up matches in the same country; lately, only those of their sector,
    # which the live weights follow.
    give_feedback(matches[:60], accounts, country_decides)
    give_feedback(matches[60:], accounts, sectors_decide, after=timedelta(days=30))
    live = live_set(only("sectors"))
    weight_set = learning.fit(FitTrigger.COMMAND)
    assert weight_set.decision == FitDecision.WORSE_HELD_BACK
    assert weight_set.status == WeightStatus.CANDIDATE
    assert weight_set.compared_with == live
    held = weight_set.figures["held_back"]
    assert held["candidate"]["auc"] < held["compared"]["auc"] == 1
    live.refresh_from_db()
    assert live.status == WeightStatus.LIVE
    assert weights.current() == only("sectors")


def test_a_candidate_worse_on_the_real_data_set_is_not_made_live(monkeypatch):
    give_feedback(grid(10, 10), UserFactory.create_batch(10), country_decides)

    def figures(weight_sets, dataset):
        # The real-data set rewards the text, which the feedback does not.
        return {
            name: {
                "task1": {"recall@1": w["text"] / 2, "recall@10": w["text"], "mrr": w["text"] / 3}
            }
            for name, w in weight_sets.items()
        }

    monkeypatch.setattr(learning, "real_data_figures", figures)
    weight_set = learning.fit(FitTrigger.COMMAND, dataset="/data/matchmaking-dev")
    assert weight_set.decision == FitDecision.WORSE_REAL_DATA
    assert weight_set.status == WeightStatus.CANDIDATE
    real = weight_set.figures["real_data"]
    assert real["dataset"] == "/data/matchmaking-dev"
    assert real["candidate"]["task1"]["mrr"] < real["compared"]["task1"]["mrr"]
    assert weights.current() == weights.WEIGHTS


def test_a_candidate_as_good_on_the_real_data_set_is_made_live(monkeypatch, settings):
    give_feedback(grid(10, 10), UserFactory.create_batch(10), country_decides)
    monkeypatch.setattr(
        learning,
        "real_data_figures",
        lambda weight_sets, dataset: {
            name: {"task1": {"recall@10": 0.3, "mrr": 0.2}} for name in weight_sets
        },
    )
    settings.MATCHMAKING_EVALUATION_DATASET = "/data/matchmaking-dev"
    weight_set = learning.fit(FitTrigger.COMMAND)
    assert weight_set.decision == FitDecision.MADE_LIVE
    assert weight_set.figures["real_data"]["candidate"] == {"task1": {"recall@10": 0.3, "mrr": 0.2}}


# Which weights are live -----------------------------------------------------------------------


def test_current_returns_the_live_set_and_the_defaults_without_one():
    assert weights.current() == weights.WEIGHTS
    live_set({**only("text"), "text": 2.0, "country": 2.0})
    assert weights.current() == {**only("text"), "text": 0.5, "country": 0.5}


def test_current_falls_back_to_the_defaults_when_the_live_set_lacks_a_criterion(caplog):
    stored = dict(weights.WEIGHTS)
    del stored["text"]
    stored["keywords"] = 0.5
    live = live_set(stored)
    with caplog.at_level(logging.ERROR, logger="matchmaking.weights"):
        assert weights.current() == weights.WEIGHTS
    assert f"weight set {live.pk}" in caplog.text


@pytest.mark.parametrize("bad", [-0.1, "0.2", None, True])
def test_a_live_set_with_a_weight_that_is_not_a_number_is_not_used(bad):
    live_set({**weights.WEIGHTS, "country": bad})
    assert weights.current() == weights.WEIGHTS


def test_the_live_set_is_read_once_per_process_until_it_changes(django_assert_num_queries):
    live = live_set(only("country"))
    with django_assert_num_queries(1):
        for _ in range(5):
            assert weights.current() == only("country")
    live.status = WeightStatus.RETIRED
    live.save()
    assert weights.current() == only("country")  # until someone says it changed
    weights.changed()
    assert weights.current() == weights.WEIGHTS


def test_the_next_run_scores_with_the_live_weights():
    solar = SectorFactory(code="solar-energy")
    ProjectFactory(sectors=[solar], stage="financing")
    EnterpriseFactory(sectors=[solar])
    before = runs.run_inline("manual").matches.get()
    live_set({**only("sectors"), "text": 1.0})
    after = runs.run_inline("manual").matches.get()
    assert after.components == before.components
    sectors, text_ = after.components["sectors"], after.components["text"]
    assert text_ is not None and text_ < sectors == 1
    assert after.score == pytest.approx((sectors + text_) / 2, abs=1e-4)
    assert after.score != pytest.approx(before.score, abs=1e-4)


def test_fitting_twice_leaves_one_live_set(django_capture_on_commit_callbacks):
    give_feedback(grid(10, 10), UserFactory.create_batch(10), country_decides)
    with django_capture_on_commit_callbacks(execute=True):
        first = fit_weights.delay(trigger=FitTrigger.SCHEDULE).get()
        second = fit_weights.delay(trigger=FitTrigger.SCHEDULE).get()
    # The second judged itself against the first; whichever won, one set is live.
    assert WeightSet.objects.get(pk=second).compared_with_id == first
    assert WeightSet.objects.count() == 2
    assert WeightSet.objects.filter(status=WeightStatus.LIVE).count() == 1


def test_a_fit_overtaken_by_another_is_not_made_live(monkeypatch):
    give_feedback(grid(10, 10), UserFactory.create_batch(10), country_decides)
    split = learning.split
    overtaken = []

    def racing_split(feedback, *args, **kwargs):
        # Another fit (another worker, another click) finishes while this one is under way.
        monkeypatch.setattr(learning, "split", split)
        overtaken.append(learning.fit(FitTrigger.STAFF))
        return split(feedback, *args, **kwargs)

    monkeypatch.setattr(learning, "split", racing_split)
    slower = learning.fit(FitTrigger.SCHEDULE)
    assert slower.status == WeightStatus.CANDIDATE
    assert slower.decision == FitDecision.SUPERSEDED
    assert list(WeightSet.objects.filter(status=WeightStatus.LIVE)) == [overtaken[0]]


def test_retiring_twice_retires_once():
    live = live_set(only("country"))
    staff = StaffFactory(role="Administrator")
    assert learning.retire(live, staff) is True
    assert learning.retire(live, staff) is False
    live.refresh_from_db()
    assert (live.status, live.retired_by) == (WeightStatus.RETIRED, staff)
    assert AuditEvent.objects.filter(action=AuditAction.WEIGHTS).count() == 1


def test_the_weights_are_fitted_every_week_before_the_nightly_run():
    from django_celery_beat.models import PeriodicTask

    task = PeriodicTask.objects.get(task="matchmaking.tasks.fit_weights")
    assert task.enabled
    assert (task.crontab.day_of_week, task.crontab.hour, task.crontab.minute) == ("1", "0", "30")


# The command and the admin ------------------------------------------------------------------


def test_the_command_prints_the_fit_and_a_dry_run_saves_nothing(capsys):
    give_feedback(grid(10, 10), UserFactory.create_batch(10), country_decides)
    call_command("fit_matchmaking_weights", "--dry-run")
    out = capsys.readouterr().out
    assert "100 labelled pairs" in out and "from 10 accounts" in out
    assert "Held-back feedback (" in out and "pairs): ROC AUC" in out
    assert "Dry run, nothing saved. The decision would be: Made live" in out
    assert not WeightSet.objects.exists()
    call_command("fit_matchmaking_weights")
    assert WeightSet.objects.get().status == WeightStatus.LIVE


def test_an_administrator_fits_weights_from_the_admin_and_retires_them(
    client, django_capture_on_commit_callbacks
):
    give_feedback(grid(10, 10), UserFactory.create_batch(10), country_decides)
    administrator = StaffFactory(role="Administrator")
    sign_in_staff(client, administrator)
    listing = text(client.get("/admin/matchmaking/weightset/"))
    assert "Fit weights from feedback now" in listing
    assert "No learned weights are live: the engine uses its default weights." in listing
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/admin/matchmaking/weightset/fit/")
    assert response.status_code == 302
    live = WeightSet.objects.get(status=WeightStatus.LIVE)
    assert (live.trigger, live.fitted_by) == (FitTrigger.STAFF, administrator)
    listing = text(client.get("/admin/matchmaking/weightset/"))
    assert f"Set #{live.pk} is live since" in listing
    assert "on 100 labelled pairs from 10 accounts" in listing
    page = text(client.get(f"/admin/matchmaking/weightset/{live.pk}/change/"))
    assert "Held-back feedback: ROC AUC" in page
    assert "<code>country</code>" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/matchmaking/weightset/",
            {"action": "retire_weight_sets", "_selected_action": [live.pk]},
        )
    assert response.status_code == 302
    live.refresh_from_db()
    assert (live.status, live.retired_by) == (WeightStatus.RETIRED, administrator)
    assert weights.current() == weights.WEIGHTS
    changes = AuditEvent.objects.filter(action=AuditAction.WEIGHTS).order_by("pk")
    assert [event.details["change"] for event in changes] == ["live", "retired"]
    assert all(event.actor == administrator for event in changes)


@pytest.mark.parametrize("role", ["Reviewer", "Secretariat editor"])
def test_other_staff_may_neither_fit_nor_retire_weights(
    client, role, django_capture_on_commit_callbacks
):
    live = live_set(only("country"))
    sign_in_staff(client, StaffFactory(role=role))
    assert client.get("/admin/matchmaking/weightset/").status_code == 403
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post("/admin/matchmaking/weightset/fit/").status_code == 403
        response = client.post(
            "/admin/matchmaking/weightset/",
            {"action": "retire_weight_sets", "_selected_action": [live.pk]},
        )
    assert response.status_code == 403
    assert WeightSet.objects.get().status == WeightStatus.LIVE


def test_a_run_keeps_the_weights_it_started_with():
    solar = SectorFactory(code="solar-energy")
    ProjectFactory(sectors=[solar], stage="financing")
    EnterpriseFactory(sectors=[solar])
    run = runs.start("manual")
    numbers = runs.prepare(run.pk)
    # A set goes live while the run's chunks wait for a worker: this run is not affected.
    live_set({**only("sectors"), "text": 1.0})
    for number in numbers:
        runs.score_chunk(run.pk, number)
    runs.finalize(run.pk)
    run.refresh_from_db()
    assert run.weights == weights.WEIGHTS
    match = run.matches.get()
    expected = float(engine.total(match.components, weights.WEIGHTS))
    assert match.score == pytest.approx(expected, abs=1e-4)
