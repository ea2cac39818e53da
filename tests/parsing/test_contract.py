"""Parser output against the unsc-record/1 contract: the schema, and the expectation files' scores."""
import json

import jsonschema
import pytest

from records.parsing import parse_file, to_contract
from tests.conftest import SEED, SHARED, contract_schema, load_contract_checker, shared_path
from tests.parsing.golden import sources


@pytest.mark.parametrize("name,path", sources(), ids=[name for name, _ in sources()])
def test_output_validates_against_the_schema(name, path):
    if not path.exists():
        pytest.skip(f"record not found: {path}")
    contract = to_contract(parse_file(path))
    jsonschema.Draft202012Validator(contract_schema(), format_checker=jsonschema.FormatChecker()).validate(contract)


def test_seed_scores_one_against_its_expectation(tmp_path):
    checker = load_contract_checker()
    expected = json.loads(shared_path("contract", "expected", "S_PV.9589_zh.json").read_text(encoding="utf-8"))
    parsed = to_contract(parse_file(SEED))
    score = checker.score_record(parsed, expected["expect"])
    assert score.failed == []
    assert score.passed == score.total > 100


def test_expectations_for_every_record_we_have_score_one():
    """Any expectation file in ../shared/contract/expected whose record is here must score 1.0."""
    checker = load_contract_checker()
    folder = shared_path("contract", "expected")
    checked = 0
    for expectation in sorted(folder.glob("*.json")):
        data = json.loads(expectation.read_text(encoding="utf-8"))
        record = SHARED / data["file"]  # expectation paths are relative to ../shared
        if not record.exists():
            continue
        score = checker.score_record(to_contract(parse_file(record)), data["expect"])
        assert score.failed == [], f"{expectation.name}: {score.failed}"
        checked += 1
    assert checked >= 1
