"""Fill the country table from the committed countries.json (derived from UNTERM, public domain)."""
from django.db import migrations

from records.country_table import load_countries


def load(apps, schema_editor):
    load_countries(apps.get_model("records", "Country"))


class Migration(migrations.Migration):
    dependencies = [("records", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
