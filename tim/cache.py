"""The Redis cache, degrading to "no cache" while Redis is down (django-redis IGNORE_EXCEPTIONS).

django-redis then answers None to every call. Two answers need to be what a missing cache would
say, or callers misread the outage: `get` gives the caller's default (allauth's rate limits read
a list), and `add` says the key was new (allauth's rate-limit lock would otherwise wait and
refuse every login with 429). Rate limits are simply off until Redis is back.
"""

from django_redis.cache import RedisCache


class DegradingRedisCache(RedisCache):
    def get(self, key, default=None, version=None, client=None):
        value = super().get(key, default=default, version=version, client=client)
        return default if value is None else value

    def add(self, *args, **kwargs):
        added = super().add(*args, **kwargs)
        return True if added is None else added
