"""Imported by the matchmaking fault tests' worker only (tests/faults/matchmaking_settings.py):
a run's steps made slow enough to kill their process midway, each leaving a file named after
its step and process id in FAULTS_MATCHMAKING_DIR so that the test knows whom to kill; and the
watchdog's waits shortened (FAULTS_RESEND_AFTER, FAULTS_CLAIM_MARGIN, in seconds) so that a
test does not wait minutes for what production waits."""

import os
import time
from datetime import timedelta
from pathlib import Path

from matchmaking import engine, features, runs

MARKS = Path(os.environ["FAULTS_MATCHMAKING_DIR"])
SECONDS = float(os.environ.get("FAULTS_STEP_SECONDS", "2"))


def _slow(step, function):
    def slow(*args, **kwargs):
        (MARKS / f"{step}-{os.getpid()}").touch()
        time.sleep(SECONDS)
        return function(*args, **kwargs)

    return slow


features.Features.load = staticmethod(_slow("prepare", features.Features.load))
engine.score_block = _slow("chunk", engine.score_block)
runs._insert = _slow("finalize", runs._insert)
if "FAULTS_RESEND_AFTER" in os.environ:
    runs.RESEND_AFTER = timedelta(seconds=float(os.environ["FAULTS_RESEND_AFTER"]))
if "FAULTS_CLAIM_MARGIN" in os.environ:
    runs.CLAIM_MARGIN = float(os.environ["FAULTS_CLAIM_MARGIN"])
