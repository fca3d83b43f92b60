# The Correction model now belongs to the record (votes 0009 takes over and renames its table): drop it from
# this app's state only.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('curation', '0002_correction_key'),
        ('votes', '0009_correction'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[migrations.DeleteModel(name='Correction')]),
    ]
