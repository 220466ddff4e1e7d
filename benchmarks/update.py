"""Adding one paper to an index of N chunks, at two or more sizes: the cost should follow the paper, not N.

    python benchmarks/update.py --extra ../shared/corpus/pubmed/biomedical_distractor_abstracts.jsonl

For each size the script builds a base index from a corpus folder of symlinks (the embedding cache of
--cache-from, e.g. the evaluation index, saves re-embedding texts it has seen), then adds papers one at a time
and times each `build()`: parse, chunk, embed, write. The papers added are cancer.gov pages that are not in the
bundled corpus (read from --papers), so they are never in the cache: every add embeds for real.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rag import Settings, build  # noqa: E402
from rag.evaluate.corpus import prepare_eval_corpus  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--extra", type=Path, action="append", default=[],
                    help="file or folder added to the bundled corpus for the large size (the distractor abstracts)")
    ap.add_argument("--papers", type=Path, default=ROOT.parent / "shared" / "corpus" / "nci",
                    help="folder of papers to add (NCI pages not in the bundled corpus are taken)")
    ap.add_argument("--adds", type=int, default=3, help="papers added (and timed) per size")
    ap.add_argument("--cache-from", type=Path, default=ROOT / "index-eval",
                    help="an index whose embedding cache is copied in (saves building the base index)")
    ap.add_argument("--work", type=Path, default=ROOT / "index-bench-update")
    ap.add_argument("--json", type=Path, help="write the results here as JSON")
    args = ap.parse_args()

    bundled = {p.name for p in (ROOT / "corpus" / "nci").glob("*.md")}
    papers = sorted(p for p in args.papers.glob("*.md") if p.name not in bundled and 3_000 < p.stat().st_size < 40_000)
    sizes = {
        "small": [ROOT / "corpus" / "pubmed", ROOT / "corpus" / "trials"],
        "large": [ROOT / "corpus"] + args.extra,
    }
    results = []
    for n, (name, parts) in enumerate(sizes.items()):
        work = args.work / name
        shutil.rmtree(work, ignore_errors=True)
        corpus = work / "corpus"
        prepare_eval_corpus(corpus, parts[0], parts[1:])
        index = work / "index"
        if (args.cache_from / "cache").is_dir():
            shutil.copytree(args.cache_from / "cache", index / "cache")
        settings = Settings.load(corpus_dir=corpus, index_dir=index)
        t0 = time.perf_counter()
        base = build(settings)
        base_seconds = time.perf_counter() - t0
        adds = []
        for paper in papers[n * args.adds:(n + 1) * args.adds]:  # different papers per size: none is cached
            shutil.copy(paper, corpus / paper.name)
            t0 = time.perf_counter()
            report = build(settings)
            adds.append({"paper": paper.name, "seconds": round(time.perf_counter() - t0, 2),
                         "new_chunks": report.new_chunks, "embedded": report.embedded,
                         "embed_seconds": round(report.embed_seconds, 2)})
        row = {
            "size": name, "chunks": base.chunks, "documents": base.documents,
            "base_build_seconds": round(base_seconds, 1), "base_embedded": base.embedded,
            "adds": adds,
            "median_add_seconds": statistics.median(a["seconds"] for a in adds),
            "median_seconds_per_new_chunk": statistics.median(a["seconds"] / max(1, a["new_chunks"]) for a in adds),
            "median_overhead_seconds": statistics.median(a["seconds"] - a["embed_seconds"] for a in adds),
        }
        results.append(row)
        print(json.dumps(row, indent=2), flush=True)
    small, large = results[0], results[-1]
    print(f"\nindex sizes {small['chunks']} and {large['chunks']} chunks ({large['chunks'] / small['chunks']:.1f}x)")
    print(f"median time to add one paper: {small['median_add_seconds']:.1f} s vs {large['median_add_seconds']:.1f} s "
          f"(non-embedding part {small['median_overhead_seconds']:.2f} s vs {large['median_overhead_seconds']:.2f} s)")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
