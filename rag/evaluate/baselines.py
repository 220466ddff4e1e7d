"""The plain baselines both evaluations measure the project against, in the same run: what a user would pick
instead of this project.

    WholeRecordBM25  bm25s over whole records (title + text) of every indexed document: retrieval's ``records``
                     method, and the papers of the answer baseline
    Baseline         the answer baseline: the top 3 papers of WholeRecordBM25, and from them the 4 sentences that
                     share the most stemmed question words (ties: the better-ranked paper, then the earlier sentence)
"""

from __future__ import annotations

import re


class WholeRecordBM25:
    """bm25s (English stop words, Snowball stems) over whole records, title and text, of every indexed document:
    the plain baseline of both evaluations (retrieval's ``records`` method, the answer evaluation's baseline)."""

    def __init__(self, documents: list[tuple[str, str | None, str, str | None]]):
        import bm25s
        import Stemmer

        self.stemmer = Stemmer.Stemmer("english")
        self.docs = documents  # (doc_id, pmid, text, title)
        corpus = [f"{title or ''}\n{text}" for _, _, text, title in documents]
        self.bm25 = bm25s.BM25()
        self.bm25.index(bm25s.tokenize(corpus, stopwords="en", stemmer=self.stemmer, show_progress=False),
                        show_progress=False)

    @classmethod
    def from_store(cls, store) -> "WholeRecordBM25":
        return cls(store.documents_text())

    def top(self, question: str, k: int) -> list[int]:
        """Positions in ``docs`` of the best k records, best first."""
        import bm25s

        q = bm25s.tokenize([question], stopwords="en", stemmer=self.stemmer, show_progress=False)
        found, _ = self.bm25.retrieve(q, k=min(k, len(self.docs)), show_progress=False)
        return [int(i) for i in found[0]]


class Baseline:
    """bm25s over whole records (title + text) of the index's documents; 4 sentences from the top 3 papers."""

    def __init__(self, documents: list[tuple[str, str | None, str, str | None]], papers: int = 3,
                 sentences: int = 4):
        self.records = WholeRecordBM25(documents)
        self.stemmer = self.records.stemmer
        self.docs = documents  # (doc_id, pmid, text, title)
        self.papers, self.n_sentences = papers, sentences

    @classmethod
    def from_store(cls, store) -> "Baseline":
        return cls(store.documents_text())

    def _stems(self, text: str) -> set[str]:
        """bm25s's tokens of a text (its word pattern, English stop words, Snowball stems), as a set."""
        from bm25s.stopwords import STOPWORDS_EN

        words = re.findall(r"(?u)\b\w\w+\b", text.lower())
        return {self.stemmer.stemWord(w) for w in words if w not in STOPWORDS_EN}

    def answer(self, question: str) -> tuple[str, list[str | None]]:
        """(answer text with [n] markers, PMIDs of the cited papers in citation order)."""
        from ..chunk.sentences import sentence_spans

        top = self.records.top(question, self.papers)
        q_stems = self._stems(question)
        candidates = []
        for rank, i in enumerate(top):
            text = self.docs[int(i)][2]
            for order, (a, b) in enumerate(sentence_spans(text)):
                s = " ".join(text[a:b].split())
                overlap = len(q_stems & self._stems(s))
                candidates.append((-overlap, rank, order, s))
        chosen = sorted(candidates)[:self.n_sentences]
        lines, cited = [], []
        for _, rank, _, s in chosen:
            pmid = self.docs[top[rank]][1]
            if pmid not in cited:
                cited.append(pmid)
            lines.append(f"{s} [{cited.index(pmid) + 1}]")
        return "\n".join(lines), cited
