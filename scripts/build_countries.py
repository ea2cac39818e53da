#!/usr/bin/env python3
"""Derive records/parsing/data/countries.json from ../shared/data/country-codes.csv.

    python scripts/build_countries.py [CSV]

country-codes.csv (UNTERM names, Open Data Commons PDDL) has one row per ISO
country or territory. The archive needs the 193 Member States and the two
observer States (UNTERM marks observers with '*', non-members such as the Cook
Islands with '**'). Two Member States lack UNTERM columns in that file (Côte
d'Ivoire, Türkiye); their names come from the official_name columns, with the
UN's English short name for Côte d'Ivoire. The output is committed: the parser
and the data migration read it, so neither depends on ../shared at run time.
"""
import csv
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CSV = ROOT.parent / "shared" / "data" / "country-codes.csv"
OUT = ROOT / "records" / "parsing" / "data" / "countries.json"
LANGS = {"en": "English", "fr": "French", "es": "Spanish", "ru": "Russian", "zh": "Chinese", "ar": "Arabic"}
OFFICIAL = {"en": "official_name_en", "fr": "official_name_fr", "es": "official_name_es",
            "ru": "official_name_ru", "zh": "official_name_cn", "ar": "official_name_ar"}
# Member States whose UNTERM columns are empty in the source file: the UN's own short names.
OVERRIDES = {"CIV": {"en": "Côte d’Ivoire"}}


def clean(name):
    """'Holy See (the) *' -> 'Holy See'; 'Chine (la)' -> 'Chine'; keeps '(Bolivarian Republic of)'."""
    name = re.sub(r"\s*\*+\s*$", "", name.strip())
    name = re.sub(r"\s*\((?:the|la|le|les|l'|l’|el|los|las)\)\s*$", "", name)
    return name


def main():
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CSV
    rows = list(csv.DictReader(src.open(encoding="utf-8")))
    countries = []
    for row in rows:
        iso3 = row["ISO3166-1-Alpha-3"].strip()
        unterm_en = row["UNTERM English Short"].strip()
        if unterm_en.endswith("**"):
            continue  # not a Member or observer State (Cook Islands, Niue)
        if not unterm_en and iso3 not in ("CIV", "TUR"):
            continue  # territories and non-UN entities
        observer = unterm_en.endswith("*")
        names = {}
        for lang, label in LANGS.items():
            short = clean(row[f"UNTERM {label} Short"]) or clean(row[OFFICIAL[lang]])
            formal = clean(row[f"UNTERM {label} Formal"]) or short
            if lang in OVERRIDES.get(iso3, {}):
                short = formal = OVERRIDES[iso3][lang]
            names[lang] = {"short": short, "formal": formal}
        countries.append({
            "iso3": iso3,
            "m49": int(row["M49"]),
            "status": "observer" if observer else "member",
            "names": names,
        })
    countries.sort(key=lambda c: c["iso3"])
    members = sum(c["status"] == "member" for c in countries)
    observers = sorted(c["iso3"] for c in countries if c["status"] == "observer")
    if members != 193 or observers != ["PSE", "VAT"]:
        sys.exit(f"unexpected table: {members} members, observers {observers}")
    OUT.write_text(json.dumps(countries, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {members} Member States, observers {', '.join(observers)}")


if __name__ == "__main__":
    main()
