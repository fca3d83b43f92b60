"""Language-neutral patterns and measures shared by the layout and structure passes."""

from __future__ import annotations

import re

# "4. ", "12．" at the start of a line: a numbered paragraph (not "2.5" nor "1.1").
PARAGRAPH_NUMBER = re.compile(r"(?P<n>\d{1,3})\s*[.．](?:\s+|(?=[^\d\s.]))")
# "(a) ", "（b）", "(iv) " at the start of a line: a sub-item.
SUB_ITEM = re.compile(r"[(（](?P<l>[a-z]{1,4})[)）]\s*")
# A footnote mark: one or two digits glued to the word before it and followed by a space, the end of the
# line or an opening bracket/quote.  Candidates are kept only when a footnote of that number follows.
FOOTNOTE_MARK = re.compile(r"(?<=[^\s\d])(?P<n>\d{1,2})(?=\s|$|[《“\"(（])")
# The same where the mark stands before the punctuation it belongs to ("novembre1.", "suit2 :", "ноября1."),
# as French, Spanish and Russian typesetting place it.
FOOTNOTE_MARK_BEFORE_PUNCTUATION = re.compile(r"(?<=[^\s\d])(?P<n>\d{1,2})(?=\s|$|[«“\"(（.,;:»”])")
# A footnote's first line in a footnote block: "2 科特迪瓦代表团…", " 1 For the discussion…".
FOOTNOTE_ENTRY = re.compile(r"(?P<n>\d{1,3})(?:\s+|(?=[^\d\s.．]))(?P<text>\S.*)")

# Hangul jamo, CJK (radicals to Yi), Hangul syllables, CJK compatibility, vertical and full-width forms.
_WIDE = re.compile(
    "[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]"
)


def width(text: str) -> int:
    """Printed width of ``text``: CJK characters and full-width punctuation take two columns."""
    return len(text) + len(_WIDE.findall(text))
