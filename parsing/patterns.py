"""Language-neutral patterns and measures shared by the layout and structure passes."""

from __future__ import annotations

import re

# "4. ", "12．" at the start of a line: a numbered paragraph (not "2.5" nor "1.1").
PARAGRAPH_NUMBER = re.compile(r"(?P<n>\d{1,3})\s*[.．](?:\s+|(?=[^\d\s.]))")
# "(a) ", "（b）", "(iv) " at the start of a line: a sub-item.
SUB_ITEM = re.compile(r"[(（](?P<l>[a-z]{1,4})[)）]\s*")

# Hangul jamo, CJK (radicals to Yi), Hangul syllables, CJK compatibility, vertical and full-width forms.
_WIDE = re.compile(
    "[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]"
)


def width(text: str) -> int:
    """Printed width of ``text``: CJK characters and full-width punctuation take two columns."""
    return len(text) + len(_WIDE.findall(text))
