from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("records", "0005_speech_search")]

    operations = [
        migrations.AddField(model_name="speech", name="date", field=models.DateField(editable=False, null=True)),
        migrations.RunSQL(
            "UPDATE records_speech s SET date = m.date FROM records_record r JOIN records_meeting m "
            "ON m.id = r.meeting_id WHERE s.record_id = r.id",
            migrations.RunSQL.noop,
        ),
        migrations.AlterField(model_name="speech", name="date", field=models.DateField(editable=False)),
        migrations.AddIndex(model_name="speech",
                            index=models.Index(fields=["-date", "-id"], name="speech_date_idx")),
    ]
