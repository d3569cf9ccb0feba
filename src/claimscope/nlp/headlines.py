"""Attributions in an article's headline: "Pence: Flowers Won't Be at Debate", "Bernie Sanders Says He's
Already Started Writing His Inaugural Address", "The Latest: Trump urges supporters to monitor polls".

A headline is not part of the article text, so its claim has no offsets in it (start = end = 0). The
speaker must be someone the article names: the headline's name part shares a word with an entity
mention of the text, or is a document noun of the cue lexicon ("Poll:", "Report:").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from claimscope.nlp.components.certainty import base_status
from claimscope.nlp.cues import Lexicons
from claimscope.nlp.quotes import quote_mask, quote_spans, quote_type
from claimscope.nlp.speakers import Mention

MAX_NAME_WORDS = 5
_NAME_WORD = re.compile(r"^[A-Z][\w.'’-]*$")
_TRIM = " \t.\"“”'‘’«»"


@dataclass
class HeadlineClaim:
    """A claim found in a headline."""

    speaker: str
    kind: str  # entity | description
    type: str | None
    cue: str
    content: str
    quote: str
    status: str


def _speaker(name: str, mentions: Sequence[Mention], lex: Lexicons) -> tuple[str, str, str | None] | None:
    """(speaker, kind, type) for a headline's name part, or None when the article names no such one."""
    words = name.split()
    if not words or len(words) > MAX_NAME_WORDS or not _NAME_WORD.match(words[0]):
        return None
    last = re.sub(r"['’]s$", "", words[-1].lower())
    if all(_NAME_WORD.match(w) for w in words):
        for m in mentions:
            if m.type in ("PERSON", "ORG") and last in m.name.lower().replace("’", "'").split():
                return m.name, "entity", m.type
    # a description headed by a speaking noun: "Poll:", "Former DNC chairman calls for ..."
    if lex.nouns.get(last) in ("document", "role", "person"):
        return name, "description", None
    return None


def _third_person_cue(word: str, lex: Lexicons) -> str | None:
    """The lemma of a headline verb in the third person ("Says", "Warns", "Urges") that is a speech or
    report cue."""
    low = word.lower()
    if not low.endswith("s") or len(low) < 4:
        return None
    for lemma in (low[:-1], low[:-2], low[:-3] + "y" if low.endswith("ies") else ""):
        cue = lex.verbs.get(lemma)
        if cue is not None and cue.kind in ("speech", "report"):
            return lemma
    return None


def _content(text: str, min_words: int) -> tuple[str, str] | None:
    text = re.sub(r"^(?:that|That|THAT)\s+", "", text.strip()).strip(" \t.")
    if len(re.findall(r"\w+", text)) < min_words:
        return None
    mask = quote_mask(text, quote_spans(text))
    quote = quote_type(text, mask, [(0, len(text))])
    return text.strip(_TRIM) if quote == "direct" else text, quote


def headline_claim(title: str | None, mentions: Sequence[Mention], lex: Lexicons,
                   min_words: int = 2) -> HeadlineClaim | None:
    """The attribution a headline makes, if it makes one."""
    if not title:
        return None
    title = " ".join(title.split())
    m = re.match(r"^([^:]{2,60}?):\s+(\S.*)$", title)
    if m:
        who = _speaker(m.group(1).strip(), mentions, lex)
        if who is not None:
            found = _content(m.group(2), min_words)
            if found is None:
                return None
            content, quote = found
            status = "asserted"
            return HeadlineClaim(who[0], who[1], who[2], ":", content, quote, status)
        title = m.group(2)  # "The Latest: Trump urges ...": a label, then the headline proper
    m = re.match(rf"^(\S.{{8,}}),\s+((?:\S+\s+){{0,{MAX_NAME_WORDS - 1}}}?)(\S+)\.?$", title)
    trailing = _third_person_cue(m.group(3), lex) if m else None
    if m and trailing:
        # "Clinton Hid Health Problems From Public, Former White House Doctor Says"
        who = _speaker(m.group(2).strip(), mentions, lex)
        found = _content(m.group(1), min_words)
        if who is not None and found is not None:
            return HeadlineClaim(who[0], who[1], who[2], m.group(3), found[0], found[1],
                                 _status(lex.verbs[trailing].status, found[0]))
    words = title.split()
    for k in range(1, min(MAX_NAME_WORDS, len(words) - 1) + 1):
        lemma = _third_person_cue(words[k], lex)
        if lemma is None:
            continue
        who = _speaker(" ".join(words[:k]), mentions, lex)
        if who is None:
            continue
        found = _content(" ".join(words[k + 1:]).lstrip(":"), min_words)
        if found is None:
            return None
        content, quote = found
        return HeadlineClaim(who[0], who[1], who[2], words[k], content, quote, _status(lex.verbs[lemma].status, content))
    return None


def _status(cue_status: str, content: str) -> str:
    """A claim status from the cue's ("contested" cues such as "claims" give an asserted claim, as in the body)."""
    return base_status(cue_status, False, "", content)
