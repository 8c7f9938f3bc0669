"""Publishing fails fast while the broker is away: one timeout per process, not one per task."""

import pytest
from celery import Task
from kombu.exceptions import OperationalError

from platform_site import celery as celery_app
from platform_site.tasks import send_email


@pytest.fixture
def broker_down(monkeypatch):
    attempts = []

    def unreachable(self, *args, **kwargs):
        attempts.append(self.name)
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379")

    monkeypatch.setattr(Task, "apply_async", unreachable)
    monkeypatch.setattr(celery_app, "_broker_down_until", 0.0)
    celery_app.app.conf.task_always_eager = False
    try:
        yield attempts
    finally:
        celery_app.app.conf.task_always_eager = True


def test_after_one_failure_a_process_stops_trying_for_a_while(broker_down, monkeypatch):
    for _ in range(3):
        with pytest.raises(OperationalError):
            send_email.delay(1)
    assert broker_down == ["platform_site.tasks.send_email"]
    # Once the while is over, it tries again.
    monkeypatch.setattr(celery_app, "_broker_down_until", 0.0)
    with pytest.raises(OperationalError):
        send_email.delay(1)
    assert len(broker_down) == 2
