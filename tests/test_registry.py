"""One registry per kind of fact: the languages, and the choices that constraints and the contract share."""
import json

from records import languages
from records.contract.schema import SCHEMA
from records.models import Outcome, Position, RecordStatus, Role, Subject
from records.parsing.lexicon import LEXICONS


def schema():
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


def test_every_official_language_has_a_lexicon_and_the_contract_allows_it():
    assert set(LEXICONS) == set(languages.CODES)
    assert schema()["properties"]["language"]["enum"] == languages.CODES


def test_every_language_a_lexicon_can_name_has_a_name_on_the_site():
    emitted = {code for lexicon in LEXICONS.values() for code in lexicon.languages.values()}
    assert emitted <= set(languages.SPOKEN), emitted - set(languages.SPOKEN)
    assert languages.name("sr") == "Serbian"


def test_the_choices_are_the_contracts_values():
    properties = schema()["properties"]
    speech = properties["speeches"]["items"]["properties"]
    vote = properties["votes"]["items"]["properties"]
    assert Role.values == speech["role"]["enum"]
    assert RecordStatus.values == properties["status"]["enum"]
    assert Subject.values == vote["subject"]["enum"]
    assert Outcome.values == vote["outcome"]["enum"]
    assert set(Position.values) == {"in_favour", "against", "abstaining"} <= set(vote)


def test_script_traits_are_named_not_guessed_from_the_language():
    chinese, english = languages.get("zh"), languages.get("en")
    assert chinese.searched_by_pairs and not english.searched_by_pairs
    assert LEXICONS["zh"].cut_line_length < LEXICONS["en"].cut_line_length
    assert languages.get("ar").rtl and not english.rtl
