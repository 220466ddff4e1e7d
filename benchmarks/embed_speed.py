"""Embedding throughput of the packaged models and settings on the same chunk texts, side by side in one run.

    python benchmarks/embed_speed.py [--corpus corpus] [--sample 800] [--json FILE]

Variants: all-MiniLM-L6-v2 on torch (the default) with the chunks in corpus order and sorted by length (what a
build does, to cut padding), and all-MiniLM-L6-v2-int8 on ONNX Runtime (the `int8` extra), sorted. Each variant
encodes the same random sample of the bundled corpus's chunk texts (fixed seed) after a warm-up batch; the order
of the variants is rotated over --rounds rounds and the best round kept, because this machine is shared. Also
reported: the cosine similarity of the int8 vectors to the torch ones. Quality (nDCG@10) is measured separately
with `rag eval --model all-MiniLM-L6-v2-int8 --index index-eval-int8` (docs/benchmarks.md).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    ap.add_argument("--sample", type=int, default=800, help="chunk texts encoded per variant")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()

    import numpy as np
    from build_speed import chunk_texts

    from rag import Settings
    from rag.embed import get_embedder

    texts = chunk_texts(args.corpus, Settings.load(), None)
    sample = random.Random(0).sample(texts, min(args.sample, len(texts)))
    variants = {
        "torch fp32, corpus order": ("all-MiniLM-L6-v2", False),
        "torch fp32, length-sorted": ("all-MiniLM-L6-v2", True),
        "onnx int8, length-sorted": ("all-MiniLM-L6-v2-int8", True),
    }
    try:
        get_embedder("all-MiniLM-L6-v2-int8")
    except Exception as err:  # noqa: BLE001 (the int8 extra is optional)
        print(f"skipping int8: {err}", file=sys.stderr)
        variants.pop("onnx int8, length-sorted")
    best: dict[str, float] = {}
    vectors: dict[str, np.ndarray] = {}
    names = list(variants)
    for r in range(args.rounds):
        for name in names[r % len(names):] + names[: r % len(names)]:
            model, ordered = variants[name]
            embedder = get_embedder(model)
            order = sorted(range(len(sample)), key=lambda i: len(sample[i])) if ordered else list(range(len(sample)))
            embedder.encode(sample[:32])
            t0 = time.perf_counter()
            out = embedder.encode([sample[i] for i in order], batch_size=32)
            rate = len(sample) / (time.perf_counter() - t0)
            best[name] = max(best.get(name, 0.0), rate)
            back = np.empty_like(out)
            back[order] = out
            vectors[model] = back
            print(f"round {r + 1}: {name}: {rate:.1f} chunks/s", file=sys.stderr, flush=True)

    base = best["torch fp32, length-sorted"]
    result = {"sample": len(sample), "chunks_per_s": {k: round(v, 2) for k, v in best.items()},
              "speedup_vs_torch_sorted": {k: round(v / base, 3) for k, v in best.items()}}
    if "all-MiniLM-L6-v2-int8" in vectors:
        cos = np.einsum("ij,ij->i", vectors["all-MiniLM-L6-v2"], vectors["all-MiniLM-L6-v2-int8"])
        result["int8_cosine_to_fp32"] = {"mean": round(float(cos.mean()), 4), "min": round(float(cos.min()), 4)}
    print(json.dumps(result, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
