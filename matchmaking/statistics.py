"""What the matchmaking has achieved and how well it ranks: the statistics page's and the home
page's figures of introductions, and the engine's measured quality.

Introductions are counted in one query; each figure carries the number of distinct enterprises
behind it (of the two sides, the fewer), so a figure about fewer than five members is suppressed
like every other (databases/statistics.py). The quality is read from ``data/quality.json``, the
last measurement on real data (docs/matchmaking.md), never recomputed for a page.
"""

import datetime
import json
from functools import cache
from pathlib import Path

from babel.numbers import format_decimal
from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from databases import statistics
from databases.statistics import Figure
from matchmaking.models import Introduction, IntroductionStatus, Outcome
from platform_site import l10n

QUALITY = Path(__file__).resolve().parent / "data" / "quality.json"
RANKERS = {
    "engine": _("The platform's matchmaking"),
    "tfidf": _("Text similarity alone (TF-IDF)"),
    "country_sector": _("Same country and a shared sector"),
    "random": _("Random order"),
}


def _members(prefix, condition):
    """The distinct enterprises on each side of the introductions of ``condition``."""
    return {
        f"{prefix}_enterprises": Count("enterprise", distinct=True, filter=condition),
        f"{prefix}_owners": Count("project__enterprise", distinct=True, filter=condition),
    }


def _introductions():
    accepted = Q(status=IntroductionStatus.ACCEPTED)
    agreement = Q(outcome=Outcome.AGREEMENT)
    row = Introduction.objects.order_by().aggregate(
        requested=Count("pk"),
        accepted=Count("pk", filter=accepted),
        agreements=Count("pk", filter=agreement),
        value=Sum("agreement_value_usd", filter=agreement),
        co2=Sum("co2_reduction", filter=agreement),
        **_members("requested", Q()),
        **_members("accepted", accepted),
        **_members("agreements", agreement),
    )

    def members(prefix):
        return min(row[f"{prefix}_enterprises"], row[f"{prefix}_owners"])

    agreement_members = min(members("agreements"), row["agreements"])
    return {
        "requested": Figure(row["requested"], min(members("requested"), row["requested"])),
        "accepted": Figure(row["accepted"], min(members("accepted"), row["accepted"])),
        "agreements": Figure(row["agreements"], agreement_members),
        "value": Figure(row["value"] or 0, agreement_members if row["value"] else 0, "usd"),
        "co2": Figure(row["co2"] or 0, agreement_members if row["co2"] else 0, "co2"),
    }


def introductions():
    """The introductions requested, accepted and ending in an agreement, with the agreements'
    value and expected CO₂ reduction."""
    return statistics.cached("introductions", _introductions)


@cache
def _quality_data():
    return json.loads(QUALITY.read_text(encoding="utf-8"))


def quality():
    """The engine's measured quality next to the baselines', per task of the real-data set."""
    data = _quality_data()
    tasks = []
    for task in data["tasks"]:
        rows = [
            {
                "name": str(RANKERS[key]),
                "engine": key == "engine",
                "recall": l10n.number(round(figures["recall_at_10"] * 100)) + " %",
                # Three decimals, as measured: 0.040, not 0.04.
                "mrr": format_decimal(figures["mrr"], format="0.000", locale=l10n.locale()),
            }
            for key, figures in task["rankers"].items()
        ]
        tasks.append({**task, "rows": rows})
    measured_on = datetime.date.fromisoformat(data["measured_on"])
    return {"measured_on": l10n.date(measured_on), "tasks": tasks}


def headline():
    """The home page's figures of the matchmaking (cms/headlines.py)."""
    figures = introductions()
    return [
        (_("introductions accepted"), figures["accepted"]),
        (_("agreements signed"), figures["agreements"]),
    ]


def page():
    """Everything the statistics page shows."""
    return {
        "records": statistics.statistics(),
        "introductions": introductions(),
        "quality": quality(),
        "min_group": statistics.MIN_GROUP,
    }
