"""retrieve() latency for dense, hybrid and full, at the real index size and at 10x and 100x as many chunks.

    python benchmarks/query_latency.py [--index index] [--scales 1,10,100] [--repeat 3]

The larger sizes are synthetic: every chunk is copied (10 or 100 times) with its vector moved by Gaussian noise
and renormalised, and its BM25 tokens repeated; the copies map back to the real chunk records, so the whole
pipeline (BM25 with synonyms, FAISS, fusion, SQLite lookups, per-paper merging) runs unchanged on them. The
FAISS type is the one the build would choose at that size (exact up to rag.index.dense.FLAT_MAX, IVF above), and
for IVF the recall@10 against exact search is reported. Also: resident memory after loading each size, and
the cost of exact search alone at --exact-sizes (random vectors), the measurement behind rag.index.dense.FLAT_MAX.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rag import Settings  # noqa: E402
from rag.index import LocalStore, current_generation  # noqa: E402
from rag.index.bm25 import LexicalIndex  # noqa: E402
from rag.retrieve import Searcher  # noqa: E402
from rag.index.dense import build_dense, search_dense  # noqa: E402

# Latency questions (not the evaluation questions).
QUERIES = [
    "What objective response rates does TIL therapy achieve in metastatic melanoma?",
    "How does pembrolizumab work?",
    "Which toxicities follow high-dose interleukin-2?",
    "cytokine release syndrome after CAR T cells: incidence and management",
    "PD-L1 expression as a biomarker of response to nivolumab in lung cancer",
    "Is ipilimumab combined with nivolumab better than either drug alone?",
    "tumor mutational burden and checkpoint inhibitor response",
    "Which CAR-T products are approved for multiple myeloma?",
    "immune-related colitis treatment with infliximab",
    "neoantigen vaccines in melanoma",
    "adoptive transfer of TCR engineered T cells for synovial sarcoma",
    "What is lifileucel?",
    "BCG for non-muscle invasive bladder cancer",
    "hyperprogression on PD-1 blockade",
    "lymphodepletion before cell transfer with cyclophosphamide and fludarabine",
    "anti-CTLA-4 mechanism of action",
]
OFFSET = 10_000_000  # synthetic chunk id = real id + copy * OFFSET


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class ScaledStore(LocalStore):
    """The real generation with every chunk present `scale` times (synthetic vectors, repeated BM25 tokens)."""

    def __init__(self, gen: Path, scale: int, noise: float = 0.02):
        super().__init__(gen)
        self.scale = scale
        if scale == 1:
            return
        real_ids = np.asarray(self.lexical.chunk_ids, dtype=np.int64)
        base = self.vectors([int(i) for i in real_ids])
        rng = np.random.default_rng(0)
        ids, vecs = [], []
        for copy in range(scale):
            v = base if copy == 0 else base + rng.normal(0, noise, base.shape).astype(np.float32)
            vecs.append(v / np.linalg.norm(v, axis=1, keepdims=True))
            ids.append(real_ids + copy * OFFSET)
        all_ids, all_vecs = np.concatenate(ids), np.vstack(vecs)
        t0 = time.perf_counter()
        self.faiss, self.dense_kind = build_dense(all_vecs, all_ids, base.shape[1])
        self.dense_build_seconds = time.perf_counter() - t0
        self.exact = None
        if self.dense_kind["type"] != "flat":
            import faiss

            self.exact = faiss.IndexIDMap2(faiss.IndexFlatIP(base.shape[1]))
            self.exact.add_with_ids(all_vecs, all_ids)
        tokens = [t.split() for (t,) in self.db.execute("SELECT lexical_tokens FROM chunks ORDER BY chunk_id")]
        order = {cid: i for i, (cid,) in enumerate(self.db.execute("SELECT chunk_id FROM chunks ORDER BY chunk_id"))}
        real_tokens = [tokens[order[int(c)]] for c in real_ids]
        self.lexical = LexicalIndex.build(real_tokens * scale, all_ids)
        self._position = {int(c): i for i, c in enumerate(all_ids)}

    def fetch(self, chunk_ids):
        hits = super().fetch(sorted({int(i) % OFFSET for i in chunk_ids}))
        return {int(i): hits[int(i) % OFFSET] for i in chunk_ids if int(i) % OFFSET in hits}

    def vectors(self, chunk_ids):
        if getattr(self, "scale", 1) == 1:
            return super().vectors(chunk_ids)
        return np.vstack([self.faiss.reconstruct(int(i)) for i in chunk_ids])


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[max(0, math.ceil(q * len(values)) - 1)]


def exact_search_cost(sizes: list[int], dimension: int = 384, queries: int = 50) -> list[dict]:
    """ms per query of exact (flat) FAISS search, top 100, over random unit vectors: what FLAT_MAX rests on."""
    import faiss

    rng = np.random.default_rng(0)
    out = []
    for n in sizes:
        vectors = rng.normal(size=(n, dimension)).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        flat = faiss.IndexIDMap2(faiss.IndexFlatIP(dimension))
        flat.add_with_ids(vectors, np.arange(n, dtype=np.int64))
        t0 = time.perf_counter()
        for q in vectors[rng.integers(0, n, queries)]:
            search_dense(flat, {"type": "flat"}, q, 100)
        out.append({"vectors": n, "exact_ms_per_query": round((time.perf_counter() - t0) / queries * 1000, 2)})
        print(json.dumps(out[-1]), flush=True)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--index", type=Path, default=ROOT / "index")
    ap.add_argument("--scales", default="1,10,100")
    ap.add_argument("--repeat", type=int, default=3, help="passes over the query list per mode")
    ap.add_argument("--exact-sizes", default="10000,100000,200000,400000",
                    help="sizes at which to time exact search alone (random vectors); empty to skip")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()

    settings = Settings.load(index_dir=args.index)
    gen = current_generation(args.index)
    if gen is None:
        raise SystemExit(f"no index in {args.index}: run `rag build` first")
    searcher = Searcher(settings)
    searcher.embedder.encode_query("warm up")
    results = []
    for scale in (int(s) for s in args.scales.split(",")):
        before = rss_mb()
        store = ScaledStore(gen, scale)
        row = {"scale": scale, "chunks": store.size, "faiss": store.dense_kind,
               "rss_mb_after_load": round(rss_mb()), "rss_mb_added": round(rss_mb() - before)}
        searcher._store = store
        searcher.store  # noqa: B018 -- keeps the store (same generation path)
        for mode in ("dense", "hybrid", "full"):
            searcher.search(QUERIES[0], k=5, mode=mode)  # warm
            times = []
            for _ in range(args.repeat):
                for q in QUERIES:
                    t0 = time.perf_counter()
                    searcher.search(q, k=5, mode=mode)
                    times.append((time.perf_counter() - t0) * 1000)
            row[f"{mode}_p50_ms"] = round(statistics.median(times), 1)
            row[f"{mode}_p95_ms"] = round(percentile(times, 0.95), 1)
        if getattr(store, "exact", None) is not None:
            recalls = []
            for q in QUERIES:
                v = searcher.embedder.encode_query(q)
                _, approx = search_dense(store.faiss, store.dense_kind, v, 10)
                _, exact = store.exact.search(v.reshape(1, -1), 10)
                recalls.append(len(set(approx) & set(exact[0])) / 10)
            row["ivf_recall_at_10"] = round(statistics.mean(recalls), 3)
            row["dense_build_seconds"] = round(store.dense_build_seconds, 1)
        print(json.dumps(row), flush=True)
        results.append(row)
        searcher._store = None
        del store
    exact = exact_search_cost([int(n) for n in args.exact_sizes.split(",") if n.strip()])
    if args.json:
        args.json.write_text(json.dumps({"scales": results, "exact_search": exact}, indent=2))


if __name__ == "__main__":
    main()
