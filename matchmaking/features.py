"""The published projects and enterprises as matrices the engine scores in bulk.

Each side is loaded in a handful of queries (the records' own columns, then one query per
relation through its join table) into sparse 0/1 matrices over the taxonomies, arrays of amounts,
and TF-IDF vectors of their texts over one shared vocabulary. ``save``/``load`` keep a run's
features in the media storage (numpy archives, no pickles), for the chunks of the run, which may
run on other workers, and for recomputing one record's matches between runs.
"""

import io
import re
from dataclasses import dataclass, fields, replace

import numpy as np
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer

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

# Words of the alphabetic scripts; identifiers such as ACM0002, AMS-III.AU or VM0015 (letters
# and digits, or parts joined by dots, hyphens or slashes); and Han characters, which the text
# analyzer pairs up.
WORD = re.compile(r"[^\W\d_]{2,}")
TOKEN = re.compile(r"[\w.\-/]+")
CODE = re.compile(r"[^\W_]+(?:[.\-/][^\W_]+)+|[^\W\d_]*\d[^\W_]*")
HAN = re.compile(r"[\u3400-\u9fff]+")
TEXT_LIMIT = 3000  # characters of a description that count: enough to say what it is about


def analyze(text):
    """Lowercased words and identifiers, plus overlapping pairs of Han characters (Chinese has
    no spaces).

    An identifier (a methodology, a standard, a model number: letters with digits, or capitals
    joined by dots, hyphens or slashes, such as ACM0002 or AMS-III.AU) is one term, and also
    names its family: "ams-iii.au" is "ams-iii.au" and "ams-iii", so that two methods of a
    family are alike without being the same. A hyphenated word ("low-voltage") is its words.
    Plain numbers (amounts, years) and English function words ("and", "more"), which say
    nothing of a pair however rare they are in a small catalogue, are not terms.
    """
    tokens = []
    for match in TOKEN.finditer(text):
        written = match.group(0).strip(".-/")
        token = written.lower()
        identifier = any(char.isdigit() for char in token) or (
            written.isupper() and any(char in ".-/" for char in token)
        )
        if (
            identifier
            and CODE.fullmatch(token)
            and any(char.isalpha() for char in token)
            and not HAN.search(token)
        ):
            tokens.append(token)
            family = "-".join(re.split(r"[.\-/]", token)[:-1])
            if any(char.isalpha() for char in family):
                tokens.append(family)
            continue
        tokens += [
            word
            for word in WORD.findall(token)
            if word not in ENGLISH_STOP_WORDS and not HAN.fullmatch(word)
        ]
    for run in HAN.findall(text.lower()):
        tokens += [run[i : i + 2] for i in range(len(run) - 1)] or [run]
    return tokens


@dataclass
class Taxonomies:
    """The column of every taxonomy entry, by primary key, and its code, by column."""

    sectors: np.ndarray
    fields: np.ndarray
    countries: np.ndarray
    cooperation: np.ndarray
    sector_codes: np.ndarray
    field_codes: np.ndarray
    country_codes: np.ndarray
    cooperation_codes: np.ndarray

    @classmethod
    def load(cls):
        def ids_and_codes(model, code):
            rows = sorted(model.objects.values_list("pk", code))
            return np.array([r[0] for r in rows], dtype=np.int64), np.array(
                [str(r[1]) for r in rows]
            )

        sectors, sector_codes = ids_and_codes(Sector, "code")
        fields_, field_codes = ids_and_codes(TechnologyField, "code")
        countries, country_codes = ids_and_codes(Country, "iso2")
        cooperation, cooperation_codes = ids_and_codes(CooperationType, "code")
        return cls(
            sectors, fields_, countries, cooperation,
            sector_codes, field_codes, country_codes, cooperation_codes,
        )  # fmt: skip


def _columns(ids, values):
    """Columns of taxonomy primary keys ``values`` in the sorted ``ids`` (-1 when unknown)."""
    values = np.asarray(values, dtype=np.int64)
    if not len(ids):
        return np.full(len(values), -1, dtype=np.int64)
    positions = np.clip(np.searchsorted(ids, values), 0, len(ids) - 1)
    return np.where(ids[positions] == values, positions, -1)


def _matrix(row_of, pairs, taxonomy_ids, n_rows):
    """A 0/1 CSR matrix (records × taxonomy) from (record pk, taxonomy pk) pairs."""
    pairs = [(r, t) for r, t in pairs if r in row_of and t is not None]
    rows = np.fromiter((row_of[r] for r, _ in pairs), dtype=np.int64, count=len(pairs))
    cols = _columns(taxonomy_ids, [t for _, t in pairs])
    keep = cols >= 0
    matrix = sparse.csr_matrix(
        (np.ones(keep.sum(), dtype=np.float32), (rows[keep], cols[keep])),
        shape=(n_rows, len(taxonomy_ids)),
    )
    matrix.data[:] = 1  # duplicates (two paths to one sector) count once
    return matrix


@dataclass
class SideFeatures:
    ids: np.ndarray  # primary keys, by row
    sectors: sparse.csr_matrix
    fields: sparse.csr_matrix
    countries: sparse.csr_matrix  # a project's country; an enterprise's countries of interest
    home: np.ndarray  # column of the record's own country, -1 when none
    cooperation: sparse.csr_matrix  # sought by a project; offered by an enterprise
    amount_low: np.ndarray  # USD; a project's amount in both; nan when unknown
    amount_high: np.ndarray
    stage: np.ndarray  # a project's stage (index in ProjectStage); -1 for enterprises
    text: sparse.csr_matrix
    # A project's own enterprise (primary key), which is never its partner; -1 when none, and
    # for enterprises.
    enterprise: np.ndarray

    def row_of(self):
        return {int(pk): row for row, pk in enumerate(self.ids)}

    def __len__(self):
        return len(self.ids)


def _text(*parts):
    return " ".join(part for part in parts if part)[:TEXT_LIMIT]


def load_projects(taxonomies, queryset=None):
    from databases.models.project import ProjectStage

    stages = {value: i for i, value in enumerate(ProjectStage.values)}
    queryset = queryset if queryset is not None else Project.objects.published()
    queryset = queryset.filter(draft_of__isnull=True)
    rows = list(
        queryset.order_by("pk").values_list(
            "pk", "country_id", "stage", "investment_usd",
            "title_en", "summary_en", "description_en", "title", "summary", "enterprise_id",
        )
    )  # fmt: skip
    ids = np.array([r[0] for r in rows], dtype=np.int64)
    row_of = {pk: i for i, pk in enumerate(ids.tolist())}
    n = len(rows)
    selected = Project.objects.filter(pk__in=queryset.values("pk"))
    through = Project.sectors.through.objects.filter(project__in=selected)
    sectors = _matrix(row_of, through.values_list("project_id", "sector_id"), taxonomies.sectors, n)
    uses = Project.technologies.through.objects.filter(project__in=selected)
    fields_ = _matrix(
        row_of,
        uses.values_list("project_id", "technology__technology_fields"),
        taxonomies.fields,
        n,
    )
    country_columns = _columns(taxonomies.countries, [r[1] or 0 for r in rows])
    has_country = country_columns >= 0
    countries = sparse.csr_matrix(
        (
            np.ones(has_country.sum(), dtype=np.float32),
            (np.flatnonzero(has_country), country_columns[has_country]),
        ),
        shape=(n, len(taxonomies.countries)),
    )
    sought = Project.cooperation_types.through.objects.filter(project__in=selected)
    cooperation = _matrix(
        row_of,
        sought.values_list("project_id", "cooperationtype_id"),
        taxonomies.cooperation,
        n,
    )
    amounts = np.array(
        [float(r[3]) if r[3] is not None else np.nan for r in rows], dtype=np.float64
    )
    return SideFeatures(
        ids=ids,
        sectors=sectors,
        fields=fields_,
        countries=countries,
        home=country_columns,
        cooperation=cooperation,
        amount_low=amounts,
        amount_high=amounts.copy(),
        stage=np.array([stages.get(r[2], -1) for r in rows], dtype=np.int64),
        text=None,
        enterprise=np.array([r[9] or -1 for r in rows], dtype=np.int64),
    ), [_text(r[4] or r[7], r[5] or r[8], r[6]) for r in rows]


def load_enterprises(taxonomies, queryset=None):
    queryset = queryset if queryset is not None else Enterprise.objects.published()
    queryset = queryset.filter(draft_of__isnull=True)
    rows = list(
        queryset.order_by("pk").values_list(
            "pk", "country_id", "investment_min_usd", "investment_max_usd",
            "title_en", "summary_en", "description_en", "capabilities_en", "title", "summary",
        )
    )  # fmt: skip
    ids = np.array([r[0] for r in rows], dtype=np.int64)
    row_of = {pk: i for i, pk in enumerate(ids.tolist())}
    n = len(rows)
    selected = Enterprise.objects.filter(pk__in=queryset.values("pk"))
    own = Enterprise.sectors.through.objects.filter(enterprise__in=selected)
    wanted = Enterprise.interest_sectors.through.objects.filter(enterprise__in=selected)
    sectors = _matrix(
        row_of,
        [
            *own.values_list("enterprise_id", "sector_id"),
            *wanted.values_list("enterprise_id", "sector_id"),
        ],
        taxonomies.sectors,
        n,
    )
    provided = Technology.technology_fields.through.objects.filter(
        technology__status=PublicationStatus.PUBLISHED,
        technology__provider__in=selected,
    )
    fields_ = _matrix(
        row_of,
        provided.values_list("technology__provider_id", "technologyfield_id"),
        taxonomies.fields,
        n,
    )
    interest = Enterprise.interest_countries.through.objects.filter(enterprise__in=selected)
    countries = _matrix(
        row_of, interest.values_list("enterprise_id", "country_id"), taxonomies.countries, n
    )
    offered = Enterprise.cooperation_offered.through.objects.filter(enterprise__in=selected)
    cooperation = _matrix(
        row_of,
        offered.values_list("enterprise_id", "cooperationtype_id"),
        taxonomies.cooperation,
        n,
    )

    def amount(value):
        return float(value) if value is not None else np.nan

    # What an enterprise has done says what it does: its published projects and technologies.
    own_records = {}
    for owner, title, summary in (
        *Project.objects.published()
        .filter(draft_of__isnull=True, enterprise__in=selected)
        .values_list("enterprise_id", "title_en", "summary_en"),
        *Technology.objects.published()
        .filter(draft_of__isnull=True, provider__in=selected)
        .values_list("provider_id", "title_en", "summary_en"),
    ):
        own_records.setdefault(owner, []).append(_text(title, summary))

    return SideFeatures(
        ids=ids,
        sectors=sectors,
        fields=fields_,
        countries=countries,
        home=_columns(taxonomies.countries, [r[1] or 0 for r in rows]),
        cooperation=cooperation,
        amount_low=np.array([amount(r[2]) for r in rows]),
        amount_high=np.array([amount(r[3]) for r in rows]),
        stage=np.full(n, -1, dtype=np.int64),
        text=None,
        enterprise=np.full(n, -1, dtype=np.int64),
    ), [
        # Not its name: a name says who, not what; "Sol Verde" would match every "verde".
        _text(r[5] or r[9], r[6], r[7], *own_records.get(r[0], ()))
        for r in rows
    ]


# How fast repeating a term in an enterprise's profile stops adding evidence (BM25's k1).
SATURATION = 0.5


def _counts(texts, vocabulary):
    """Term counts of ``texts`` over ``vocabulary`` ({term: column})."""
    counter = CountVectorizer(analyzer=analyze, vocabulary=vocabulary, dtype=np.float32)
    return counter.transform(texts).tocsr()


def fit_text_model(project_texts, enterprise_texts):
    """The vocabulary and the weight of each term for a run: (vocabulary, idf).

    The terms are those of at least two texts, one of them an enterprise's (a term no
    enterprise uses cannot tell enterprises apart). A term weighs by its rarity among the
    enterprises, as BM25 weighs it: "acm0002" says much, "project" next to nothing.
    """
    texts = [*project_texts, *enterprise_texts]
    if len([text for text in texts if text]) < 2:
        return np.array([], dtype=str), np.array([], dtype=np.float32)
    counter = CountVectorizer(analyzer=analyze, min_df=2, dtype=np.float32)
    try:
        counts = counter.fit_transform(texts).tocsr()
    except ValueError:  # no term in two texts: they have nothing in common
        return np.array([], dtype=str), np.array([], dtype=np.float32)
    documents = np.asarray((counts[len(project_texts) :] > 0).sum(axis=0)).ravel()
    keep = documents > 0
    terms = counter.get_feature_names_out()[keep]
    documents = documents[keep]
    n = max(len(enterprise_texts), 1)
    idf = np.log1p((n - documents + 0.5) / (documents + 0.5)).astype(np.float32)
    return np.asarray(terms, dtype=str), idf


def project_text_vectors(texts, vocabulary, idf):
    """What a project's text asks for: its terms, each weighing its rarity, summing to 1."""
    if not len(vocabulary):
        return sparse.csr_matrix((len(texts), 0), dtype=np.float32)
    present = _counts(texts, {term: i for i, term in enumerate(vocabulary.tolist())})
    present.data[:] = 1
    weighted = present.multiply(idf[None, :]).tocsr()
    sums = np.asarray(weighted.sum(axis=1), dtype=np.float32).ravel()
    return sparse.diags(1 / np.maximum(sums, 1e-9)).dot(weighted).tocsr().astype(np.float32)


def enterprise_text_vectors(texts, vocabulary):
    """What an enterprise's profile says, term by term: 2/3 for a term it says once, 4/5 twice,
    towards 1 the more often (BM25's saturation), so that stronger evidence counts more but a
    repeated word cannot dominate. Not divided by the profile's length: a broad profile is not
    diluted (cosine similarity made one with 200 projects lose to one with 2). A pair's text
    score is then how much of the project's weighted terms the enterprise's profile covers."""
    if not len(vocabulary):
        return sparse.csr_matrix((len(texts), 0), dtype=np.float32)
    counts = _counts(texts, {term: i for i, term in enumerate(vocabulary.tolist())})
    counts.data = counts.data / (counts.data + SATURATION)
    return counts


@dataclass
class Features:
    taxonomies: Taxonomies
    projects: SideFeatures
    enterprises: SideFeatures
    vocabulary: np.ndarray  # the terms, by column of the text vectors
    idf: np.ndarray  # each term's weight (its rarity among the enterprises)

    @classmethod
    def load(cls):
        taxonomies = Taxonomies.load()
        projects, project_texts = load_projects(taxonomies)
        enterprises, enterprise_texts = load_enterprises(taxonomies)
        vocabulary, idf = fit_text_model(project_texts, enterprise_texts)
        projects.text = project_text_vectors(project_texts, vocabulary, idf)
        enterprises.text = enterprise_text_vectors(enterprise_texts, vocabulary)
        return cls(taxonomies, projects, enterprises, vocabulary, idf)

    def with_projects(self, texts, side):
        """These features with ``side`` as the projects, whose ``texts`` are vectorised in
        this run's vocabulary (one record's recompute)."""
        side.text = project_text_vectors(texts, self.vocabulary, self.idf)
        return replace(self, projects=side)

    def with_enterprises(self, texts, side):
        side.text = enterprise_text_vectors(texts, self.vocabulary)
        return replace(self, enterprises=side)


# Saving and loading a run's features ------------------------------------------------------------


def _path(run_id):
    return f"matchmaking/runs/{run_id}/features.npz"


# The layout of a saved run's features; a run saved by an engine of another layout is not read
# (its records wait for the next run).
FORMAT = 2


class StaleFeatures(FileNotFoundError):
    """The run's features were saved by another version of the engine."""


def _flatten(prefix, value, out):
    if sparse.issparse(value):
        value = value.tocsr()
        out[f"{prefix}.data"] = value.data
        out[f"{prefix}.indices"] = value.indices
        out[f"{prefix}.indptr"] = value.indptr
        out[f"{prefix}.shape"] = np.array(value.shape)
    else:
        out[prefix] = np.asarray(value)


def save(features, run_id):
    arrays = {}
    for group in ("taxonomies", "projects", "enterprises"):
        for field in fields(getattr(features, group)):
            _flatten(f"{group}.{field.name}", getattr(getattr(features, group), field.name), arrays)
    arrays["vocabulary"] = features.vocabulary
    arrays["idf"] = features.idf
    arrays["format"] = np.array(FORMAT)
    # A run id can come back (a rolled-back scratch run): never serve what it held before.
    _loaded.pop(run_id, None)
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    path = _path(run_id)
    if default_storage.exists(path):
        default_storage.delete(path)
    return default_storage.save(path, ContentFile(buffer.getvalue()))


def _unflatten(archive, prefix):
    if f"{prefix}.data" in archive:
        return sparse.csr_matrix(
            (archive[f"{prefix}.data"], archive[f"{prefix}.indices"], archive[f"{prefix}.indptr"]),
            shape=tuple(archive[f"{prefix}.shape"]),
        )
    return archive[prefix]


_loaded = {}  # run id -> Features, so that a worker reads a run's features once


def load(run_id):
    if run_id in _loaded:
        return _loaded[run_id]
    with default_storage.open(_path(run_id), "rb") as stored:
        archive = dict(np.load(io.BytesIO(stored.read()), allow_pickle=False))
    if int(archive.get("format", 1)) != FORMAT:
        raise StaleFeatures(_path(run_id))
    groups = {}
    for group, cls in (
        ("taxonomies", Taxonomies),
        ("projects", SideFeatures),
        ("enterprises", SideFeatures),
    ):
        groups[group] = cls(
            **{f.name: _unflatten(archive, f"{group}.{f.name}") for f in fields(cls)}
        )
    features = Features(
        groups["taxonomies"], groups["projects"], groups["enterprises"],
        archive["vocabulary"], archive["idf"],
    )  # fmt: skip
    _loaded.clear()
    _loaded[run_id] = features
    return features


def delete(run_id):
    _loaded.pop(run_id, None)
    path = _path(run_id)
    if default_storage.exists(path):
        default_storage.delete(path)
