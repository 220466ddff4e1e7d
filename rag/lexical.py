"""Lexical search: BM25 over chunks, updated incrementally, with biomedical tokenisation and synonym expansion.

Tokens keep what matters in this field: "PD-L1", "IL-2" and "CTLA-4" become "pdl1", "il2", "ctla4" (plus their
parts), so a hyphen or its absence does not break a match; plain words are stemmed (Snowball English).
A small curated table (rag/data/synonyms.tsv) maps code names, generic and brand names of drugs, targets and
common abbreviations onto each other; a name in the query adds the best-matching of its synonyms at a lower
weight than the query's own words.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import unicodedata
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np

SYNONYMS_FILE = Path(__file__).parent / "data" / "synonyms.tsv"
# Measured on the dev questions at 0.1/0.2/0.3/0.5 (docs/benchmarks.md): larger weights let papers about a
# drug's other names crowd out those using the name asked about; at 0.1 synonyms break ties and rescue
# queries whose name the corpus does not use.
EXPANSION_WEIGHT = 0.1
# MeSH concept tokens in chunks and queries (rag/vocabulary.py). Off: measured neutral on the tuning questions
# (full nDCG@10 0.892 either way) and worse on the dev questions (0.789 -> 0.763); docs/benchmarks.md, issue 12.
USE_CONCEPTS = False

# A word: letters and digits of any script, joined by hyphens or slashes ("PD-L1", "CD4/CD8").
WORD = re.compile(r"[^\W_]+(?:[-/][^\W_]+)*")
# Hyphen-like characters written for "-" in names ("PD‑L1" with U+2011 occurs in PubMed abstracts); the long
# dashes separate clauses, never join a name.
_DASHES = str.maketrans({**{c: "-" for c in "\u2010\u2011\u2012\u2013\u2212\ufe63\uff0d"}, "\u2014": " ", "\u2015": " "})
# Scripts written without spaces: each character is a token (unigrams, as search engines index CJK text).
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


# What NFKC would glue onto the word before it: "Kymriah™" must not become "kymriahtm", nor "lymphoma¹" (a
# footnote) "lymphoma1"; marks go, superscript and subscript characters become separate plain ones.
_MARKS = {"\u2122": " ", "\u2120": " ", "\u00ae": " ", "\u00a9": " "}
_SCRIPTS = "\u00b9\u00b2\u00b3\u2070\u2071" + "".join(map(chr, range(0x2074, 0x209d)))
_DETACH = str.maketrans({**_MARKS, **{c: " " + unicodedata.normalize("NFKC", c) + " " for c in _SCRIPTS}})


def normalize(text: str) -> str:
    """NFKC (ligatures, full-width forms, compatibility characters) and one hyphen for all hyphen-like dashes;
    trademark signs dropped and superscripts set apart first."""
    return unicodedata.normalize("NFKC", text.translate(_DETACH)).translate(_DASHES)


def words(text: str) -> list[str]:
    """The words of a text after normalize(), hyphenated names whole; unspaced scripts one character each."""
    out = []
    for m in WORD.finditer(normalize(text)):
        word = m.group(0)
        if _UNSPACED.search(word):
            out.extend(piece for piece in _UNSPACED.split(word) if piece)
            out.extend(_UNSPACED.findall(word))
        else:
            out.append(word)
    return out


@functools.lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    from bm25s.stopwords import STOPWORDS_EN

    return frozenset(STOPWORDS_EN)


@functools.lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


def tokenize(text: str) -> list[str]:
    """Lower-cased, stemmed tokens; hyphenated names yield the joined form and their parts."""
    stop = _stopwords()
    out: list[str] = []
    for word in map(str.lower, words(text)):
        parts = re.split(r"[-/]", word)
        if len(parts) > 1:
            if all(p.isdigit() for p in parts):  # "3-4", "49-72": a range, not a name
                out.extend(p for p in parts if p)
                continue
            out.append("".join(parts))
            out.extend(p for p in parts if len(p) > 1 and p not in stop)
        elif (len(word) > 1 and word not in stop) or _UNSPACED.match(word):
            out.append(word)
        elif word.isdigit():
            out.append(word)  # a lone digit matters in "stage 3", "grade 4"
    stemmer = _stemmer()
    return [stemmer.stemWord(t) if t.isalpha() else t for t in out]


# The tokeniser's fingerprint, recorded in each index (Settings.index_shape): the source of its functions and
# tables, the stop words, the stemmer's version and its output on a text with every case. When any of them
# changes (our code, PyStemmer, bm25s's stop word list), indexes are rebuilt instead of mixing old stored tokens
# with new query ones.
_PROBE = ("The PD-L1/PD‑L1 and CTLA−4 inhibitors were given to 3 patients (grade 3-4, 49–72%) with ﬁbrosis; "
          "ＩＬ－２ therapies, running trials of T cells — Kymriah™ 10⁹ cells¹ Иммунотерапия 免疫疗法 αβ T-cell receptors.")


@functools.lru_cache(maxsize=1)
def tokenizer_fingerprint() -> str:
    import hashlib
    import inspect

    import Stemmer

    rules = [inspect.getsource(f) for f in (normalize, words, tokenize)]
    tables = [WORD.pattern, _UNSPACED.pattern, sorted(_DASHES.items()), sorted(_DETACH.items())]
    probe = json.dumps([rules, tables, tokenize(_PROBE), sorted(_stopwords()), getattr(Stemmer, "__version__", "")])
    return hashlib.sha256(probe.encode()).hexdigest()[:12]


# --- synonyms --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SynonymName:
    text: str  # as written in the table
    key: tuple[str, ...]  # compact tokens, to find the name inside a query
    tokens: tuple[str, ...]  # index tokens, to score documents that use this name


@functools.lru_cache(maxsize=1)
def synonym_groups() -> tuple[tuple[SynonymName, ...], ...]:
    """One group per line of synonyms.tsv (names separated by '|')."""
    groups = []
    for line in SYNONYMS_FILE.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        names = [n.strip() for n in line.split("|") if n.strip()]
        group = tuple(SynonymName(n, tuple(_compact(n)), tuple(tokenize(n))) for n in names if _compact(n))
        if len(group) > 1:
            groups.append(group)
    return tuple(groups)


def _compact(text: str) -> list[str]:
    """Tokens without the parts of hyphenated words: used to match names inside a query."""
    toks = []
    stemmer = _stemmer()
    for word in map(str.lower, words(text)):
        word = re.sub(r"[-/]", "", word)
        if word not in _stopwords():
            toks.append(stemmer.stemWord(word) if word.isalpha() else word)
    return toks


def expansions(query: str) -> list[list[tuple[str, ...]]]:
    """For each synonym group the query names: the index tokens of the group's other names."""
    q = _compact(query)
    present = set(tokenize(query))
    out = []
    for group in synonym_groups():
        named = [n for n in group if _contains(q, n.key)]
        if named:
            others = [n.tokens for n in group if n not in named and not set(n.tokens) <= present]
            if others:
                out.append(others)
    if USE_CONCEPTS:
        # The MeSH descriptors the query names (rag/vocabulary.py): a passage naming one by another term matches.
        from .vocabulary import concepts

        out += [[(token,)] for token in dict.fromkeys(concepts(query))]
    return out


def synonym_alternatives(query: str) -> dict[str, list[tuple[str, ...]]]:
    """For each index token of a synonym-table name the query uses: the index tokens of that name's other names
    (an answer sentence that uses any of them speaks of the same thing)."""
    q = _compact(query)
    out: dict[str, list[tuple[str, ...]]] = {}
    for group in synonym_groups():
        named = [n for n in group if _contains(q, n.key)]
        for n in named:
            others = [o.tokens for o in group if o not in named and o.tokens]
            for t in n.tokens:
                out.setdefault(t, []).extend(o for o in others if o not in out.get(t, []))
    return out


def named_in_query(query: str) -> set[str]:
    """Index tokens of the synonym-table names that the query itself uses."""
    q = _compact(query)
    return {t for group in synonym_groups() for n in group if _contains(q, n.key) for t in n.tokens}


def expand(query: str) -> list[str]:
    """The tokens of all synonyms of names found in the query (not the query's own tokens)."""
    present = set(tokenize(query))
    extra: list[str] = []
    for others in expansions(query):
        extra.extend(t for name in others for t in name if t not in present and t not in extra)
    return extra


def _contains(seq: list[str], sub: tuple[str, ...]) -> bool:
    n = len(sub)
    return any(tuple(seq[i:i + n]) == sub for i in range(len(seq) - n + 1))


def chunk_tokens(title: str | None, section: str, text: str) -> list[str]:
    """What BM25 indexes for a chunk: its own words plus its paper's title and its section heading, and the MeSH
    descriptors they name (``mesh_d007376``: rag/vocabulary.py)."""
    joined = " ".join(p for p in (title or "", section or "", text) if p)
    if not USE_CONCEPTS:
        return tokenize(joined)
    from .vocabulary import concepts

    return tokenize(joined) + concepts(joined)


# --- the index -------------------------------------------------------------------------------------------

# BM25 as bm25s scores it by default (method 'lucene'): idf ln(1 + (N - df + 0.5) / (df + 0.5)), term frequency
# saturation k1 1.5, length normalisation b 0.75, each term's contribution rounded to float32 (bm25s stores
# them so; tests/test_pipeline.py checks the scores against bm25s itself; rag/pgstore.py computes the same in SQL).
K1, B = 1.5, 0.75
EMPTY_TOKEN = "\u2205"  # what a chunk without tokens is indexed as (it still counts in N and avgdl)
# An update appends a segment and marks removed chunks dead; when there are more segments than this, or more
# than this share of dead positions, the next update compacts everything into one segment.
MAX_SEGMENTS = 8
MAX_DEAD_SHARE = 0.25


@dataclass
class _Segment:
    """Postings of the chunks at positions start.. (term-major: the postings of term t are
    positions[indptr[t]:indptr[t + 1]], with their term frequencies in tf); immutable once written."""

    name: str
    indptr: np.ndarray
    positions: np.ndarray
    tf: np.ndarray
    source: Path | None = None  # the file it was loaded from: a later generation hard-links it

    @classmethod
    def build(cls, term_ids: list[np.ndarray], first_position: int, vocab_size: int) -> "_Segment":
        """From each chunk's term ids (with repeats), chunks at positions first_position, first_position + 1..."""
        lengths = np.fromiter((len(t) for t in term_ids), dtype=np.int64, count=len(term_ids))
        terms = np.concatenate(term_ids) if term_ids else np.zeros(0, np.int64)
        chunks = np.repeat(np.arange(len(term_ids), dtype=np.int64) + first_position, lengths)
        # (term, chunk) pairs with their counts, term-major: each pair encoded as one integer, term * stride + chunk.
        stride = first_position + len(term_ids) + 1
        pairs, tf = np.unique(terms * stride + chunks, return_counts=True)
        indptr = np.zeros(vocab_size + 1, dtype=np.int64)
        np.add.at(indptr, pairs // stride + 1, 1)
        return cls(f"seg-{uuid.uuid4().hex[:12]}.npz", np.cumsum(indptr), (pairs % stride).astype(np.int64),
                   tf.astype(np.int32))

    def postings(self, term: int) -> tuple[np.ndarray, np.ndarray]:
        if term + 1 >= len(self.indptr):
            return self.positions[:0], self.tf[:0]
        lo, hi = self.indptr[term], self.indptr[term + 1]
        return self.positions[lo:hi], self.tf[lo:hi]

    def term_ids(self) -> np.ndarray:
        """The term of every posting (for compaction and document frequencies)."""
        return np.repeat(np.arange(len(self.indptr) - 1, dtype=np.int64), np.diff(self.indptr))


def expanded_scores(query: str, score, synonyms: bool = True) -> np.ndarray:
    """``score(tokens)`` for the query, plus EXPANSION_WEIGHT times each synonym group's best other name.

    A group counts once, by the best-matching other name: a paper that lists five brand and code names must not
    outrank one that uses the name the question asked about."""
    scores = score(tokenize(query))
    if synonyms:
        for others in expansions(query):
            scores = scores + EXPANSION_WEIGHT * np.max([score(list(name)) for name in others], axis=0)
    return scores


class LexicalIndex:
    """BM25 over chunks, scored at query time from postings, so that an update costs what the change costs.

    (bm25s precomputes every score with the collection's statistics, so adding one paper meant rebuilding the
    whole index: 3 s at 15k chunks, linear in the library.) Position i holds chunk ``chunk_ids[i]``; removed
    chunks stay as dead positions (``live``) until a compaction. Collection statistics (N, average length,
    document frequencies) count live chunks only, so the scores are exactly those of a fresh index.
    """

    def __init__(self, vocab: dict[str, int], segments: list[_Segment], chunk_ids: np.ndarray, lengths: np.ndarray,
                 live: np.ndarray, df: np.ndarray):
        self.vocab = vocab
        self.segments = segments
        self.chunk_ids = chunk_ids
        self.lengths = lengths
        self.live = live
        self.df = df
        # Collection statistics over live chunks (an index never changes once made: updated() makes a new one).
        self.n_live = int(live.sum())
        self.avgdl = float(lengths[live].sum()) / self.n_live if self.n_live else 0.0

    # -- building and updating

    @classmethod
    def build(cls, token_lists: Sequence[list[str]], chunk_ids: Sequence[int]) -> "LexicalIndex":
        """From each chunk's tokens (see tokenize; the build stores them, so updates never re-tokenise)."""
        empty = cls({}, [], np.zeros(0, np.int64), np.zeros(0, np.int32), np.zeros(0, bool), np.zeros(0, np.int64))
        return empty.updated(token_lists, chunk_ids, ())

    def updated(self, token_lists: Sequence[list[str]], chunk_ids: Sequence[int],
                removed_ids: Sequence[int]) -> "LexicalIndex":
        """A new index: these chunks added (one new segment), removed_ids gone; this one is left as it was."""
        vocab = dict(self.vocab)
        term_ids = []
        for tokens in token_lists:
            term_ids.append(np.fromiter((vocab.setdefault(t, len(vocab)) for t in (tokens or [EMPTY_TOKEN])),
                                        dtype=np.int64))
        n_old = len(self.chunk_ids)
        live = np.concatenate([self.live, np.ones(len(term_ids), bool)])
        df = np.concatenate([self.df, np.zeros(len(vocab) - len(self.df), np.int64)])
        if len(removed_ids):
            gone = np.flatnonzero(np.isin(self.chunk_ids, np.asarray(removed_ids, np.int64)) & self.live)
            live[gone] = False
            for seg in self.segments:  # their terms no longer count in document frequencies
                hit = np.isin(seg.positions, gone)
                if hit.any():
                    df -= np.bincount(seg.term_ids()[hit], minlength=len(df))
        segments = list(self.segments)
        if term_ids:
            seg = _Segment.build(term_ids, n_old, len(vocab))
            df += np.bincount(seg.term_ids(), minlength=len(df))
            segments.append(seg)
        index = LexicalIndex(vocab, segments,
                             np.concatenate([self.chunk_ids, np.asarray(chunk_ids, np.int64)]),
                             np.concatenate([self.lengths, np.array([len(t) for t in term_ids], np.int32)]),
                             live, df)
        dead = len(live) - index.n_live
        if len(segments) > MAX_SEGMENTS or dead > MAX_DEAD_SHARE * max(1, len(live)):
            index = index.compacted()
        return index

    def compacted(self) -> "LexicalIndex":
        """One segment, live chunks only, positions renumbered in chunk order."""
        keep = np.flatnonzero(self.live)
        new_position = np.full(len(self.live), -1, np.int64)
        new_position[keep] = np.arange(len(keep))
        terms = [seg.term_ids() for seg in self.segments]
        positions = [seg.positions for seg in self.segments]
        tfs = [seg.tf for seg in self.segments]
        terms, positions, tf = (np.concatenate(x) if x else np.zeros(0, np.int64) for x in (terms, positions, tfs))
        alive = self.live[positions] if len(positions) else np.zeros(0, bool)
        terms, positions, tf = terms[alive], new_position[positions[alive]], tf[alive]
        order = np.lexsort((positions, terms))
        indptr = np.zeros(len(self.vocab) + 1, np.int64)
        np.add.at(indptr, terms + 1, 1)
        seg = _Segment(f"seg-{uuid.uuid4().hex[:12]}.npz", np.cumsum(indptr), positions[order],
                       tf[order].astype(np.int32))
        return LexicalIndex(self.vocab, [seg], self.chunk_ids[keep], self.lengths[keep], np.ones(len(keep), bool),
                            self.df)

    # -- files

    def save(self, folder: Path) -> None:
        """Segments loaded from an earlier generation are hard-linked (copied where links fail), not rewritten."""
        folder.mkdir(parents=True, exist_ok=True)
        for seg in self.segments:
            target = folder / seg.name
            if seg.source is not None and seg.source.exists():
                try:
                    os.link(seg.source, target)
                except OSError:
                    shutil.copyfile(seg.source, target)
            else:
                np.savez(target, indptr=seg.indptr, positions=seg.positions, tf=seg.tf)
                seg.source = target
        np.save(folder / "chunk_ids.npy", self.chunk_ids)
        np.save(folder / "lengths.npy", self.lengths)
        np.save(folder / "live.npy", self.live)
        np.save(folder / "df.npy", self.df)
        terms = sorted(self.vocab, key=self.vocab.get)
        (folder / "lexical.json").write_text(json.dumps(
            {"format": 1, "k1": K1, "b": B, "segments": [s.name for s in self.segments], "terms": terms}))

    @classmethod
    def load(cls, folder: Path) -> "LexicalIndex":
        meta = json.loads((folder / "lexical.json").read_text())
        segments = []
        for name in meta["segments"]:
            with np.load(folder / name) as z:
                segments.append(_Segment(name, z["indptr"], z["positions"], z["tf"], folder / name))
        return cls({t: i for i, t in enumerate(meta["terms"])}, segments, np.load(folder / "chunk_ids.npy"),
                   np.load(folder / "lengths.npy"), np.load(folder / "live.npy"), np.load(folder / "df.npy"))

    # -- search

    def idf(self, tokens: list[str]) -> dict[str, float]:
        """BM25 idf per token over live chunks; unknown tokens count as occurring once."""
        n = self.n_live
        out = {}
        for t in tokens:
            df = float(self.df[self.vocab[t]]) if t in self.vocab else 1.0
            out[t] = float(np.log(1 + (n - df + 0.5) / (df + 0.5))) if n else 0.0
        return out

    def scores(self, tokens: list[str]) -> np.ndarray:
        """BM25 score of every position for these query tokens (a token counts as often as it occurs)."""
        n, avgdl = self.n_live, self.avgdl
        out = np.zeros(len(self.chunk_ids), dtype=np.float64)
        known = [self.vocab[t] for t in tokens if t in self.vocab]
        if not known or n == 0:
            return out.astype(np.float32)
        for term in known:
            df = float(self.df[term])
            idf = np.float32(np.log(1 + (n - df + 0.5) / (df + 0.5)))
            for seg in self.segments:
                pos, tf = seg.postings(term)
                if len(pos):  # in float32, in bm25s's order of operations
                    tf = tf.astype(np.float32)
                    norm = tf / ((K1 * ((1 - B) + B * self.lengths[pos] / avgdl)).astype(np.float32) + tf)
                    out += np.bincount(pos, weights=idf * norm, minlength=len(out))
        out[~self.live] = 0.0
        return out.astype(np.float32)

    def search(self, query: str, k: int, allowed: np.ndarray | None = None, synonyms: bool = True) -> list[tuple[int, float]]:
        """Top k (chunk_id, score); ``allowed`` is a boolean mask over positions (filters)."""
        scores = expanded_scores(query, self.scores, synonyms)
        if allowed is not None:
            scores = np.where(allowed, scores, 0.0)
        k = min(k, len(scores))
        if k <= 0:
            return []
        # Best first; equal scores in chunk order (positions follow chunk ids), so the order is reproducible and
        # the same as PostgreSQL's (ORDER BY score DESC, chunk_id; rag/pgstore.py).
        kth = -np.partition(-scores, k - 1)[k - 1]
        top = np.flatnonzero((scores >= kth) & (scores > 0))
        top = top[np.argsort(-scores[top], kind="stable")][:k]
        return [(int(self.chunk_ids[i]), float(scores[i])) for i in top]


class RecordView:
    """BM25 over whole documents ("records"): a document's live chunks taken together as one text, their term
    frequencies and lengths summed (the overlap between neighbouring chunks counts twice, as it does for chunks).
    Built from the chunk postings at query time, so it needs no index of its own and follows every update.

    ``doc_of[i]`` is the document number of position i (-1: not a document of this generation)."""

    def __init__(self, index: LexicalIndex, doc_of: np.ndarray):
        self.index = index
        self.doc_of = doc_of
        counted = index.live & (doc_of >= 0)
        size = int(doc_of.max()) + 1 if len(doc_of) else 0
        self.lengths = np.bincount(doc_of[counted], weights=index.lengths[counted], minlength=size)
        self.chunks = np.bincount(doc_of[counted], minlength=size)
        self.counted = counted
        self.n = int((self.chunks > 0).sum())
        self.avgdl = float(self.lengths.sum()) / self.n if self.n else 0.0

    def scores(self, tokens: list[str]) -> np.ndarray:
        """BM25 (the chunk index's formula and parameters) of every document number for these query tokens."""
        out = np.zeros(len(self.lengths), dtype=np.float64)
        vocab = self.index.vocab
        for term in (vocab[t] for t in tokens if t in vocab):
            tf = np.zeros(len(out))
            for seg in self.index.segments:
                pos, counts = seg.postings(term)
                keep = self.counted[pos]
                tf += np.bincount(self.doc_of[pos[keep]], weights=counts[keep], minlength=len(out))
            found = np.flatnonzero(tf)
            if not len(found):
                continue
            df = float(len(found))
            idf = np.log(1 + (self.n - df + 0.5) / (df + 0.5))
            norm = tf[found] / (K1 * ((1 - B) + B * self.lengths[found] / self.avgdl) + tf[found])
            out[found] += idf * norm
        return out

    def record_scores(self, query: str, docs: np.ndarray, synonyms: bool = True, most_chunks: int = 0) -> np.ndarray:
        """The whole-record BM25 of these document numbers (0 for a document of more than ``most_chunks`` chunks,
        when set: a long full text is no record to score whole)."""
        if not len(docs) or self.n == 0:
            return np.zeros(len(docs))
        scores = expanded_scores(query, self.scores, synonyms)[docs]
        if most_chunks:
            scores[self.chunks[docs] > most_chunks] = 0.0
        return scores
