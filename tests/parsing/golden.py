"""Golden files: the parser's output for every development record, checked into tests/parsing/golden/.

    python -m tests.parsing.golden            # regenerate all (on purpose: review the diff)
    python -m tests.parsing.golden S_PV.8700  # only the records whose file name contains this

Speech texts are stored as length, SHA-256 and their first and last words, not in
full: the records under ../shared are not ours to redistribute, and any change
of a text still shows.
"""
import hashlib
import json
import sys
from pathlib import Path

from records.parsing import parse_file, to_contract
from tests.conftest import PROJECT, SHARED

GOLDEN = Path(__file__).resolve().parent / "golden"


def sources():
    """(name, path) of every record with a golden file; paths may be absent where ../shared is."""
    found = [("S_PV.9589_zh", PROJECT / "samples" / "S_PV.9589_zh.txt")]
    for pdf in sorted((SHARED / "records" / "en" / "pdf").glob("*.pdf")):
        found.append((pdf.stem, pdf))
    for lang in ("fr", "es", "ru", "ar"):
        for path in sorted((SHARED / "records" / lang).glob("*.txt")):
            found.append((path.stem, path))
    # Records of 1995 and 2007, as PDFs rebuilt from their extraction (checked against another parser
    # in test_era_records.py).
    for pdf in sorted((SHARED / "records" / "en" / "era").glob("*.rebuilt.pdf")):
        found.append((pdf.name.removesuffix(".pdf"), pdf))
    return found


def digest(contract):
    out = dict(contract)
    out["speeches"] = [_speech_digest(s) for s in contract["speeches"]]
    return out


def _speech_digest(speech):
    text = speech["text"]
    summary = {k: v for k, v in speech.items() if k != "text"}
    summary["text"] = {
        "chars": len(text),
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "starts": text[:60],
        "ends": text[-60:],
    }
    return summary


def current(path):
    return digest(to_contract(parse_file(path)))


def golden_path(name):
    return GOLDEN / f"{name}.json"


def write(name, path):
    golden_path(name).write_text(json.dumps(current(path), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main(argv):
    GOLDEN.mkdir(exist_ok=True)
    wanted = argv[1] if len(argv) > 1 else ""
    for name, path in sources():
        if wanted in name:
            write(name, path)
            print(f"wrote {golden_path(name).relative_to(PROJECT)}")


if __name__ == "__main__":
    main(sys.argv)
