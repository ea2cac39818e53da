"""records.ingest.import_record: counts as parsed, idempotence, versions, languages, bad input, concurrency."""
import os
import subprocess
import sys
import threading

import pytest
from django.db import connection

from records import models
from records.ingest import FAILED, IMPORTED, REPLACED, UNCHANGED, import_record
from records.parsing import parse_file
from tests.bad_files import bad_file_cases
from tests.conftest import PROJECT, SEED, all_records, english_pdfs, media_files, shared_path, table_counts

pytestmark = pytest.mark.django_db

SEED_TEXT = SEED.read_text(encoding="utf-8")


def test_imported_rows_match_the_parse_for_every_record():
    for path in all_records():
        parsed = parse_file(path)
        result = import_record(path)
        assert result.status == IMPORTED, (path.name, result.message)
        record = result.record
        assert record.speeches.count() == len(parsed.speeches), path.name
        assert record.meeting.symbol == parsed.symbol
        assert record.meeting.votes.count() == len(parsed.votes)
        ballots = sum(len(v.in_favour) + len(v.against) + len(v.abstaining) for v in parsed.votes)
        assert models.Ballot.objects.filter(vote__meeting=record.meeting).count() == ballots
        assert record.meeting.members.count() == len(parsed.members) + 1  # and the President
        assert record.agenda_items.count() == len(parsed.agenda)
        assert (record.sha256, record.parser_version, record.filename) == (
            result.record.sha256, "1.0.0", path.name)
    if english_pdfs():
        vote = models.Vote.objects.get(meeting__number=8700, seq=2)
        assert (vote.outcome, str(vote.resolution), vote.draft) == ("adopted", "2504 (2020)", "S/2020/24")
        assert sorted(vote.ballots.filter(position="abstaining").values_list("country", flat=True)) == [
            "CHN", "GBR", "RUS", "USA"]


def test_the_same_file_twice_changes_nothing():
    first = import_record(SEED)
    before = table_counts()
    stamp = models.Record.objects.get().imported_at
    second = import_record(SEED)
    assert (first.status, second.status, second.message) == (IMPORTED, UNCHANGED, "already imported")
    assert table_counts() == before
    assert models.Record.objects.get().imported_at == stamp


def test_a_corrected_version_keeps_speech_rows_and_numbers():
    import_record(SEED)
    before = {s.seq: (s.pk, s.text) for s in models.Speech.objects.all()}
    corrected = SEED_TEXT.replace("我们感谢第1540（2004）号决议所设委员会主席", "我们衷心感谢第1540（2004）号决议所设委员会主席")
    assert corrected != SEED_TEXT
    result = import_record(corrected.encode(), source_name="S_PV.9589_zh_corrected.txt")
    assert result.status == REPLACED
    assert models.Record.objects.count() == 1
    after = {s.seq: (s.pk, s.text) for s in models.Speech.objects.all()}
    assert {seq: pk for seq, (pk, _) in after.items()} == {seq: pk for seq, (pk, _) in before.items()}
    changed = [seq for seq in after if after[seq][1] != before[seq][1]]
    assert changed == [12]
    assert models.Record.objects.get().filename == "S_PV.9589_zh_corrected.txt"


def test_language_versions_attach_to_one_meeting_and_differences_are_recorded():
    paths = {lang: shared_path("records", lang, f"S_PV.10124_{lang}.first16000.txt") for lang in ("fr", "es", "ru")}
    assert import_record(paths["fr"]).status == IMPORTED
    assert import_record(paths["ru"]).status == IMPORTED
    meeting = models.Meeting.objects.get(number=10124)
    assert sorted(meeting.records.values_list("language", flat=True)) == ["fr", "ru"]
    assert meeting.records.get(language="ru").discrepancies == []
    # A Spanish version that says the meeting was scheduled an hour later.
    text = paths["es"].read_text(encoding="utf-8").replace("a las 15.00 horas", "a las 16.00 horas", 1)
    result = import_record(text.encode(), source_name="S_PV.10124_es.txt")
    assert result.status == IMPORTED
    meeting.refresh_from_db()
    assert meeting.scheduled.strftime("%H:%M") == "15:00"  # not overwritten
    assert result.record.discrepancies == ["scheduled time: 16:00 in this version, 15:00 in the fr version"]
    seat = meeting.members.get(country="RUS")
    assert (seat.names["fr"], seat.names["ru"], seat.names["es"]) == ("M. Nebenzia", "г-н Небензя", "Sr. Nebenzia")
    # The same turn in three languages is one person, with a name in each script (one Speaker each).
    turn = models.Speech.objects.filter(record__meeting=meeting, seq=2)
    assert len(set(turn.values_list("speaker__person", flat=True))) == 1
    assert sorted(set(turn.values_list("speaker__name", flat=True))) == ["DiCarlo", "Дикарло"]


@pytest.mark.parametrize("name,data,message", bad_file_cases())
def test_bad_files_are_refused_with_a_message_and_change_nothing(name, data, message):
    import_record(SEED)
    before, stored = table_counts(), media_files()
    result = import_record(data, source_name=name)
    assert result.status == FAILED
    assert message in result.message
    assert (table_counts(), media_files()) == (before, stored)


def test_a_half_parsed_record_is_refused_whole():
    before = table_counts()
    truncated = SEED_TEXT[: SEED_TEXT.index("下午3时05分开会")]  # the cover without any turn
    result = import_record(truncated.encode(), source_name="cover-only.txt")
    assert result.status == FAILED and "no speaker turns" in result.message
    assert table_counts() == before


def test_a_failure_while_saving_leaves_nothing(monkeypatch):
    """If saving breaks half-way (here: at the mentions), the transaction takes everything back."""
    from records.ingest import writers

    def explode(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(writers, "save_mentions", explode)
    before = table_counts()
    with pytest.raises(RuntimeError):
        import_record(SEED)
    assert table_counts() == before
    from django.conf import settings

    assert not any(files for _, _, files in os.walk(settings.MEDIA_ROOT))  # the stored file removed again


@pytest.mark.django_db(transaction=True)
def test_two_processes_importing_the_same_record_make_one_record(countries, tmp_path):
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}"
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_MEDIA_ROOT": str(tmp_path),
           "DJANGO_SECRET_KEY": "test"}
    command = [sys.executable, "manage.py", "import_records", str(SEED), "--workers", "1", "--quiet"]
    start = threading.Barrier(2)
    outcomes = []

    def run():
        start.wait()
        outcomes.append(subprocess.run(command, cwd=PROJECT, env=env, capture_output=True, text=True))

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [o.returncode for o in outcomes] == [0, 0], [o.stderr for o in outcomes]
    summaries = sorted(o.stdout.strip() for o in outcomes)
    assert "1 imported" in summaries[0] or "1 imported" in summaries[1]
    assert any("1 unchanged" in s for s in summaries)
    assert models.Record.objects.count() == 1
    assert models.Meeting.objects.count() == 1


def test_a_representative_speaking_as_a_chair_is_one_speaker():
    """In the seed, Ecuador's representative briefs as chair of the 1540 Committee (no State in the label),
    then speaks for Ecuador: one person, one speaker page; the briefing keeps no country."""
    import_record(SEED)
    chair, ecuador = (models.Speech.objects.get(record__meeting__number=9589, seq=seq) for seq in (6, 8))
    assert (chair.role, chair.country_id, ecuador.role, ecuador.country_id) == ("briefer", None, "member", "ECU")
    assert chair.speaker_id == ecuador.speaker_id is not None
