"""No request brings the site down: odd bytes, heavy queries, too many requests, formulas in exports."""
import csv
import io

import pytest
from django.db import connection
from django.urls import get_resolver

from records import models

pytestmark = pytest.mark.django_db

HOSTILE = ["\x00", "-" * 40 + "a", "a " * 150, "9" * 30, "é" * 300]
PUBLIC_PATHS = ["/", "/meetings/", "/meetings/8700/", "/meetings/8699/r1/", "/meetings/8700/speeches/2/",
                "/countries/", "/countries/RUS/", "/resolutions/", "/resolutions/2504/", "/search/",
                "/speakers/nebenzia-rus/"]
PARAMETERS = ["q", "page", "sort", "format", "lang", "year", "country", "resolution", "agenda", "language", "vote",
              "date_after", "date_before", "role", "meeting"]


def test_no_public_url_or_parameter_gives_a_500(client):
    for path in PUBLIC_PATHS:
        for name in PARAMETERS:
            for value in HOSTILE:
                response = client.get(path, {name: value})
                assert response.status_code < 500, (path, name, value, response.status_code)


@pytest.mark.parametrize("path", ["/speakers/%00/", "/meetings/8700/file/%00/", "/meetings/%00/",
                                  "/admin/records/record/?language__exact=%00", "/countries/%00AA/"])
def test_a_nul_byte_anywhere_is_refused_not_a_500(admin_client, path):
    assert admin_client.get(path).status_code in (400, 404)


def test_every_url_pattern_answers_odd_arguments_without_a_500(client):
    for pattern in get_resolver("records.urls").url_patterns:
        route = str(pattern.pattern)
        url = "/" + route.replace("<int:number>", "8700").replace("<int:resumption>", "1").replace(
            "<int:seq>", "999999").replace("<str:language>", "xx").replace("<iso3:iso3>", "zzz").replace(
            "<int:number>", "1").replace("<str:slug>", "no-such-speaker")
        assert client.get(url).status_code < 500, url


def test_dashes_do_not_overflow_the_query_parser(client):
    response = client.get("/search/", {"q": "-" * 33 + "a"})
    assert response.status_code == 200


def test_agenda_words_are_bounded(client, django_assert_max_num_queries):
    response = client.get("/meetings/", {"agenda": " ".join(["a"] * 100)})
    assert response.status_code == 200  # one distinct word
    many = " ".join(f"w{i}" for i in range(20))
    response = client.get("/meetings/", {"agenda": many})
    assert response.status_code == 400 and "At most 8 different words" in response.content.decode()


def test_web_requests_run_under_a_statement_timeout(client, settings):
    settings.WEB_STATEMENT_TIMEOUT_MS = 1234
    connection.statement_timeout_set = False
    client.get("/meetings/")
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "1234ms"


def test_a_statement_cut_off_answers_503(client, settings):
    settings.ROOT_URLCONF = "tests.slow_urls"
    settings.WEB_STATEMENT_TIMEOUT_MS = 100
    connection.statement_timeout_set = False
    response = client.get("/slow/")
    assert response.status_code == 503 and response["Retry-After"]
    assert "took too long" in response.content.decode()


def test_search_and_exports_are_throttled_per_client(client, settings):
    settings.THROTTLE_RATES = {"search": "3/min", "export": "1/min"}
    statuses = [client.get("/search/", {"q": "peace"}).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    limited = client.get("/search/", {"q": "peace"})
    assert int(limited["Retry-After"]) >= 1 and "Too many requests" in limited.content.decode()
    other = client.get("/search/", {"q": "peace"}, REMOTE_ADDR="192.0.2.9")
    assert other.status_code == 200  # another client has its own allowance
    assert client.get("/meetings/", {"format": "csv"}).status_code == 200
    assert client.get("/meetings/", {"format": "csv"}).status_code == 429
    assert client.get("/meetings/").status_code == 200  # pages are not exports


def test_csv_cells_that_look_like_formulas_are_neutralised(client):
    record = models.Record.objects.get(meeting__number=9589)
    item = record.agenda_items.first()
    original = item.text
    item.text = '=HYPERLINK("http://example.com","click")'
    item.save()
    try:
        body = b"".join(client.get("/meetings/", {"format": "csv", "language": "zh"}).streaming_content)
        row = next(csv.DictReader(io.StringIO(body.decode("utf-8").lstrip("\ufeff"))))
        assert row["agenda"].startswith("'=HYPERLINK")
    finally:
        item.text = original
        item.save()


def test_search_csv_neutralises_formulas_too(client):
    from records.views.exports import safe_cell

    assert [safe_cell(v) for v in ("=cmd|' /C calc'!A0", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "plain", 3, None)] \
        == ["'=cmd|' /C calc'!A0", "'+1", "'-2", "'@SUM(A1)", "'\tx", "'\rx", "plain", 3, ""]
    response = client.get("/search/", {"q": "-Iran peace", "format": "csv"})
    assert response.status_code == 200


def test_pages_carry_a_content_security_policy(client):
    policy = client.get("/meetings/")["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "default-src 'self'" in policy and "unsafe-inline" not in policy
