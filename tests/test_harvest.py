"""Fetching records from the UN's document system: against a real HTTP server on 127.0.0.1 that
speaks its protocol (tests/ods_server.py), with every kind of bad answer."""
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from records import models
from records.harvest import run as runs
from records.harvest.symbols import SymbolError, parse_symbols
from records.models import ItemState, RunStatus, VersionState
from tests.conftest import shared_path, table_counts
from tests.ods_server import DocumentSystem

pytestmark = pytest.mark.django_db


@pytest.fixture
def ods(settings):
    with DocumentSystem(shared_path("records", "en", "pdf")) as system:
        settings.HARVEST_BASE_URL = system.url
        settings.HARVEST_RATE = 0
        settings.HARVEST_TIMEOUT_SECONDS = 1
        settings.HARVEST_RETRIES = 2
        settings.HARVEST_MAX_BACKOFF_SECONDS = 0.05
        settings.HARVEST_USER_AGENT = "UNSC-meeting-archive/1.0 (+archive@example.org)"
        yield system


def asked_symbols(system):
    return [parse_qs(urlsplit(path).query)["s"][0] for _, path, _ in system.requests_for("/api/symbol/access")]


def states(run):
    return {(i.symbol, i.language): (i.state, i.reason) for i in run.items.all()}


def test_symbols_and_ranges_are_read():
    assert parse_symbols(["S/PV.9589", "S/PV.8699 (Resumption 1)", "S/PV.8700-8702", "8700"]) == [
        (9589, None), (8699, 1), (8700, None), (8701, None), (8702, None)]
    with pytest.raises(SymbolError):
        parse_symbols(["A/74/PV.50"])
    with pytest.raises(SymbolError):
        parse_symbols(["S/PV.1-99999"])


def test_records_are_fetched_imported_and_their_provenance_kept(ods):
    run = runs.process(runs.plan_fetch(["S/PV.8700", "S/PV.8701"], ["en", "fr"]))
    assert run.status == RunStatus.DONE
    found = states(run)
    assert found[("S/PV.8700", "en")][0] == ItemState.IMPORTED and found[("S/PV.8701", "en")][0] == ItemState.IMPORTED
    assert found[("S/PV.8700", "fr")] == (ItemState.MISSING,
                                         "the document system answered with an HTML page: no such document")
    version = models.RecordVersion.objects.get(record__meeting__number=8700, state=VersionState.APPLIED)
    assert version.source_url.startswith(ods.url + "/files/S_PV.8700_E.pdf") and version.fetched_at
    assert models.Vote.objects.filter(meeting__number=8700).count() == 2
    assert all(headers["User-Agent"] == "UNSC-meeting-archive/1.0 (+archive@example.org)"
               for _, _, headers in ods.log)


def test_a_second_run_downloads_nothing_new(ods):
    runs.process(runs.plan_fetch(["S/PV.8701"], ["en"]))
    before = table_counts()
    ods.log.clear()
    again = runs.process(runs.plan_fetch(["S/PV.8701"], ["en"]))
    assert states(again)[("S/PV.8701", "en")][0] == ItemState.UNCHANGED
    file_requests = ods.requests_for("/files/")
    assert len(file_requests) == 1 and file_requests[0][2]["If-None-Match"]  # answered 304, no body
    counts = table_counts()
    assert counts.pop("HarvestRun") == before.pop("HarvestRun") + 1
    assert counts.pop("HarvestItem") == before.pop("HarvestItem") + 1
    assert counts == before


@pytest.mark.parametrize("behaviour, state, reason", [
    ("404", ItemState.MISSING, "no such document (HTTP 404)"),
    ("500", ItemState.FAILED, "HTTP 500 after 3 attempts"),
    ("slow", ItemState.FAILED, "no answer"),
    ("truncated", ItemState.FAILED, "cut short"),
    ("wrong", ItemState.FAILED, "the file is the en record of S/PV.8700, not the en record of S/PV.8701"),
    ("octet-html", ItemState.FAILED, "a PDF sent as text/html"),
])
def test_bad_answers_are_recorded_and_nothing_is_half_saved(ods, behaviour, state, reason):
    ods.misbehaving["S/PV.8701"] = behaviour
    before = table_counts()
    run = runs.process(runs.plan_fetch(["S/PV.8701"], ["en"]))
    got_state, got_reason = states(run)[("S/PV.8701", "en")]
    assert got_state == state and reason in got_reason, got_reason
    counts = table_counts()
    for table in ("HarvestRun", "HarvestItem"):
        counts.pop(table), before.pop(table)
    assert counts == before  # no record, version, speech or source document


def test_429_is_retried_after_the_time_it_asks(ods):
    ods.misbehaving["S/PV.8701"] = "429"
    run = runs.process(runs.plan_fetch(["S/PV.8701"], ["en"]))
    assert states(run)[("S/PV.8701", "en")][0] == ItemState.IMPORTED
    assert len(ods.requests_for("/api/symbol/access")) == 2


def test_new_stops_after_n_missing_numbers_and_takes_resumptions(ods):
    runs.process(runs.plan_fetch(["S/PV.8701"], ["en"]))
    ods.log.clear()
    run = runs.process(runs.plan_new(["en"]), misses=3)
    asked = asked_symbols(ods)
    assert asked[-3:] == ["S/PV.8709", "S/PV.8710", "S/PV.8711"]  # three misses in a row, then stop
    assert "S/PV.8705" in asked and "S/PV.8706 (Resumption 1)" in asked
    imported = {i.symbol for i in run.items.filter(state=ItemState.IMPORTED)}
    assert {"S/PV.8702", "S/PV.8706", "S/PV.8706 (Resumption 1)", "S/PV.8708"} <= imported


def test_an_interrupted_run_resumes_where_it_stopped(ods, monkeypatch):
    run = runs.plan_fetch(["S/PV.8700", "S/PV.8701"], ["en"])
    calls = []
    original = runs.process_item

    def interrupted(item, client):
        if calls:
            raise KeyboardInterrupt  # the process stops half-way
        calls.append(item.symbol)
        return original(item, client)

    monkeypatch.setattr(runs, "process_item", interrupted)
    with pytest.raises(KeyboardInterrupt):
        runs.process(run)
    monkeypatch.setattr(runs, "process_item", original)
    ods.log.clear()
    runs.process(run)
    assert asked_symbols(ods) == ["S/PV.8701"]
    assert {i.state for i in run.items.all()} == {ItemState.IMPORTED}


def test_retry_takes_up_the_failures_only(ods):
    ods.misbehaving["S/PV.8701"] = "500"
    run = runs.process(runs.plan_fetch(["S/PV.8700", "S/PV.8701"], ["en"]))
    del ods.misbehaving["S/PV.8701"]
    assert runs.retry_failures(run) == 1
    runs.process(run)
    assert {i.state for i in run.items.all()} == {ItemState.IMPORTED}


def test_the_command_fetches_a_range_and_fails_on_failures(ods, capsys):
    call_command("fetch_records", "S/PV.8704-8705", "--languages", "en")
    out = capsys.readouterr().out
    assert "S/PV.8704 [en]: imported" in out and "S/PV.8705 [en]: no such document" in out
    ods.misbehaving["S/PV.8703"] = "500"
    with pytest.raises(CommandError) as failed:
        call_command("fetch_records", "S/PV.8703")
    assert failed.value.returncode == 1


def test_the_command_refuses_bad_symbols_and_languages(ods):
    with pytest.raises(CommandError, match="not a meeting symbol"):
        call_command("fetch_records", "A/74/PV.50")
    with pytest.raises(CommandError, match="languages are among"):
        call_command("fetch_records", "S/PV.8700", "--languages", "xx")


def test_a_new_run_against_a_failing_server_stops(ods):
    """Every answer a 500: the run ends as failed at the first meeting, instead of asking forever."""
    runs.process(runs.plan_fetch(["S/PV.8701"], ["en"]))
    for number in range(8702, 8800):
        ods.misbehaving[f"S/PV.{number}"] = "500"
    run = runs.process(runs.plan_new(["en"]), misses=3)
    assert run.status == RunStatus.FAILED and "every language of S/PV.8702 failed" in run.note
    assert asked_symbols(ods).count("S/PV.8702") == 3 and "S/PV.8703" not in asked_symbols(ods)
