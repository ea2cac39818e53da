"""Data out: the dataset as files with a codebook, feeds, sitemaps and robots.txt."""
import csv
import hashlib
import json
import zipfile
from xml.etree import ElementTree

import pytest
from django.core.management import call_command

from records import exports, models

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def xml(response):
    assert response.status_code == 200, response.status_code
    return ElementTree.fromstring(response.content)


def test_export_dataset_writes_every_table_with_its_codebook(tmp_path, settings, capsys, client):
    settings.DATASET_DIR = tmp_path
    call_command("export_dataset")
    assert "sha256" in capsys.readouterr().out
    expected = {"meetings": models.Meeting.objects.count(), "records": models.Record.objects.count(),
                "speeches": models.Speech.objects.count(), "votes": models.Vote.objects.count(),
                "ballots": models.Ballot.objects.count(), "countries": models.Country.objects.count(),
                "resolutions": models.Resolution.objects.count()}
    for name, count in expected.items():
        with (tmp_path / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
            assert sum(1 for _ in csv.DictReader(handle)) == count, name
    codebook = (tmp_path / "README.md").read_text(encoding="utf-8")
    for table in (exports.MEETINGS, exports.RECORDS, exports.SPEECHES, exports.VOTES, exports.BALLOTS,
                  exports.COUNTRIES, exports.RESOLUTIONS):
        assert f"## {table.name}.csv" in codebook
        assert all(f"| {column} |" in codebook for column in table.columns)
    manifest = json.loads((tmp_path / "latest.json").read_text())
    archive = tmp_path / manifest["file"]
    assert hashlib.sha256(archive.read_bytes()).hexdigest() == manifest["sha256"]
    assert sorted(zipfile.ZipFile(archive).namelist()) == sorted([f"{n}.csv" for n in expected] + ["README.md"])
    page = client.get("/data/").content.decode()
    assert manifest["file"] in page and manifest["sha256"] in page
    download = client.get(f"/data/{manifest['file']}")
    assert b"".join(download.streaming_content) == archive.read_bytes()
    assert client.get("/data/other.zip").status_code == 404


def test_the_newest_meetings_feed_in_rss_and_atom(client):
    rss = xml(client.get("/feed/"))
    titles = [item.findtext("title") for item in rss.iter("item")]
    newest = models.Meeting.objects.newest_first().first()
    assert titles[0].startswith(newest.symbol) and len(titles) == min(50, models.Meeting.objects.count())
    atom = xml(client.get("/meetings/feed/atom/"))
    assert atom.tag == f"{ATOM}feed" and len(atom.findall(f"{ATOM}entry")) == len(titles)


def test_feeds_follow_a_country_a_resolution_an_agenda_and_a_search(client):
    def symbols(path):
        return [item.findtext("title").split(",")[0] for item in xml(client.get(path)).iter("item")]

    assert symbols("/countries/ECU/feed/") == [m.symbol for m in models.Meeting.objects.for_country("ECU")
                                               .newest_first()]
    assert symbols("/resolutions/1540/feed/") == [m.symbol for m in models.Meeting.objects.citing(1540)
                                                  .newest_first()]
    assert symbols("/meetings/feed/?agenda=不扩散") == ["S/PV.9589"]
    found = [item.findtext("link") for item in xml(client.get("/search/feed/?q=不扩散")).iter("item")]
    assert found and all(link.startswith("http://testserver/meetings/9589/speeches/") for link in found)
    assert xml(client.get("/search/feed/atom/?q=不扩散")).tag == f"{ATOM}feed"


def test_sitemaps_list_every_page_people_cite(client):
    index = xml(client.get("/sitemap.xml"))
    sections = [loc.text for loc in index.iter(f"{SITEMAP}loc")]
    assert any("sitemap-meetings.xml" in s for s in sections) and any("sitemap-speeches.xml" in s for s in sections)
    meetings = xml(client.get("/sitemap-meetings.xml"))
    urls = [loc.text for loc in meetings.iter(f"{SITEMAP}loc")]
    assert len(urls) == models.Meeting.objects.count() and "http://testserver/meetings/9589/" in urls
    assert all(entry.find(f"{SITEMAP}lastmod") is not None for entry in meetings.iter(f"{SITEMAP}url"))
    speeches = xml(client.get("/sitemap-speeches.xml"))
    assert len(list(speeches.iter(f"{SITEMAP}url"))) == models.Speech.objects.canonical().count()
    robots = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in robots
