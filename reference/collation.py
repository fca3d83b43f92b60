"""Sort keys of names, stored beside them so that the database sorts (and the same under any collation):

- `pinyin_sort_key`: the order in which a Chinese reader looks a name up, by pinyin (Hanyu Pinyin, via pypinyin),
  syllable by syllable, the letters first and then the tone, as Chinese dictionaries and indexes order entries
  (阿尔及利亚 … 乌兹别克斯坦 … 中非共和国, 中国), not by the characters' code points (中国, 中非共和国, 乌兹别克斯坦 …);
- `alphabetical_sort_key`: English alphabetical order without regard to accents or case, the order of the UN's
  printed lists of States (Costa Rica, Côte d’Ivoire, Croatia; Tunisia, Türkiye, Turkmenistan), in its reports in
  every language: the Chinese report of the seed lists 刚果、科特迪瓦、古巴 (Congo, Côte d’Ivoire, Cuba).
"""

from __future__ import annotations

import re
import unicodedata

from pypinyin import Style, lazy_pinyin

# The longest syllable has six letters (zhuang, shuang, chuang): each is padded to that width with "0" (before
# any letter) and followed by its tone, 1–4 or 5 for the neutral tone. Every character of the key is then a digit
# or a lowercase letter in a fixed place, so that a database compares keys alike under any collation (PostgreSQL's
# locale collations skip spaces and punctuation; SQLite compares bytes): 马来西亚 (ma3 lai2) before 马里 (ma3 li3),
# ba before bai, and a syllable in the first tone before the same syllable in the second.
SYLLABLE_WIDTH = 6
NOT_KEY = re.compile(r"[^a-z0-9]")


def pinyin_sort_key(name: str) -> str:
    """The key a Chinese name sorts by; "" for no name. Letters in the name (rare) keep their place, lowercased."""
    key = []
    for syllable in lazy_pinyin(name or "", style=Style.TONE3, neutral_tone_with_five=True, v_to_u=False):
        syllable = NOT_KEY.sub("", syllable.lower())
        if not syllable:
            continue
        letters, tone = (syllable[:-1], syllable[-1]) if syllable[-1].isdigit() else (syllable, "0")
        key.append(letters.ljust(SYLLABLE_WIDTH, "0") + tone)
    return "".join(key)


WORD_BREAK = re.compile(r"[\s\-–]+")
NOT_LETTER_OR_DIGIT = re.compile(r"[^a-z0-9]")


def alphabetical_sort_key(name: str) -> str:
    """Letters without accents, lowercased; a break between words as "0", before any letter (Guinea, Guinea-Bissau,
    Guyana); other marks (apostrophes, parentheses, commas) dropped."""
    letters = "".join(c for c in unicodedata.normalize("NFKD", name or "") if not unicodedata.combining(c)).lower()
    return NOT_LETTER_OR_DIGIT.sub("", WORD_BREAK.sub("0", letters.strip()))
