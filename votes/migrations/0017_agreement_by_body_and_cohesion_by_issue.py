from django.db import migrations, models
import django.db.models.deletion


class Migration(migrations.Migration):
    """Agreement by session per body (CountrySession keyed by country, session and body) and group cohesion by
    issue tag (GroupIssueCohesion). The rows counted before carry no body: emptied, they are counted again, and the
    new table filled, by `figures.fill_missing` after migrate (post_migrate)."""

    dependencies = [
        ('votes', '0016_chinese_sort_keys_and_footnotes'),
    ]

    operations = [
        migrations.RunSQL("DELETE FROM votes_countrysession", migrations.RunSQL.noop),
        migrations.RemoveConstraint(model_name='countrysession', name='countrysession_unique'),
        migrations.AlterModelOptions(name='countrysession', options={'ordering': ['country', 'session', 'body']}),
        migrations.AddField(
            model_name='countrysession',
            name='body',
            field=models.ForeignKey(default='GA', help_text='The body that voted.', on_delete=django.db.models.deletion.CASCADE, related_name='+', to='votes.body'),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name='countrysession',
            name='yes',
            field=models.IntegerField(default=0, help_text='Recorded votes of the session and body on which it voted yes.'),
        ),
        migrations.AlterField(
            model_name='countrysession',
            name='pairs',
            field=models.TextField(blank=True, default='', help_text='For each other country with a vote in common: its code, the recorded votes of the session and body on which both cast yes, no or abstain, and of those the votes on which both cast the same ("BRA 3 1,CHN 3 0"; votes.analysis.similarity.decode_pairs).'),
        ),
        migrations.AddConstraint(
            model_name='countrysession',
            constraint=models.UniqueConstraint(fields=('country', 'session', 'body'), name='countrysession_unique'),
        ),
        migrations.CreateModel(
            name='GroupIssueCohesion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('votes', models.IntegerField(default=0, help_text='Recorded votes with the tag on which members of the group cast a vote.')),
                ('ai_millionths', models.BigIntegerField(default=0, help_text="Sum of the group's Agreement Index over those votes, in millionths (each vote's rounded).")),
                ('split', models.IntegerField(default=0, help_text="Of those, votes on which some member cast against the group's majority.")),
                ('yes', models.IntegerField(default=0, help_text="Members' yes positions on those votes.")),
                ('no', models.IntegerField(default=0, help_text="Members' no positions.")),
                ('abstain', models.IntegerField(default=0, help_text="Members' abstentions.")),
                ('absent', models.IntegerField(default=0, help_text='Members absent (on the roll but not voting).')),
                ('group', models.ForeignKey(db_index=False, help_text='The group.', on_delete=django.db.models.deletion.CASCADE, related_name='issue_cohesion', to='votes.group')),
                ('issue', models.ForeignKey(help_text='The issue the votes are tagged with.', on_delete=django.db.models.deletion.CASCADE, related_name='+', to='votes.issuetag')),
            ],
            options={
                'ordering': ['group', 'issue'],
                'constraints': [models.UniqueConstraint(fields=('group', 'issue'), name='groupissuecohesion_unique')],
            },
        ),
    ]
