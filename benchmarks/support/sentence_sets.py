"""What the hand-written sentence sets share (make_sentences_new.py, make_sentences_3.py): the corpus documents their
passages come from, the passage of a key (a whole abstract, or a 200-token chunk by index), the split rule of
benchmarks/support_sentences.py, and writing a set as JSON lines."""

from __future__ import annotations

import collections
import hashlib
import json
from pathlib import Path

from rag.chunk.chunker import chunk_document
from rag.load import load_file

ROOT = Path(__file__).resolve().parents[2]
# Error kinds: faithful (None), a number, a name, a negation, a claim.
F, N, M, G, C = None, "number", "name", "negation", "claim"


def corpus_documents() -> dict:
    """The bundled abstracts, PMC full texts, cancer.gov pages and ClinicalTrials.gov records, by doc_id."""
    docs = {d.doc_id: d for d in load_file(ROOT / "corpus/pubmed/immunotherapy_abstracts.jsonl").documents}
    for p in [*sorted((ROOT / "corpus/pmc").glob("*.xml")), *sorted((ROOT / "corpus/nci").glob("*.md")),
              *sorted((ROOT / "corpus/trials").glob("*.jsonl"))]:
        for d in load_file(p).documents:
            docs[d.doc_id] = d
    return docs


def split(sentence_id: str) -> str:
    """As benchmarks/support_sentences.py splits: the first hex digit of sha1(id), 0-4 test."""
    return "test" if int(hashlib.sha1(sentence_id.encode()).hexdigest()[0], 16) <= 4 else "dev"


def write_set(sentences: list[tuple], prefix: str, path: Path) -> list[dict]:
    """Each (key, sentence, error kind, detail, features) as a line of ``path``; a key is a doc_id (the whole text)
    or (doc_id, chunk index)."""
    docs = corpus_documents()
    out = []
    for i, (key, sentence, kind, detail, feats) in enumerate(sentences, 1):
        doc_id = key[0] if isinstance(key, tuple) else key
        d = docs.get(doc_id) or docs[doc_id.lower().replace("doi:", "DOI:")]
        passage = chunk_document(d)[key[1]].text if isinstance(key, tuple) else d.text
        out.append({"id": f"{prefix}{i:03d}", "doc_id": d.doc_id, "title": d.title,
                    "passage_kind": "chunk" if isinstance(key, tuple) else "abstract", "passages": [passage],
                    "sentence": sentence, "faithful": kind is None, "error_kind": kind, "error_detail": detail or None,
                    "features": feats})
    with open(path, "w", encoding="utf-8") as f:
        for r in out:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(len(out), collections.Counter((split(r["id"]), r["passage_kind"], r["error_kind"] or "faithful")
                                        for r in out))
    return out
