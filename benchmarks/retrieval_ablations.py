"""What each retrieval choice is worth, on one index and one question set, in one run.

    python benchmarks/retrieval_ablations.py --questions ../shared/eval/bioasq_immunotherapy_dev.jsonl \
        [--index index-eval] [--rescorer PATH_TO_SENTENCE_TRANSFORMERS_FOLDER]

Rows: BM25 with synonym expansion at several weights; fusion by RRF and by convex combinations at several
BM25 shares; re-scoring the fused top 20 with MiniLM per sentence (max over a passage's sentences), with a
pseudo-relevance-feedback (Rocchio) dense query, and optionally with another bi-encoder (e.g. a local
all-mpnet-base-v2). Document-level metrics as in `rag eval`. The evaluation index must exist (`rag eval` builds it).
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rag import Settings  # noqa: E402
from rag.chunk.sentences import sentence_spans  # noqa: E402
from rag.evaluate.questions import load_questions  # noqa: E402
from rag.evaluate.retrieval import doc_metrics  # noqa: E402
from rag.retrieve import convex_fusion, get_searcher, reciprocal_rank_fusion  # noqa: E402

DEPTH = 100
RESCORE_TOP = 20


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--questions", type=Path, required=True)
    ap.add_argument("--index", type=Path, default=ROOT / "index-eval")
    ap.add_argument("--rescorer", type=Path, help="a sentence-transformers folder to re-score the fused top 20 with")
    args = ap.parse_args()

    questions = load_questions(args.questions)
    searcher = get_searcher(Settings.load(index_dir=args.index))
    st, emb = searcher.store, searcher.embedder
    doc_of = {cid: (doc_id, pmid) for cid, doc_id, pmid in st.db.execute(
        "SELECT c.chunk_id, d.doc_id, d.pmid FROM chunks c JOIN documents d ON d.doc_no = c.doc_no")}

    def pmids(ranked):
        seen, out = set(), []
        for cid, _ in ranked:
            doc_id, pmid = doc_of[cid]
            if doc_id not in seen:
                seen.add(doc_id)
                out.append(pmid)
        return out

    qvecs = {q["question"]: emb.encode_query(q["question"]) for q in questions}
    dense = {q: st.dense_search(v, DEPTH) for q, v in qvecs.items()}
    plain = {q: st.lexical_search(q, DEPTH, synonyms=False) for q in qvecs}

    def lex(weight):
        return {q: st.lexical_search(q, DEPTH, synonyms=True, expansion_weight=weight) for q in qvecs}

    rows = []

    def report(name, rank_of, seconds=None):
        tot = collections.Counter()
        for q in questions:
            m = doc_metrics(pmids(rank_of(q["question"]))[:20], {str(p) for p in q["gold_pmids"]})
            tot.update(m)
        n = len(questions)
        rows.append((name, tot["hit5"] / n, tot["mrr10"] / n, tot["recall20"] / n, tot["ndcg10"] / n, seconds))
        print(f"| {name} | {tot['hit5'] / n:.3f} | {tot['mrr10'] / n:.3f} | {tot['recall20'] / n:.3f} "
              f"| {tot['ndcg10'] / n:.3f} |" + (f" {seconds * 1000:.0f} ms/query |" if seconds else " |"), flush=True)

    print(f"{len(questions)} questions, index {args.index}\n")
    print("| variant | Hit@5 | MRR@10 | Recall@20 | nDCG@10 | extra cost |\n|---|---|---|---|---|---|")
    report("BM25", lambda q: plain[q])
    report("dense", lambda q: dense[q])
    syn = {}
    for w in (0.1, 0.2, 0.3, 0.5):
        syn[w] = lex(w)
        report(f"BM25 + synonyms, weight {w}", lambda q, w=w: syn[w][q])
    report("RRF(BM25, dense)", lambda q: reciprocal_rank_fusion([plain[q], dense[q]], Settings().rrf_k))
    best_syn = syn[Settings().expansion_weight]
    report(f"RRF(BM25 + synonyms {Settings().expansion_weight}, dense)",
           lambda q: reciprocal_rank_fusion([best_syn[q], dense[q]], Settings().rrf_k))
    for a in (0.5, 0.6, 0.7, 0.8):
        report(f"convex, BM25 share {a} (no synonyms)", lambda q, a=a: convex_fusion(plain[q], dense[q], a))
        report(f"convex, BM25 share {a} + synonyms", lambda q, a=a: convex_fusion(best_syn[q], dense[q], a))
    LEXICAL_WEIGHT = Settings().lexical_weight

    fused = {q: convex_fusion(best_syn[q], dense[q], LEXICAL_WEIGHT) for q in qvecs}

    def rescored(q, scores, share=0.3):
        top = fused[q][:RESCORE_TOP]
        f = _minmax(dict(top))
        r = _minmax(scores)
        head = sorted(((c, (1 - share) * f[c] + share * r.get(c, 0.0)) for c, _ in top), key=lambda kv: -kv[1])
        return head + fused[q][RESCORE_TOP:]

    sentence_scores, per_query = _sentence_scores(st, emb, qvecs, fused)
    for share in (0.3, 0.5):
        report(f"full + MiniLM sentence re-scoring ({share})",
               lambda q, s=share: rescored(q, sentence_scores[q], s), per_query)

    # Rocchio: move the dense query toward the fused top 5 and search again.
    rocchio = {}
    for q, qv in qvecs.items():
        v = qv + 0.5 * st.vectors([c for c, _ in fused[q][:5]]).mean(axis=0)
        rocchio[q] = convex_fusion(best_syn[q], st.dense_search(v / np.linalg.norm(v), DEPTH), LEXICAL_WEIGHT)
    report("full + Rocchio dense feedback", lambda q: rocchio[q])

    if args.rescorer:
        other, per_query = _rescorer_scores(args.rescorer, st, qvecs, fused)
        for share in (0.3, 0.5, 1.0):
            report(f"full + {args.rescorer.name} re-scoring ({share})",
                   lambda q, s=share: rescored(q, other[q], s), per_query)
    report(f"full (as shipped: convex {LEXICAL_WEIGHT}, synonyms {Settings().expansion_weight})", lambda q: fused[q])


def _sentence_scores(st, emb, qvecs, fused) -> tuple[dict, float]:
    """MiniLM, sentence by sentence: a passage scores its best sentence (with the paper's title); and the seconds
    a query this took."""
    t0 = time.perf_counter()
    sentence_scores = {}
    for q, qv in qvecs.items():
        hits = st.fetch([c for c, _ in fused[q][:RESCORE_TOP]])
        texts, owners = [], []
        for cid, hit in hits.items():
            for a, b in sentence_spans(hit.text):
                texts.append(f"{hit.title or ''}. {hit.text[a:b]}")
                owners.append(cid)
        sims = emb.encode(texts, batch_size=64) @ qv
        best = collections.defaultdict(lambda: -1.0)
        for cid, sim in zip(owners, sims, strict=True):
            best[cid] = max(best[cid], float(sim))
        sentence_scores[q] = dict(best)
    return sentence_scores, (time.perf_counter() - t0) / len(qvecs)


def _rescorer_scores(folder: Path, st, qvecs, fused) -> tuple[dict, float]:
    """Another sentence-transformers model's cosine of the query to each of the fused top passages; and the
    seconds a query this took."""
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(folder), device="cpu", local_files_only=True)
    t0 = time.perf_counter()
    other = {}
    for q in qvecs:
        hits = st.fetch([c for c, _ in fused[q][:RESCORE_TOP]])
        ids = list(hits)
        qv = model.encode([q], normalize_embeddings=True)[0]
        pv = model.encode([f"{hits[c].title or ''}\n{hits[c].text}" for c in ids], batch_size=16,
                          normalize_embeddings=True)
        other[q] = {c: float(v @ qv) for c, v in zip(ids, pv, strict=True)}
    return other, (time.perf_counter() - t0) / len(qvecs)


def _minmax(scores: dict[int, float]) -> dict[int, float]:
    if not scores:
        return {}
    lo, hi = min(scores.values()), max(scores.values())
    return {c: (s - lo) / (hi - lo) if hi > lo else 1.0 for c, s in scores.items()}


if __name__ == "__main__":
    main()
