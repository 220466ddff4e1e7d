"""The dense (FAISS) index of a generation: its type chosen by size, updated in place between generations.

Exact inner-product search while the index is small; past FLAT_MAX vectors an IVF index (inverted lists over
k-means cells), which answers in a few milliseconds at millions of vectors. Both take additions and removals
by chunk id, so an update copies the previous generation's index, removes the chunks that went away and adds
the new ones: its cost follows the change, not the library (IVF is retrained only when the library has grown
fourfold since its cells were learnt). The choice and its parameters go into the manifest.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np

# Measured (docs/benchmarks.md, "Query latency"): exact search costs ~2.4 ms per 10k vectors a query here
# (48 ms at 200k), IVF a few ms at any size tested with recall@10 1.0 against exact. Past 50k vectors (~12 ms
# exact, half the question's own embedding time) IVF, with nprobe set for recall@10 >= 0.98.
FLAT_MAX = 50_000
IVF_NPROBE_FRACTION = 0.06  # share of the cells searched
RETRAIN_GROWTH = 4.0


def ivf_cells(n: int) -> int:
    # ~4 sqrt(n) cells, and at least 39 training points per cell (FAISS's own rule of thumb).
    return max(1, min(int(4 * math.sqrt(n)), n // 39))


def build_dense(vectors: np.ndarray, ids: np.ndarray, dimension: int) -> tuple[Any, dict[str, Any]]:
    """A fresh index of the right type for this many vectors."""
    import faiss

    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    ids = np.asarray(ids, dtype=np.int64)
    if len(ids) <= FLAT_MAX:
        index = faiss.IndexIDMap2(faiss.IndexFlatIP(dimension))
        kind: dict[str, Any] = {"type": "flat"}
    else:
        nlist = ivf_cells(len(ids))
        quantizer = faiss.IndexFlatIP(dimension)
        index = faiss.IndexIVFFlat(quantizer, dimension, nlist, faiss.METRIC_INNER_PRODUCT)
        sample = vectors[np.random.default_rng(0).permutation(len(vectors))[: nlist * 256]]
        index.train(sample)
        index.set_direct_map_type(faiss.DirectMap.Hashtable)  # reconstruct() and remove_ids() by chunk id
        index.nprobe = max(1, math.ceil(nlist * IVF_NPROBE_FRACTION))
        kind = {"type": "ivf", "nlist": nlist, "nprobe": index.nprobe, "trained_on": int(len(ids))}
    if len(ids):
        index.add_with_ids(vectors, ids)
    return index, kind


def update_dense(index, kind: dict[str, Any], removed: np.ndarray, vectors: np.ndarray, ids: np.ndarray,
                 total: int) -> tuple[Any, dict[str, Any]] | None:
    """The previous index with ``removed`` taken out and ``vectors`` added, or None when a fresh build is due
    (the index should change type, or IVF has outgrown its cells)."""
    import faiss

    if kind.get("type") == "flat" and total > FLAT_MAX:
        return None
    if kind.get("type") == "ivf" and (total <= FLAT_MAX // 2 or total > RETRAIN_GROWTH * kind["trained_on"]):
        return None
    if kind.get("type") not in ("flat", "ivf"):
        return None
    if len(removed):
        removed = np.ascontiguousarray(removed, dtype=np.int64)
        # IVF's id hashtable only removes by an explicit array; the flat map takes any selector.
        index.remove_ids(faiss.IDSelectorArray(len(removed), faiss.swig_ptr(removed)))
    if len(ids):
        index.add_with_ids(np.ascontiguousarray(vectors, dtype=np.float32), np.asarray(ids, dtype=np.int64))
    return index, kind


def read_dense(path: Path):
    """A generation's FAISS index; IndexCorrupt naming the file when it cannot be read."""
    import faiss

    from .generations import IndexCorrupt

    try:
        return faiss.read_index(str(path))
    except RuntimeError as err:
        raise IndexCorrupt(path, err) from err


def dense_ids(index) -> np.ndarray:
    """The chunk ids an index holds."""
    import faiss

    if isinstance(index, faiss.IndexIDMap2) or hasattr(index, "id_map"):
        return faiss.vector_to_array(index.id_map).astype(np.int64)
    ivf = faiss.extract_index_ivf(index)
    lists = ivf.invlists
    parts = [faiss.rev_swig_ptr(lists.get_ids(i), lists.list_size(i)).copy()
             for i in range(ivf.nlist) if lists.list_size(i)]
    return np.concatenate(parts).astype(np.int64) if parts else np.zeros(0, dtype=np.int64)


def search_dense(index, kind: dict[str, Any], vector: np.ndarray, k: int, allowed: np.ndarray | None = None):
    """(scores, ids) of the k nearest, optionally only among ``allowed`` chunk ids."""
    import faiss

    selector = faiss.IDSelectorBatch(allowed) if allowed is not None else None  # must outlive the call
    if kind.get("type") == "ivf":
        params = faiss.SearchParametersIVF(nprobe=kind["nprobe"])
        if selector is not None:
            params.sel = selector
    else:
        params = faiss.SearchParameters(sel=selector) if selector is not None else None
    scores, ids = index.search(vector.reshape(1, -1).astype(np.float32), min(k, index.ntotal), params=params)
    return scores[0], ids[0]
