"""Embedding throughput of the packaged models and settings on the same chunk texts, side by side in one run.

    python benchmarks/embed_speed.py [--corpus corpus] [--sample 800] [--json FILE]

Variants: all-MiniLM-L6-v2 on torch (the default) with the chunks in corpus order and sorted by length (what a
build does, to cut padding), the same model's own ONNX export on ONNX Runtime (what queries use, rag/onnx_model.py;
exported first if the user cache has none), sorted, and all-MiniLM-L6-v2-int8 on ONNX Runtime (the `int8` extra),
sorted. Each variant encodes the same random sample of the bundled corpus's chunk texts (fixed seed) after a
warm-up batch; the order of the variants is rotated over --rounds rounds and the best round kept, because this
machine is shared. Also reported: the cosine similarity of the ONNX export's and the int8 vectors to the torch
ones. Quality (nDCG@10) is measured separately with `rag eval --model all-MiniLM-L6-v2-int8 --index
index-eval-int8` (docs/benchmarks.md).
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
    ap.add_argument("--threads", type=int, default=0, help="threads for torch and ONNX Runtime (0: all cores)")
    ap.add_argument("--paired", type=int, default=0, metavar="N",
                    help="also time torch and the ONNX export on the same length-sorted texts in alternating slices of "
                         "N texts (A B A B ...), the ratio taken slice by slice: steadier on a busy machine")
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
        "onnx export fp32, length-sorted": ("all-MiniLM-L6-v2@onnx", True),
        "onnx int8, length-sorted": ("all-MiniLM-L6-v2-int8", True),
    }

    def embedder_of(model: str):
        if model.endswith("@onnx"):  # the export queries use (made in the user cache on first need)
            return get_embedder(model.split("@")[0], args.threads, onnx=True)
        return get_embedder(model, args.threads)

    try:
        embedder_of("all-MiniLM-L6-v2-int8")
    except Exception as err:  # noqa: BLE001 (the int8 extra is optional)
        print(f"skipping int8: {err}", file=sys.stderr)
        variants.pop("onnx int8, length-sorted")
    best: dict[str, float] = {}
    vectors: dict[str, np.ndarray] = {}
    names = list(variants)
    for r in range(args.rounds):
        for name in names[r % len(names):] + names[: r % len(names)]:
            model, ordered = variants[name]
            embedder = embedder_of(model)
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

    result: dict = {"sample": len(sample)}
    if best:  # --rounds 0: only the paired comparison
        base = best["torch fp32, length-sorted"]
        result |= {"chunks_per_s": {k: round(v, 2) for k, v in best.items()},
                   "speedup_vs_torch_sorted": {k: round(v / base, 3) for k, v in best.items()}}
    if embedder_of("all-MiniLM-L6-v2@onnx").backend != "onnx":
        result["onnx_export"] = "unavailable: the variant ran on torch (see the log)"
    for model, label in (("all-MiniLM-L6-v2@onnx", "onnx_export_cosine_to_torch"),
                         ("all-MiniLM-L6-v2-int8", "int8_cosine_to_fp32")):
        if model in vectors:
            cos = np.einsum("ij,ij->i", vectors["all-MiniLM-L6-v2"], vectors[model])
            result[label] = {"mean": round(float(cos.mean()), 6), "min": round(float(cos.min()), 6)}
    if args.paired:
        result["paired"] = paired(sample, embedder_of("all-MiniLM-L6-v2"), embedder_of("all-MiniLM-L6-v2@onnx"),
                                  args.paired)
    print(json.dumps(result, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))


def paired(sample: list[str], torch_embedder, onnx_embedder, size: int) -> dict:
    """Both encoders over the same length-sorted texts, slice by slice in turn (the order flips every slice):
    the machine's load drifts over minutes, so each slice's ratio compares like with like."""
    import statistics

    ordered = sorted(sample, key=len)
    spent = {"torch": 0.0, "onnx": 0.0}
    ratios = []
    for n, i in enumerate(range(0, len(ordered), size)):
        part = ordered[i:i + size]
        took = {}
        for name in (("torch", "onnx") if n % 2 == 0 else ("onnx", "torch")):
            embedder = torch_embedder if name == "torch" else onnx_embedder
            t0 = time.perf_counter()
            embedder.encode(part, batch_size=32)
            took[name] = time.perf_counter() - t0
            spent[name] += took[name]
        ratios.append(took["torch"] / took["onnx"])
        print(f"paired slice {n + 1}: torch {took['torch']:.1f} s, onnx {took['onnx']:.1f} s", file=sys.stderr,
              flush=True)
    return {"slice": size, "slices": len(ratios),
            "chunks_per_s": {k: round(len(ordered) / v, 2) for k, v in spent.items()},
            "onnx_speedup_median_of_slices": round(statistics.median(ratios), 3),
            "onnx_speedup_min_max": [round(min(ratios), 3), round(max(ratios), 3)]}


if __name__ == "__main__":
    main()
