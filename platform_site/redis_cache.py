"""The Redis cache, whether Redis answers or not: without it the portal serves everything uncached.

While Redis cannot be reached (connection refused, no answer within the socket timeouts of
CACHES' OPTIONS, still loading its data after a restart), every operation behaves as on an
empty cache that keeps nothing: reads miss, writes and deletes are dropped, ``add`` succeeds.
After a failure the process stops asking for ``retry_seconds``, so that one request in that
time at most waits for a timeout, not every cache call of every request.

What must not run unlimited because nothing can be counted (the rate limits of accounts) asks
``reachable()`` before it acts (platform_site/middleware.py).
"""

import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.dispatch import Signal

logger = logging.getLogger(__name__)

# Sent when this process reaches Redis again after it could not: what it wrote meanwhile, the
# content version included, never reached the cache (platform_site/cache.py listens).
reconnected = Signal()


class ResilientRedisCacheClient(RedisCacheClient):
    def __init__(self, servers, retry_seconds=5, **options):
        super().__init__(servers, **options)
        self._retry_seconds = retry_seconds
        # Until when (time.monotonic()) Redis is taken to be away; None while it answers.
        self._away_until = None

    def _guarded(self, fallback, operation, *args):
        if self._away_until is not None and (
            time.monotonic() < self._away_until or not self._back()
        ):
            return fallback
        try:
            return operation(*args)
        except self._lib.RedisError as error:
            self._went_away(error)
            return fallback

    def _ping(self):
        return bool(self.get_client(write=True).ping())

    def _went_away(self, error):
        if self._away_until is None:
            logger.warning("The cache (Redis) cannot be reached, serving uncached: %s", error)
        self._away_until = time.monotonic() + self._retry_seconds

    def _back(self):
        """Whether Redis answers again, the retry period over; the listeners of
        ``reconnected`` hear of it before the operation that found it back goes on."""
        try:
            self._ping()
        except self._lib.RedisError as error:
            self._went_away(error)
            return False
        self._away_until = None
        logger.warning("The cache (Redis) answers again")
        reconnected.send(sender=type(self))
        return True

    def reachable(self):
        return self._guarded(False, self._ping)

    def add(self, key, value, timeout):
        return self._guarded(True, super().add, key, value, timeout)

    def get(self, key, default):
        return self._guarded(default, super().get, key, default)

    def set(self, key, value, timeout):
        self._guarded(None, super().set, key, value, timeout)

    def touch(self, key, timeout):
        return self._guarded(False, super().touch, key, timeout)

    def delete(self, key):
        return self._guarded(False, super().delete, key)

    def get_many(self, keys):
        return self._guarded({}, super().get_many, keys)

    def has_key(self, key):
        return self._guarded(False, super().has_key, key)

    def incr(self, key, delta):
        result = self._guarded(None, super().incr, key, delta)
        if result is None:
            # What an empty cache answers.
            raise ValueError(f"Key '{key}' not found.")
        return result

    def set_many(self, data, timeout):
        self._guarded(None, super().set_many, data, timeout)

    def delete_many(self, keys):
        self._guarded(None, super().delete_many, keys)

    def clear(self):
        return self._guarded(False, super().clear)


class ResilientRedisCache(RedisCache):
    """Django's Redis cache that fails open (see the module's docstring). OPTIONS take
    ``retry_seconds`` besides the connection pool's options (``socket_connect_timeout``...)."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ResilientRedisCacheClient

    def reachable(self):
        """Whether Redis answers now (a PING), without waiting past the timeouts."""
        return self._cache.reachable()
