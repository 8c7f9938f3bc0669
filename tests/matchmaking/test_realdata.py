"""The matchmaking measured on real data (matchmaking/realdata.py, evaluate_matchmaking
--dataset): a tiny dataset whose figures are worked out by hand, the baselines, bad input, and
the scratch database that keeps the configured one untouched."""

import json
import re

import numpy as np
import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from databases.models import Enterprise, Project, Technology
from matchmaking import realdata
from matchmaking.models import Match, MatchRun

# Three enterprises, three projects. P1 and P2 have an obvious partner. P3 (a forestry project
# in India) names E1 (a solar developer interested in India) as its partner: E1 shares no
# sector or technology field with it, so the engine never keeps that pair (it scores 0, tied
# with E2, below E3); country + sector ranks E1 second (India, no sector); TF-IDF ranks it
# first (both name the methodology AMS-I.D, which E2's AMS-III.D is not).
ENTERPRISES = [
    {
        "id": "E1",
        "name": "Sol Verde",
        "description": "Solar photovoltaic developer for rooftops and farms. Methodologies: "
        "AMS-I.D.",
        "country": "CN",
        "sectors": ["renewable-energy"],
        "technology_fields": ["Y02E"],
        "countries_of_interest": ["CN", "IN"],
        "cooperation_offered": ["investment"],
    },
    {
        "id": "E2",
        "name": "Aterro",
        "description": "Landfill gas capture. AMS-III.D.",
        "country": "BR",
        "sectors": ["circular-economy-waste"],
        "technology_fields": ["Y02W"],
        "countries_of_interest": ["BR"],
        "cooperation_offered": ["consulting"],
    },
    {
        "id": "E3",
        "name": "Green Forest",
        "description": "Forest restoration developer.",
        "country": "IN",
        "sectors": ["sustainable-agriculture-forestry"],
        "technology_fields": ["Y02A"],
        "countries_of_interest": ["IN"],
        "cooperation_offered": ["investment"],
    },
]
PROJECTS = [
    {
        "id": "P1",
        "title": "Rooftop solar photovoltaic plant",
        "description": "Solar photovoltaic plant in China.",
        "country": "CN",
        "sectors": ["renewable-energy"],
        "technology_fields": ["Y02E"],
        "expected_co2_reduction_t_per_year": 1200.5,
        "stage": "financing",
        "cooperation_sought": ["investment"],
    },
    {
        "id": "P2",
        "title": "Landfill gas capture",
        "description": "Landfill gas capture in Brazil.",
        "country": "BR",
        "sectors": ["circular-economy-waste"],
        "technology_fields": ["Y02W"],
        "expected_co2_reduction_t_per_year": None,
        "stage": "operation",
        "cooperation_sought": ["consulting"],
    },
    {
        "id": "P3",
        "title": "Mangrove planting",
        "description": "Mangrove planting on the coast. Methodology AMS-I.D.",
        "country": "IN",
        "sectors": ["sustainable-agriculture-forestry"],
        "technology_fields": ["Y02A"],
        "expected_co2_reduction_t_per_year": 30000,
        "stage": "feasibility",
        "cooperation_sought": ["investment"],
    },
]
TRUTH = {"P1": "E1", "P2": "E2", "P3": "E1"}


def write_dataset(directory, tasks=(1,), **replaced):
    """The tiny dataset as task files in ``directory``; ``replaced`` maps a file's kind
    (projects, enterprises, truth, truth_all) to other content, or None to leave it out."""
    for number in tasks:
        content = {
            "projects": PROJECTS,
            "enterprises": ENTERPRISES,
            "truth": TRUTH,
            "truth_all": {**{p: [e] for p, e in TRUTH.items()}, "P3": ["E1", "E3"]},
        }
        content.update(replaced)
        for kind, data in content.items():
            if data is None:
                continue
            text = data if isinstance(data, str) else json.dumps(data)
            (directory / realdata.file_name(number, kind)).write_text(text, encoding="utf-8")
    return directory


def figures(result, answers="task1_truth.json"):
    return {
        ranker: tuple(values[key] for key in ("recall@1", "recall@10", "mrr"))
        for ranker, values in result.figures[answers].items()
        if ranker != "projects"
    }


# The figures, worked out by hand -------------------------------------------------------------

# Engine: P1 and P2 first; P3's partner not kept, and ranked 2nd or 3rd (tied at 0 with E2).
ENGINE = (2 / 3, 2 / 3, (1 + 1 + (1 / 2 + 1 / 3) / 2) / 3)
COUNTRY_SECTOR = (2 / 3, 1, (1 + 1 + 1 / 2) / 3)
TFIDF = (1, 1, 1)
RANDOM = (1 / 3, 1, (1 + 1 / 2 + 1 / 3) / 3)


def assert_figures(found, expected):
    assert set(found) == set(expected)
    for ranker, values in expected.items():
        assert found[ranker] == pytest.approx(values, abs=1e-4), ranker


@pytest.mark.django_db
def test_figures_of_the_engine_and_the_baselines_on_a_known_answer(tmp_path):
    tasks = realdata.load_dataset(write_dataset(tmp_path, tasks=(1, 2)))
    results = realdata.evaluate(tasks)
    assert [(r.task, r.projects, r.enterprises) for r in results] == [(1, 3, 3), (2, 3, 3)]
    expected = {
        "engine": ENGINE,
        "country-sector": COUNTRY_SECTOR,
        "tfidf": TFIDF,
        "random": RANDOM,
    }
    assert_figures(figures(results[0]), expected)
    assert results[0].figures["task1_truth.json"]["projects"] == 3
    assert_figures(figures(results[1], "task2_truth.json"), expected)
    # Any listed partner: E3 also counts for P3, and every ranker but random puts it first;
    # at random, the first of two partners among three is 1st (2/3) or 2nd (1/3).
    assert_figures(
        figures(results[1], "task2_truth_all.json"),
        {
            "engine": (1, 1, 1),
            "country-sector": (1, 1, 1),
            "tfidf": (1, 1, 1),
            "random": (
                (1 / 3 + 1 / 3 + 2 / 3) / 3,
                1,
                (2 * (1 + 1 / 2 + 1 / 3) / 3 + (2 / 3 + 1 / 3 / 2)) / 3,
            ),
        },
    )
    assert results[0].matches_kept > 0 and results[0].weights


@pytest.mark.django_db
def test_given_weights_score_the_engine_and_are_reported(tmp_path):
    tasks = realdata.load_dataset(write_dataset(tmp_path))
    weights = dict.fromkeys(realdata.engine.CRITERIA, 1 / 7)
    (result,) = realdata.evaluate(tasks, weights=weights)
    assert result.weights == weights
    # The run kept other weights' matches: recall comes from the pairs such a run would keep.
    assert figures(result)["engine"] == pytest.approx(ENGINE, abs=1e-4)


@pytest.mark.django_db
def test_the_evaluation_leaves_the_database_as_it_was(tmp_path):
    tasks = realdata.load_dataset(write_dataset(tmp_path))
    models = (Project, Enterprise, Technology, MatchRun, Match)
    before = [model.objects.count() for model in models]
    realdata.evaluate(tasks)
    assert [model.objects.count() for model in models] == before


@pytest.mark.django_db
def test_the_evaluation_refuses_a_database_with_published_records(tmp_path):
    from tests.factories import ProjectFactory

    ProjectFactory()
    tasks = realdata.load_dataset(write_dataset(tmp_path))
    with pytest.raises(ValueError, match="scratch_database"):
        realdata.evaluate(tasks)


@pytest.mark.django_db
def test_import_creates_published_records_through_the_models_and_schedules_no_work(
    tmp_path, django_capture_on_commit_callbacks
):
    (task,) = realdata.load_dataset(write_dataset(tmp_path))
    with django_capture_on_commit_callbacks() as callbacks:
        imported = realdata.import_dataset(task, realdata.Taxonomy.load())
    # Bulk inserts send no signals: no record asked for its matches to be recomputed.
    assert callbacks == []
    assert set(imported.projects) == {"P1", "P2", "P3"}
    solar = Enterprise.objects.get(pk=imported.enterprises["E1"])
    assert (solar.title, solar.status, solar.verified, solar.country.iso2) == (
        "Sol Verde",
        "published",
        True,
        "CN",
    )
    assert {s.code for s in solar.sectors.all()} == {
        "solar-energy",
        "wind-energy",
        "hydropower",
        "bioenergy",
    }
    assert {c.iso2 for c in solar.interest_countries.all()} == {"CN", "IN"}
    assert [c.code for c in solar.cooperation_offered.all()] == ["investment"]
    # The enterprise offers its fields through a published technology it provides.
    (provided,) = solar.technologies.all()
    assert provided.status == "published"
    assert [f.code for f in provided.technology_fields.all()] == ["y02e"]
    plant = Project.objects.get(pk=imported.projects["P1"])
    assert (plant.title, plant.stage, plant.co2_reduction, plant.status) == (
        "Rooftop solar photovoltaic plant",
        "financing",
        pytest.approx(1200.5),
        "published",
    )
    assert [c.code for c in plant.cooperation_types.all()] == ["investment"]
    (used,) = plant.technologies.all()
    assert used.provider is None and [f.code for f in used.technology_fields.all()] == ["y02e"]
    assert Technology.objects.count() == 3 + 3  # one per enterprise, one per set of fields
    if connection.vendor == "postgresql":
        # The search trigger indexed the rows as they were inserted.
        assert list(Project.objects.search("landfill")) == [
            Project.objects.get(pk=imported.projects["P2"])
        ]


@pytest.mark.django_db
def test_a_title_longer_than_the_portal_allows_is_shortened_and_said(tmp_path):
    long_title = "Wind farm " * 30
    projects = [{**PROJECTS[0], "title": long_title}, *PROJECTS[1:]]
    (task,) = realdata.load_dataset(write_dataset(tmp_path, projects=projects))
    imported = realdata.import_dataset(task, realdata.Taxonomy.load())
    title = Project.objects.get(pk=imported.projects["P1"]).title
    assert len(title) == 200 and title.endswith("…")
    assert imported.notes == ["1 title(s) shortened to 200 characters, the portal's limit"]


def test_ties_count_at_their_expectation():
    # One enterprise above, then three tied at 0, two of them right: the first right one is
    # 2nd with chance 2/3 and 3rd with chance 1/3.
    ranks, chances = realdata.expected_ranks(np.array([1.0, 0, 0, 0]), [1, 2])
    assert list(ranks) == [2, 3] and chances == pytest.approx([2 / 3, 1 / 3])
    recall_1, recall_10, reciprocal = realdata.figures_of(ranks, chances)
    assert (recall_1, recall_10) == (0, 1)
    assert reciprocal == pytest.approx(2 / 3 / 2 + 1 / 3 / 3)
    # Nothing tied: the rank itself.
    ranks, chances = realdata.expected_ranks(np.array([0.2, 0.9, 0.5]), [0])
    assert list(ranks) == [3] and list(chances) == [1]


# Bad input -----------------------------------------------------------------------------------


def problem_of(directory, **kwargs):
    with pytest.raises(realdata.DatasetError) as raised:
        realdata.load_dataset(directory, **kwargs)
    return str(raised.value)


def with_entry(records, index, **changes):
    return [{**r, **changes} if i == index else r for i, r in enumerate(records)]


BAD_FILES = {
    "missing file": ({"truth": None}, r"task1_truth\.json: missing"),
    "malformed JSON": (
        {"projects": '[{"id": "P1",'},
        r"task1_projects\.json: not valid JSON: .*line 1",
    ),
    "duplicate key": (
        {"truth": '{"P1": "E1", "P1": "E2"}'},
        r"task1_truth\.json: not valid JSON: duplicate key 'P1'",
    ),
    "not a list": ({"enterprises": {"E1": {}}}, r"task1_enterprises\.json: expected a list"),
    "unknown sector label": (
        {"projects": with_entry(PROJECTS, 1, sectors=["waste-to-energy"])},
        r"task1_projects\.json: entry 2 \(id 'P2'\): unknown sector label 'waste-to-energy'",
    ),
    "unknown stage": (
        {"projects": with_entry(PROJECTS, 2, stage="dreaming")},
        r"task1_projects\.json: entry 3 \(id 'P3'\): unknown stage 'dreaming'",
    ),
    "negative CO2": (
        {"projects": with_entry(PROJECTS, 0, expected_co2_reduction_t_per_year=-5)},
        r"task1_projects\.json: entry 1 \(id 'P1'\): 'expected_co2_reduction_t_per_year'",
    ),
    "no name": (
        {"enterprises": with_entry(ENTERPRISES, 2, name="  ")},
        r"task1_enterprises\.json: entry 3 \(id 'E3'\): 'name' must be a non-empty string",
    ),
    "codes not a list": (
        {"enterprises": with_entry(ENTERPRISES, 0, countries_of_interest="CN")},
        r"task1_enterprises\.json: entry 1 \(id 'E1'\): 'countries_of_interest' must be a list",
    ),
    "duplicate id": (
        {"enterprises": [*ENTERPRISES, {**ENTERPRISES[0], "name": "Sol Verde again"}]},
        r"task1_enterprises\.json: entry 4 \(id 'E1'\): duplicate id",
    ),
    "truth names an unknown project": (
        {"truth": {**TRUTH, "P9": "E1"}},
        r"task1_truth\.json: entry 'P9': no such project in task1_projects\.json",
    ),
    "truth names an unknown enterprise": (
        {"truth_all": {"P1": ["E1", "E7"]}},
        r"task1_truth_all\.json: entry 'P1': no enterprise 'E7' in task1_enterprises\.json",
    ),
}


@pytest.mark.parametrize("replaced, message", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_bad_files_are_refused_naming_the_file_and_the_entry(tmp_path, replaced, message):
    assert re.search(message, problem_of(write_dataset(tmp_path, **replaced)))


def test_every_problem_is_listed_at_once(tmp_path):
    projects = with_entry(with_entry(PROJECTS, 0, sectors=["solar"]), 2, stage="dreaming")
    found = problem_of(write_dataset(tmp_path, projects=projects, truth={**TRUTH, "P9": "E1"}))
    assert "entry 1 (id 'P1')" in found and "entry 3 (id 'P3')" in found and "'P9'" in found


def test_a_folder_without_tasks_or_without_the_task_asked_for(tmp_path):
    assert "no task files" in problem_of(tmp_path)
    assert "task2_projects.json: missing" in problem_of(write_dataset(tmp_path), numbers=[2])
    assert "no such directory" in problem_of(tmp_path / "nowhere")


BAD_CODES = {
    "country": (
        "enterprises",
        with_entry(ENTERPRISES, 1, countries_of_interest=["BR", "XX"]),
        r"task1_enterprises\.json: entry 2 \(id 'E2'\): unknown country code 'XX'",
    ),
    "technology field": (
        "projects",
        with_entry(PROJECTS, 0, technology_fields=["Y02E", "Y09Z"]),
        r"task1_projects\.json: entry 1 \(id 'P1'\): unknown technology field 'Y09Z'",
    ),
    "cooperation": (
        "projects",
        with_entry(PROJECTS, 1, cooperation_sought=["bartering"]),
        r"task1_projects\.json: entry 2 \(id 'P2'\): unknown cooperation type 'bartering'",
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize("kind, records, message", BAD_CODES.values(), ids=BAD_CODES.keys())
def test_codes_unknown_to_the_taxonomies_are_refused_before_anything_is_imported(
    tmp_path, kind, records, message
):
    # Task 1 is fine, task 2 is not: neither is imported.
    write_dataset(tmp_path, tasks=(1,))
    write_dataset(tmp_path, tasks=(2,), **{kind: records})
    tasks = realdata.load_dataset(tmp_path)
    with pytest.raises(realdata.DatasetError) as raised:
        realdata.evaluate(tasks)
    assert re.search(message.replace("task1", "task2"), str(raised.value))
    assert not Project.objects.exists() and not Enterprise.objects.exists()
    assert not MatchRun.objects.exists()


def test_the_command_refuses_a_bad_dataset_naming_the_file_and_the_entry(tmp_path):
    write_dataset(tmp_path, projects=with_entry(PROJECTS, 1, sectors=["solar"]))
    with pytest.raises(CommandError, match=r"task1_projects\.json: entry 2 \(id 'P2'\)"):
        call_command("evaluate_matchmaking", "--dataset", str(tmp_path))
    with pytest.raises(CommandError, match="task number"):
        call_command("evaluate_matchmaking", "--dataset", str(tmp_path), "--task", "first")


@pytest.mark.django_db
def test_without_a_dataset_the_synthetic_set_checks_the_criteria(capsys):
    call_command("evaluate_matchmaking", "--profiles", "4")
    out = capsys.readouterr().out
    assert "each criterion does its part" in out and "engine" in out


# The scratch database ------------------------------------------------------------------------


def scratch_databases():
    with connection.cursor() as cursor:
        cursor.execute("SELECT datname FROM pg_database WHERE datname LIKE %s", ["%_evaluation_%"])
        return [name for (name,) in cursor.fetchall()]


def test_the_command_evaluates_in_a_scratch_database_it_always_drops(
    tmp_path, capsys, django_db_setup, django_db_blocker
):
    """The whole command: a database of its own, created, migrated and dropped, also when the
    dataset turns out to be bad; the configured database (here the test database) keeps its
    records. Needs PostgreSQL: on SQLite the test database is in memory, and an in-memory
    connection ignores the close that would switch it to the scratch database."""
    if connection.vendor != "postgresql":
        pytest.skip("the scratch database of a test run needs PostgreSQL")
    bad, good = tmp_path / "bad", tmp_path / "good"
    bad.mkdir()
    good.mkdir()
    write_dataset(bad, tasks=(1,))
    write_dataset(bad, tasks=(2,), enterprises=with_entry(ENTERPRISES, 0, country="XX"))
    write_dataset(good)
    with django_db_blocker.unblock():
        kept = Enterprise.objects.create(
            title="Configured enterprise", slug="configured-enterprise", status="published"
        )
        try:
            configured = connection.settings_dict["NAME"]
            counts = (Project.objects.count(), Enterprise.objects.count())
            with pytest.raises(CommandError, match=r"task2_enterprises\.json: entry 1 \(id 'E1'\)"):
                call_command("evaluate_matchmaking", "--dataset", str(bad))
            assert scratch_databases() == []

            call_command("evaluate_matchmaking", "--dataset", str(good), "--json")
            report = json.loads(capsys.readouterr().out)
            (task,) = report["tasks"]
            assert (task["task"], task["projects"], task["enterprises"]) == (1, 3, 3)
            found = task["figures"]["task1_truth.json"]
            assert [found["engine"][key] for key in ("recall@1", "recall@10", "mrr")] == (
                pytest.approx(list(ENGINE), abs=1e-4)
            )
            assert scratch_databases() == []
            assert connection.settings_dict["NAME"] == configured
            assert (Project.objects.count(), Enterprise.objects.count()) == counts
            assert Enterprise.objects.filter(pk=kept.pk).exists()
        finally:
            kept.delete()
