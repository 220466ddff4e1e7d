"""`rag search` and `rag ask` from the shell, cold: whole-process wall time, and what each start-up step costs.

    python benchmarks/cli_latency.py [--index index] [--runs 5] [--baseline DIR] [--json FILE]

Wall: each command is started as a new process (`python -m rag search "pembrolizumab melanoma" -k 3`, `python -m
rag ask "..."`, extractive), its whole life timed from outside; median, min and max over --runs. With --baseline
DIR (a checkout of other code, e.g. `git archive <commit> | tar -x -C DIR`), the same commands run from that
folder too, alternating with this checkout's (A B A B ...), so a drifting machine load hits both alike; the
ratio is taken run by run. Python writes bytecode as a user's would (PYTHONDONTWRITEBYTECODE is cleared), and one
unrecorded warm-up run of each comes first.

Steps: one more process per checkout times, with perf_counter inside, the steps a search and an answer take at
start (importing the CLI, the settings and the index's shape, opening the index, loading the query encoder,
encoding the question, searching, importing and running the answer) and says whether torch was imported.
`python -X importtime -m rag search ...` shows the imports themselves.

The machine's load average is printed before and after: on a shared 2-core VM, compare within one run only.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEARCH = ["search", "pembrolizumab melanoma", "-k", "3"]
ASK = ["ask", "What are the side effects of pembrolizumab?"]

STEPS = r"""
import json, sys, time
marks, t = {}, time.perf_counter()
def mark(name):
    global t
    now = time.perf_counter(); marks[name] = round(now - t, 3); t = now
import rag.cli
mark("import rag.cli")
from rag.config import Settings
from rag.retrieve import get_searcher
mark("import rag.retrieve")
s = Settings.load(index_dir=sys.argv[1])
searcher = get_searcher(s)
mark("settings and the index's shape (fingerprints)")
searcher.store
mark("open the index (FAISS, SQLite, BM25)")
embedder = searcher.embedder
mark("load the query encoder")
embedder.encode_query("pembrolizumab melanoma")
mark("encode the question")
searcher.search("pembrolizumab melanoma", k=3)
mark("search (question encoded again)")
torch_for_search = "torch" in sys.modules
from rag.answer import answer
mark("import rag.answer")
answer("What are the side effects of pembrolizumab?", settings=s, use_llm=False)
mark("answer (retrieval, sentences, their embeddings)")
print(json.dumps({"steps": marks, "torch_imported_by_search": torch_for_search,
                  "torch_imported_by_answer": "torch" in sys.modules}))
"""


def env() -> dict[str, str]:
    e = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    e["HF_HUB_OFFLINE"] = "1"
    return e


def wall(cwd: Path, args: list[str], index: Path) -> float:
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "rag", *args, "--index", str(index)], cwd=cwd, env=env(),
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, timeout=600)
    seconds = time.perf_counter() - t0
    if done.returncode != 0:
        raise RuntimeError(f"{args[0]} in {cwd} failed: {done.stderr[-2000:]}")
    return seconds


def steps(cwd: Path, index: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", STEPS, str(index)], cwd=cwd, env=env(), capture_output=True,
                          text=True, timeout=600, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def summary(values: list[float]) -> dict:
    return {"median": round(statistics.median(values), 3), "min": round(min(values), 3),
            "max": round(max(values), 3), "runs": len(values)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--index", type=Path, default=ROOT / "index")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--baseline", type=Path, help="a checkout of other code, run alternately with this one")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    index = args.index.resolve()
    sides = {"this": ROOT} | ({"baseline": args.baseline.resolve()} if args.baseline else {})
    result: dict = {"load_before": os.getloadavg(), "index": str(index), "cores": os.cpu_count()}
    for name, cmd in (("search", SEARCH), ("ask", ASK)):
        times: dict[str, list[float]] = {side: [] for side in sides}
        for cwd in sides.values():
            wall(cwd, cmd, index)  # warm-up: bytecode written, files in the page cache
        for r in range(args.runs):
            for side, cwd in sides.items():
                times[side].append(wall(cwd, cmd, index))
            print(f"{name} run {r + 1}: " + ", ".join(f"{s} {v[-1]:.2f} s" for s, v in times.items()),
                  file=sys.stderr, flush=True)
        entry = {side: summary(v) for side, v in times.items()}
        if args.baseline:
            ratios = [a / b for a, b in zip(times["this"], times["baseline"], strict=True)]
            entry["ratio_this_to_baseline"] = summary(ratios)
        result[name] = entry
    result["steps"] = {side: steps(cwd, index) for side, cwd in sides.items()}
    result["load_after"] = os.getloadavg()
    print(json.dumps(result, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
