"""Signals other apps listen to (matchmaking recomputes a record's matches)."""

from django.dispatch import Signal

# Sent with ``record`` when the review changes a record's state: publishes it (or a change to
# it), archives, rejects or verifies it... The change is an ``update()``, which sends no save
# signal.
record_state_changed = Signal()
