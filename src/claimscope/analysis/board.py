"""The evidence board: statements grouped into propositions, traced to origins, checked for conflicts.

Documents are added one at a time (``Board.add``); each new statement is compared only with candidates
from blocking (an inverted index of its words, names, numbers and counted outcomes, ranked by how rare the
shared keys are), never with all statements, and joins the best-matching proposition or starts a new one.
Nothing is rebuilt. Reading a page (``prepare``) does not depend on the board, so ``Board.add_many`` does it
in worker processes while this process places the statements.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import chain, islice
from pathlib import Path
from typing import Any

import numpy
from datasketch import MinHash, MinHashLSH

from claimscope.analysis.conflicts import frames, is_denial
from claimscope.analysis.lexicon import stopwords
from claimscope.analysis.origins import Resolver, credits, describes_person, is_vague, is_witness
from claimscope.analysis.registry import Registry, Source, load_registry
from claimscope.analysis.statements import AUTHOR, Statement, extract_statements
from claimscope.analysis.text import quoted_share, raw_shingles, words
from claimscope.model import Annotations, Document

PERMS = 64
PARALLEL_MIN_DOCS = 64  # add_many reads pages in worker processes from this many on
# Bump when the Board's fields or methods change: a saved board of another format is rebuilt.
STATE_VERSION = 6
VECTOR_CACHE = 30000  # TF-IDF vectors kept; older ones are recomputed when needed


@dataclass
class DocInfo:
    """What the board knows about one document."""

    id: str
    source: str
    outlet: str
    outlet_kind: str
    credited: list[str]
    language: str | None
    read: bool
    skipped: str | None = None
    title: str | None = None
    published: str | None = None
    bodies: list[str] = field(default_factory=list)
    subject: str | None = None  # the person the page is about (named most often, at least three times)
    day: int | None = None  # the publication date (else the date the page names most) as a day number
    # With no year known: the latest month and day the page names, as a day of the year (1-366)
    yearless: int | None = None


@dataclass
class Link:
    """Why a statement joined a proposition: the member it matched best and what they share."""

    statement: str
    matched: str
    score: float
    shared_words: list[str]
    shared_numbers: list[str]
    shared_names: list[str]

    def to_json(self) -> dict[str, Any]:
        """Plain dict for output."""
        return {"statement": self.statement, "matched": self.matched, "score": round(self.score, 3),
                "shared_words": self.shared_words, "shared_numbers": self.shared_numbers,
                "shared_names": self.shared_names}


@dataclass
class Proposition:
    """Statements from different documents that state the same thing."""

    id: int
    members: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    docs: set[str] = field(default_factory=set)


class Board:
    """Incremental evidence board over documents and their annotations."""

    def __init__(self, registry: Registry | None = None, *, threshold: float = 0.2, mix: float = 0.5, frame_bonus: float = 0.15,
                 merge_threshold: float = 0.16, core_ratio: float = 0.9,
                 copy_threshold: float = 0.5, near_threshold: float = 0.12, window_days: int = 30,
                 one_event: bool = False) -> None:
        self.registry = registry or load_registry()
        self.threshold = threshold
        self.mix = mix
        self.frame_bonus = frame_bonus
        self.max_compare = 8
        self.max_props = 4
        self.max_candidates = 24
        self.bucket_size = 24
        self.common_idf = math.log(20) + 1.0  # a key in more than a twentieth of all statements finds none
        self.merge_threshold = merge_threshold
        self.core_ratio = core_ratio
        self.copy_threshold = copy_threshold
        self.near_threshold = near_threshold
        self.window_days = window_days  # pages published further apart are about different events
        # True when the user says every page reports one event (a folder per event): conflicts are then
        # looked for between any two pages, not only between pages that share propositions
        self.one_event = one_event
        # statement -> (proposition, link) it came close to without reaching the threshold
        self.near: dict[str, tuple[int, Link]] = {}
        self._merged: dict[int, int] = {}
        # What reading the board computes (origins, speakers' bodies, cores), kept until the next add.
        self._memo: dict[tuple[str, str | int], Any] = {}
        self.resolver = Resolver(self.registry)
        self.docs: dict[str, DocInfo] = {}
        self.statements: dict[str, Statement] = {}
        self.by_doc: dict[str, list[str]] = defaultdict(list)
        self.props: dict[int, Proposition] = {}
        self.prop_of: dict[str, int] = {}
        self.df: Counter[str] = Counter()
        self.copied_from: dict[str, str] = {}
        self._parent: dict[str, str] = {}
        self._copy_lsh = MinHashLSH(threshold=0.45, num_perm=PERMS)
        self._names: dict[str, list[str]] = defaultdict(list)
        self._signatures: dict[str, Any] = {}
        self._vectors: OrderedDict[str, tuple[int, dict[str, float]]] = OrderedDict()
        self._next_prop = 1

    # ------------------------------------------------------------------ families of pages

    def _find(self, node: str) -> str:
        path = []
        while node in self._parent:
            path.append(node)
            node = self._parent[node]
        for p in path:
            self._parent[p] = node
        return node

    def _union(self, a: str, b: str) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra != rb:
            # Keep a source node as the root so keys read well ("src:Reuters").
            if rb.startswith("src:") and not ra.startswith("src:"):
                ra, rb = rb, ra
            self._parent[rb] = ra

    def family(self, doc_id: str) -> str:
        """The key of the chain of pages this document belongs to (its outlet, credited wires, copies)."""
        return self._find(f"doc:{doc_id}")

    # ------------------------------------------------------------------ adding

    def add(self, doc: Document, ann: Annotations) -> list[Statement]:
        """Add one document: its statements join propositions; returns the new statements."""
        if doc.id in self.docs:
            return []
        return self.add_prepared(prepare(doc, ann, self.registry))

    def add_many(self, pairs: Iterable[tuple[Document, Annotations]], workers: int = 1,
                 progress: Callable[[int], None] | None = None) -> int:
        """Add documents in order; with workers > 1 their statements are read in worker processes meanwhile.

        Reading a page (statements, outcomes counted, copy signatures) does not depend on the board, so
        it runs in parallel; placing statements does, and stays in this process. Returns how many were added.
        """
        added = 0
        it = iter(pairs)
        head = list(islice(it, PARALLEL_MIN_DOCS))
        if len(head) < PARALLEL_MIN_DOCS:
            workers = 1  # a few pages: starting processes costs more than it saves
        pairs = chain(head, it)
        if workers <= 1:
            for doc, ann in pairs:
                if self.add(doc, ann):
                    added += 1
                if progress:
                    progress(1)
            return added
        import multiprocessing

        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(workers, initializer=_init_worker, initargs=(self.registry,)) as pool:
            for prep in pool.imap(_prepare_in_worker, pairs, chunksize=8):
                if prep.doc.id not in self.docs and self.add_prepared(prep):
                    added += 1
                if progress:
                    progress(1)
        return added

    def add_prepared(self, prep: Prepared) -> list[Statement]:
        """Add a document read by ``prepare``: its statements join propositions; returns them."""
        doc, ann = prep.doc, prep.ann
        if doc.id in self.docs:
            return []
        outlet = prep.outlet
        outlet_name = outlet.name if outlet else (doc.outlet or Path(doc.source).name or doc.source)
        read = prep.language in (None, "", "en")
        info = DocInfo(id=doc.id, source=doc.source, outlet=outlet_name,
                       outlet_kind=outlet.kind if outlet else "media", credited=prep.credits,
                       language=prep.language, read=read,
                       skipped=None if read else (ann.skipped or f"language {prep.language!r} is not English; not read"),
                       title=doc.title, published=doc.published, day=_day(doc.published) or _anchor(ann),
                       yearless=_latest_month_day(ann))
        self.docs[doc.id] = info
        self._memo.clear()
        node = f"doc:{doc.id}"
        self._union(f"src:{outlet_name}", node)
        for c in prep.credits:
            src = self.registry.lookup(c)
            self._union(f"src:{src.name if src else c}", node)
        if not read:
            return []
        info.bodies = self.resolver.bodies_in(doc.text)
        info.subject = _subject(ann)
        self.resolver.learn_roles(doc.text, info.bodies)
        stmts = prep.statements
        copies: Counter[str] = Counter()
        for st, sig in zip(stmts, prep.signatures, strict=True):
            while st.id in self.statements:
                st.id += "+"
            self.statements[st.id] = st
            self.by_doc[doc.id].append(st.id)
            if sig is not None:
                self._detect_copy(st, sig, copies)
        for other, n in copies.items():
            if n >= 2:
                self._union(node, f"doc:{other}")
        for st in stmts:
            self._canonical_names(st)
            for t in set(st.tokens):
                self.df[t] += 1
        for st in stmts:
            self._place(st)
        return stmts

    def _canonical_names(self, st: Statement) -> None:
        """One spelling per name across pages (Sadubaev = Sadubayev), so wording comparisons see them equal."""
        caps = {w.lower() for w in words(st.content) if w[:1].isupper() and len(w) >= 5}
        if caps:
            st.tokens = [self.resolver.person(t) if t in caps else t for t in st.tokens]
        st.names = {self.resolver.person(w.lower()) for w in words(st.content)[1:] if w[:1].isupper()} & set(st.tokens)

    def _detect_copy(self, st: Statement, signature: numpy.ndarray, copies: Counter[str]) -> None:
        mh = MinHash(num_perm=PERMS, seed=1, hashvalues=signature, permutations=_TEMPLATE.permutations,
                     scheme=_TEMPLATE.scheme)
        # The signature, not the shingles, is kept: Jaccard is estimated from it (memory stays small).
        self._signatures[st.id] = signature
        if quoted_share(st.content) < 0.5:
            for cand in self._copy_lsh.query(mh):
                other = self.statements[cand]
                if other.doc_id == st.doc_id:
                    continue
                jac = float(numpy.mean(self._signatures[cand] == signature))
                if jac >= self.copy_threshold:
                    copies[other.doc_id] += 1
                    if st.own_voice and st.id not in self.copied_from:
                        self.copied_from[st.id] = cand
            self._copy_lsh.insert(st.id, mh)

    def _idf(self, token: str) -> float:
        n = max(1, len(self.statements))
        return math.log((n + 1) / (self.df.get(token, 0) + 1)) + 1.0

    def _vector(self, st: Statement) -> dict[str, float]:
        """The statement's unit TF-IDF vector, recomputed when the board has grown by a fifth since."""
        n = len(self.statements)
        cached = self._vectors.get(st.id)
        if cached is not None and n <= cached[0] * 1.2 + 20:
            return cached[1]
        counts = Counter(st.tokens)
        vec = {t: v * self._idf(t) for t, v in counts.items()}
        norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
        unit = {t: w / norm for t, w in vec.items()}
        self._vectors.pop(st.id, None)
        self._vectors[st.id] = (n, unit)
        if len(self._vectors) > VECTOR_CACHE:
            self._vectors.popitem(last=False)  # the vector computed longest ago
        return unit

    def settle(self) -> None:
        """Forget cached vectors, so what is read from the board now weighs words as the whole board does."""
        self._vectors.clear()
        self._memo.clear()

    def similarity(self, a: Statement, b: Statement) -> float:
        """TF-IDF cosine of the two statements' comparison words (plus a bonus for counting the same thing)."""
        return self._similarity(self._vector(a), a, b)

    def _similarity(self, va: dict[str, float], a: Statement, b: Statement) -> float:
        vb = self._vector(b)
        if not va or not vb:
            return 0.0
        if len(va) > len(vb):
            va, vb = vb, va
        cos = sum(w * vb[t] for t, w in va.items() if t in vb)
        if a.frames and b.frames and not set(a.frames).isdisjoint(b.frames):
            cos += self.frame_bonus
        return cos

    def _candidates(self, st: Statement) -> list[str]:
        """Statements of other documents sharing the rarest words with this one (it is indexed too).

        An inverted index over its comparison words, names, numbers and counted outcomes; each shared key
        counts by its rarity (IDF), and a common key contributes only its latest statements.
        """
        hits: defaultdict[str, float] = defaultdict(float)
        stop = stopwords()
        keys = set(st.tokens) | set(st.entities) | {
            w.lower() for w in words(st.content)[1:] if w[:1].isupper() and w.lower() not in stop}
        for k in keys:
            bucket = self._names[k]
            weight = self._idf(k)
            if len(bucket) < 50 or weight >= self.common_idf:
                for c in bucket[-self.bucket_size:]:
                    hits[c] += weight
            bucket.append(st.id)
        hits.pop(st.id, None)
        out: list[str] = []
        # the statements sharing most keys first (a few spare ones for those filtered out below)
        for c, _ in heapq.nlargest(3 * self.max_candidates, hits.items(), key=lambda kv: (kv[1], kv[0])):
            other = self.statements[c].doc_id
            if c in self.prop_of and other != st.doc_id and self._same_time(st.doc_id, other):
                out.append(c)
                if len(out) == self.max_candidates:
                    break
        return out

    def _same_time(self, a: str, b: str) -> bool:
        """False when the two pages are dated further apart than the window.

        A page is dated by its publication date (else the full date it names most); a page with no year
        anywhere by the latest month and day it names ("July 18"), compared with the other's within a year.
        """
        if not self.window_days:
            return True
        da, db = self.docs[a], self.docs[b]
        if da.day is not None and db.day is not None:
            return abs(da.day - db.day) <= self.window_days
        ya = da.yearless if da.day is None else _day_of_year(da.day)
        yb = db.yearless if db.day is None else _day_of_year(db.day)
        if ya is None or yb is None:
            return True
        gap = abs(ya - yb)
        return min(gap, 365 - gap) <= self.window_days

    def _same_period(self, a: set[str], b: set[str]) -> bool:
        """True when no dated page of one set lies outside the window of a dated page of the other."""
        if not self.window_days:
            return True
        dated_a, dated_b = [d for d in a if self._dated(d)], [d for d in b if self._dated(d)]
        return all(self._same_time(x, y) for x in dated_a for y in dated_b)

    def _dated(self, doc_id: str) -> bool:
        info = self.docs[doc_id]
        return info.day is not None or info.yearless is not None

    def _place(self, st: Statement) -> None:
        best_prop, best_score, best_member = None, 0.0, None
        va = self._vector(st)
        toks = set(st.tokens)
        raw: dict[str, float] = {}

        def sim(other: str, gated: bool = True) -> float:
            """Similarity to another statement; gated: 0 unless they share enough words."""
            if other not in raw:
                raw[other] = self._similarity(va, st, self.statements[other])
            if gated and not self._overlap(st, self.statements[other], toks):
                return 0.0
            return raw[other]

        scores: dict[int, float] = defaultdict(float)
        for cand in self._candidates(st):
            pid = self.prop_of[cand]
            scores[pid] = max(scores[pid], sim(cand, gated=False))
        # Only the few best candidate propositions are scored in full.
        ranked = sorted(scores, key=lambda p: scores[p], reverse=True)[:self.max_props]
        for pid in ranked:
            prop = self.props[pid]
            # Large propositions are compared on their latest members only: adding stays fast.
            latest = prop.members[-self.max_compare:]
            sims = [sim(m) for m in latest]
            score = self.mix * max(sims) + (1 - self.mix) * sum(sims) / len(sims)
            if score > best_score:
                best_prop, best_score = pid, score
                best_member = max(zip(sims, latest, strict=True))[1]
        if best_prop is not None and best_member is not None and best_score >= self.threshold:
            prop = self.props[best_prop]
            prop.members.append(st.id)
            prop.docs.add(st.doc_id)
            prop.links.append(self._link(st, self.statements[best_member], best_score))
            self.prop_of[st.id] = best_prop
            for other in ranked:
                if other != best_prop and other in self.props and scores[other] >= self.threshold:
                    self._maybe_merge(best_prop, other, st)
            return
        if best_prop is not None and best_member is not None and best_score >= self.near_threshold:
            self.near[st.id] = (best_prop, self._link(st, self.statements[best_member], best_score))
        pid = self._next_prop
        self._next_prop += 1
        self.props[pid] = Proposition(id=pid, members=[st.id], docs={st.doc_id})
        self.prop_of[st.id] = pid

    def _maybe_merge(self, pid: int, other: int, bridge: Statement) -> None:
        """Join two propositions that a new statement shows to be one (no document in both, close on average)."""
        a, b = self.props[pid], self.props[other]
        if a.docs & b.docs:
            return
        left = [self.statements[m] for m in a.members[-4:]]
        right = [self.statements[m] for m in b.members[-4:]]
        sims = [self.similarity(x, y) for x in left for y in right]
        if not sims or sum(sims) / len(sims) < self.merge_threshold or not self._same_period(a.docs, b.docs):
            return
        best = max(((self.similarity(bridge, y), y.id) for y in right), default=(0.0, ""))
        for m in b.members:
            self.prop_of[m] = pid
        a.members.extend(b.members)
        a.docs |= b.docs
        a.links.extend(b.links)
        if best[1]:
            a.links.append(self._link(self.statements[best[1]], bridge, best[0]))
        del self.props[other]
        self._merged[other] = pid

    @staticmethod
    def _overlap(a: Statement, b: Statement, a_tokens: set[str] | None = None) -> bool:
        """Two statements share at least two words, not all of them names (or a word and what they count)."""
        shared = (a_tokens if a_tokens is not None else set(a.tokens)).intersection(b.tokens)
        if len(shared) >= 2 and not shared <= (a.names | b.names):
            return True  # (a name alone, however rare, says who, not what)
        return bool(shared and set(a.frames) & set(b.frames))

    def _link(self, a: Statement, b: Statement, score: float) -> Link:
        shared = set(a.tokens) & set(b.tokens)
        return Link(statement=a.id, matched=b.id, score=score,
                    shared_words=sorted(t for t in shared if not t.isdigit()),
                    shared_numbers=sorted(t for t in shared if t.isdigit()),
                    shared_names=sorted(set(a.entities) & set(b.entities)))

    # ------------------------------------------------------------------ origins

    def origin(self, sid: str) -> tuple[str, list[str]]:
        """(origin key, chain) of one statement, as its proposition stands now."""
        key = ("origin", sid)
        if key not in self._memo:
            self._memo[key] = self._origin(sid)
        return self._memo[key]

    def _origin(self, sid: str) -> tuple[str, list[str]]:
        st = self.statements[sid]
        info = self.docs[st.doc_id]
        if st.own_voice:
            src = self.copied_from.get(sid)
            if src and not self.statements[src].own_voice:
                key, chain = self.origin(src)
                return key, [f"{info.outlet} (own voice)", f"copied from {self.docs[self.statements[src].doc_id].outlet}",
                             *chain]
            fam = self.family(st.doc_id)
            return fam, [f"{info.outlet} (own voice)", *([fam] if fam != f"src:{info.outlet}" else [])]
        found, chain = self._speaker_key(st)
        chain = [info.outlet, *st.via, *chain]
        if found is None and is_witness(st.speaker):
            # a resident or passer-by the outlet's reporter spoke to: the outlet's own reporting
            fam = self.family(st.doc_id)
            return fam, [*chain, f"a witness the outlet spoke to: counts as {fam}"]
        if found is None:
            vague = self._vague(sid)
            if vague is None:
                fam = self.family(st.doc_id)
                return fam, [*chain, f"no body named: counts as {fam}"]
            return vague, [*chain, f"resolved to {vague} (the body quoted for this, on this page or others)"]
        key = found
        if key.startswith("src:"):
            key = self._find(key)
        return key, chain

    def _speaker_key(self, st: Statement) -> tuple[str | None, list[str]]:
        """(origin key or None when vague, chain) of an attributed statement's speaker on its page."""
        key = ("speaker", st.id)
        if key not in self._memo:
            self._memo[key] = self._resolve_speaker(st)
        return self._memo[key]

    def _resolve_speaker(self, st: Statement) -> tuple[str | None, list[str]]:
        info = self.docs[st.doc_id]
        found, chain = self.resolver.resolve(st.speaker, info.bodies)
        if (info.subject and describes_person(st.speaker) and (found is None or not found.startswith("src:"))
                and _surname_of(info.subject) not in st.content.lower()):
            # "A man claiming to be the former head of ...": an unnamed person described on a page about one person
            found, named_chain = self.resolver.resolve(info.subject, info.bodies)
            chain = [*chain, *named_chain]
        if (found is None and st.named_speaker and st.named_speaker != st.speaker and not is_vague(st.speaker)
                and _surname_of(st.named_speaker) not in st.content.lower()):
            # (a person the statement talks about in the third person is not the one saying it)
            # a description ("the minister") the attribution component resolved to a name
            named, named_chain = self.resolver.resolve(st.named_speaker, info.bodies)
            if named is not None:
                found, chain = named, [*chain, *named_chain]
        return found, chain

    def _vague(self, sid: str) -> str | None:
        """The body a vague speaker ("officials said") stands for: the one its own page quotes for the same
        facts, else the one the other pages quote for them most."""
        pid = self.prop_of.get(sid)
        if pid is None:
            return None
        page = self.statements[sid].doc_id
        votes: Counter[str] = Counter()
        same_page: Counter[str] = Counter()
        for m in self.props[pid].members:
            other = self.statements[m]
            if m == sid or other.own_voice or is_denial(other):
                continue
            key, _ = self._speaker_key(other)
            if key and not key.startswith("src:"):
                votes[key] += 1
                if other.doc_id == page:
                    same_page[key] += 1
        best = same_page or votes
        return best.most_common(1)[0][0] if best else None

    def core(self, pid: int) -> list[str]:
        """Members that state the proposition's common content: outliers (close to one member only) left out."""
        key = ("core", pid)
        if key not in self._memo:
            self._memo[key] = self._core(pid)
        return list(self._memo[key])

    def _centrality(self, pid: int) -> dict[str, float]:
        """Mean similarity of each (recent) member to the others: how central it is to the proposition."""
        key = ("centrality", pid)
        if key not in self._memo:
            sample = self.props[pid].members[-3 * self.max_compare:]
            stmts = [self.statements[m] for m in sample]
            self._memo[key] = {m: sum(self.similarity(a, b) for b in stmts if b is not a) / max(1, len(stmts) - 1)
                               for m, a in zip(sample, stmts, strict=True)}
        return dict(self._memo[key])

    def representative(self, pid: int) -> str:
        """The member that says the proposition best: a whole clause (not a fragment), the most central."""
        mean = self._centrality(pid)
        denying = set(self.denials(pid))

        def rank(m: str) -> tuple[bool, bool, float]:
            text = self.statements[m].content.lstrip("\"'“‘ ")
            # a bare noun phrase ("The lone gunman") is central but says little: short ones count less
            return m not in denying, text[:1].isupper(), mean[m] * min(1.0, len(text.split()) / 10)

        return max(mean, key=rank)

    def denials(self, pid: int) -> list[str]:
        """Members on the other side of a denial grouped with what it denies: the denials when most members
        assert the proposition, the assertions when most deny it ("Ukraine denied any involvement" x 3)."""
        key = ("denials", pid)
        if key not in self._memo:
            self._memo[key] = self._denials(pid)
        return list(self._memo[key])

    def _denials(self, pid: int) -> list[str]:
        members = self.props[pid].members
        denying = [m for m in members if is_denial(self.statements[m])]
        if not denying or len(denying) == len(members):
            return []
        if 2 * len(denying) > len(members):
            return [m for m in members if m not in denying]
        return denying

    def _core(self, pid: int) -> list[str]:
        denying = set(self.denials(pid))
        members = [m for m in self.props[pid].members if m not in denying]  # a denial is no support
        if len(members) < 3 or self.core_ratio <= 0:
            return list(members)
        mean = self._centrality(pid)
        overall = sum(mean.values()) / len(mean)
        keep = {m for m in members if mean.get(m, overall) >= self.core_ratio * overall}
        # An outlier is the exception: at least the more central half of the members is the core.
        half = sorted(mean, key=lambda m: mean[m], reverse=True)[:(len(mean) + 1) // 2]
        return [m for m in members if m in keep or m in half]

    def independent_origins(self, pid: int) -> tuple[int, list[str]]:
        """How many different origins stand behind a proposition (its core statements), and which."""
        keys = []
        for m in self.core(pid):
            key, _ = self.origin(m)
            if key not in keys:
                keys.append(key)
        keys = list(dict.fromkeys(one_body_one_key(keys).values()))
        return len(keys), keys

    def near_members(self) -> dict[int, list[tuple[str, Link]]]:
        """Statements shown beside a shared proposition they came close to (below the threshold; not counted).

        Only statements no other page states with them; a statement is shown beside one proposition at most.
        """
        out: dict[int, list[tuple[str, Link]]] = defaultdict(list)
        for sid, (pid, link) in self.near.items():
            if self.shared(self.prop_of[sid]):
                continue
            while pid in self._merged:
                pid = self._merged[pid]
            if pid in self.props and self.shared(pid) and self.statements[sid].doc_id not in self.props[pid].docs:
                out[pid].append((sid, link))
        return out

    def shared(self, pid: int) -> bool:
        """True when the proposition is stated by two or more documents."""
        return len({self.statements[m].doc_id for m in self.props[pid].members}) >= 2

    def unread(self) -> list[DocInfo]:
        """Documents the board stored but did not read (not English, or skipped by the pipeline)."""
        return [d for d in self.docs.values() if not d.read]

    def statement_json(self, sid: str) -> dict[str, Any]:
        """One statement as the output's "claims" item."""
        st = self.statements[sid]
        key, chain = self.origin(sid)
        return {"id": sid, "document_id": st.doc_id, "source": st.source, "content": st.content, "start": st.start, "end": st.end,
                "speaker": st.speaker, "cue": st.cue, "via": st.via, "status": st.status,
                "origin": key, "chain": chain, "outlet": self.docs[st.doc_id].outlet,
                "entities": st.entities, "dates": st.dates, "amounts": st.amounts}


_TEMPLATE = MinHash(num_perm=PERMS, seed=1)


@dataclass
class Prepared:
    """A document read for the board: what ``Board.add_prepared`` needs, computed without the board."""

    doc: Document
    ann: Annotations
    outlet: Source | None
    language: str | None
    credits: list[str]
    statements: list[Statement]
    signatures: list[numpy.ndarray | None]  # per statement: MinHash of its word 3-grams (None when too short)


def prepare(doc: Document, ann: Annotations, registry: Registry) -> Prepared:
    """Read one document for the board: outlet, credited wires, statements with what they count."""
    outlet = registry.outlet_of(doc.outlet, doc.url, doc.source)
    language = doc.language or _language(doc.text)
    found_credits = list(doc.credited) or credits(doc.text, registry, outlet)
    stmts: list[Statement] = []
    signatures: list[numpy.ndarray | None] = []
    if language in (None, "", "en"):
        stmts = extract_statements(doc, replace(ann, skipped=None))
        for st in stmts:
            st.frames = frames(st.content)
            st.tokens = [*st.tokens, *st.frames]
            sh = raw_shingles(st.content)
            signatures.append(_minhash(sh).hashvalues.copy() if len(sh) >= 6 else None)
    return Prepared(doc=doc, ann=ann, outlet=outlet, language=language, credits=found_credits, statements=stmts,
                    signatures=signatures)


_WORKER_REGISTRY: Registry | None = None


def _init_worker(registry: Registry) -> None:
    global _WORKER_REGISTRY
    _WORKER_REGISTRY = registry


def _prepare_in_worker(pair: tuple[Document, Annotations]) -> Prepared:
    assert _WORKER_REGISTRY is not None
    return prepare(pair[0], pair[1], _WORKER_REGISTRY)


def _surname_of(name: str) -> str:
    """Last word of a name, lower case (how a story names its subject again: "Khalimov received ...")."""
    words = name.split()
    return words[-1].lower() if words else "\0"


def one_body_one_key(keys: Iterable[str]) -> dict[str, str]:
    """Each origin key mapped to the key of its body: one body named more or less fully is one origin
    ("org:city administration" on one page, "org:shymkent city administration" on another: the fuller)."""
    keys = list(keys)
    bodies = {k: set(k[4:].split()) for k in keys if k.startswith("org:")}
    out = {}
    for k in keys:
        words = bodies.get(k)
        fuller = [o for o, ws in bodies.items() if words and len(words) >= 2 and words < ws]
        out[k] = max(fuller, key=lambda o: len(bodies[o])) if fuller else k
    return out


def _minhash(tokens: set[str]) -> MinHash:
    mh = MinHash(num_perm=PERMS, seed=1, permutations=_TEMPLATE.permutations, scheme=_TEMPLATE.scheme)
    mh.update_batch([t.encode("utf-8") for t in tokens])
    return mh


def _day(published: str | None) -> int | None:
    """Day number of an ISO publication date ("2016-07-18", "2016-07-18T10:00:00Z"), or None."""
    try:
        return date.fromisoformat((published or "")[:10]).toordinal()
    except ValueError:
        return None


def _anchor(ann: Annotations) -> int | None:
    """Day number of the full date a page names most often (its event's day when it has no publication date)."""
    days = Counter(d for d in (_day(x.value) for x in ann.dates if len(x.value or "") == 10) if d is not None)
    return max(days, key=lambda d: (days[d], d)) if days else None


def _latest_month_day(ann: Annotations) -> int | None:
    """Day of the year of the latest month-and-day a page names without a year ("--07-18"), or None."""
    days = []
    for x in ann.dates:
        m = re.fullmatch(r"--(\d\d)-(\d\d)", x.value or "")
        if m:
            try:
                days.append(date(2001, int(m[1]), int(m[2])).timetuple().tm_yday)
            except ValueError:
                continue  # Feb 29 and other dates no common year has
    return max(days) if days else None


def _day_of_year(day: int) -> int:
    return date.fromordinal(day).timetuple().tm_yday


def _subject(ann: Annotations) -> str | None:
    """The person a page is about: the one named most often, when named at least three times and clearly first."""
    people = sorted((len(e.mentions), e.name) for e in ann.entities if e.type == "PERSON")
    if not people or people[-1][0] < 3 or (len(people) > 1 and people[-2][0] * 2 > people[-1][0]):
        return None
    return people[-1][1]


def _language(text: str) -> str | None:
    try:
        import py3langid

        lang, _ = py3langid.classify(text[:2000])
        return str(lang)
    except Exception:  # noqa: BLE001 - detection is a best effort; unknown counts as English
        return None


__all__ = ["AUTHOR", "Board", "DocInfo", "Link", "Proposition"]
