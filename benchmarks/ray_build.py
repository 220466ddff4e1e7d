"""Build throughput of the local engine against `--engine ray`, each into a fresh index with no embedding cache.

    python benchmarks/ray_build.py [--corpus corpus] [--engines local,ray-local,ray-2node] [--json FILE]

- local:      `rag build` in one process (torch on all cores).
- ray-local:  `rag build --engine ray` with no address: a local Ray started by the build (one actor per core).
- ray-2node:  `rag build --engine ray --address ...` against a two-node Ray cluster on loopback (127.0.0.2 and
              127.0.0.3, one CPU each; tests/raycluster.py), started here before the build and stopped after.

Each build runs in a child process; its progress callback times the stages: connecting to Ray (ray-*), parse +
chunk, the wait for the first vectors (model start-up), the embedding rate once the models run, and the whole.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def child(engine: str, corpus: Path, index: Path, address: str) -> dict:
    from rag import Settings, build

    s = Settings.load(corpus_dir=corpus, index_dir=index, engine="local" if engine == "local" else "ray",
                      ray_address=address)
    t0 = time.perf_counter()
    marks: dict[str, float] = {}
    connect = 0.0
    if s.engine == "ray":
        from rag.indexing import ray_engine as ray_build

        ray = ray_build.connect(s)
        connect = time.perf_counter() - t0
        cpus = ray.cluster_resources().get("CPU")
    first_embedded = [0]

    def progress(stage: str, done: int, total: int) -> None:
        now = time.perf_counter() - t0
        if f"{stage}_first" not in marks:
            marks[f"{stage}_first"] = now
            if stage == "embedding":
                first_embedded[0] = done
        if done >= total:
            marks[f"{stage}_done"] = now

    report = build(s, progress=progress)
    total = time.perf_counter() - t0
    embed_start = marks.get("chunking_done", marks.get("parsing_done", 0.0))
    steady = (report.embedded - first_embedded[0]) / (marks["embedding_done"] - marks["embedding_first"])
    return {
        "engine": engine,
        "cpus": cpus if s.engine == "ray" else None,
        "chunks": report.chunks,
        "embedded": report.embedded,
        "seconds": round(total, 1),
        "ray_connect_s": round(connect, 1),
        "parse_chunk_s": round(marks.get("parsing_done", 0.0) - connect, 1),
        "first_vectors_after_s": round(marks["embedding_first"] - embed_start, 1),
        "embed_s": round(report.embed_seconds, 1),
        "chunks_per_s_end_to_end": round(report.embedded / total, 2),
        "chunks_per_s_embed_stage": round(report.embedded / report.embed_seconds, 2),
        "chunks_per_s_steady": round(steady, 2),
        "nodes": report.nodes,
    }


def run(engine: str, corpus: Path, env: dict | None = None, address: str = "") -> dict:
    with tempfile.TemporaryDirectory(prefix="rag-bench-") as tmp:
        out = subprocess.run([sys.executable, __file__, "--child", engine, "--corpus", str(corpus), "--index",
                              str(Path(tmp) / "index"), "--address", address],
                             env=env, capture_output=True, text=True)
    if out.returncode:
        raise RuntimeError(out.stderr[-5000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    ap.add_argument("--engines", default="local,ray-local,ray-2node")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--index", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--address", default="", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.corpus, args.index, args.address)))
        return

    import os

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    results = []
    for engine in args.engines.split(","):
        if engine == "ray-2node":
            from raycluster import Cluster

            cluster = Cluster(cpus_per_node=1)
            try:
                cluster.start()
                cluster.wait_ready()
                result = run(engine, args.corpus, cluster.env, cluster.address)
            finally:
                cluster.stop()
        else:  # a local Ray with a token of its own (else Ray writes one to ~/.ray/auth_token)
            import secrets

            env = dict(os.environ, RAY_AUTH_MODE="token", RAY_AUTH_TOKEN=secrets.token_hex(32))
            result = run(engine, args.corpus, env if engine == "ray-local" else None)
        print(json.dumps({k: v for k, v in result.items() if k != "nodes"}), flush=True)
        results.append(result)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
