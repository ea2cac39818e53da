"""The tests that accept a refusal fail when the parser crashes: a bug injected into the parser
(its first step raises) must turn each of them red, not pass as "refused"."""
import pytest

from records.parsing import parser
from tests.parsing import test_other_languages, test_robustness


@pytest.fixture
def crashing_parser(monkeypatch):
    def broken(*args, **kwargs):
        raise KeyError("an injected bug")

    monkeypatch.setattr(parser, "extract", broken)


SEED_BYTES = test_robustness.SEED_TEXT.encode("utf-8")


@pytest.mark.parametrize("test, example", [
    (test_robustness.test_arbitrary_bytes_raise_only_parse_error, (SEED_BYTES,)),
    (test_robustness.test_arbitrary_text_raises_only_parse_error, (test_robustness.SEED_TEXT,)),
    (test_robustness.test_damaged_seed_raises_only_parse_error, (0, 10, "")),
    (test_robustness.test_shuffled_lines_of_a_record_raise_only_parse_error,
     (test_robustness.SEED_TEXT.splitlines()[:40],)),
], ids=lambda value: getattr(value, "__name__", ""))
def test_property_tests_fail_on_a_crash(crashing_parser, test, example):
    with pytest.raises(AssertionError, match="the parser failed unexpectedly"):
        test.hypothesis.inner_test(*example)


def test_refusal_table_fails_on_a_crash(crashing_parser):
    with pytest.raises(AssertionError):
        test_robustness.test_not_a_record_is_named(b"", "empty")


def test_damaged_arabic_test_fails_on_a_crash(crashing_parser):
    with pytest.raises(AssertionError, match="the parser failed unexpectedly"):
        test_other_languages.test_damaged_arabic_reads_what_survives()


def test_the_same_tests_pass_without_the_bug():
    test_robustness.test_arbitrary_text_raises_only_parse_error.hypothesis.inner_test(test_robustness.SEED_TEXT)
    test_robustness.test_not_a_record_is_named(b"", "empty")
