"""The settings of the matchmaking fault tests' worker (DJANGO_SETTINGS_MODULE): production
settings, and tests.faults.slow_matchmaking imported by the worker before it forks its pool."""

from platform_site.settings import *  # noqa: F403

CELERY_IMPORTS = ["tests.faults.slow_matchmaking"]
