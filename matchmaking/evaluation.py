"""A labelled evaluation set for the engine, and its precision@10 and recall@10.

The set is built so that each project's right partners are known: enterprises and projects are
drawn from hidden *profiles* (a sector, a country, the cooperation sought, an investment size and
a topic). A project's right partners are the enterprises of its profile. Each profile has
*decoys*: enterprises of the same sector that differ in everything else, so sharing a sector is
not enough to be right. Records get noise (a second sector, a missing amount, a vaguer text), and
some projects are written in Chinese, so that only their structured fields can match.

The baseline ranks enterprises by sector overlap alone, as a person filtering by sector would.
"""

from dataclasses import dataclass

import numpy as np
from scipy import sparse

from matchmaking import engine, features
from matchmaking.weights import WEIGHTS

SECTORS = [
    "solar-energy", "wind-energy", "hydropower", "bioenergy", "hydrogen-fuel-cells",
    "energy-storage", "energy-efficiency", "green-buildings", "clean-transport",
    "circular-economy", "water-wastewater", "sustainable-agriculture",
]  # fmt: skip
COUNTRIES = ["BR", "RU", "IN", "CN", "ZA", "EG", "ET", "ID", "IR", "AE", "SA"]
COOPERATION = [
    "investment", "technology-transfer", "licensing", "joint-venture", "epc-contracting",
    "equipment-supply", "consulting", "training", "financing",
]  # fmt: skip
STAGES = ["concept", "feasibility", "financing", "construction", "operation"]
TOPICS = [
    "floating photovoltaic reservoir", "offshore turbine foundation", "small hydro turbine",
    "biogas digester manure", "electrolyser green ammonia", "lithium battery storage",
    "waste heat recovery", "passive house retrofit", "electric bus charging",
    "plastic recycling pellets", "desalination membrane", "drip irrigation sensors",
    "rooftop solar schools", "district cooling", "geothermal heat pump",
    "agrivoltaic greenhouse", "tidal energy converter", "smart meter rollout",
    "green steel hydrogen", "cement clinker substitute", "textile water reuse",
    "cold chain solar", "rice husk power", "landfill gas capture",
]  # fmt: skip
FILLER = [
    "project", "company", "green", "industry", "development", "cooperation", "partner",
    "experience",
]  # fmt: skip


@dataclass
class EvaluationSet:
    features: features.Features
    right: list  # per project row, the set of right enterprise rows


def build(profiles=40, partners=5, decoys=10, projects_per_profile=5, seed=7):
    rng = np.random.default_rng(seed)
    codes = {
        "sectors": np.array(SECTORS),
        "fields": np.array(["y02e"]),
        "countries": np.array(COUNTRIES),
        "cooperation": np.array(COOPERATION),
    }
    taxonomies = features.Taxonomies(
        sectors=np.arange(len(SECTORS)),
        fields=np.arange(1),
        countries=np.arange(len(COUNTRIES)),
        cooperation=np.arange(len(COOPERATION)),
        sector_codes=codes["sectors"],
        field_codes=codes["fields"],
        country_codes=codes["countries"],
        cooperation_codes=codes["cooperation"],
    )
    hidden = [
        {
            "sector": int(rng.integers(len(SECTORS))),
            "country": int(rng.integers(len(COUNTRIES))),
            "cooperation": rng.choice(len(COOPERATION), size=2, replace=False).tolist(),
            "amount": float(10 ** rng.uniform(5, 8.5)),
            "stage": int(rng.integers(len(STAGES))),
            "topic": TOPICS[i % len(TOPICS)],
        }
        for i in range(profiles)
    ]

    enterprises, right_rows = [], []
    for index, profile in enumerate(hidden):
        rows = []
        for _ in range(partners):
            rows.append(len(enterprises))
            enterprises.append(_enterprise(rng, profile, right=True))
        right_rows.append(set(rows))
        for _ in range(decoys):
            decoy = dict(profile)
            decoy["country"] = int(
                (profile["country"] + rng.integers(1, len(COUNTRIES))) % len(COUNTRIES)
            )
            decoy["cooperation"] = [
                c for c in rng.permutation(len(COOPERATION)).tolist()
                if c not in profile["cooperation"]
            ][:2]  # fmt: skip
            decoy["amount"] = profile["amount"] * 10 ** rng.choice([-2.5, 2.5])
            decoy["topic"] = TOPICS[(index + 1 + int(rng.integers(len(TOPICS) - 1))) % len(TOPICS)]
            enterprises.append(_enterprise(rng, decoy, right=False))

    projects, right = [], []
    for index, profile in enumerate(hidden):
        for number in range(projects_per_profile):
            chinese = number == projects_per_profile - 1
            projects.append(_project(rng, profile, chinese))
            right.append(right_rows[index])

    def side(records, is_project):
        n = len(records)

        def matrix(key, width):
            rows = [i for i, r in enumerate(records) for _ in r[key]]
            cols = [c for r in records for c in r[key]]
            return sparse.csr_matrix(
                (np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(n, width)
            )

        return features.SideFeatures(
            ids=np.arange(n),
            sectors=matrix("sectors", len(SECTORS)),
            fields=sparse.csr_matrix((n, 1), dtype=np.float32),
            countries=matrix("countries", len(COUNTRIES)),
            home=np.array([r["home"] for r in records]),
            cooperation=matrix("cooperation", len(COOPERATION)),
            amount_low=np.array([r["low"] for r in records]),
            amount_high=np.array([r["high"] for r in records]),
            stage=np.array([r["stage"] if is_project else -1 for r in records]),
            text=None,
            enterprise=np.full(n, -1),
        )

    project_side, enterprise_side = side(projects, True), side(enterprises, False)
    project_texts = [r["text"] for r in projects]
    enterprise_texts = [r["text"] for r in enterprises]
    vocabulary, idf = features.fit_text_model(project_texts, enterprise_texts)
    project_side.text = features.project_text_vectors(project_texts, vocabulary, idf)
    enterprise_side.text = features.enterprise_text_vectors(enterprise_texts, vocabulary)
    loaded = features.Features(taxonomies, project_side, enterprise_side, vocabulary, idf)
    return EvaluationSet(loaded, right)


def _enterprise(rng, profile, right):
    sectors = {profile["sector"]}
    if rng.random() < 0.4:
        sectors.add(int(rng.integers(len(SECTORS))))
    countries = {profile["country"]} | {
        int(c) for c in rng.choice(len(COUNTRIES), size=int(rng.integers(0, 3)), replace=False)
    }
    cooperation = set(profile["cooperation"]) | (
        {int(rng.integers(len(COOPERATION)))} if rng.random() < 0.3 else set()
    )
    amount = profile["amount"]
    low, high = (amount / 10 ** rng.uniform(0.3, 1), amount * 10 ** rng.uniform(0.3, 1))
    if rng.random() < 0.2:
        low = high = np.nan
    words = profile["topic"].split() if rng.random() < 0.8 else []
    text = " ".join([*words, *rng.choice(FILLER, size=6).tolist()])
    return {
        "sectors": sorted(sectors),
        "countries": sorted(countries),
        "home": int(rng.integers(len(COUNTRIES))),
        "cooperation": sorted(cooperation),
        "low": low,
        "high": high,
        "stage": -1,
        "text": text,
    }


def _project(rng, profile, chinese):
    sectors = {profile["sector"]}
    if rng.random() < 0.3:
        sectors.add(int(rng.integers(len(SECTORS))))
    amount = profile["amount"] * 10 ** rng.uniform(-0.3, 0.3)
    if rng.random() < 0.15:
        amount = np.nan
    if chinese:
        text = "绿色 项目 合作 伙伴 投资"
    else:
        text = " ".join([*profile["topic"].split(), *rng.choice(FILLER, size=6).tolist()])
    return {
        "sectors": sorted(sectors),
        "countries": [profile["country"]],
        "home": profile["country"],
        "cooperation": sorted(profile["cooperation"]),
        "low": amount,
        "high": amount,
        "stage": profile["stage"],
        "text": text,
    }


def _metrics(ranked, right, k):
    hits = np.array(
        [len(set(row[:k].tolist()) & truth) for row, truth in zip(ranked, right, strict=True)]
    )
    sizes = np.array([len(truth) for truth in right])
    return float((hits / k).mean()), float((hits / sizes).mean())


def evaluate(evaluation, k=10, seed=7):
    """{"engine": (precision@k, recall@k), "baseline": (...)}."""
    loaded = evaluation.features
    rows = np.arange(len(loaded.projects))
    # The default weights: the set checks that each criterion does its part, whatever is live.
    engine_ranked = engine.best_per_project(engine.score_block(loaded, rows, weights=WEIGHTS), k)
    overlap, _ = engine._share(loaded.projects.sectors, loaded.enterprises.sectors)
    # Ties (many enterprises share the sector) are broken at random, as a list would show them.
    jitter = np.random.default_rng(seed).random(overlap.shape).astype(np.float32) * 1e-3
    baseline_ranked = engine.best_per_project(overlap + jitter, k)
    return {
        "engine": _metrics(engine_ranked, evaluation.right, k),
        "baseline": _metrics(baseline_ranked, evaluation.right, k),
    }
