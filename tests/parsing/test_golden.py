"""Every development record parses to exactly its golden file (regenerate with python -m tests.parsing.golden)."""
import json

import pytest

from tests.parsing.golden import current, golden_path, sources


@pytest.mark.parametrize("name,path", sources(), ids=[name for name, _ in sources()])
def test_record_matches_golden_file(name, path):
    if not path.exists():
        pytest.skip(f"record not found: {path} (set UNSC_SHARED_DIR)")
    expected = json.loads(golden_path(name).read_text(encoding="utf-8"))
    got = current(path)
    for key in expected:
        assert got[key] == expected[key], f"{name}: {key} differs from its golden file"
    assert set(got) == set(expected)


def test_every_development_record_has_a_golden_file():
    names = [name for name, path in sources() if path.exists()]
    missing = [name for name in names if not golden_path(name).exists()]
    assert not missing
    assert len(names) >= 1
