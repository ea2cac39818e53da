"""Every public page, on the real records: what it shows, its links, its 404s."""
import pytest

from records.models import Meeting, Speech
from tests.site.conftest import needs_pdfs

pytestmark = pytest.mark.django_db


def html(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response.content.decode()


def test_home_says_what_the_archive_holds(client):
    page = html(client, "/")
    assert "The archive holds" in page
    assert f"<dd>{Meeting.objects.count()}</dd>" in page
    assert "Chinese" in page
    assert 'href="/meetings/9589/"' in page
    assert 'action="/search/"' in page


def test_meeting_page_shows_facts_members_agenda_and_speeches_with_anchors(client):
    page = html(client, "/meetings/9589/")
    assert "<title>S/PV.9589, 26 March 2024" in page
    assert "9589th meeting" in page
    assert "15:05" in page and "16:20" in page
    assert "不扩散大规模毁灭性武器" in page
    assert 'href="/countries/JPN/"' in page and "(President)" in page
    for seq in (1, 2, 23):
        assert f'id="s{seq}"' in page
    assert 'lang="zh"' in page
    assert 'href="/meetings/9589/file/zh/"' in page
    assert "delivered in Russian" in page  # the language a speech was given in
    assert "in national capacity" in page
    assert 'href="/resolutions/1540/"' in page
    assert "S/2023/1067" in page


def test_meeting_page_votes_in_place(client):
    """S/PV.8700: the oral amendment (3-7-5, not adopted) and S/2020/24 (11-0-4, adopted as 2504), each in
    the transcript right after the speech it follows, with the States grouped by position."""
    needs_pdfs()
    from records.models import Vote

    page = html(client, "/meetings/8700/")
    blocks = page.split('<figure class="vote" id="')
    assert len(blocks) == 3
    first, second = blocks[1].split("</figure>")[0], blocks[2].split("</figure>")[0]
    assert first.startswith("v1") and "amendment" in first and "not adopted" in first and "3-7-5" in first
    assert "In favour: 3" in first and "Against: 7" in first and "Abstaining: 5" in first
    assert second.startswith("v2") and "S/2020/24" in second and "11-0-4" in second
    assert 'href="/resolutions/2504/"' in second and "In favour: 11" in second and "Abstaining: 4" in second
    assert "China" in second.split("Abstaining: 4")[1]
    for vote in Vote.objects.filter(meeting__number=8700):
        before, after = f'id="s{vote.after_speech}"', f'id="s{vote.after_speech + 1}"'
        assert page.index(before) < page.index(f'id="v{vote.seq}"') < page.index(after), vote.seq
    assert 'href="#v1"' in page and 'href="#v2"' in page  # the summary links to them


def test_language_switch_and_rtl(client):
    page = html(client, "/meetings/10124/?lang=ru")
    assert 'lang="ru"' in page and "Председатель" in page
    assert 'href="?lang=fr"' in page and 'href="?lang=es"' in page
    assert "Read in:" in page
    missing = html(client, "/meetings/10124/?lang=ar")
    assert "There is no ar version of this meeting" in missing


def test_resumption_has_its_own_address(client):
    needs_pdfs()
    page = html(client, "/meetings/8699/r1/")
    assert "S/PV.8699 (Resumption 1)" in page
    html(client, "/meetings/8699/r9/", status=404)


def test_speech_page_shows_every_language_and_a_citation(client):
    page = html(client, "/meetings/10124/speeches/2/")
    for word in ("Cela fait plus de quatre ans", "Han transcurrido", "Прошло уже более"):
        assert word in page
    assert "S/PV.10124, 23 March 2026, speech 2: " in page
    assert 'lang="ru"' in page
    seed = html(client, "/meetings/9589/speeches/2/")
    assert "S/PV.9589, 26 March 2024, speech 2: 波利扬斯基先生 (俄罗斯联邦)" in seed
    html(client, "/meetings/9589/speeches/999/", status=404)


def test_speech_permalinks_survive_reimport(client):
    from records.ingest import import_record
    from tests.conftest import SEED

    before = Speech.objects.get(record__meeting__number=9589, seq=2).get_absolute_url()
    import_record(SEED, force=True)
    assert Speech.objects.get(record__meeting__number=9589, seq=2).get_absolute_url() == before
    html(client, before)


def test_original_file_downloads(client):
    response = client.get("/meetings/9589/file/zh/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="S_PV.9589_zh.txt"')
    assert b"".join(response.streaming_content).decode("utf-8").count("安全理事会") > 5
    assert client.get("/meetings/9589/file/en/").status_code == 404


def test_country_pages(client):
    listing = html(client, "/countries/")
    assert listing.count("<tr>") >= 195 and 'href="/countries/PSE/"' in listing
    page = html(client, "/countries/CHN/")
    assert "China" in page and "中国" in page and "Council membership" in page
    assert "Permanent member of the Security Council" in page
    elected = html(client, "/countries/JPN/")
    assert "Elected member" in elected and "2016–2017" in elected
    assert 'href="/meetings/?country=CHN"' in page
    assert client.get("/countries/chn/").status_code == 301
    html(client, "/countries/XYZ/", status=404)


def test_country_votes_and_speeches_filtered(client):
    needs_pdfs()
    page = html(client, "/countries/RUS/")
    assert "S/PV.8700" in page and "abstaining" in page
    narrowed = html(client, "/countries/RUS/?resolution=2504")
    assert "Citing resolution: <strong>2504</strong>" in narrowed
    bad = html(client, "/countries/RUS/?date_after=yesterday", status=400)
    assert "Enter a valid date" in bad


def test_resolution_pages(client):
    needs_pdfs()
    listing = html(client, "/resolutions/")
    assert 'href="/resolutions/2504/"' in listing
    page = html(client, "/resolutions/2504/")
    assert "Resolution 2504 (2020)" in page and "S/PV.8700" in page and "11-0-4" in page
    assert "Explanations of vote" in page
    cited = html(client, "/resolutions/1540/")
    assert 'href="/meetings/9589/"' in cited
    html(client, "/resolutions/999999/", status=404)


def test_speaker_page(client):
    speech = Speech.objects.filter(speaker__isnull=False, record__meeting__number=9589).first()
    page = html(client, speech.speaker.get_absolute_url())
    assert speech.speaker.name in page and "S/PV.9589" in page
    html(client, "/speakers/no-such-person/", status=404)


def test_unknown_pages_are_404_with_the_site_template(client):
    for url in ("/meetings/1/", "/meetings/abc/", "/nothing/", "/meetings/9589/file/xx/"):
        response = client.get(url)
        assert response.status_code == 404, url
    assert "Not found" in client.get("/meetings/1/").content.decode()


@pytest.mark.parametrize("url", ["/resolutions/?year=²", "/resolutions/?year=" + "9" * 5000, "/meetings/?resolution=3000000000",
                                 "/meetings/?year=99999999999999999999", "/countries/CHN/?page=999999999999999999999"])
def test_odd_query_strings_never_give_500(client, url):
    assert client.get(url).status_code in (200, 400)
