"""Page layout of a text as lines: running sentences, headlines, bylines and short furniture labels.

Saved pages keep their furniture ("Breaking News", breadcrumbs "Home | World | Asia", share buttons);
the statistical model mis-tags those title-cased words, so components ask here which line a token is on.
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Token

_TERMINAL = re.compile(r"[.!?:;][\"'\u201d\u2019\u00bb)\]]*\s*$")
_BYLINE = re.compile(r"^\s*(?:--|\u2014|\u2013|By\s)")
# Copyright footers and picture credits: the names on them are the page's, not the story's.
_CREDIT = re.compile(r"\u00a9|\bcopyright\b|all rights reserved|^\s*(?:photo|image|credit|photograph|picture)s?\s*:",
                     re.IGNORECASE)


class Lines:
    """Which tokens of a Doc sit on headline, byline or furniture lines rather than in running sentences."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = text = doc.text
        self.tokens: list[Token] = list(doc)
        self.starts: list[int] = []
        self.kinds: list[str] = []
        pos = 0
        for raw in text.split("\n"):
            for part in split_bar(raw):
                seg_start, seg = pos + part[0], part[1]
                stripped = seg.strip()
                words = stripped.split()
                if not stripped:
                    kind = "blank"
                elif _CREDIT.search(stripped) and len(words) <= 30:
                    kind = "credit"
                elif _BYLINE.match(stripped) and len(words) <= 6:
                    kind = "byline"
                elif _TERMINAL.search(stripped) or len(words) > 24:
                    kind = "sentence"
                elif len(words) <= 3:
                    kind = "label"
                else:
                    kind = "heading"
                self.starts.append(seg_start)
                self.kinds.append(kind)
            pos += len(raw) + 1

    def kind(self, token_i: int) -> str:
        """'sentence', 'heading', 'byline', 'label', 'credit' or 'blank' for the line of token i."""
        idx = bisect.bisect_right(self.starts, self.tokens[token_i].idx) - 1
        return self.kinds[idx] if idx >= 0 else "sentence"

    def heading(self, token_i: int) -> bool:
        """True when the token is on a headline-like line (no sentence punctuation)."""
        return self.kind(token_i) in ("heading", "label", "byline", "credit")

    def byline(self, start: int, end: int) -> bool:
        """True when the span is the name on a byline ('-- Joanna Paraszczuk', 'By ...')."""
        return self.kind(start) == "byline" or self.whole_line(start, end)

    def furniture(self, start: int, end: int) -> bool:
        """A short breadcrumb label ('Crossroads Asia') that the span does not fill, or a credit line."""
        kind = self.kind(start)
        return kind == "credit" or (kind == "label" and not self.whole_line(start, end))

    def whole_line(self, start: int, end: int) -> bool:
        """True when tokens start..end fill their line (or breadcrumb part) on their own."""
        idx = bisect.bisect_right(self.starts, self.tokens[start].idx) - 1
        seg_start = self.starts[idx]
        seg_end = self.starts[idx + 1] if idx + 1 < len(self.starts) else len(self.text)
        seg = self.text[seg_start:seg_end].strip(" \n|")
        return seg == self.doc[start:end].text


def split_bar(line: str) -> list[tuple[int, str]]:
    """A breadcrumb line 'A | B | C' as its parts with their offsets in the line."""
    if " | " not in line:
        return [(0, line)]
    parts = []
    pos = 0
    for part in line.split("|"):
        parts.append((pos, part))
        pos += len(part) + 1
    return parts
