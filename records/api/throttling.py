"""The API's rate limit per client."""
from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle


class ApiThrottle(SimpleRateThrottle):
    """Per client, at the rate of settings.API_THROTTLE_RATE ('600/hour'; empty: none)."""

    scope = "api"

    def get_rate(self):
        return settings.API_THROTTLE_RATE or None

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
