"""The Chinese interface stays whole: every message of the catalogue translated, none fuzzy (a guess of
makemessages), every placeholder kept, and the compiled catalogue in step with its source. After a change of
the interface's texts: `manage.py makemessages -l zh_Hans`, translate, `msgfmt -o django.mo django.po`."""

import re
from pathlib import Path

import polib
import pytest

LOCALE = Path(__file__).resolve().parent.parent / "locale"
CATALOGUES = sorted(LOCALE.glob("*/LC_MESSAGES/django.po"))
PLACEHOLDER = re.compile(r"%\(\w+\)s|%s|%d")


@pytest.fixture(params=CATALOGUES, ids=lambda path: path.parts[-3])
def catalogue(request):
    return request.param


def test_there_is_a_chinese_catalogue():
    assert LOCALE / "zh_Hans" / "LC_MESSAGES" / "django.po" in CATALOGUES


def test_every_message_is_translated_and_none_is_fuzzy(catalogue):
    po = polib.pofile(str(catalogue))
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert (untranslated, fuzzy) == ([], [])


def test_every_translation_keeps_the_placeholders_of_its_message(catalogue):
    wrong = []
    for entry in polib.pofile(str(catalogue)).translated_entries():
        wanted = sorted(PLACEHOLDER.findall(entry.msgid_plural or entry.msgid))
        for text in (entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]):
            if sorted(PLACEHOLDER.findall(text)) != wanted:
                wrong.append(entry.msgid)
    assert wrong == []


def test_the_compiled_catalogue_holds_every_translation(catalogue):
    compiled = {(entry.msgctxt, entry.msgid): entry for entry in polib.mofile(str(catalogue.with_suffix(".mo")))}
    stale = [entry.msgid for entry in polib.pofile(str(catalogue)).translated_entries()
             if (entry.msgctxt, entry.msgid) not in compiled
             or (compiled[entry.msgctxt, entry.msgid].msgstr_plural or compiled[entry.msgctxt, entry.msgid].msgstr)
             != (entry.msgstr_plural or entry.msgstr)]
    assert stale == []
