#!/usr/bin/env python3
"""Derive records/data/council_terms.json from ../shared/data/council_membership.csv (MIT licence).

    python scripts/build_council_terms.py [CSV]

The source names States in a research corpus's own spelling ('Cote D'ivoire',
'United Kingdom Of Great Britain And Northern Ireland'); each is resolved to its
ISO3 code with the parser's English country index, and the build stops on any
name it cannot resolve rather than dropping a term.
"""
import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from records.parsing.countries import index_for  # noqa: E402

DEFAULT_CSV = ROOT.parent / "shared" / "data" / "council_membership.csv"
OUT = ROOT / "records" / "data" / "council_terms.json"
SOURCE = "council_membership.csv, Security Council terms 1992-2023 (MIT licence, from a public research repository)"


def main():
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CSV
    lines = [line for line in src.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    index = index_for("en")
    terms, unknown = [], []
    for row in csv.DictReader(lines):
        iso3 = index.resolve(row["country_org"])
        if iso3 is None:
            unknown.append(row["country_org"])
            continue
        terms.append({"country": iso3, "start": int(row["start_year"]), "end": int(row["end_year"]),
                      "seat": row["seat"]})
    if unknown:
        sys.exit(f"cannot resolve: {sorted(set(unknown))}")
    OUT.write_text(json.dumps({"source": SOURCE, "terms": terms}, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(terms)} terms")


if __name__ == "__main__":
    main()
