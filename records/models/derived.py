"""Figures derived from the whole archive, kept in the database so that every worker shares them."""
from django.db import models


class DerivedFigures(models.Model):
    """One set of figures (the counts behind /statistics/, say) for one version of the archive. They
    are made anew from the other tables when the version (the latest import) changes; never edited."""

    name = models.CharField(max_length=40, primary_key=True)
    version = models.CharField(max_length=64)
    data = models.JSONField()
    computed_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"{self.name} ({self.version})"
