"""The country table's content: 193 Member States and two observer States, from countries.json."""
import json
from pathlib import Path

DATA = Path(__file__).resolve().parent / "parsing" / "data" / "countries.json"
LANGS = ["en", "fr", "es", "ru", "zh", "ar"]


def load_countries(country_model):
    """Insert or update every State; takes the model so that migrations can pass their historical one."""
    for entry in json.loads(DATA.read_text(encoding="utf-8")):
        fields = {"m49": entry["m49"], "status": entry["status"]}
        for lang in LANGS:
            fields[f"name_{lang}"] = entry["names"][lang]["short"]
            fields[f"formal_{lang}"] = entry["names"][lang]["formal"]
        country_model.objects.update_or_create(iso3=entry["iso3"], defaults=fields)
