"""Roles of people from the dependency parse: titles before names, appositions, "who leads Y",
"X is the director of Y"."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claimscope.nlp.gazetteer import load_words, norm_key

_TRIM_LEFT = {"det", "punct", "cc", "prep", "case"}
_MAX_ROLE_TOKENS = 14
_CLAUSE = {"who", "which", "where", "when", "and", "but", "while", "whose", "said", "says", "told"}


def titles() -> frozenset[str]:
    """Title and role nouns from nlp/data/actors/titles.txt."""
    return load_words("actors/lexicon/titles.txt")


def _clean(tokens: list[Token]) -> str:
    """Role text without leading determiners or trailing punctuation, cut at a clause boundary."""
    while tokens and (tokens[0].dep_ in _TRIM_LEFT or tokens[0].lower_ in {"who", "which", "that"}
                      or tokens[0].tag_ in {"PRP$"}):
        tokens = tokens[1:]
    out: list[Token] = []
    for t in tokens:
        if t.text in {";", "(", ")", "--", "\u2014", "\u2013"} and out:
            break
        if t.text == "," and out and (t.i + 1 >= len(t.doc) or t.nbor().lower_ in _CLAUSE or t.nbor().is_quote):
            break
        if "\n" in t.text:
            break
        out.append(t)
    while out and (out[-1].is_punct or out[-1].dep_ in {"cc", "det"}):
        out.pop()
    if not out or len(out) > _MAX_ROLE_TOKENS:
        return ""
    return out[0].doc[out[0].i:out[-1].i + 1].text


def _subtree(token: Token, stop: Span) -> list[Token]:
    """The token's subtree as a contiguous list, without the person's own span."""
    toks = [t for t in token.subtree if not (stop.start <= t.i < stop.end)]
    if not toks:
        return []
    # keep the contiguous run that contains the token
    run = [t for t in toks if abs(t.i - token.i) <= len(toks)]
    run.sort(key=lambda t: t.i)
    contiguous = [run[0]]
    for t in run[1:]:
        if t.i != contiguous[-1].i + 1:
            if contiguous[-1].i >= token.i:
                break
            contiguous = [t]
            continue
        contiguous.append(t)
    return contiguous


def title_before(span: Span, title_words: frozenset[str]) -> str:
    """'Kazakh President' in 'Kazakh President Nursultan Nazarbaev': modifiers right before the name."""
    doc = span.doc
    i = span.start - 1
    toks: list[Token] = []
    while i >= 0 and len(toks) < 6:
        t = doc[i]
        acronym = t.is_upper and len(t.text) > 1  # "IS leader X": the tagger may call IS a verb
        if t.is_punct or t.is_space or (t.pos_ in {"DET", "VERB", "AUX", "ADP", "PRON", "CCONJ", "SCONJ"}
                                        and not acronym):
            break
        if t.dep_ not in {"compound", "amod", "nmod", "poss", "nsubj", "appos", "npadvmod", "dobj", "pobj",
                          "ROOT", "attr", "conj", "nummod"} and t.head.i not in range(span.start, span.end):
            break
        if t.tag_ == "POS":
            break
        toks.insert(0, t)
        i -= 1
    # a role only when the run holds a title word ("Taliban leader", not "Islamic State")
    if not toks or not any(norm_key(t.text) in title_words or t.lemma_.lower() in title_words for t in toks):
        return ""
    while toks and norm_key(toks[-1].text) not in title_words and toks[-1].lemma_.lower() not in title_words:
        toks.pop()
    while toks and toks[0].text.islower() and toks[0].pos_ in ("ADJ", "NUM") and \
            norm_key(toks[0].text) not in title_words:
        toks = toks[1:]  # "40-year-old Colonel" -> "Colonel"
    return _clean(toks)


def roles_for(span: Span, title_words: frozenset[str] | None = None) -> list[str]:
    """Roles the sentence gives the person named by `span`."""
    title_words = title_words or titles()
    role_verbs = load_words("actors/lexicon/role_verbs.txt")
    out: list[str] = []
    before = title_before(span, title_words)
    if before:
        out.append(before)
    root = span.root
    for child in root.children:
        if child.i in range(span.start, span.end):
            continue
        if child.dep_ == "appos" and child.pos_ in {"NOUN", "PROPN"}:
            if child.lemma_.lower() not in title_words and child.lower_ not in title_words:
                continue  # "father of eight" is not a role; "chairman of X" is
            text = _clean(_subtree(child, span))
            if text:
                out.append(text)
        elif child.dep_ == "relcl" and child.lemma_.lower() in role_verbs and \
                any(c.lower_ == "who" and c.dep_ == "nsubj" for c in child.children):
            toks = [t for t in _subtree(child, span) if t.i >= child.i]
            text = _clean(toks)
            if text:
                out.append(text)
    # "X is the director of Y"
    head = root.head
    if root.dep_ == "nsubj" and head.lemma_ == "be":
        for child in head.children:
            if child.dep_ == "attr" and child.pos_ == "NOUN":
                text = _clean(_subtree(child, span))
                if text:
                    out.append(text)
    return list(dict.fromkeys(out))


def doc_roles(doc: Doc, spans: list[tuple[int, int]]) -> list[str]:
    """Roles over all mentions (token start, end) of one person, in order, without repeats."""
    title_words = titles()
    out: list[str] = []
    for start, end in spans:
        out.extend(roles_for(doc[start:end], title_words))
    return list(dict.fromkeys(out))
