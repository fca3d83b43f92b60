"""Ready citations of the record's pages ("Cite this"): plain text and BibTeX, naming the UN document the fact
comes from (the committee report, the draft, the resolution), the dataset where the data are a dataset's, and
Tally's page with the date it was accessed."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone

from .links import path_in_language

PUBLISHER = "Tally: the record of votes at the UN General Assembly and its Main Committees"


@dataclass
class Citation:
    key: str  # the BibTeX key
    title: str
    url: str
    sources: list[str] = field(default_factory=list)  # the UN documents and datasets the page's facts come from
    accessed: datetime.date = field(default_factory=lambda: timezone.localdate())

    @property
    def text(self) -> str:
        sources = f" Sources: {'; '.join(self.sources)}." if self.sources else ""
        return f"\u201c{self.title}\u201d. {PUBLISHER}. {self.url} (accessed {self.accessed.isoformat()}).{sources}"

    @property
    def bibtex(self) -> str:
        def braced(value: str) -> str:
            return "{" + re.sub(r"([{}&%$#_])", r"\\\1", value) + "}"

        lines = [
            f"@misc{{{self.key},",
            f"  title = {braced(self.title)},",
            f"  howpublished = {{\\url{{{self.url}}}}},",
            f"  publisher = {braced(PUBLISHER)},",
            f"  urldate = {{{self.accessed.isoformat()}}},",
        ]
        if self.sources:
            lines.append(f"  note = {braced('Sources: ' + '; '.join(self.sources))},")
        lines.append("}")
        return "\n".join(lines)


def cited_url(request) -> str:
    """The page's address without a language prefix (the English one, hreflang x-default), from whichever language
    it was viewed in: a citation is written in English, and one page of the record is cited by one address, the
    one every citation made before the language moved into the address already gives."""
    return request.build_absolute_uri(path_in_language(request.path_info, settings.LANGUAGE_CODE))


def _key(*parts) -> str:
    return "tally-" + re.sub(r"[^A-Za-z0-9]+", "-", "-".join(str(p) for p in parts)).strip("-").lower()


def _draft_sources(draft, documents) -> list[str]:
    sources = [f"UN document {draft.symbol}"] if "/" in draft.symbol and not draft.symbol.startswith("A/RES/") else []
    sources += [f"UN document {document.symbol} ({document.language})" for document in documents if document.symbol]
    if draft.resolution:
        sources.append(f"General Assembly resolution {draft.resolution}")
    return sources


def for_vote(request, vote, roll_call=None) -> Citation:
    subject = f"roll call {roll_call.rcid}" if roll_call else vote.subject_label
    date = vote.date.isoformat() if vote.date else f"session {vote.session_id}"
    # The document the vote was read from (the report or verbatim record), not every version of the draft's.
    sources = _draft_sources(vote.draft, [vote.document] if vote.document_id else [])
    if roll_call:
        sources.append(f"{roll_call.dataset.citation}, roll call {roll_call.rcid}")
    return Citation(
        key=_key("vote", vote.draft.symbol, subject),
        title=f"Vote on {vote.draft.symbol}, {subject} ({vote.body_id}, {date})",
        url=cited_url(request),
        sources=sources,
    )


def for_draft(request, draft) -> Citation:
    return Citation(
        key=_key("draft", draft.symbol),
        title=f"{draft.symbol}: {draft.title_en or draft.title}".rstrip(": "),
        url=cited_url(request),
        sources=_draft_sources(draft, draft.documents.all()),
    )


def for_country(request, country, datasets=()) -> Citation:
    return Citation(
        key=_key("country", country.iso3),
        title=f"Voting record of {country.name_en} ({country.iso3})",
        url=cited_url(request),
        sources=[dataset.citation for dataset in datasets],
    )
