"""python manage.py parse_record FILE [--json]: the contract on stdout, or exit 2 and one line."""
import json
import subprocess
import sys

from tests.conftest import PROJECT, SEED


def run(*args):
    return subprocess.run([sys.executable, "manage.py", "parse_record", *map(str, args)], cwd=PROJECT,
                          capture_output=True)


def test_json_is_the_contract_in_utf8():
    result = run(SEED, "--json")
    assert result.returncode == 0, result.stderr
    contract = json.loads(result.stdout.decode("utf-8"))
    assert (contract["schema"], contract["symbol"], contract["language"]) == ("unsc-record/1", "S/PV.9589", "zh")
    assert "主席" in result.stdout.decode("utf-8")  # not \\u-escaped


def test_summary_without_json():
    result = run(SEED)
    assert result.returncode == 0
    assert result.stdout.decode().startswith("S/PV.9589 [zh] 2024-03-26")


def test_not_a_record_exits_2_with_one_line(tmp_path):
    png = tmp_path / "scan.pdf"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    result = run(png)
    assert result.returncode == 2
    lines = result.stderr.decode().strip().splitlines()
    assert lines == [f"CommandError: {png}: the file is neither a PDF nor UTF-8 text"]  # Django prints the class
    assert result.stdout == b""


def test_missing_file_exits_2():
    result = run("/no/such/record.pdf")
    assert result.returncode == 2
    assert b"cannot read the file" in result.stderr and b"Traceback" not in result.stderr
