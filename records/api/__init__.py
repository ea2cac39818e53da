"""The read-only JSON API under /api/v1/ (Django REST framework): the same FilterSets and querysets
as the pages, the same search, every object with its page URL and its API URL."""
