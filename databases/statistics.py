"""What the databases hold, in aggregate: the figures of the statistics page, of the country
pages and of the home page.

Every figure is counted by the database (``GROUP BY`` queries over published records, a fixed
number whatever the data's size) and none is shown with fewer than ``MIN_GROUP`` records or
members behind it: such a figure is *suppressed* (``Figure.shown`` false) and the page says so.
Charts are built here as plain data (``Chart``, ``Bar``) that ``templates/includes/chart.html``
draws as SVG beside a table; the map is ``world_map``.

Counting takes seconds at a hundred thousand records per database, so no page counts: the
aggregates are kept in a ``FiguresSnapshot`` row that ``refresh`` writes (a Celery task, asked
for by the first page that finds the content changed since, databases/tasks.py). Pages read
that row, and show the last figures until the new ones are in. What is drawn from them (names,
charts, the map) is kept in the shared cache per language and snapshot.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from unicodedata import east_asian_width

from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, Q, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from databases import worldmap
from databases.models import (
    SDG,
    BricsStatus,
    Country,
    FiguresSnapshot,
    Project,
    Sector,
    Technology,
    TechnologyField,
)
from databases.models.project import ProjectStage
from databases.registry import BY_KEY, DATABASES, TAXONOMIES
from platform_site import l10n
from platform_site.cache import cache_reachable, content_version
from platform_site.celery import app as celery_app

# Fewer records or members than this behind a figure and it is not shown.
MIN_GROUP = 5
# How long computed figures are kept at most (the content version renews them sooner).
KEEP_SECONDS = 3600
SNAPSHOT = "databases"
# While a count is under way, pages do not ask for another (the task lifts it when done).
REFRESH_LOCK = "statistics:refresh-requested"
REFRESH_LOCK_SECONDS = 10 * 60
REFRESH_TASK = "databases.tasks.refresh_figures"
CO2_UNIT = "tCO₂e/yr"


@dataclass(frozen=True)
class Figure:
    """A number with how many records or members stand behind it."""

    value: object
    members: int
    kind: str = "count"  # count, usd or co2

    @property
    def shown(self):
        # Nobody stands behind a zero: it tells nothing of anyone.
        return self.members == 0 or self.members >= MIN_GROUP

    @property
    def text(self):
        """The figure in the reader's locale, or "fewer than 5" when it is suppressed."""
        if not self.shown:
            return str(_("fewer than %(number)s") % {"number": l10n.number(MIN_GROUP)})
        if self.kind == "usd":
            return l10n.amount(self.value, "USD")
        if self.kind == "co2":
            return f"{l10n.quantity(self.value)} {CO2_UNIT}"
        return l10n.number(self.value)


def count(value):
    """A count of records or members: the count is its own group's size."""
    return Figure(value, value)


@dataclass(frozen=True)
class Bar:
    label: str
    figure: Figure
    href: str = ""
    share: float = 0.0  # of the longest bar, 0 when suppressed

    @property
    def short_label(self):
        """The label as the SVG shows it: cut to what fits beside the figure (an East Asian
        character is twice as wide), in full in the table and the description."""
        room, shown = SVG_LABEL_ROOM, []
        for character in self.label:
            room -= 2 if east_asian_width(character) in "WF" else 1
            if room < 0:
                return "".join(shown).rstrip(" ·,") + "…"
            shown.append(character)
        return self.label


def _grouped(bars):
    small = [bar for bar in bars if not bar.figure.shown]
    if len(small) < 2:
        return bars
    kind = small[0].figure.kind
    others = Bar(
        str(
            _("%(number)s others with fewer than %(min)s each")
            % {"number": l10n.number(len(small)), "min": l10n.number(MIN_GROUP)}
        ),
        Figure(
            sum((bar.figure.value for bar in small), Decimal(0) if kind != "count" else 0),
            sum(bar.figure.members for bar in small),
            kind,
        ),
    )
    return [bar for bar in bars if bar.figure.shown] + [others]


@dataclass
class Chart:
    """A horizontal bar chart and the table beside it (templates/includes/chart.html)."""

    key: str
    title: str
    description: str
    column: str  # the table's heading for the figures
    bars: list = field(default_factory=list)
    # Bars too small to show are put together in one "others" bar (a figure about all of them,
    # shown when they are five or more) rather than listed one by one as "fewer than 5".
    group_small: bool = False

    def __post_init__(self):
        if self.group_small:
            self.bars = _grouped(self.bars)
        longest = max((bar.figure.value for bar in self.bars if bar.figure.shown), default=0)
        self.bars = [
            Bar(
                bar.label,
                bar.figure,
                bar.href,
                float(bar.figure.value / longest) if bar.figure.shown and longest else 0.0,
            )
            for bar in self.bars
        ]

    @property
    def suppressed(self):
        return any(not bar.figure.shown for bar in self.bars)

    @property
    def height(self):
        return len(self.bars) * BAR_ROW

    @property
    def rows(self):
        """Each bar with its place in the SVG, the numbers written for attributes (never in
        the reader's locale: "0,5" is no SVG length)."""
        return [
            {
                "bar": bar,
                "text_y": index * BAR_ROW + 15,
                "bar_y": index * BAR_ROW + 21,
                "width": f"{max(bar.share * CHART_WIDTH, 2):.1f}",
            }
            for index, bar in enumerate(self.bars)
        ]


CHART_WIDTH = 320
# Latin characters of 13-unit text that fit in the chart's width beside a figure.
SVG_LABEL_ROOM = 36
BAR_ROW = 38  # SVG units per bar: the label's line and the bar under it


def cached(name, compute, stamp=None):
    """``compute()``, kept per language until the content changes (``stamp``: until that
    changes instead), at most an hour: figures about introductions change without bumping
    the content version."""
    key = f"statistics:{stamp or content_version()}:{name}:{get_language()}"
    return cache.get_or_set(key, compute, timeout=KEEP_SECONDS)


def _sum_figure(total, members, kind):
    return Figure(Decimal(total or 0), members or 0, kind)


# --- The counting ---


def _keyed(rows):
    """{key: value} with string keys, as the snapshot's JSON keeps them ("None" for null)."""
    return {str(key): value for key, value in rows}


def _by_country():
    """{database key: {country id: count}} over published records."""
    return {
        database.key: _keyed(
            database.model.objects.published()
            .order_by()
            .values_list("country_id")
            .annotate(n=Count("pk"))
        )
        for database in DATABASES
    }


def _through_rows(model, relation, columns, **filters):
    """(columns..., count) of the published records of ``model`` linked by ``relation``."""
    through = model._meta.get_field(relation).remote_field.through
    owner = model._meta.model_name
    return (
        through.objects.filter(**{f"{owner}__status": "published"}, **filters)
        .order_by()
        .values_list(*columns)
        .annotate(n=Count("pk"))
    )


def _added(into, rows):
    for key, n in rows:
        into[str(key)] = into.get(str(key), 0) + n
    return into


def _project_sums(group):
    """Per ``group`` value: projects, investment sum, projects with one, CO₂ sum, with one."""
    rows = (
        Project.objects.published()
        .order_by()
        .values(group)
        .annotate(
            n=Count("pk", distinct=True),
            investment=Sum("investment_usd"),
            with_investment=Count("investment_usd"),
            co2=Sum("co2_reduction"),
            with_co2=Count("co2_reduction"),
        )
    )
    return {str(row.pop(group)): row for row in rows}


def _count():
    """Every aggregate the figures need, in one pass of ``GROUP BY`` queries."""
    sectors, fields, country_sectors = {}, {}, {}
    for database in DATABASES:
        _added(sectors, _through_rows(database.model, "sectors", ["sector_id"]))
        owner = database.model._meta.model_name
        for country, sector, n in _through_rows(
            database.model, "sectors", [f"{owner}__country_id", "sector_id"]
        ):
            _added(country_sectors.setdefault(str(country), {}), [(sector, n)])
    for model in (Technology, BY_KEY["talents"].model):
        _added(fields, _through_rows(model, "technology_fields", ["technologyfield_id"]))
    return {
        "by_country": _by_country(),
        "sectors": sectors,
        "fields": fields,
        "sdgs": _added({}, _through_rows(Project, "sdgs", ["sdg_id"])),
        "stages": _keyed(
            Project.objects.published().order_by().values_list("stage").annotate(n=Count("pk"))
        ),
        "money_by_country": _project_sums("country_id"),
        "money_by_sector": _project_sums("sectors"),
        "country_sectors": country_sectors,
    }


def _counted_version():
    """The version of what is counted: the databases and the taxonomies (not the cms)."""
    return content_version(*(database.key for database in DATABASES), TAXONOMIES)


def refresh():
    """Count again and store the snapshot (the task's work; safe to run twice)."""
    version = _counted_version()
    counts = _count()
    snapshot, _created = FiguresSnapshot.objects.update_or_create(
        name=SNAPSHOT,
        defaults={"counts": counts, "content_version": version, "computed_at": timezone.now()},
    )
    cache.delete(REFRESH_LOCK)
    # As read back from the database: Decimals are strings in the JSON.
    snapshot.refresh_from_db(fields=["counts"])
    return snapshot


def _request_refresh():
    # Without the cache the broker is away too (both are Redis), and the content version is
    # new each time: the figures stay as they are until it is back.
    if cache_reachable() and cache.add(REFRESH_LOCK, True, timeout=REFRESH_LOCK_SECONDS):
        # By name: the task's module imports this one (and DatabasesConfig.ready() loads it).
        transaction.on_commit(celery_app.tasks[REFRESH_TASK].delay)


def snapshot():
    """The stored aggregates; a new count is asked for when the content changed since. Counted
    in the request only when none was ever stored (a new installation)."""
    current = FiguresSnapshot.objects.filter(name=SNAPSHOT).first()
    if current is None:
        return refresh()
    if current.content_version != _counted_version():
        _request_refresh()
    return current


def _ints(counts):
    return {int(key): n for key, n in counts.items() if key != "None"}


def _decimals(rows):
    return {
        int(key): {
            **row,
            "investment": Decimal(row["investment"] or 0),
            "co2": Decimal(row["co2"] or 0),
        }
        for key, row in rows.items()
        if key != "None"
    }


# --- The page's figures ---


def _statistics(counts):
    # Records without a country count in the totals, not on the map.
    totals = {key: sum(per.values()) for key, per in counts["by_country"].items()}
    by_id = {}
    for per in counts["by_country"].values():
        for pk, n in _ints(per).items():
            by_id[pk] = by_id.get(pk, 0) + n
    # The countries with records, and every BRICS member and partner for the map.
    by_pk = {
        country.pk: country
        for country in Country.objects.filter(
            Q(pk__in=by_id) | ~Q(brics_status=BricsStatus.OTHER)
        ).only("iso2", "name", "brics_status")
    }
    countries = {country.iso2: country for country in by_pk.values()}
    per_country = {by_pk[pk].iso2: n for pk, n in by_id.items() if pk in by_pk}
    sectors = _ints(counts["sectors"])
    fields = _ints(counts["fields"])
    sdgs = _ints(counts["sdgs"])
    stages = counts["stages"]
    money_by_country = {
        by_pk[pk].iso2: row
        for pk, row in _decimals(counts["money_by_country"]).items()
        if pk in by_pk
    }
    money_by_sector = _decimals(counts["money_by_sector"])
    sector_names = {sector.pk: sector for sector in Sector.objects.all()}
    field_names = {item.pk: item for item in TechnologyField.objects.all()}
    sdg_names = {sdg.pk: sdg for sdg in SDG.objects.all()}

    databases_chart = Chart(
        "databases",
        str(_("Records by database")),
        str(_("Published records in each of the five databases.")),
        str(_("Records")),
        [
            Bar(str(database.title), count(totals[database.key]), _list_url(database))
            for database in DATABASES
        ],
    )
    country_bars = sorted(
        (
            Bar(countries[iso2].name, count(n))
            for iso2, n in per_country.items()
            if iso2 in countries
        ),
        key=lambda bar: (-bar.figure.value, bar.label),
    )
    return {
        "total": count(sum(totals.values())),
        # As many records stand behind it as in all.
        "countries": Figure(len(per_country), sum(totals.values())),
        "charts": [
            databases_chart,
            Chart(
                "countries",
                str(_("Records by country")),
                str(
                    _("Published records of all five databases, by the country they are based in.")
                ),
                str(_("Records")),
                country_bars,
                group_small=True,
            ),
            _taxon_chart(
                "sectors",
                _("Records by sector"),
                _("Published records of all five databases in each green industry sector."),
                sectors,
                sector_names,
            ),
            _taxon_chart(
                "fields",
                _("Technologies and experts by technology field"),
                _("Published technologies and experts in each CPC Y02/Y04S technology field."),
                fields,
                field_names,
            ),
            _taxon_chart(
                "sdgs",
                _("Projects by Sustainable Development Goal"),
                _("Published projects contributing to each of the 17 SDGs."),
                sdgs,
                sdg_names,
                ordered=False,
            ),
            Chart(
                "stages",
                str(_("Projects by stage")),
                str(_("Published projects at each stage, from concept to operation.")),
                str(_("Projects")),
                [
                    Bar(str(label), count(stages.get(value, 0)))
                    for value, label in ProjectStage.choices
                ],
            ),
        ],
        "money": [
            _money_charts(
                "country",
                _("Investment sought by country"),
                _("Expected CO₂ reduction by country"),
                {
                    countries[iso2].name: row
                    for iso2, row in money_by_country.items()
                    if iso2 in countries
                },
            ),
            _money_charts(
                "sector",
                _("Investment sought by sector"),
                _("Expected CO₂ reduction by sector"),
                {
                    sector_names[pk].name: row
                    for pk, row in money_by_sector.items()
                    if pk in sector_names
                },
            ),
        ],
        "map": world_map(per_country, countries),
    }


def _list_url(database):
    return reverse(f"databases:{database.url_name}-list")


def _taxon_chart(key, title, description, counts, names, ordered=True):
    """Bars of the taxa of ``names`` (in its order, or largest first) that have records."""
    bars = [Bar(str(item), count(counts[pk])) for pk, item in names.items() if pk in counts]
    if ordered:
        bars.sort(key=lambda bar: (-bar.figure.value, bar.label))
    return Chart(key, str(title), str(description), str(_("Records")), bars, group_small=True)


def _money_charts(key, investment_title, co2_title, rows):
    investment = sorted(
        (
            Bar(name, _sum_figure(row["investment"], row["with_investment"], "usd"))
            for name, row in rows.items()
            if row["with_investment"]
        ),
        key=lambda bar: (not bar.figure.shown, -bar.figure.value, bar.label),
    )
    co2 = sorted(
        (
            Bar(name, _sum_figure(row["co2"], row["with_co2"], "co2"))
            for name, row in rows.items()
            if row["with_co2"]
        ),
        key=lambda bar: (not bar.figure.shown, -bar.figure.value, bar.label),
    )
    return [
        Chart(
            f"investment-{key}",
            str(investment_title),
            str(_("The investment published projects seek, in US dollars at reference rates.")),
            str(_("Investment sought")),
            investment,
            group_small=True,
        ),
        Chart(
            f"co2-{key}",
            str(co2_title),
            str(_("The yearly CO₂ reduction published projects expect, in tonnes of CO₂e.")),
            str(_("CO₂ reduction")),
            co2,
            group_small=True,
        ),
    ]


def statistics():
    """Everything the statistics page shows of the databases, in the active language, as of
    ``counted_at``."""
    current = snapshot()
    figures = cached("page", lambda: _statistics(current.counts), stamp=_stamp(current))
    return {**figures, "counted_at": current.computed_at}


def _stamp(current):
    return f"snapshot-{current.computed_at.timestamp()}"


# --- The map ---

# Records per country: the lower bound of each band of the map after the first (1 to 4 records)
# and each band's colour, lightest first. Each band is also named in the legend and the table.
THRESHOLDS = [MIN_GROUP, 50, 500, 5000]
COLOURS = ["#d8eadf", "#a3cfb3", "#5fa57a", "#2d7a4b", "#0b3d2e"]
NO_RECORDS = "#f3f6f4"
NOT_BRICS = "#e2e4e3"


@dataclass(frozen=True)
class MapCountry:
    iso2: str
    name: str
    status: str
    figure: Figure
    fill: str
    path: str


def _band(n):
    if n == 0:
        return NO_RECORDS
    return COLOURS[sum(n >= low for low in THRESHOLDS)]


def legend():
    """(colour, label) of each band: "fewer than 5", "5–49", … "5,000 or more"."""
    labels = [str(_("fewer than %(number)s") % {"number": l10n.number(MIN_GROUP)})]
    labels += [
        f"{l10n.number(low)}–{l10n.number(high - 1)}"
        for low, high in zip(THRESHOLDS, THRESHOLDS[1:], strict=False)
    ]
    labels.append(str(_("%(number)s or more") % {"number": l10n.number(THRESHOLDS[-1])}))
    return list(zip(COLOURS, labels, strict=True))


def world_map(per_country, countries):
    """The countries of the map (BRICS members and partners coloured by their records, every
    other country grey) and the map's size."""
    width, height, paths = worldmap.world()
    shapes = []
    for iso2, path in paths.items():
        country = countries.get(iso2)
        n = per_country.get(iso2, 0)
        brics = country is not None and country.brics_status != BricsStatus.OTHER
        shapes.append(
            MapCountry(
                iso2,
                country.name if country else "",
                country.brics_status if country else BricsStatus.OTHER,
                count(n),
                _band(n) if brics else NOT_BRICS,
                path,
            )
        )
    members = sorted(
        (shape for shape in shapes if shape.status != BricsStatus.OTHER),
        key=lambda shape: (shape.status != BricsStatus.MEMBER, shape.name),
    )
    return {
        "width": width,
        "height": height,
        "shapes": shapes,
        "brics": members,
        "legend": legend(),
        "not_brics": NOT_BRICS,
        "no_records": NO_RECORDS,
    }


# --- One country ---


def _country_figures(country, counts):
    money = counts["money_by_country"].get(str(country.pk), {})
    sector_counts = _ints(counts["country_sectors"].get(str(country.pk), {}))
    names = {sector.pk: sector for sector in Sector.objects.filter(pk__in=sector_counts)}
    return {
        "by_database": {
            key: per.get(str(country.pk), 0) for key, per in counts["by_country"].items()
        },
        "investment": _sum_figure(money.get("investment"), money.get("with_investment"), "usd"),
        "co2": _sum_figure(money.get("co2"), money.get("with_co2"), "co2"),
        "sectors": _taxon_chart(
            "country-sectors",
            _("Records by sector"),
            _("Published records based in %(country)s in each green industry sector.")
            % {"country": country.name},
            sector_counts,
            names,
        ),
    }


def country_figures(country):
    """The figures of a country page, in the active language: its published records in each
    database (``by_database``), its projects' investment sought and expected CO₂ reduction,
    and its records by sector."""
    current = snapshot()
    return cached(
        f"country:{country.iso2}",
        lambda: _country_figures(country, current.counts),
        stamp=_stamp(current),
    )


def headline():
    """The home page's figures of the databases, sums of the snapshot: the published records
    in all and in each database (``by_database``), and the countries with records."""
    by_country = snapshot().counts["by_country"]
    by_database = {key: sum(per.values()) for key, per in by_country.items()}
    total = sum(by_database.values())
    with_records = {key for per in by_country.values() for key in per if key != "None"}
    return {
        "records": count(total),
        # As many records stand behind the number of countries as in all.
        "countries": Figure(len(with_records), total),
        "by_database": by_database,
    }


__all__ = [
    "MIN_GROUP",
    "Bar",
    "Chart",
    "Figure",
    "country_figures",
    "headline",
    "statistics",
]
