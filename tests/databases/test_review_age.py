"""Working days and the review target: the age the admin home gives a submission."""

import datetime

import pytest
from django.utils import timezone

from databases.review_age import overdue_before, working_days_between

MONDAY = datetime.date(2025, 6, 2)


def day(offset):
    return MONDAY + datetime.timedelta(days=offset)


@pytest.mark.parametrize(
    ("start", "end", "days"),
    [
        (day(0), day(0), 0),
        (day(0), day(1), 1),  # Monday to Tuesday
        (day(0), day(4), 4),  # to Friday
        (day(0), day(6), 4),  # to Sunday: the weekend does not count
        (day(0), day(7), 5),  # to the next Monday
        (day(4), day(7), 1),  # Friday to Monday
        (day(5), day(7), 1),  # Saturday to Monday
        (day(0), day(21), 15),  # three weeks
        (day(2), day(24), 16),
        (day(3), day(0), 0),  # not yet submitted by then
    ],
)
def test_working_days_between(start, end, days):
    assert working_days_between(start, end) == days


@pytest.mark.parametrize("today", [day(offset) for offset in range(14)])
@pytest.mark.parametrize("target", [1, 5, 7])
def test_overdue_means_more_working_days_than_the_target(today, target):
    cutoff = overdue_before(today, target)
    for back in range(30):
        submitted = today - datetime.timedelta(days=back)
        noon = timezone.make_aware(datetime.datetime.combine(submitted, datetime.time(12)))
        late = working_days_between(submitted, today) > target
        assert (noon < cutoff) == late, (today, submitted)
