"""Fill the country table from the committed countries.json (derived from UNTERM, public domain)."""
import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "parsing" / "data" / "countries.json"
LANGS = ["en", "fr", "es", "ru", "zh", "ar"]


def load(apps, schema_editor):
    Country = apps.get_model("records", "Country")
    for entry in json.loads(DATA.read_text(encoding="utf-8")):
        fields = {"m49": entry["m49"], "status": entry["status"]}
        for lang in LANGS:
            fields[f"name_{lang}"] = entry["names"][lang]["short"]
            fields[f"formal_{lang}"] = entry["names"][lang]["formal"]
        Country.objects.update_or_create(iso3=entry["iso3"], defaults=fields)


class Migration(migrations.Migration):
    dependencies = [("records", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
