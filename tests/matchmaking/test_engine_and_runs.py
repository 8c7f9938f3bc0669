"""The matchmaking engine's scores and reasons, and runs: success, failure, one at a time,
a crash midway, recomputing one record."""

from datetime import timedelta

import numpy as np
import pytest
from django.utils import timezone, translation

from matchmaking import engine, features, reasons, runs
from matchmaking.models import Match, MatchChunk, MatchRun, RunStatus
from matchmaking.tasks import finalize_run, run_matchmaking, score_chunk
from tests.factories import (
    CooperationTypeFactory,
    EnterpriseFactory,
    ProjectFactory,
    SectorFactory,
    TechnologyFactory,
    TechnologyFieldFactory,
    brazil,
    china,
    russia,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    solar = SectorFactory(code="solar-energy", name="Solar energy")
    wind = SectorFactory(code="wind-energy", name="Wind energy")
    transfer = CooperationTypeFactory(code="technology-transfer", name="Technology transfer")
    epc = CooperationTypeFactory(code="epc-contracting", name="EPC contracting")
    br = brazil()
    project = ProjectFactory(
        title="Floating solar plant",
        summary="Floating photovoltaic plant on a hydropower reservoir",
        country=br,
        sectors=[solar],
        cooperation_types=[transfer],
        investment_amount=5_000_000,
        stage="financing",
    )
    good = EnterpriseFactory(
        title="Sol Verde EPC",
        summary="We build floating photovoltaic plants on reservoirs",
        sectors=[solar],
        interest_countries=[br],
        cooperation_offered=[transfer, epc],
        investment_min_usd=1_000_000,
        investment_max_usd=10_000_000,
    )
    weaker = EnterpriseFactory(title="Solar trader", sectors=[solar], country=china())
    unrelated = EnterpriseFactory(title="Wind only", sectors=[wind], interest_countries=[br])
    return {"project": project, "good": good, "weaker": weaker, "unrelated": unrelated}


def matches_of(project):
    run = MatchRun.objects.current()
    return list(
        Match.objects.filter(run=run, project=project, project_rank__isnull=False).order_by(
            "project_rank"
        )
    )


def test_a_run_ranks_partners_and_explains_why(world):
    run = runs.run_inline("manual")
    assert run.status == RunStatus.SUCCEEDED
    assert (run.projects_scored, run.enterprises_scored, run.pairs_scored) == (1, 3, 3)
    found = matches_of(world["project"])
    # The trader shares only the sector; the wind company shares nothing that counts.
    assert [m.enterprise for m in found] == [world["good"], world["weaker"]]
    assert found[0].score > found[1].score
    best = found[0]
    assert best.components["sectors"] == 1 and best.components["country"] == 1
    assert best.components["investment"] == 1 and best.components["cooperation"] == 1
    assert 0 < best.score <= 1
    with translation.override("en"):
        said = reasons.describe_all(best)
    assert "Both in Solar energy" in said
    assert "The enterprise invests in Brazil" in said
    assert "Offers the technology transfer the project seeks" in said
    assert "US$5 million sought; the enterprise invests US$1 million–US$10 million" in said


def test_reasons_are_said_in_the_readers_language(world):
    runs.run_inline("manual")
    with translation.override("ru"):
        said = reasons.describe_all(matches_of(world["project"])[0])
    assert any("Бразил" in text for text in said), said


def test_a_pair_without_a_shared_domain_is_never_kept(world):
    runs.run_inline("manual")
    assert not Match.objects.filter(enterprise=world["unrelated"]).exists()


def test_the_enterprise_side_gets_its_best_projects(world):
    other = ProjectFactory(title="Solar school roofs", sectors=world["project"].sectors.all())
    runs.run_inline("manual")
    ranked = Match.objects.filter(enterprise=world["good"], enterprise_rank__isnull=False).order_by(
        "enterprise_rank"
    )
    assert [m.project for m in ranked][0] == world["project"]
    assert other in [m.project for m in ranked]


@pytest.mark.parametrize(
    "amount, low, high, expected",
    [
        (5e6, 1e6, 1e7, 1.0),
        (1e8, 1e6, 1e7, 0.3),  # one order of magnitude above the range
        (5e6, None, None, 0.0),  # no capacity given
        (0, 1e6, 1e7, 0.0),  # zero: nothing sought
        (1e15, 1e6, 1e7, 0.0),  # absurd: a typing error
        (5e6, 1e6, None, 0.3 ** np.log10(5)),  # only a minimum: the range is that point
    ],
)
def test_the_investment_criterion(amount, low, high, expected):
    fit = engine.investment_fit(
        np.array([amount]),
        np.array([low if low is not None else np.nan]),
        np.array([high if high is not None else np.nan]),
    )
    assert fit[0] == pytest.approx(expected, abs=1e-3)


def test_records_with_missing_fields_or_no_text_still_score(world):
    ProjectFactory(title="", summary="", description="", sectors=world["project"].sectors.all())
    ProjectFactory(title="Bare", summary="", description="", country=None, investment_amount=0)
    EnterpriseFactory(title="", summary="", description="", sectors=[])
    run = runs.run_inline("manual")
    assert run.status == RunStatus.SUCCEEDED
    assert run.projects_scored == 3


def test_a_text_in_another_language_still_matches_on_structured_fields(world):
    chinese = ProjectFactory(
        title="水库漂浮式光伏电站",
        summary="",
        description="",
        country=brazil(),
        sectors=world["project"].sectors.all(),
        cooperation_types=world["project"].cooperation_types.all(),
        investment_amount=5_000_000,
        stage="financing",
    )
    runs.run_inline("manual")
    assert [m.enterprise for m in matches_of(chinese)][0] == world["good"]


def test_chinese_texts_are_compared_by_character_pairs():
    assert features.analyze("光伏电站 Solar") == ["solar", "光伏", "伏电", "电站"]


def test_technology_fields_come_from_the_technologies_used_and_provided(world):
    y02e = TechnologyFieldFactory(code="y02e", name="Energy")
    provider = EnterpriseFactory(title="Panel maker", sectors=[])
    technology = TechnologyFactory(technology_fields=[y02e], provider=provider)
    project = ProjectFactory(title="Uses panels", technologies=[technology], sectors=[])
    runs.run_inline("manual")
    match = Match.objects.get(project=project, enterprise=provider)
    assert match.components["technology"] == 1
    assert {"code": "technology", "fields": ["y02e"]} in match.reasons


# Runs -----------------------------------------------------------------------------------------


def test_only_one_run_at_a_time(world):
    MatchRun.objects.create(trigger="manual")
    with pytest.raises(runs.RunInProgress):
        runs.start("manual")
    assert run_matchmaking(trigger="schedule") is None


def test_a_run_that_fails_midway_leaves_the_last_good_matches(world, settings, monkeypatch):
    settings.MATCHMAKING_CHUNK_SIZE = 1
    ProjectFactory(title="Second project", sectors=world["project"].sectors.all())
    good = runs.run_inline("manual")
    before = sorted(Match.objects.filter(run=good).values_list("project", "enterprise"))

    calls = {"n": 0}
    real = engine.score_block

    def crash_on_second_chunk(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise MemoryError("the worker died")
        return real(*args, **kwargs)

    monkeypatch.setattr(engine, "score_block", crash_on_second_chunk)
    with pytest.raises(MemoryError):
        run_matchmaking(trigger="schedule")
    failed = MatchRun.objects.exclude(pk=good.pk).get()
    assert failed.status == RunStatus.FAILED and "the worker died" in failed.errors
    assert MatchRun.objects.current() == good
    assert sorted(Match.objects.filter(run=good).values_list("project", "enterprise")) == before
    assert not Match.objects.filter(run=failed).exists()


def test_a_run_abandoned_by_a_crashed_worker_is_failed_and_another_can_start(world):
    good = runs.run_inline("manual")
    stuck = MatchRun.objects.create(trigger="schedule")
    MatchRun.objects.filter(pk=stuck.pk).update(started_at=timezone.now() - timedelta(hours=4))
    fresh = runs.run_inline("manual")
    stuck.refresh_from_db()
    assert stuck.status == RunStatus.FAILED and "Abandoned" in stuck.errors
    assert MatchRun.objects.current() == fresh != good


def test_a_chunk_run_twice_counts_once_and_finalising_twice_changes_nothing(world):
    run = runs.start("manual")
    (number,) = runs.prepare(run.pk)
    assert runs.score_chunk(run.pk, number) is True
    assert runs.score_chunk(run.pk, number) is False
    assert MatchRun.objects.get(pk=run.pk).chunks_done == 1
    assert runs.finalize(run.pk) is True
    kept = Match.objects.filter(run=run).count()
    assert runs.finalize(run.pk) is False
    assert Match.objects.filter(run=run).count() == kept
    assert MatchChunk.objects.filter(run=run, done_at__isnull=False).count() == 1


def test_a_retried_chunk_task_after_the_run_failed_does_nothing(world):
    run = runs.start("manual")
    (number,) = runs.prepare(run.pk)
    runs.fail(run.pk, "stopped")
    score_chunk(run.pk, number)
    assert not Match.objects.filter(run=run).exists()


def test_old_runs_are_cleaned_up_after_a_success(world):
    first = runs.run_inline("manual")
    second = runs.run_inline("manual")
    runs.cleanup(second.pk)
    assert not Match.objects.filter(run=first).exists()
    assert Match.objects.filter(run=second).exists()


def test_a_finalised_run_cleans_up_the_older_ones_once_committed(
    world, django_capture_on_commit_callbacks
):
    first = runs.run_inline("manual")
    run = runs.start("manual")
    for number in runs.prepare(run.pk):
        runs.score_chunk(run.pk, number)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        finalize_run(run.pk)
        assert Match.objects.filter(run=first).exists()  # not before the commit
    assert callbacks
    assert not Match.objects.filter(run=first).exists()
    assert Match.objects.filter(run=run).exists()


def test_the_records_changed_while_a_run_read_the_data_are_recomputed_after_it(world):
    run = runs.start("manual")
    assert runs.changed_during(run.pk) == []
    world["project"].save()
    world["good"].save()
    assert runs.changed_during(run.pk) == [
        ("project", world["project"].pk),
        ("enterprise", world["good"].pk),
    ]


# One record between runs ---------------------------------------------------------------------


def test_a_changed_project_gets_new_partners_without_waiting_for_the_night(world):
    runs.run_inline("manual")
    project = world["project"]
    assert [m.enterprise for m in matches_of(project)][0] == world["good"]
    # The project turns into a wind farm: only the wind company shares its domain now.
    project.title = "Onshore wind farm"
    project.summary = "Twelve turbines on a ridge"
    project.sectors.set(world["unrelated"].sectors.all())
    project.save()
    assert runs.recompute("project", project.pk) == 1
    partners = [m.enterprise for m in matches_of(project)]
    assert partners == [world["unrelated"]]


def test_an_unpublished_project_loses_its_own_matches(world):
    runs.run_inline("manual")
    project = world["project"]
    project.status = "archived"
    project.save()
    assert runs.recompute("project", project.pk) == 0
    assert matches_of(project) == []


def test_a_new_enterprise_gets_its_projects_at_once(world):
    runs.run_inline("manual")
    newcomer = EnterpriseFactory(
        title="New solar investor",
        sectors=world["project"].sectors.all(),
        interest_countries=[brazil()],
        investment_min_usd=1_000_000,
        investment_max_usd=50_000_000,
    )
    assert runs.recompute("enterprise", newcomer.pk) == 1
    match = Match.objects.get(enterprise=newcomer)
    assert match.project == world["project"] and match.enterprise_rank == 1


def test_recomputing_before_any_run_does_nothing(world):
    assert runs.recompute("project", world["project"].pk) is None


def test_publishing_schedules_a_recompute(world, django_capture_on_commit_callbacks):
    runs.run_inline("manual")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        ProjectFactory(
            title="Another solar park", sectors=world["project"].sectors.all(), country=russia()
        )
    assert callbacks  # the recompute ran (eagerly) after the commit
    assert Match.objects.filter(project__title="Another solar park").exists()


def test_a_review_decision_takes_the_record_s_matches_out_and_makes_its_pages_stale(
    world, django_capture_on_commit_callbacks
):
    """A transition changes the status with ``update()``, which sends no save signal: it tells
    matchmaking and the page cache itself."""
    from databases.transitions import transition
    from platform_site.cache import content_version
    from tests.factories import StaffFactory

    runs.run_inline("manual")
    project = world["project"]
    own_list = Match.objects.filter(project=project, project_rank__isnull=False)
    assert own_list.exists()
    version = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        transition(project, "archive", StaffFactory(role="Reviewer"))
    # Its own list of partners is gone (rows ranking it on an enterprise's list stay, hidden
    # while it is not published).
    assert not own_list.exists()
    assert content_version() != version


def test_the_nightly_run_is_scheduled():
    from django_celery_beat.models import PeriodicTask

    task = PeriodicTask.objects.get(task="matchmaking.tasks.run_matchmaking")
    assert task.enabled and task.crontab.hour == "1"


def test_the_engine_beats_the_sector_baseline_on_the_labelled_set():
    from matchmaking import evaluation

    results = evaluation.evaluate(evaluation.build(profiles=12, seed=3), seed=3)
    engine_precision, engine_recall = results["engine"]
    baseline_precision, baseline_recall = results["baseline"]
    assert engine_recall > 0.9 and engine_recall > 2 * baseline_recall
    assert engine_precision > baseline_precision


def test_the_evaluation_command_prints_both_scores():
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("evaluate_matchmaking", "--profiles", "8", stdout=out)
    printed = out.getvalue()
    assert "precision@10" in printed and "engine" in printed and "baseline" in printed


def test_a_late_cleanup_for_an_older_run_leaves_the_current_one(world):
    first = runs.run_inline("manual")
    second = runs.run_inline("manual")
    runs.cleanup(first.pk)  # delivered late, after the second run succeeded
    assert Match.objects.filter(run=second).exists()
    assert MatchRun.objects.current() == second


def test_a_long_run_that_keeps_making_progress_is_not_abandoned(world, settings):
    settings.MATCHMAKING_RUN_TIMEOUT = 60
    run = runs.start("manual")
    runs.prepare(run.pk)
    MatchRun.objects.filter(pk=run.pk).update(started_at=timezone.now() - timedelta(hours=1))
    MatchChunk.objects.filter(run=run).update(done_at=timezone.now())
    runs.abandon_stalled_runs()
    assert MatchRun.objects.get(pk=run.pk).status == RunStatus.RUNNING


# What the engine reads in a text, and how a pair is scored ------------------------------------


def test_identifiers_are_terms_with_their_family_and_numbers_and_function_words_are_not():
    assert features.analyze("Applies ACM0002 and AMS-III.AU: 885,056 tCO2e in 2020") == [
        "applies", "acm0002", "ams-iii.au", "ams-iii", "tco2e",
    ]  # fmt: skip


def test_a_broad_profile_that_covers_the_project_beats_a_narrow_one_that_covers_less(world):
    project = ProjectFactory(
        title="Landfill gas capture",
        summary="Methane from a landfill under methodology ACM0001 turned into power",
        sectors=world["project"].sectors.all(),
    )
    broad = EnterpriseFactory(
        title="Broad consultant",
        summary=(
            "Consultant for landfill gas, biomass, wind, hydro, cement, transport and forestry "
            "projects: methane capture, ACM0001, ACM0002, AMS-I.D, AMS-III.G, AR-ACM0003"
        ),
        sectors=world["project"].sectors.all(),
    )
    narrow = EnterpriseFactory(
        title="Narrow consultant",
        summary="Landfill projects",
        sectors=world["project"].sectors.all(),
    )
    runs.run_inline("manual")
    ranked = [m.enterprise for m in matches_of(project)]
    assert ranked.index(broad) < ranked.index(narrow)


def test_an_enterprises_name_is_not_part_of_its_profile(world):
    project = ProjectFactory(
        title="Verde reservoir", summary="", description="", sectors=world["project"].sectors.all()
    )
    named = EnterpriseFactory(
        title="Verde Reservoir Holdings", summary="Pension fund", description="", sectors=[]
    )
    loaded = features.Features.load()
    rows = loaded.enterprises.row_of()
    project_row = loaded.projects.row_of()[project.pk]
    text = loaded.projects.text[project_row] @ loaded.enterprises.text[rows[named.pk]].T
    assert text.toarray()[0, 0] == 0


def test_an_enterprises_own_projects_and_technologies_speak_for_it(world):
    maker = EnterpriseFactory(
        title="Maker", summary="", description="", sectors=world["project"].sectors.all()
    )
    TechnologyFactory(title="Electrochromic glazing", summary="", provider=maker)
    ProjectFactory(title="Electrochromic glazing retrofit", summary="", enterprise=maker)
    project = ProjectFactory(
        title="Electrochromic glazing for a school",
        summary="",
        description="",
        sectors=world["project"].sectors.all(),
    )
    runs.run_inline("manual")
    match = Match.objects.get(project=project, enterprise=maker)
    assert match.components["text"] > 0.5
    assert {"code": "text", "terms": ["electrochromic", "glazing"]} in match.reasons


def test_a_project_is_never_matched_with_its_own_enterprise(world):
    own = world["good"]
    ProjectFactory(
        title="Floating solar plant, phase 2",
        summary=world["project"].summary,
        sectors=world["project"].sectors.all(),
        enterprise=own,
    )
    runs.run_inline("manual")
    assert not Match.objects.filter(project__enterprise=own, enterprise=own).exists()


def test_a_criterion_without_information_neither_lowers_nor_raises_a_score(world):
    runs.run_inline("manual")
    before = matches_of(world["project"])[0]
    project = world["project"]
    project.investment_amount = None
    project.save()
    runs.recompute("project", project.pk)
    after = matches_of(project)[0]
    assert after.enterprise == before.enterprise
    assert after.components["investment"] is None
    # The other criteria's weighted mean: as good as before, the amount was a perfect fit.
    assert after.score == pytest.approx(before.score, abs=0.02)
    assert "investment" not in [reason["code"] for reason in after.reasons]


def test_the_reasons_are_the_criteria_that_raised_the_score_largest_first(world):
    from matchmaking.weights import WEIGHTS

    ProjectFactory(title="Solar school roofs", sectors=world["project"].sectors.all())
    runs.run_inline("manual")
    for match in Match.objects.all():
        known = {name: v for name, v in match.components.items() if v is not None}
        contribution = {name: WEIGHTS[name] * v for name, v in known.items()}
        raised = sorted(
            (
                name
                for name, value in contribution.items()
                if value >= engine.REASON_SHARE * sum(contribution.values()) and value > 0
            ),
            key=lambda name: (-contribution[name], engine.CRITERIA.index(name)),
        )
        assert [reason["code"] for reason in match.reasons] == raised
        assert match.score == pytest.approx(
            sum(contribution.values()) / sum(WEIGHTS[n] for n in known), abs=1e-3
        )


def test_a_text_reason_names_what_both_descriptions_mention(world):
    runs.run_inline("manual")
    best = matches_of(world["project"])[0]
    (text,) = [reason for reason in best.reasons if reason["code"] == "text"]
    assert "floating" in text["terms"] and "photovoltaic" in text["terms"]
    with translation.override("en"):
        said = reasons.describe_all(best)
    assert any(line.startswith("Both descriptions mention floating") for line in said), said


def test_features_saved_by_another_engine_are_not_read(world, settings):
    run = runs.run_inline("manual")
    path = features._path(run.pk)
    archive = dict(np.load(features.default_storage.open(path, "rb")))
    archive["format"] = np.array(1)
    features.default_storage.delete(path)
    import io

    buffer = io.BytesIO()
    np.savez(buffer, **archive)
    features.default_storage.save(path, features.ContentFile(buffer.getvalue()))
    features._loaded.clear()
    assert runs.recompute("project", world["project"].pk) is None
