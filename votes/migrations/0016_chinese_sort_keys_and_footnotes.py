"""Countries' sort keys (pinyin for Chinese lists, accent-free English for English lists and the UN's printed vote
lists: reference.collation), filled from the names already loaded; and the footnote of an intended position in
each language (one column per language instead of one text and its language), the stored footnote moved to its
language's column."""

from django.db import migrations, models

from reference.collation import alphabetical_sort_key, pinyin_sort_key


def fill_sort_keys_and_footnotes(apps, schema_editor):
    Country = apps.get_model("votes", "Country")
    countries = list(Country.objects.all())
    for country in countries:
        country.name_en_sort = alphabetical_sort_key(country.name_en)
        country.name_zh_sort = pinyin_sort_key(country.name_zh)
    Country.objects.bulk_update(countries, ["name_en_sort", "name_zh_sort"], batch_size=500)
    IntendedPosition = apps.get_model("votes", "IntendedPosition")
    for language in ("en", "fr", "es", "ru", "zh", "ar"):
        IntendedPosition.objects.filter(language=language).update(**{f"footnote_{language}": models.F("footnote")})


def move_footnotes_back(apps, schema_editor):
    IntendedPosition = apps.get_model("votes", "IntendedPosition")
    for intention in IntendedPosition.objects.all():
        # The English text when there is one (the older rows' one language otherwise).
        language = next((code for code in ("en", "zh", "fr", "es", "ru", "ar") if getattr(intention, f"footnote_{code}")), "en")
        intention.footnote, intention.language = getattr(intention, f"footnote_{language}"), language
        intention.save(update_fields=["footnote", "language"])


class Migration(migrations.Migration):

    dependencies = [
        ('votes', '0015_country_tallies'),
    ]

    operations = [
        migrations.AddField(
            model_name='country',
            name='name_en_sort',
            field=models.CharField(blank=True, editable=False, help_text='The English short name without accents or case (reference.collation.alphabetical_sort_key), set from name_en on every save: English lists, and the vote lists in every language (as the UN prints them), sort by it.', max_length=255, verbose_name='English sort key'),
        ),
        migrations.AddField(
            model_name='country',
            name='name_zh_sort',
            field=models.CharField(blank=True, editable=False, help_text='The Chinese short name in pinyin (reference.collation.pinyin_sort_key), set from name_zh on every save: Chinese menus and lists sort by it.', max_length=255, verbose_name='Chinese sort key'),
        ),
        migrations.AddField(
            model_name='intendedposition',
            name='footnote_ar',
            field=models.TextField(blank=True, help_text='Footnote in Arabic, as printed in UN documents; blank when not known.', verbose_name='Footnote (ar)'),
        ),
        migrations.AddField(
            model_name='intendedposition',
            name='footnote_en',
            field=models.TextField(blank=True, help_text='Footnote in English, as printed in UN documents; blank when not known.', verbose_name='Footnote (en)'),
        ),
        migrations.AddField(
            model_name='intendedposition',
            name='footnote_es',
            field=models.TextField(blank=True, help_text='Footnote in Spanish, as printed in UN documents; blank when not known.', verbose_name='Footnote (es)'),
        ),
        migrations.AddField(
            model_name='intendedposition',
            name='footnote_fr',
            field=models.TextField(blank=True, help_text='Footnote in French, as printed in UN documents; blank when not known.', verbose_name='Footnote (fr)'),
        ),
        migrations.AddField(
            model_name='intendedposition',
            name='footnote_ru',
            field=models.TextField(blank=True, help_text='Footnote in Russian, as printed in UN documents; blank when not known.', verbose_name='Footnote (ru)'),
        ),
        migrations.AddField(
            model_name='intendedposition',
            name='footnote_zh',
            field=models.TextField(blank=True, help_text='Footnote in Chinese, as printed in UN documents; blank when not known.', verbose_name='Footnote (zh)'),
        ),
        migrations.RunPython(fill_sort_keys_and_footnotes, move_footnotes_back),
        migrations.RemoveField(
            model_name='intendedposition',
            name='footnote',
        ),
        migrations.RemoveField(
            model_name='intendedposition',
            name='language',
        ),
    ]
