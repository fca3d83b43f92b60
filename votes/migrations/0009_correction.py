# Corrections move from the staff app to the record (votes): re-ingesting a report keeps them, a rule of the
# record. The table is kept and renamed; curation's 0003 drops the model from its own state.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('votes', '0008_agreement_updates_in_place'),
        ('curation', '0002_correction_key'),  # the table is created there, on a fresh database
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Correction',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('object_id', models.PositiveBigIntegerField(help_text='Primary key of the record corrected.')),
                        ('key', models.JSONField(blank=True, default=dict, help_text='Natural key of the record, which outlives its row: {"draft": symbol, "country": iso3} for a sponsorship, {"draft", "body", "subject_label"} for a vote (plus "country" for a position), {"draft", "voted_label"} for a paragraph.')),
                        ('field', models.CharField(help_text='Name of the corrected field, e.g. "position" or "text_en".', max_length=64)),
                        ('old_value', models.TextField(blank=True, help_text='The value before the correction (as the report gave it).')),
                        ('new_value', models.TextField(blank=True, help_text='The corrected value.')),
                        ('reason', models.TextField(help_text='Why the value was corrected (source, e.g. the verbatim record A/79/PV.29).')),
                        ('created_at', models.DateTimeField(auto_now_add=True, help_text='When it was corrected.')),
                        ('content_type', models.ForeignKey(help_text='Kind of record corrected.', on_delete=django.db.models.deletion.CASCADE, to='contenttypes.contenttype')),
                        ('created_by', models.ForeignKey(blank=True, help_text='Who corrected it.', null=True, on_delete=django.db.models.deletion.PROTECT, to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'ordering': ['-created_at', '-id'],
                        'indexes': [models.Index(fields=['content_type', 'object_id', 'field'], name='correction_target_idx')],
                        'db_table': 'curation_correction',
                    },
                ),
            ],
        ),
        migrations.AlterModelTable(name='correction', table=None),
    ]
