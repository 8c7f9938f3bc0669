"""The matchmaking measured on real data: projects whose real partner is known.

A dataset (``../shared/data/matchmaking-dev``, see its README) holds one or more tasks, each a
set of files: ``task{N}_projects.json`` and ``task{N}_enterprises.json`` (records in the
portal's shapes), ``task{N}_truth.json`` (project id → the id of its real partner) and,
optionally, ``task{N}_truth_all.json`` (project id → every partner that counts).

``load_dataset`` reads and checks every file in memory. ``evaluate`` checks the codes against
the taxonomies of the database, imports each task through the portal's models, runs the
matchmaking as the nightly job does (``runs.run_inline``), measures where each project's
real partner ranks, and rolls the task back. It measures two baselines on the same records, and
what random order would give: the engine's figures mean something only next to theirs.

``evaluate`` works in the current database, which must hold no published project or enterprise
(they would be ranked too): ``scratch_database`` makes one, as Django makes test databases, so
that nothing touches the configured one. A run's files go to a temporary media directory.
"""

import json
import os
import re
import tempfile
import time
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import numpy as np
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.backends.base.creation import TEST_DATABASE_PREFIX
from django.test.utils import override_settings
from django.utils import timezone, translation
from django.utils.text import Truncator
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from databases.models import (
    CooperationType,
    Country,
    Enterprise,
    Project,
    PublicationStatus,
    Sector,
    Technology,
    TechnologyField,
)
from databases.models.project import ProjectStage
from matchmaking import engine, features, runs
from matchmaking.models import Match, RunTrigger
from matchmaking.weights import MIN_SCORE

# The datasets' coarse sector labels and the portal's sectors they stand for (the dataset
# README's mapping, used wherever such a set is scored, so that figures stay comparable).
SECTOR_LABELS = {
    "renewable-energy": ("solar-energy", "wind-energy", "hydropower", "bioenergy"),
    "energy-efficiency": ("energy-efficiency",),
    "green-buildings": ("green-buildings",),
    "clean-transport": ("clean-transport",),
    "circular-economy-waste": ("circular-economy",),
    "water": ("water-wastewater",),
    "sustainable-agriculture-forestry": ("sustainable-agriculture",),
    "green-manufacturing": ("green-manufacturing",),
    "carbon-capture": ("ccus",),
}
RANKERS = ("engine", "country-sector", "tfidf", "random")
CUTOFFS = (1, 10)  # recall@1 and recall@10
FILE_NAME = re.compile(r"task(\d+)_(projects|enterprises|truth|truth_all)\.json")
REQUIRED_FILES = ("projects", "enterprises", "truth")
ANSWER_FILES = ("truth", "truth_all")
MAX_PROBLEMS = 20  # listed in one error; the rest are counted
# The technologies that carry the records' fields are in use: "proven in operation".
TECHNOLOGY_TRL = 9
# The largest CO2 reduction a project's column holds (14 digits, one after the point).
MAX_CO2 = Decimal("9999999999999.9")
# The TF-IDF baseline keeps identifiers and codes whole ("AMS-I.D", "ACM0002", "AR-ACM0003")
# and drops English stop words; otherwise sklearn's defaults. This is the baseline of the
# dataset README, whose figures it reproduces (sklearn's default tokens split "AMS-I.D" into
# "ams", and do about 0.01 worse on task 1).
TFIDF_TOKENS = r"(?u)\w[\w.\-]*\w"


class DatasetError(Exception):
    """What is wrong with a dataset: one line per problem, naming the file and the entry."""

    def __init__(self, problems):
        self.problems = list(problems)
        lines = self.problems[:MAX_PROBLEMS]
        if len(self.problems) > MAX_PROBLEMS:
            lines.append(f"... and {len(self.problems) - MAX_PROBLEMS} more problems")
        super().__init__("\n".join(lines))


def file_name(number, kind):
    return f"task{number}_{kind}.json"


@dataclass
class Task:
    number: int
    projects: list  # checked records, in file order
    enterprises: list
    answers: dict  # {answer file name: {project id: (enterprise id, ...)}}

    def file(self, kind):
        return file_name(self.number, kind)


# Reading and checking a dataset --------------------------------------------------------------


class _Invalid(Exception):
    """One problem with one entry."""


def load_dataset(directory, numbers=None):
    """The tasks of ``directory`` (those numbered ``numbers``, or all), every file read and
    checked; raises DatasetError listing every problem found."""
    directory = Path(directory)
    if not directory.is_dir():
        raise DatasetError([f"{directory}: no such directory"])
    found = sorted(
        {int(match[1]) for path in directory.iterdir() if (match := FILE_NAME.fullmatch(path.name))}
    )
    if not found and numbers is None:
        raise DatasetError([f"{directory}: no task files (task1_projects.json, ...)"])
    problems, tasks = [], []
    for number in sorted(numbers) if numbers is not None else found:
        task = _load_task(directory, number, problems)
        if task is not None:
            tasks.append(task)
    if problems:
        raise DatasetError(problems)
    return tasks


def _load_task(directory, number, problems):
    missing = [
        file_name(number, kind)
        for kind in REQUIRED_FILES
        if not (directory / file_name(number, kind)).is_file()
    ]
    for name in missing:
        problems.append(
            f"{name}: missing (task {number} needs its projects, enterprises and truth files)"
        )
    if missing:
        return None
    projects = _records(directory, file_name(number, "projects"), _project, problems)
    enterprises = _records(directory, file_name(number, "enterprises"), _enterprise, problems)
    answers = {}
    for kind in ANSWER_FILES:
        name = file_name(number, kind)
        if (directory / name).is_file():
            answers[name] = _answers(directory, number, name, projects, enterprises, problems)
    return Task(number, projects, enterprises, answers)


def _read_json(directory, name, problems):
    def no_duplicate_keys(pairs):
        found = dict(pairs)
        if len(found) < len(pairs):
            seen = set()
            duplicate = next(key for key, _value in pairs if key in seen or seen.add(key))
            raise ValueError(f"duplicate key {duplicate!r}")
        return found

    try:
        text = (directory / name).read_text(encoding="utf-8")
        return json.loads(text, object_pairs_hook=no_duplicate_keys)
    except UnicodeDecodeError as error:
        problems.append(f"{name}: not UTF-8 text ({error.reason} at byte {error.start})")
    except json.JSONDecodeError as error:
        problems.append(
            f"{name}: not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})"
        )
    except ValueError as error:
        problems.append(f"{name}: not valid JSON: {error}")
    return None


def _records(directory, name, check, problems):
    data = _read_json(directory, name, problems)
    if data is None:
        return []
    if not isinstance(data, list):
        problems.append(f"{name}: expected a list of records")
        return []
    records, seen = [], set()
    for index, raw in enumerate(data, start=1):
        where = _entry(name, index, raw)
        try:
            record = check(raw)
        except _Invalid as problem:
            problems.append(f"{where}: {problem}")
            continue
        if record["id"] in seen:
            problems.append(f"{where}: duplicate id")
            continue
        seen.add(record["id"])
        records.append(record)
    return records


def _entry(name, index, raw):
    """How a problem names the entry: its position, and its id when it has one."""
    if isinstance(raw, dict) and isinstance(raw.get("id"), str):
        return f"{name}: entry {index} (id {raw['id']!r})"
    return f"{name}: entry {index}"


def _text(raw, key, required=False):
    value = raw.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise _Invalid(f"{key!r} must be {'a non-empty' if required else 'a'} string")
    return value


def _code(raw, key):
    value = raw.get(key)
    if value is not None and not isinstance(value, str):
        raise _Invalid(f"{key!r} must be a code (a string) or null")
    return value


def _codes(raw, key):
    value = raw.get(key)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _Invalid(f"{key!r} must be a list of codes (strings)")
    return list(dict.fromkeys(value))


def _sector_labels(raw):
    labels = _codes(raw, "sectors")
    for label in labels:
        if label not in SECTOR_LABELS:
            raise _Invalid(f"unknown sector label {label!r} (known: {', '.join(SECTOR_LABELS)})")
    return labels


def _project(raw):
    if not isinstance(raw, dict):
        raise _Invalid("not an object")
    stage = raw.get("stage") or ProjectStage.CONCEPT
    if stage not in ProjectStage.values:
        raise _Invalid(f"unknown stage {stage!r} (known: {', '.join(ProjectStage.values)})")
    co2 = raw.get("expected_co2_reduction_t_per_year")
    if co2 is not None:
        if isinstance(co2, bool) or not isinstance(co2, int | float) or not 0 <= co2 <= MAX_CO2:
            raise _Invalid(
                "'expected_co2_reduction_t_per_year' must be null or a number from 0 "
                f"to {MAX_CO2:,}"
            )
        co2 = Decimal(repr(round(float(co2), 1)))
    return {
        "id": _text(raw, "id", required=True),
        "title": _text(raw, "title", required=True),
        "description": _text(raw, "description"),
        "country": _code(raw, "country"),
        "sectors": _sector_labels(raw),
        "technology_fields": _codes(raw, "technology_fields"),
        "stage": stage,
        "cooperation": _codes(raw, "cooperation_sought"),
        "co2_reduction": co2,
    }


def _enterprise(raw):
    if not isinstance(raw, dict):
        raise _Invalid("not an object")
    return {
        "id": _text(raw, "id", required=True),
        "title": _text(raw, "name", required=True),
        "description": _text(raw, "description"),
        "country": _code(raw, "country"),
        "sectors": _sector_labels(raw),
        "technology_fields": _codes(raw, "technology_fields"),
        "countries_of_interest": _codes(raw, "countries_of_interest"),
        "cooperation": _codes(raw, "cooperation_offered"),
    }


def _answers(directory, number, name, projects, enterprises, problems):
    """{project id: (enterprise id, ...)} from an answer file: each project's partner, or a
    list of the partners that count."""
    data = _read_json(directory, name, problems)
    if data is None:
        return {}
    if not isinstance(data, dict) or not data:
        problems.append(f"{name}: expected an object of project id → enterprise id(s)")
        return {}
    project_ids = {record["id"] for record in projects}
    enterprise_ids = {record["id"] for record in enterprises}
    answers = {}
    for project, answer in data.items():
        where = f"{name}: entry {project!r}"
        listed = [answer] if isinstance(answer, str) else answer
        if (
            not isinstance(listed, list)
            or not listed
            or not all(isinstance(e, str) for e in listed)
        ):
            problems.append(f"{where}: expected an enterprise id or a non-empty list of them")
            continue
        if project not in project_ids:
            problems.append(f"{where}: no such project in {file_name(number, 'projects')}")
            continue
        unknown = [e for e in listed if e not in enterprise_ids]
        if unknown:
            problems.append(
                f"{where}: no enterprise {unknown[0]!r} in {file_name(number, 'enterprises')}"
            )
            continue
        answers[project] = tuple(dict.fromkeys(listed))
    return answers


# The database's taxonomies --------------------------------------------------------------------


@dataclass
class Taxonomy:
    """Primary keys of the database's taxonomy entries by code (technology fields in lower
    case: the datasets write "Y02E", the portal "y02e")."""

    countries: dict
    sectors: dict
    fields: dict
    cooperation: dict

    @classmethod
    def load(cls):
        return cls(
            countries=dict(Country.objects.values_list("iso2", "pk")),
            sectors=dict(Sector.objects.values_list("code", "pk")),
            fields={
                code.lower(): pk for code, pk in TechnologyField.objects.values_list("code", "pk")
            },
            cooperation=dict(CooperationType.objects.values_list("code", "pk")),
        )

    def problems(self, task):
        """Every code of the task that this database's taxonomies lack, by file and entry."""
        found = []
        for kind, records in (("projects", task.projects), ("enterprises", task.enterprises)):
            for index, record in enumerate(records, start=1):
                problem = self._problem(record)
                if problem:
                    found.append(
                        f"{task.file(kind)}: entry {index} (id {record['id']!r}): {problem}"
                    )
        return found

    def _problem(self, record):
        countries = [record["country"], *record.get("countries_of_interest", ())]
        for code in countries:
            if code is not None and code.upper() not in self.countries:
                return f"unknown country code {code!r}"
        for label in record["sectors"]:
            for code in SECTOR_LABELS[label]:
                if code not in self.sectors:
                    return f"sector label {label!r} stands for {code!r}, which is not a sector here"
        for code in record["technology_fields"]:
            if code.lower() not in self.fields:
                return f"unknown technology field {code!r}"
        for code in record["cooperation"]:
            if code not in self.cooperation:
                return f"unknown cooperation type {code!r}"
        return None

    def country(self, code):
        return None if code is None else self.countries[code.upper()]

    def sector_ids(self, labels):
        return {self.sectors[code] for label in labels for code in SECTOR_LABELS[label]}

    def field_ids(self, codes):
        return {self.fields[code.lower()] for code in codes}


# Importing -----------------------------------------------------------------------------------


@dataclass
class Imported:
    projects: dict  # dataset id -> primary key
    enterprises: dict
    notes: list  # what the import changed, for the reader


def import_dataset(task, taxonomy):
    """Create the task's records, published, through the portal's models: each enterprise with
    one technology it provides in its fields (an enterprise offers fields through the
    technologies it provides), each project using the one technology of its set of fields.

    Bulk inserts send no signals, so no record schedules a recompute of its matches; on
    PostgreSQL the search trigger indexes the rows as they are inserted."""
    now = timezone.now()
    published = {"status": PublicationStatus.PUBLISHED, "published_at": now}
    notes = []
    title_length = Project._meta.get_field("title").max_length
    shortened = 0

    def title(text):
        nonlocal shortened
        shortened += len(text) > title_length
        return Truncator(text).chars(title_length)

    with translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE), transaction.atomic():
        enterprises = Enterprise.objects.bulk_create(
            [
                Enterprise(
                    title=title(record["title"]),
                    slug=f"evaluation-enterprise-{index}",
                    description=record["description"],
                    country_id=taxonomy.country(record["country"]),
                    verified=True,
                    **published,
                )
                for index, record in enumerate(task.enterprises, start=1)
            ]
        )
        enterprise_pk = {r["id"]: e.pk for r, e in zip(task.enterprises, enterprises, strict=True)}
        by_enterprise = [(enterprise_pk[r["id"]], r) for r in task.enterprises]
        _link(
            Enterprise.sectors,
            [
                (pk, sector)
                for pk, r in by_enterprise
                for sector in taxonomy.sector_ids(r["sectors"])
            ],
        )
        _link(
            Enterprise.interest_countries,
            [
                (pk, taxonomy.country(code))
                for pk, r in by_enterprise
                for code in r["countries_of_interest"]
            ],
        )
        _link(
            Enterprise.cooperation_offered,
            [
                (pk, taxonomy.cooperation[code])
                for pk, r in by_enterprise
                for code in r["cooperation"]
            ],
        )
        _technologies(
            [(pk, r["technology_fields"]) for pk, r in by_enterprise if r["technology_fields"]],
            taxonomy,
            published,
            "provided",
        )

        field_sets = sorted(
            {tuple(sorted({c.lower() for c in r["technology_fields"]})) for r in task.projects}
            - {()}
        )
        used = _technologies([(None, codes) for codes in field_sets], taxonomy, published, "used")
        technology_of = {
            codes: technology.pk for codes, technology in zip(field_sets, used, strict=True)
        }
        projects = Project.objects.bulk_create(
            [
                Project(
                    title=title(record["title"]),
                    slug=f"evaluation-project-{index}",
                    description=record["description"],
                    country_id=taxonomy.country(record["country"]),
                    stage=record["stage"],
                    co2_reduction=record["co2_reduction"],
                    **published,
                )
                for index, record in enumerate(task.projects, start=1)
            ]
        )
        project_pk = {r["id"]: p.pk for r, p in zip(task.projects, projects, strict=True)}
        by_project = [(project_pk[r["id"]], r) for r in task.projects]
        _link(
            Project.sectors,
            [(pk, sector) for pk, r in by_project for sector in taxonomy.sector_ids(r["sectors"])],
        )
        _link(
            Project.cooperation_types,
            [(pk, taxonomy.cooperation[code]) for pk, r in by_project for code in r["cooperation"]],
        )
        _link(
            Project.technologies,
            [
                (pk, technology_of[tuple(sorted({c.lower() for c in r["technology_fields"]}))])
                for pk, r in by_project
                if r["technology_fields"]
            ],
        )
    if shortened:
        notes.append(
            f"{shortened} title(s) shortened to {title_length} characters, the portal's limit"
        )
    return Imported(project_pk, enterprise_pk, notes)


def _technologies(owned, taxonomy, published, role):
    """One published technology per (provider pk or None, field codes), in order."""
    technologies = Technology.objects.bulk_create(
        [
            Technology(
                title=", ".join(sorted(code.upper() for code in codes)),
                slug=f"evaluation-technology-{role}-{index}",
                provider_id=provider,
                trl=TECHNOLOGY_TRL,
                **published,
            )
            for index, (provider, codes) in enumerate(owned, start=1)
        ]
    )
    _link(
        Technology.technology_fields,
        [
            (technology.pk, field_pk)
            for technology, (_provider, codes) in zip(technologies, owned, strict=True)
            for field_pk in taxonomy.field_ids(codes)
        ],
    )
    return technologies


def _link(relation, pairs):
    """Many-to-many rows (record pk, target pk) of ``relation`` (e.g. Project.sectors), in bulk."""
    through = relation.through
    source = f"{relation.field.m2m_field_name()}_id"
    target = f"{relation.field.m2m_reverse_field_name()}_id"
    through.objects.bulk_create(
        [through(**{source: a, target: b}) for a, b in dict.fromkeys(pairs)], batch_size=5000
    )


# Measuring -----------------------------------------------------------------------------------


def expected_ranks(scores, right):
    """Where the first of the ``right`` columns ranks in ``scores`` (best first), as a
    distribution over the random order of tied scores: (ranks, probabilities)."""
    right = np.unique(right)
    best = scores[right].max()
    better = int(np.count_nonzero(scores > best))
    tied = int(np.count_nonzero(scores == best))
    hits = int(np.count_nonzero(scores[right] == best))
    # P(no right one among the first j of the tied) = C(tied - j, hits) / C(tied, hits).
    j = np.arange(tied - hits + 2)[:, None]
    k = np.arange(hits)[None, :]
    none_yet = np.prod((tied - j - k) / (tied - k), axis=1)
    return better + np.arange(1, tied - hits + 2), none_yet[:-1] - none_yet[1:]


def figures_of(ranks, chances):
    """recall@1, recall@10 and the reciprocal rank, in expectation."""
    return np.array([*(chances[ranks <= k].sum() for k in CUTOFFS), (chances / ranks).sum()])


@dataclass
class TaskResult:
    task: int
    projects: int
    enterprises: int
    # {answer file: {"projects": n, ranker: {"recall@1": .., "recall@10": .., "mrr": ..}}}
    figures: dict
    weights: dict  # the engine's
    seconds: dict
    matches_kept: int
    notes: list


def evaluate(tasks, weights=None):
    """The figures of the engine and of the baselines on each task: imported into this
    database, run as the nightly job runs, measured, and rolled back.

    The engine scores with ``weights`` ({criterion: weight}), by default those the run pinned
    (the live ones). Its recall@k is that of the matches the run kept when it scored with these
    weights, else that of the pairs such a run would keep (from MIN_SCORE up, best first, ties
    at their expectation); its MRR is from every enterprise's score. Raises DatasetError,
    before importing anything, when a code is not in this database's taxonomies."""
    if Project.objects.published().exists() or Enterprise.objects.published().exists():
        raise ValueError(
            "The evaluation needs a database without published projects or enterprises "
            "(they would be ranked too): run it in scratch_database()."
        )
    taxonomy = Taxonomy.load()
    problems = [problem for task in tasks for problem in taxonomy.problems(task)]
    if problems:
        raise DatasetError(problems)
    return [_evaluate(task, taxonomy, weights) for task in tasks]


def _evaluate(task, taxonomy, weights):
    seconds = {}
    clock = time.perf_counter()
    with _scratch_media(), transaction.atomic():
        imported = import_dataset(task, taxonomy)
        seconds["import"] = time.perf_counter() - clock
        run = runs.run_inline(RunTrigger.MANUAL)
        seconds["run"] = time.perf_counter() - clock - seconds["import"]
        try:
            figures = _measure(
                task, run, imported, weights or run.weights, weights in (None, run.weights)
            )
        finally:
            features.delete(run.pk)  # and from this process's memory: a later run may reuse its id
        seconds["measure"] = time.perf_counter() - clock - seconds["import"] - seconds["run"]
        transaction.set_rollback(True)
    return TaskResult(
        task=task.number,
        projects=len(task.projects),
        enterprises=len(task.enterprises),
        figures=figures,
        weights=dict(weights or run.weights),
        seconds={name: round(value, 2) for name, value in seconds.items()},
        matches_kept=run.matches_kept,
        notes=imported.notes,
    )


@contextmanager
def _scratch_media():
    """Media storage in a temporary directory, for the run's features and chunks."""
    with (
        tempfile.TemporaryDirectory(prefix="matchmaking-evaluation-") as media,
        override_settings(
            MEDIA_ROOT=media,
            STORAGES={
                **settings.STORAGES,
                "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            },
        ),
    ):
        yield


def _measure(task, run, imported, weights, kept_by_run):
    loaded = features.load(run.pk)
    row_of, column_of = loaded.projects.row_of(), loaded.enterprises.row_of()
    right = {
        name: {
            row_of[imported.projects[project]]: [column_of[imported.enterprises[e]] for e in listed]
            for project, listed in answers.items()
        }
        for name, answers in task.answers.items()
    }
    rankers = {
        "engine": lambda rows: engine.score_block(loaded, rows, weights=weights),
        "country-sector": lambda rows: _country_and_sector(loaded, rows),
        "tfidf": _tfidf(loaded),
        # Every enterprise tied: the expectation under random order.
        "random": lambda rows: np.zeros((len(rows), len(loaded.enterprises)), dtype=np.float32),
    }
    shown = _shown_ranks(run, loaded) if kept_by_run else None
    totals = {name: {ranker: np.zeros(3) for ranker in RANKERS} for name in right}
    rows = np.array(sorted(set().union(*right.values())), dtype=np.int64)
    size = runs.chunk_size()
    for start in range(0, len(rows), size):
        block = rows[start : start + size]
        for ranker, score in rankers.items():
            matrix = score(block)
            for i, row in enumerate(block.tolist()):
                for name, answers in right.items():
                    if row not in answers:
                        continue
                    figures = figures_of(*expected_ranks(matrix[i], answers[row]))
                    if ranker == "engine":
                        figures[: len(CUTOFFS)] = (
                            _shown_recall(shown[row], answers[row])
                            if shown is not None
                            else _kept_recall(matrix[i], answers[row])
                        )
                    totals[name][ranker] += figures
    results = {}
    for name, by_ranker in totals.items():
        count = len(right[name])
        results[name] = {"projects": count}
        for ranker, total in by_ranker.items():
            mean = total / count
            results[name][ranker] = {
                **{f"recall@{k}": round(float(v), 4) for k, v in zip(CUTOFFS, mean, strict=False)},
                "mrr": round(float(mean[-1]), 4),
            }
    return results


def _shown_ranks(run, loaded):
    """{project row: {enterprise column: rank}} of the matches the run kept for each project."""
    row_of, column_of = loaded.projects.row_of(), loaded.enterprises.row_of()
    shown = defaultdict(dict)
    kept = Match.objects.filter(run=run, project_rank__lte=max(CUTOFFS)).values_list(
        "project_id", "enterprise_id", "project_rank"
    )
    for project, enterprise, rank in kept:
        shown[row_of[project]][column_of[enterprise]] = rank
    return shown


def _shown_recall(ranks, right):
    first = min((ranks[c] for c in right if c in ranks), default=None)
    return [float(first is not None and first <= k) for k in CUTOFFS]


def _kept_recall(scores, right):
    """Recall among the pairs a run would keep: those scoring MIN_SCORE or more."""
    if scores[right].max() < MIN_SCORE:
        return [0.0] * len(CUTOFFS)
    return figures_of(*expected_ranks(scores, right))[: len(CUTOFFS)]


def _country_and_sector(loaded, rows):
    """[the enterprise is based in or looks to the project's country] + the share of the
    project's sectors that it works in."""
    p, e = loaded.projects, loaded.enterprises
    country = (p.countries[rows] @ e.countries.T).toarray() > 0
    home = p.home[rows][:, None]
    country |= (home >= 0) & (home == e.home[None, :])
    shared = (p.sectors[rows] @ e.sectors.T).toarray()
    counts = np.asarray(p.sectors[rows].sum(axis=1), dtype=np.float64)
    return country + shared / np.maximum(counts, 1)


def _tfidf(loaded):
    """Cosine of TF-IDF vectors: the project's title and description against the enterprise's
    description, fitted on both sides' texts."""
    projects = {
        pk: f"{title} {description}"
        for pk, title, description in Project.objects.values_list("pk", "title", "description")
    }
    enterprises = dict(Enterprise.objects.values_list("pk", "description"))
    texts = [projects[pk] for pk in loaded.projects.ids.tolist()]
    texts += [enterprises[pk] for pk in loaded.enterprises.ids.tolist()]
    try:
        vectors = TfidfVectorizer(token_pattern=TFIDF_TOKENS, stop_words="english").fit_transform(
            texts
        )
    except ValueError:  # not a single term: every pair scores 0
        vectors = sparse.csr_matrix((len(texts), 0))
    vectors = vectors.tocsr()
    project_vectors, enterprise_vectors = (
        vectors[: len(loaded.projects)],
        vectors[len(loaded.projects) :],
    )
    return lambda rows: (project_vectors[rows] @ enterprise_vectors.T).toarray()


# A database of its own -----------------------------------------------------------------------


@contextmanager
def scratch_database(verbosity=0):
    """A fresh database for the evaluation, migrated (with the real taxonomies), made and
    dropped as Django makes test databases (as ``manage.py testserver`` does), and dropped
    whatever happens; meanwhile the default connection uses it, and the configured database
    is not touched. On PostgreSQL the database user needs the CREATEDB privilege, as for the
    tests; on SQLite it is a file in a temporary directory."""
    connection = connections[DEFAULT_DB_ALIAS]
    configured = connection.settings_dict["NAME"]
    test_settings = connection.settings_dict["TEST"]
    test_name = test_settings.get("NAME")
    with tempfile.TemporaryDirectory(prefix="matchmaking-evaluation-") as directory:
        if connection.vendor == "sqlite":
            test_settings["NAME"] = str(Path(directory) / "scratch.sqlite3")
        else:
            # Not pytest's test_<name> (nor its _gw<n> clones), nor another evaluation's.
            test_settings["NAME"] = f"{TEST_DATABASE_PREFIX}{configured}_evaluation_{os.getpid()}"
        try:
            connection.creation.create_test_db(verbosity=verbosity, autoclobber=True)
            yield test_settings["NAME"]
        finally:
            if connection.settings_dict["NAME"] != configured:
                connection.creation.destroy_test_db(configured, verbosity=verbosity)
            test_settings["NAME"] = test_name
