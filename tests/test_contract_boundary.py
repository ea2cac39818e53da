"""Ingest takes the unsc-record/1 contract: validated at the door, typed, stored on the Record."""
import copy
import datetime
import json

import pytest

from records import models
from records.contract import ContractError, ResolutionRef, load
from records.contract.schema import SCHEMA
from records.ingest import FAILED, IMPORTED, REPLACED, UNCHANGED, import_contract, import_record
from records.parsing import parse_file, to_contract
from tests.conftest import SEED, shared_path, table_counts


def seed_contract():
    return to_contract(parse_file(SEED))


def test_our_schema_is_the_shared_contract():
    assert SCHEMA.read_bytes() == shared_path("contract", "record.schema.json").read_bytes()


def test_a_loaded_contract_has_typed_values():
    contract = load(seed_contract())
    assert contract.date == datetime.date(2024, 3, 26)
    assert contract.scheduled == datetime.time(15, 0)
    assert ResolutionRef(1540, 2004) in contract.resolutions_cited
    turn = contract.speeches[1]
    assert (turn.speaker.key, turn.speaker.country) == ("波利扬斯基-rus", "RUS")


@pytest.mark.parametrize("edit, message", [
    (lambda d: d.update(date="26 March 2024"), "date"),
    (lambda d: d.update(opened="25:61"), "opened"),
    (lambda d: d["speeches"][0].update(role="chair"), "role"),
    (lambda d: d.update(symbol="S/PV.9590"), "is not that of meeting 9589"),
    (lambda d: d["speeches"][1].update(seq=1), "appears twice"),
    (lambda d: d["votes"][0].update(resolution="1540"), "resolution"),
    (lambda d: d["speeches"][0].update(speaker={"key": "a b", "name": "x", "country": None,
                                                "organization": None}), "key"),
])
def test_an_invalid_document_is_refused_at_the_door(edit, message):
    document = seed_contract()
    edit(document)
    with pytest.raises(ContractError, match=message):
        load(document)


@pytest.mark.django_db
def test_a_hand_edited_contract_imports_without_a_file():
    document = seed_contract()
    document["speeches"] = document["speeches"][:5]
    document["speeches"][1]["text"] = "An edited text, written by hand."
    document["votes"] = []
    result = import_contract(document, source_name="edited.json")
    assert result.status == IMPORTED, result.message
    record = result.record
    assert record.speeches.count() == 5 and not record.file
    assert record.speeches.get(seq=2).text == "An edited text, written by hand."
    assert record.speeches.get(seq=2).speaker.slug == "波利扬斯基-rus"
    assert record.meeting.votes.count() == 0
    assert record.meeting.members.count() == 15
    assert record.contract == document
    assert import_contract(document, source_name="edited.json").status == UNCHANGED


@pytest.mark.django_db
def test_an_invalid_contract_changes_nothing():
    document = seed_contract()
    document["members"][0]["country"] = "china"
    before = table_counts()
    result = import_contract(document)
    assert result.status == FAILED and "members/0/country" in result.message
    assert table_counts() == before


@pytest.mark.django_db
def test_the_stored_contract_rebuilds_the_same_rows():
    """Rows can be derived again from Record.contract alone: re-importing it changes no speech."""
    first = import_record(SEED)
    rows = list(first.record.speeches.values_list("seq", "label", "text", "speaker__slug", "country_id"))
    stored = json.loads(json.dumps(first.record.contract))
    again = import_contract(copy.deepcopy(stored), source_name="from-the-database.json")
    assert again.status == REPLACED
    assert list(models.Record.objects.get().speeches.values_list(
        "seq", "label", "text", "speaker__slug", "country_id")) == rows


@pytest.mark.django_db
def test_ingest_uses_the_speaker_the_parser_decided():
    document = seed_contract()
    document["speeches"][1]["speaker"] = {"key": "someone-else", "name": "Someone Else", "country": "RUS",
                                          "organization": None}
    record = import_contract(document).record
    speaker = record.speeches.get(seq=2).speaker
    assert (speaker.slug, speaker.name, speaker.country_id) == ("someone-else", "Someone Else", "RUS")
