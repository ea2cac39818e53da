"""States that no longer exist and names no longer used: in the country table, read in records of their
time, and shown as the records printed them, linked to their successors."""
import json

import pytest

from records import models
from records.ingest import import_record
from records.parsing import parse_bytes
from records.parsing.countries import former_states, index_for
from records.parsing.extract import extract
from tests.conftest import SHARED

pytestmark = pytest.mark.django_db
RECORD = SHARED / "records" / "en" / "era" / "S_PV.3500_en.rebuilt.pdf"
TURNS = """Mr. Djokić (Yugoslavia): The delegation of the Federal Republic of Yugoslavia thanks the Council.

Mr. Maleski (the former Yugoslav Republic of Macedonia): My delegation takes note of the statement.

Mr. Lukabu Khabouji N'Zaji (Zaire): Zaire welcomes the conference in Bujumbura.

"""


def s_pv_3500_with_three_more_turns():
    """S/PV.3500 of 1995 as text, with turns by Yugoslavia, the former Yugoslav Republic of Macedonia and
    Zaire added before its close (the record itself has only the President's)."""
    if not RECORD.exists():
        pytest.skip(f"{RECORD} is not in ../shared")
    text = extract(RECORD.read_bytes()).text
    close = text.index("The meeting rose at")
    return (text[:close] + TURNS + text[close:]).encode()


def test_the_table_of_former_states_and_names():
    data = former_states()
    codes = {entry["code"]: entry for entry in data["former"]}
    assert {"SUN", "YUG", "SCG", "CSK"} <= set(codes) and codes["SUN"]["successors"] == ["RUS"]
    assert codes["YUG"]["successors"] == ["SCG"] and codes["SCG"]["successors"] == ["SRB", "MNE"]
    for entry in [*data["former"], *data["renamed"]]:
        assert set(entry["names"]) == {"en", "fr", "es", "ru", "zh", "ar"}, entry["code"]
        assert entry["from"] <= entry["until"]
    assert index_for("fr").resolve("Zaïre") == "COD" and index_for("ru").resolve("СССР") == "SUN"
    assert index_for("zh").resolve("南斯拉夫") == "YUG" and index_for("es").resolve("Checoslovaquia") == "CSK"


def test_the_country_table_holds_them(countries):
    ussr = models.Country.objects.get(iso3="SUN")
    assert ussr.is_former and (ussr.existed_from, ussr.existed_until) == (1945, 1991)
    assert [s.iso3 for s in ussr.successors.all()] == ["RUS"]
    assert "SUN" in {p.iso3 for p in models.Country.objects.get(iso3="RUS").predecessors.all()}
    assert models.Country.objects.get(iso3="COD").name_in(1995) == "Zaire"
    assert models.Country.objects.get(iso3="COD").name_in(2020) == "Democratic Republic of the Congo"
    assert models.FormerName.objects.get(country="MKD").name_fr == "l'ex-République yougoslave de Macédoine"


def test_a_record_naming_former_states(client, settings, countries):
    settings.PAGE_CACHE = False
    record = parse_bytes(s_pv_3500_with_three_more_turns())
    assert [(s.country, s.role) for s in record.speeches[-3:]] == [("YUG", "invited"), ("MKD", "invited"),
                                                                  ("COD", "invited")]
    assert import_record(s_pv_3500_with_three_more_turns(), source_name="S_PV.3500_en.txt").ok
    page = client.get("/meetings/3500/").content.decode()
    assert '<a href="/countries/YUG/">Yugoslavia</a>' in page  # as the record names it
    assert '<a href="/countries/COD/">Zaire</a>' in page  # the name of 1995, on today's State's page
    yugoslavia = client.get("/countries/YUG/").content.decode()
    assert "A Member of the United Nations from 1945 to 2003" in yugoslavia
    assert 'Continued by: <a href="/countries/SCG/">Serbia and Montenegro</a>' in yugoslavia
    congo = client.get("/countries/COD/").content.decode()
    assert "Zaire (1971–1997)" in congo
    assert json.loads(client.get("/api/v1/countries/SUN/").content)["name_en"] == "USSR"
