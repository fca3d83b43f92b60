from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("votes", "0014_agreement_by_session_per_country")]

    operations = [
        migrations.AlterModelOptions(
            name="countrytally",
            options={"verbose_name": "country tally", "verbose_name_plural": "country tallies"},
        ),
    ]
