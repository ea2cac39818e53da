"""The country table's content: 193 Member States and two observer States (countries.json, from
UNTERM), and the former States and former names of the archive's decades (former_states.json)."""
import json
from pathlib import Path

DATA = Path(__file__).resolve().parent / "parsing" / "data" / "countries.json"
FORMER = Path(__file__).resolve().parent / "parsing" / "data" / "former_states.json"
LANGS = ["en", "fr", "es", "ru", "zh", "ar"]


def load_countries(country_model, former_name_model=None):
    """Insert or update every State; takes the models so that migrations can pass their historical ones."""
    for entry in json.loads(DATA.read_text(encoding="utf-8")):
        fields = {"m49": entry["m49"], "status": entry["status"]}
        for lang in LANGS:
            fields[f"name_{lang}"] = entry["names"][lang]["short"]
            fields[f"formal_{lang}"] = entry["names"][lang]["formal"]
        country_model.objects.update_or_create(iso3=entry["iso3"], defaults=fields)
    if former_name_model is not None:
        load_former(country_model, former_name_model)


def load_former(country_model, former_name_model):
    data = json.loads(FORMER.read_text(encoding="utf-8"))
    for entry in data["former"]:
        fields = {"m49": entry["m49"], "status": "former", "existed_from": entry["from"],
                  "existed_until": entry["until"], "note": entry["note"]}
        for lang in LANGS:
            fields[f"name_{lang}"], fields[f"formal_{lang}"] = entry["names"][lang]
        country_model.objects.update_or_create(iso3=entry["code"], defaults=fields)
    for entry in data["former"]:
        country = country_model.objects.get(iso3=entry["code"])
        country.successors.set(country_model.objects.filter(iso3__in=entry["successors"]))
    for entry in data["renamed"]:
        former_name_model.objects.update_or_create(
            country_id=entry["code"], start=entry["from"],
            defaults={"end": entry["until"], **{f"name_{lang}": entry["names"][lang][0] for lang in LANGS}})
