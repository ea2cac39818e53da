"""Pages carry an ETag and a Last-Modified from the latest import; a revalidation costs a 304."""
import pytest

from records.ingest import import_record
from tests.site.test_search import ENGLISH_EXCERPT

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/", "/meetings/", "/meetings/9589/", "/meetings/9589/speeches/2/", "/countries/",
                                  "/countries/RUS/", "/resolutions/", "/search/?q=peace"])
def test_pages_revalidate_with_a_304(client, path):
    first = client.get(path)
    assert first.status_code == 200 and first["ETag"] and first["Last-Modified"]
    assert "no-cache" in first["Cache-Control"]
    again = client.get(path, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""


def test_an_import_changes_every_pages_etag_and_the_home_totals(client):
    before = client.get("/")
    meetings = before.context["meeting_count"]
    result = import_record(ENGLISH_EXCERPT.replace("9589", "9999").encode(), source_name="S_PV.9999_en.txt")
    assert result.ok, result.message
    after = client.get("/", HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200 and after["ETag"] != before["ETag"]
    assert after.context["meeting_count"] == meetings + 1  # not the totals cached before the import
