"""Signals other apps listen to (matchmaking recomputes a record's matches)."""

from django.dispatch import Signal

# Sent with ``record`` when the review publishes a record or a change to one.
record_published = Signal()
