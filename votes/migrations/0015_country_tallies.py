from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("votes", "0013_groups")]

    operations = [
        migrations.AlterModelOptions(
            name="countrytally",
            options={"verbose_name": "country tally", "verbose_name_plural": "country tallies"},
        ),
    ]
