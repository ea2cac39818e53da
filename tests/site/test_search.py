"""/search/: six languages in one index, Chinese by character pairs, web-style syntax, filters, snippets."""
import csv
import io

import pytest

from records.search import pairs_query, pairs_text
from tests.site.conftest import needs_pdfs

pytestmark = pytest.mark.django_db


def results(client, query, **params):
    response = client.get("/search/", {"q": query, **params}, follow=True)  # an empty q: to the short URL
    assert response.status_code == 200, response.content[:300]
    return response.content.decode()


def found(page):
    marker = 'role="status">'
    return int(page.split(marker, 1)[1].split(" ", 1)[0])


@pytest.mark.parametrize("term", ["大规模毁灭性武器", "不扩散", "人工智能"])
def test_chinese_terms_find_the_seed(client, term):
    page = results(client, term)
    assert found(page) >= 1
    assert f"<mark>{term}</mark>" in page
    assert "S/PV.9589" in page


ENGLISH_EXCERPT = """United Nations S/PV.9589
Security Council
Seventy-ninth year
9589th meeting
Tuesday, 26 March 2024, 3 p.m.
New York
Provisional
President: Mr. Yamazaki/Mrs. Shino . . . . . . . . . . (Japan)
Members: Algeria . . . . . . . . . . Mr. Koudri

Agenda

Non-proliferation of weapons of mass destruction

The meeting was called to order at 3.05 p.m.

The President: I now give the floor to Ambassador De La Gasca.

Mr. De La Gasca (spoke in Spanish): I have the honour to address the Security Council in my capacity as Chair
of the Committee established pursuant to resolution 1540 (2004).

The meeting rose at 4.20 p.m.
"""


def test_a_number_is_found_in_chinese_and_english(client, django_capture_on_commit_callbacks):
    """'1540' in the Chinese seed (第1540（2004）号决议) and in an English version of the same meeting
    (a short excerpt written for this test: the development records have no English S/PV.9589)."""
    from records.ingest import import_record

    with django_capture_on_commit_callbacks(execute=True):  # the index follows the commit
        result = import_record(ENGLISH_EXCERPT.encode(), source_name="S_PV.9589_en_excerpt.txt")
    assert result.ok, result.message
    page = results(client, "1540")
    assert 'lang="zh"' in page and 'lang="en"' in page and "S/PV.9589" in page
    assert found(results(client, "1540", language="en")) == 1
    assert found(results(client, "1540", language="zh")) >= 10


def test_stemming_weapon_finds_weapons(client):
    needs_pdfs()
    page = results(client, "weapon", language="en")
    assert found(page) >= 1
    assert "<mark>weapons</mark>" in page


def test_quoted_phrase_matches_only_the_phrase(client):
    needs_pdfs()
    loose = found(results(client, "humanitarian principles", language="en"))
    phrase = found(results(client, '"humanitarian principles"', language="en"))
    assert 0 < phrase < loose


def test_or_and_exclusion(client):
    needs_pdfs()
    either = found(results(client, "Idlib OR Yemen", language="en"))
    idlib = found(results(client, "Idlib", language="en"))
    without = found(results(client, "Idlib -Yemen", language="en"))
    assert either >= idlib > without >= 0


def test_filters_narrow_results(client):
    needs_pdfs()
    everyone = found(results(client, "humanitarian"))
    russia = found(results(client, "humanitarian", country="RUS"))
    members = found(results(client, "humanitarian", role="member"))
    january = found(results(client, "humanitarian", date_after="2020-01-10", date_before="2020-01-10"))
    one_meeting = found(results(client, "humanitarian", meeting="8700"))
    citing = found(results(client, "humanitarian", resolution="2504"))
    assert everyone > russia > 0 and everyone > members > 0
    assert 0 < one_meeting <= january < everyone
    assert 0 < citing < everyone


def test_sort_by_date(client):
    needs_pdfs()
    import re

    page = results(client, "council", sort="date")
    dates = re.findall(r'<time datetime="([0-9-]+)"', page.split('class="results"', 1)[1])
    assert len(dates) == 20 and dates == sorted(dates, reverse=True)


def test_empty_and_stopword_queries_get_help(client):
    assert "Type words to find them" in results(client, "")
    assert "only very common words" in results(client, "!!! ??? ***")
    assert "only very common words" in results(client, "the of and", language="en")
    # Stop words in one language may be words in another; when nothing matches, the page says so.
    assert "Very common words" in results(client, "the of and")


def test_long_and_odd_queries_are_handled(client):
    page = results(client, "peace " * 120)
    assert "only its beginning was searched" in page
    for odd in ["'; DROP TABLE records_speech; --", "a & b | !c <-> d", '"unclosed phrase', "(((", "\\",
                "-" * 40 + "a", "!" * 60 + "a", "- " * 100 + "a", "(" * 80 + "a" + ")" * 80, "a " * 300]:
        assert client.get("/search/", {"q": odd}).status_code == 200, odd
    assert client.get("/search/", {"q": "\x00x"}).status_code == 400  # a NUL byte is refused, politely


def test_bad_filter_value_is_a_form_error(client):
    response = client.get("/search/", {"q": "peace", "date_after": "not-a-date"})
    assert response.status_code == 400
    assert "Enter a valid date" in response.content.decode()


def test_csv_download_with_permalinks(client):
    response = client.get("/search/", {"q": "不扩散", "format": "csv"})
    body = b"".join(response.streaming_content).decode("utf-8").lstrip("\ufeff")
    rows = list(csv.DictReader(io.StringIO(body)))
    assert rows and all(r["meeting"] == "S/PV.9589" for r in rows)
    assert rows[0]["url"].startswith("http://testserver/meetings/9589/speeches/")


def test_chinese_indexing_and_query_splitting():
    assert pairs_text("见S/PV.9588的决议") == "见 S/PV.9588 的决 决议"
    assert pairs_query("不扩散") == '"不扩 扩散"'
    assert pairs_query('"大规模" OR 核 -1540') == '"大规 规模" OR 核 -1540'


@pytest.mark.parametrize("params", [
    {"q": "peace", "meeting": "3000000000"},
    {"q": "peace", "resolution": "3000000000"},
    {"q": "peace", "page": "100000000000000000000"},
    {"q": "peace", "page": "-5"},
    {"q": "peace", "language": "xx"},
])
def test_out_of_range_values_are_not_errors(client, params):
    assert client.get("/search/", params).status_code in (200, 400)


def test_random_chinese_terms_from_the_seed_are_all_found(client):
    """Any run of Chinese characters in a speech finds that speech (here 60 drawn at random)."""
    import random
    import re as regex

    from records.models import Speech

    speeches = list(Speech.objects.filter(record__language="zh").values_list("seq", "text"))
    rng = random.Random(9589)
    misses = []
    for _ in range(60):
        seq, text = rng.choice(speeches)
        runs = [r for r in regex.findall(r"[\u4e00-\u9fff]{2,}", text)]
        run = rng.choice(runs)
        size = rng.randint(2, min(6, len(run)))
        start = rng.randrange(len(run) - size + 1)
        term = run[start:start + size]
        page = client.get("/search/", {"q": term, "language": "zh", "format": "csv"})
        body = b"".join(page.streaming_content).decode("utf-8")
        if f"/meetings/9589/speeches/{seq}/" not in body:
            misses.append((term, seq))
    assert misses == []


def test_hyphenated_words_names_and_single_chinese_characters(client):
    needs_pdfs()
    assert found(results(client, "cross-border", language="en")) >= 3
    assert found(results(client, '"cross-border mechanism"', language="en")) >= 1
    assert found(results(client, "Nebenzia")) >= 5  # the speaker's name is indexed with the text
    assert found(results(client, "核", language="zh")) >= 1  # a lone character matches the pairs it begins


def test_filters_alone_list_their_speeches(client):
    page = results(client, "", country="CHN")
    assert found(page) >= 1 and "耿爽" in page


def test_results_link_to_the_citable_speech_page(client):
    page = results(client, "不扩散")
    assert 'href="/meetings/9589/speeches/' in page
    body = b"".join(client.get("/search/", {"q": "不扩散", "format": "csv"}).streaming_content).decode("utf-8")
    assert "http://testserver/meetings/9589/speeches/" in body


def test_search_is_one_call_and_its_url_is_in_the_records_namespace():
    from django.urls import reverse

    from records import search

    assert reverse("records:search") == "/search/"
    results = search.search({}, "不扩散", "relevance", 1)
    assert results.page.paginator.count >= 1 and not results.stopwords
    assert all("<mark>" in speech.snippet for speech in results.page.object_list)
    assert search.search({"language": "en"}, "the of", "relevance", 1).stopwords
