"""The search engine's index follows the database: ranking over every match, one result per turn,
imports seen by running web workers, and a missed import found by --check and mended by --catch-up."""
import copy
import re
from urllib.parse import quote

import pytest
from django.core.management import call_command
from django.db import connection

from records import search
from records.ingest import import_contract, import_record
from records.parsing import parse_file, to_contract
from records.search import documents
from tests.conftest import SEED, command_status, shared_path

SEED_TEXT = SEED.read_text(encoding="utf-8")
from tests.servers import database_url, gunicorn, request

pytestmark = pytest.mark.django_db(transaction=True)  # imports commit: the index follows them


@pytest.fixture(autouse=True)
def fresh_index(settings, tmp_path):
    from records.search import engine

    settings.SEARCH_INDEX_DIR = tmp_path / "search-index"
    engine.forget()
    yield settings.SEARCH_INDEX_DIR
    engine.forget()


def meeting_like(number, year, text, word):
    """A one-turn-per-speaker contract made from S/PV.8700's, dated `year`, its turns' texts given."""
    document = to_contract(parse_file(shared_path("records", "en", "pdf", "S_PV.8700_E.pdf")))
    document = copy.deepcopy(document)
    document.update(meeting=number, symbol=f"S/PV.{number}", date=f"{year}-01-10", votes=[], resolutions_cited=[])
    for turn in document["speeches"]:
        turn["text"] = "We thank the briefers for their statements today."
        turn["resolutions_cited"] = []
    document["speeches"][1]["text"] = text.replace("WORD", word)
    return document


def test_relevance_beats_recency(countries):
    old = meeting_like(3501, 1995, "WORD, WORD and again WORD: the WORD question is the heart of it.", "Zyrgastan")
    new = meeting_like(9901, 2025, "Among many other things, WORD was mentioned once.", "Zyrgastan")
    assert import_contract(old, source_name="old.json").ok and import_contract(new, source_name="new.json").ok
    by_relevance = search.search({}, "Zyrgastan").page.object_list
    assert [(s.record.meeting.number, s.seq) for s in by_relevance] == [(3501, 2), (9901, 2)]
    by_date = search.search({}, "Zyrgastan", sort="date").page.object_list
    assert [s.record.meeting.number for s in by_date] == [9901, 3501]
    assert search.search({"date_before": by_date[1].date}, "Zyrgastan").page.paginator.count == 1  # in the engine


def test_a_turn_found_in_several_languages_is_one_result(countries):
    paths = [shared_path("records", code, f"S_PV.10124_{code}.first16000.txt") for code in ("fr", "es", "ru")]
    for path in paths:
        assert import_record(path).ok
    found = search.search({}, "DiCarlo")  # her turn, in the French and Spanish versions alike
    turns = [(s.record.meeting.number, s.seq) for s in found.page.object_list]
    assert len(turns) == len(set(turns)) and (10124, 2) in turns
    assert found.page.paginator.count == len(turns)  # the count is of turns too
    russian = search.search({"language": "ru"}, "Дикарло").page.object_list
    assert {s.record.language for s in russian} == {"ru"} and (10124, 2) in [
        (s.record.meeting.number, s.seq) for s in russian]


def test_running_web_workers_see_imports_and_replacements_without_a_restart(countries, tmp_path, fresh_index):
    env = {"DJANGO_MEDIA_ROOT": str(tmp_path), "DATABASE_URL": database_url(connection.settings_dict),
           "SEARCH_INDEX_DIR": str(fresh_index), "DJANGO_PAGE_CACHE": "0"}
    with gunicorn(env, workers=2) as (port, _):
        assert "0 speeches found" in request(port, "/search/?q=" + quote("不扩散"))[2]
        assert import_record(SEED).ok
        for _ in range(4):  # each of the two workers
            page = request(port, "/search/?q=" + quote("不扩散"))[2]
            assert re.search(r'role="status">[1-9]\d* speech', page), page[:500]
        corrected = SEED_TEXT.replace("我们感谢第1540", "我们感谢第1540 Quorvalith")
        assert import_record(corrected.encode(), source_name="corrected.txt").status == "replaced"
        for _ in range(4):
            page = request(port, "/search/?q=Quorvalith")[2]
            assert 'role="status">1 speech found' in page and "<mark>Quorvalith</mark>" in page


def test_check_finds_and_catch_up_mends_an_index_that_missed_an_import(countries, monkeypatch):
    assert import_record(SEED).ok
    assert command_status("search_index", "--check") == 0
    real = documents.update_meetings
    monkeypatch.setattr(documents, "update_meetings", lambda ids, **kw: False)  # as if the process died
    monkeypatch.setattr(search, "update_meetings", lambda ids, **kw: False)
    record = shared_path("records", "fr", "S_PV.10124_fr.first16000.txt")
    assert import_record(record).ok  # the import stands
    monkeypatch.setattr(documents, "update_meetings", real)
    assert search.search({}, "DiCarlo").page.paginator.count == 0
    assert command_status("search_index", "--check") == 1
    call_command("search_index", "--catch-up")
    assert command_status("search_index", "--check") == 0
    assert search.search({}, "DiCarlo").page.paginator.count >= 1


def test_a_failing_index_never_fails_an_import(countries, monkeypatch):
    from records.search import engine

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(engine, "writing", broken)
    result = import_record(SEED)
    assert result.ok and result.record.speeches.exists()


def test_rebuild_from_the_database(countries):
    assert import_record(SEED).ok
    call_command("search_index", "--rebuild")
    stale, gone, turns, indexed = documents.compare()
    assert (stale, gone) == (set(), set()) and turns == indexed > 0


def test_every_worker_shows_the_new_totals_right_after_an_import(countries, tmp_path, fresh_index):
    env = {"DJANGO_MEDIA_ROOT": str(tmp_path), "DATABASE_URL": database_url(connection.settings_dict),
           "SEARCH_INDEX_DIR": str(fresh_index)}
    assert import_record(SEED).ok
    with gunicorn(env, workers=2) as (port, _):
        for _ in range(4):
            assert "<dt>Meetings</dt><dd>1</dd>" in request(port, "/")[2]
        assert import_record(shared_path("records", "fr", "S_PV.10124_fr.first16000.txt")).ok
        for _ in range(6):  # whichever worker answers: the figures of the archive as it now is
            assert "<dt>Meetings</dt><dd>2</dd>" in request(port, "/")[2]


def test_one_writer_at_a_time_the_other_waits(countries):
    import threading
    import time

    from records.search import engine

    held = threading.Event()

    def another_process_writing():
        with engine.writing():
            held.set()
            time.sleep(1.0)

    other = threading.Thread(target=another_process_writing)
    other.start()
    held.wait(5)
    started = time.perf_counter()
    assert import_record(SEED).ok
    waited = time.perf_counter() - started
    other.join()
    assert waited >= 0.5  # the update waited for the lock instead of failing or corrupting the index
    assert search.search({}, "不扩散").page.paginator.count >= 1


def test_a_deleted_meeting_or_version_leaves_the_index(countries):
    from django.db import transaction

    from records import models

    paths = [shared_path("records", code, f"S_PV.10124_{code}.first16000.txt") for code in ("fr", "ru")]
    for path in paths:
        assert import_record(path).ok
    assert search.search({"language": "ru"}, "Дикарло").page.paginator.count >= 1
    with transaction.atomic():  # as the admin deletes: in a transaction, the index after its commit
        models.Record.objects.get(meeting__number=10124, language="ru").delete()
    assert search.search({"language": "ru"}, "Дикарло").page.paginator.count == 0
    assert search.search({}, "DiCarlo").page.paginator.count >= 1
    with transaction.atomic():
        models.Meeting.objects.get(number=10124).delete()
    assert search.search({}, "DiCarlo").page.paginator.count == 0
    assert command_status("search_index", "--check") == 0


def test_chinese_speaker_names_are_found(countries):
    assert import_record(SEED).ok
    found = search.search({}, "波利扬斯基").page.object_list
    assert found and all(s.country_id == "RUS" for s in found[:3])


def test_the_kept_figures_follow_a_deletion(countries):
    from records import models, totals

    assert import_record(SEED).ok
    assert import_record(shared_path("records", "fr", "S_PV.10124_fr.first16000.txt")).ok
    assert totals.holdings()["meeting_count"] == 2
    models.Meeting.objects.get(number=9589).delete()  # the latest import's time stays; the count does not
    assert totals.holdings()["meeting_count"] == 1
