"""Recompute a project's or an enterprise's matches as soon as it is published or changed."""

from databases.models import Enterprise, Project, PublicationStatus
from matchmaking.tasks import recompute_record

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
    if record.status in REACHES_MATCHES:
        # After the commit, so the task reads what was saved; a record that left publication
        # has its matches taken out.
        recompute_record.delay_on_commit(KINDS[type(record)], record.pk)
