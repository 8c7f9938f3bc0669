"""Recompute a project's or an enterprise's matches as soon as it is published or changed."""

from django.db import transaction

from databases.models import Enterprise, Project, PublicationStatus

KINDS = {Project: "project", Enterprise: "enterprise"}
# Published records have matches; archived or rejected ones may have had some to take out.
REACHES_MATCHES = (
    PublicationStatus.PUBLISHED,
    PublicationStatus.ARCHIVED,
    PublicationStatus.REJECTED,
)


def schedule_recompute(sender, instance=None, record=None, **kwargs):
    record = record or instance
    if type(record) not in KINDS or record.draft_of_id:
        return
    from matchmaking.tasks import recompute_record

    kind, pk = KINDS[type(record)], record.pk
    if record.status in REACHES_MATCHES:
        # After the commit, so the task reads what was saved; a record that left publication
        # has its matches taken out.
        transaction.on_commit(lambda: recompute_record.delay(kind, pk), robust=True)
