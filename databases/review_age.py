"""How long submissions have waited for review, in working days (Monday to Friday) against the
secretariat's target (``settings.REVIEW_TARGET_DAYS``, which members are told): the back
office's home shows the oldest ones and marks those past the target."""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.conf import settings
from django.db.models import Count, Q, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from databases import workflow
from databases.registry import taking_submissions


def is_working_day(day):
    return day.weekday() < 5


def working_days_between(start, end):
    """The working days after ``start`` up to and including ``end``: a submission of Monday
    is one working day old on Tuesday; one of Friday is none on Sunday, and one on Monday."""
    if end <= start:
        return 0
    weeks, rest = divmod((end - start).days, 7)
    return weeks * 5 + sum(is_working_day(start + timedelta(days)) for days in range(1, rest + 1))


def overdue_before(today, target):
    """The moment before which a submission has waited more than ``target`` working days by
    ``today``: the start of the day after the latest such submission day (local time)."""
    day, age = today, 0
    while age <= target:
        age += is_working_day(day)
        day -= timedelta(days=1)
    return timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))


@dataclass(frozen=True)
class Waiting:
    model: type
    pk: int
    title: str
    since: datetime  # submitted (or, lacking that date, created)
    age: int  # working days
    overdue: bool


@dataclass(frozen=True)
class Queue:
    count: int
    overdue: int
    oldest: list  # of Waiting, oldest first
    target: int


def _reviewable_models(user):
    return [db.model for db in taking_submissions() if workflow.may_review(user, db.model)]


def queue(user, limit=5):
    """The submissions ``user`` may review: how many, how many are overdue, and the ``limit``
    oldest. Two queries, however many databases: one for the counts, one for the oldest."""
    models = _reviewable_models(user)
    if not models:
        return None
    today = timezone.localdate()
    target = settings.REVIEW_TARGET_DAYS
    cutoff = overdue_before(today, target)

    def under_review(number, model):
        # A record put under review without a submission date (imported, or seeded) has waited
        # since it was created.
        return (
            model.objects.filter(status__in=workflow.UNDER_REVIEW)
            .order_by()
            .annotate(kind=Value(number), since=Coalesce("submitted_at", "created_at"))
        )

    counts = [
        under_review(number, model)
        .values("kind")
        .annotate(count=Count("pk"), overdue=Count("pk", filter=Q(since__lt=cutoff)))
        .values_list("kind", "count", "overdue")
        for number, model in enumerate(models)
    ]
    totals = list(counts[0].union(*counts[1:], all=True))
    rows = [
        under_review(number, model).values_list("kind", "pk", "title", "since")
        for number, model in enumerate(models)
    ]
    oldest = rows[0].union(*rows[1:], all=True).order_by("since", "pk")[:limit]

    def waiting(kind, pk, title, since):
        age = working_days_between(timezone.localdate(since), today)
        return Waiting(models[kind], pk, title, since, age, overdue=since < cutoff)

    return Queue(
        count=sum(count for _kind, count, _overdue in totals),
        overdue=sum(overdue for _kind, _count, overdue in totals),
        oldest=[waiting(*row) for row in oldest],
        target=target,
    )
