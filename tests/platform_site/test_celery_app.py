"""The task class: publishing fails fast while the broker is away (one timeout per process, not
one per task), and a change's tasks are published after its commit, a broker error logged."""

import logging

import pytest
from celery import Task
from django.db import transaction
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


@pytest.mark.django_db
def test_a_change_s_task_is_published_after_the_commit_and_never_on_rollback(
    monkeypatch, django_capture_on_commit_callbacks
):
    published = []
    monkeypatch.setattr(Task, "apply_async", lambda self, args, kwargs: published.append(args))
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            send_email.delay_on_commit(1)
            assert published == []
        with pytest.raises(RuntimeError), transaction.atomic():
            send_email.delay_on_commit(2)
            raise RuntimeError("rolled back")
    assert published == [(1,)]


@pytest.mark.django_db
def test_a_broker_error_after_the_commit_is_logged_not_raised(
    broker_down, caplog, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        send_email.delay_on_commit(1)
        send_email.delay_on_commit(2)
    assert broker_down == ["platform_site.tasks.send_email"]  # the second one did not wait
    logged = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert len(logged) == 2
    assert "Error queuing platform_site.tasks.send_email after the commit" in logged[0].getMessage()
