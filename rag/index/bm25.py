"""BM25 over chunks, updated incrementally, and the same postings read as whole records."""

from __future__ import annotations

import json
import os
import shutil
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np

from ..lexical.synonyms import EXPANSION_WEIGHT, expanded_scores


# BM25 as bm25s scores it by default (method 'lucene'): idf ln(1 + (N - df + 0.5) / (df + 0.5)), term frequency
# saturation k1 1.5, length normalisation b 0.75, each term's contribution rounded to float32 (bm25s stores
# them so; tests/test_pipeline.py checks the scores against bm25s itself; rag/index/postgres.py computes the same in
# SQL).
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
        """The postings of a generation; IndexCorrupt naming the file when one cannot be read."""
        from .generations import IndexCorrupt

        def read(name: str, how):
            try:
                return how(folder / name)
            except (OSError, ValueError, KeyError, TypeError, EOFError, zipfile.BadZipFile) as err:
                raise IndexCorrupt(folder / name, err) from err

        def segment(name: str) -> _Segment:
            with np.load(folder / name) as z:
                return _Segment(name, z["indptr"], z["positions"], z["tf"], folder / name)

        meta = read("lexical.json", lambda p: json.loads(p.read_text()))
        if not isinstance(meta, dict) or not isinstance(meta.get("segments"), list) \
                or not isinstance(meta.get("terms"), list):
            raise IndexCorrupt(folder / "lexical.json", "not the postings' description")
        segments = [read(name, lambda _, n=name: segment(n)) for name in meta["segments"]]
        arrays = [read(f"{name}.npy", np.load) for name in ("chunk_ids", "lengths", "live", "df")]
        return cls({t: i for i, t in enumerate(meta["terms"])}, segments, *arrays)

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

    def search(self, query: str, k: int, allowed: np.ndarray | None = None, synonyms: bool = True,
               expansion_weight: float = EXPANSION_WEIGHT) -> list[tuple[int, float]]:
        """Top k (chunk_id, score); ``allowed`` is a boolean mask over positions (filters)."""
        scores = expanded_scores(query, self.scores, synonyms, expansion_weight)
        if allowed is not None:
            scores = np.where(allowed, scores, 0.0)
        k = min(k, len(scores))
        if k <= 0:
            return []
        # Best first; equal scores in chunk order (positions follow chunk ids), so the order is reproducible and
        # the same as PostgreSQL's (ORDER BY score DESC, chunk_id; rag/index/postgres.py).
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

    def record_scores(self, query: str, docs: np.ndarray, synonyms: bool = True, most_chunks: int = 0,
                      expansion_weight: float = EXPANSION_WEIGHT) -> np.ndarray:
        """The whole-record BM25 of these document numbers (0 for a document of more than ``most_chunks`` chunks,
        when set: a long full text is no record to score whole)."""
        if not len(docs) or self.n == 0:
            return np.zeros(len(docs))
        scores = expanded_scores(query, self.scores, synonyms, expansion_weight)[docs]
        if most_chunks:
            scores[self.chunks[docs] > most_chunks] = 0.0
        return scores
