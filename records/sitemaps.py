"""Sitemaps of the pages people cite, with the time each last changed (its latest import)."""
from django.contrib.sitemaps import Sitemap
from django.db.models import Max

from records.models import Country, Meeting, Resolution, Speaker, Speech


class MeetingSitemap(Sitemap):
    changefreq = "monthly"
    limit = 20_000

    def items(self):
        return Meeting.objects.annotate(changed=Max("records__imported_at")).order_by("number", "resumption")

    def lastmod(self, meeting):
        return meeting.changed


class SpeechSitemap(Sitemap):
    """Each turn once (its first imported version); its page shows every language."""

    changefreq = "monthly"
    limit = 20_000

    def items(self):
        return Speech.objects.canonical().with_context().order_by("record_id", "seq")

    def lastmod(self, speech):
        return speech.record.imported_at


class CountrySitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Country.objects.order_by("iso3")


class ResolutionSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Resolution.objects.order_by("number")


class SpeakerSitemap(Sitemap):
    changefreq = "weekly"
    limit = 20_000

    def items(self):
        return Speaker.objects.order_by("slug")


SITEMAPS = {"meetings": MeetingSitemap, "speeches": SpeechSitemap, "countries": CountrySitemap,
            "resolutions": ResolutionSitemap, "speakers": SpeakerSitemap}
