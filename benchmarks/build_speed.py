"""Build throughput against the floor: the whole `rag build` versus the model's encode() alone, same run.

    python benchmarks/build_speed.py [--corpus corpus] [--model all-MiniLM-L6-v2] [--limit-files N]

1. Loads and chunks the corpus the way a build does and times `encode()` alone on exactly the texts a build
   embeds (in the same length-sorted batches of 32): the floor.
2. Runs a complete `rag build` into a fresh index with an empty embedding cache, in a child process, and reads
   its peak resident memory.
The figure is the ratio of the two throughputs (chunks per second); the goal is >= 0.9.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def chunk_texts(corpus: Path, settings, limit_files: int | None) -> list[str]:
    from rag.chunk import chunk_document
    from rag.embed import embedding_input
    from rag.load import LoadError, discover, load_file

    files, _ = discover(corpus)
    texts = []
    for path in files[:limit_files]:
        try:
            docs = load_file(path, root=corpus).documents
        except LoadError:
            continue
        for doc in docs:
            for c in chunk_document(doc, settings.chunk_tokens, settings.chunk_overlap, settings.encoding):
                texts.append(embedding_input(doc.title, c.section, c.text))
    return texts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    ap.add_argument("--model", default="all-MiniLM-L6-v2")
    ap.add_argument("--limit-files", type=int, help="only the first N files (a quicker, rougher figure)")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()

    from rag import Settings
    from rag.embed import get_embedder

    settings = Settings.load(model=args.model)
    corpus = args.corpus
    with tempfile.TemporaryDirectory() as tmp:
        if args.limit_files:
            from rag.load import discover

            sub = Path(tmp) / "corpus"
            for i, f in enumerate(discover(corpus)[0][: args.limit_files]):
                (sub / str(i)).mkdir(parents=True)
                (sub / str(i) / f.name).symlink_to(f.resolve())
            corpus = sub
        texts = chunk_texts(corpus, settings, None)
        embedder = get_embedder(args.model, onnx=True)  # what the build embeds with (the ONNX export)
        ordered = sorted(texts, key=len)  # as the build does: little padding per batch
        embedder.encode(ordered[:64])  # warm up
        t0 = time.perf_counter()
        embedder.encode(ordered, batch_size=settings.embed_batch_size)
        floor_seconds = time.perf_counter() - t0

        index = Path(tmp) / "index"
        t0 = time.perf_counter()
        out = subprocess.run([sys.executable, "-m", "rag", "build", "--quiet", "--json", "--corpus", str(corpus),
                              "--index", str(index), "--model", args.model], capture_output=True, text=True, cwd=ROOT)
        build_seconds = time.perf_counter() - t0
        if out.returncode != 0:
            raise SystemExit(out.stderr)
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        report = json.loads(out.stdout)

    result = {
        "model": args.model,
        "chunks": report["chunks"],
        "documents": report["documents"],
        "encode_only_seconds": round(floor_seconds, 1),
        "encode_only_chunks_per_s": round(len(texts) / floor_seconds, 2),
        "build_seconds": round(build_seconds, 1),
        "build_chunks_per_s": round(report["chunks"] / build_seconds, 2),
        "build_embed_seconds": round(report["embed_seconds"], 1),
        "ratio_build_to_encode": round((report["chunks"] / build_seconds) / (len(texts) / floor_seconds), 3),
        "build_peak_rss_mb": round(peak_mb),
    }
    print(json.dumps(result, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
