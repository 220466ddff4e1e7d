"""Many users at once: N concurrent gradio_client clients against app processes that read PostgreSQL.

    python benchmarks/load_test.py [--index index/] [--clients 1,8,32] [--per-client 3] [--time-cap 240]

Starts a PostgreSQL primary and a hot standby on 127.0.0.1 (tests/pgcluster.py), syncs the index into the primary
(default: the bundled corpus's index in index/, built with `rag build` first if missing), starts four app
processes (`python app.py --store URL --port N`: two reading the primary, two the standby) and, for 1, 8 and 32
clients, has each client ask --per-client questions through the /ask API one after another, with a time cap
per run. Reported per setup and client count: requests, errors, p50/p95/max latency and throughput.

Setups: one app on the primary; two apps on the primary (clients split round-robin); two apps on the standby;
and, for reference, one app on the embedded index (no PostgreSQL). Every request goes to 127.0.0.1 only, and
the loops stop by themselves (count and time bounded). The load generator runs on the same machine (2 cores
here) as the apps and the database: the figures are for this whole machine, not for the apps alone.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # pgcluster.py: the throwaway PostgreSQL

QUESTIONS = [
    "What objective response rates does TIL therapy achieve in metastatic melanoma?",
    "What is the mechanism of action of pembrolizumab?",
    "What are the side effects of CAR T-cell therapy?",
    "Is high-dose interleukin-2 effective for metastatic renal cell carcinoma?",
    "Which anti-PD-L1 antibody was compared with docetaxel in non-small-cell lung cancer?",
    "How is cytokine release syndrome after CD19 CAR-T managed?",
    "What survival benefit did ipilimumab show in advanced melanoma?",
    "What is tebentafusp used for?",
    "Does nivolumab improve survival over docetaxel in squamous lung cancer?",
    "What toxicities does aldesleukin cause?",
    "What remission rates does tisagenlecleucel achieve in acute lymphoblastic leukemia?",
    "Do neoantigen vaccines induce T cell responses?",
    "Does PD-1 blockade work in mismatch repair deficient tumors?",
    "How are immune-related colitis and other adverse events managed?",
    "What is the role of regulatory T cells in the tumor microenvironment?",
    "What is teclistamab approved for?",
]


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def start_app(port: int, index: Path, corpus: Path, store_url: str | None, log: Path) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RAG_", "OPENAI_"))}
    env.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", GRADIO_ANALYTICS_ENABLED="False")
    cmd = [sys.executable, "app.py", "--index", str(index), "--corpus", str(corpus), "--port", str(port)]
    if store_url:
        cmd += ["--store", store_url]
    return subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=open(log, "w"), stderr=subprocess.STDOUT)


def wait_ready(url: str, proc: subprocess.Popen, log: Path, timeout: float = 180) -> None:
    import httpx
    from gradio_client import Client

    deadline = time.monotonic() + timeout
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"app exited:\n{log.read_text()[-3000:]}")
        try:
            if httpx.get(url, timeout=2).status_code == 200 and "Serving on" in log.read_text():
                break
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"app at {url} not ready in {timeout} s")
        time.sleep(0.2)
    Client(url, verbose=False).predict(QUESTIONS[0], 5, api_name="/ask")  # model and store loaded, warm


def run(urls: list[str], clients: int, per_client: int, time_cap: float) -> dict:
    """``clients`` threads, each its own gradio_client.Client on urls[i % len(urls)], asking per_client
    questions one after another; no new question is started after time_cap seconds."""
    from gradio_client import Client

    conns = [Client(urls[i % len(urls)], verbose=False) for i in range(clients)]
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(clients)
    t0 = [0.0]

    def client(i: int) -> None:
        start.wait()
        if i == 0:
            t0[0] = time.perf_counter()
        for j in range(per_client):
            if time.perf_counter() - (t0[0] or time.perf_counter()) > time_cap:
                break
            question = QUESTIONS[(i * per_client + j) % len(QUESTIONS)]
            began = time.perf_counter()
            try:
                out = conns[i].predict(question, 5, api_name="/ask")
                ok = bool(out.get("passages"))
                err = None if ok else "no passages"
            except Exception as e:  # noqa: BLE001  (counted, reported)
                err = f"{type(e).__name__}: {e}"[:200]
            took = time.perf_counter() - began
            with lock:
                if err:
                    errors.append(err)
                else:
                    latencies.append(took)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    wall = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join(time_cap + 600)
    wall = time.perf_counter() - wall
    for c in conns:
        try:
            c.close()
        except Exception:  # noqa: BLE001
            pass
    n = len(latencies) + len(errors)
    return {"clients": clients, "requests": n, "errors": len(errors), "error_samples": errors[:3],
            "p50_s": percentile(latencies, 0.50), "p95_s": percentile(latencies, 0.95),
            "max_s": max(latencies) if latencies else float("nan"),
            "mean_s": statistics.fmean(latencies) if latencies else float("nan"),
            "throughput_rps": len(latencies) / wall if wall else 0.0, "wall_s": wall}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--index", type=Path, default=ROOT / "index", help="index to serve (built if missing)")
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    ap.add_argument("--clients", default="1,8,32", help="comma-separated client counts")
    ap.add_argument("--per-client", type=int, default=3, help="questions each client asks, one after another")
    ap.add_argument("--time-cap", type=float, default=240, help="seconds after which no new question starts, per run")
    ap.add_argument("--no-baseline", action="store_true", help="skip the embedded-index reference setup")
    ap.add_argument("--json", type=Path, help="write the results here as JSON")
    args = ap.parse_args()
    counts = [int(c) for c in args.clients.split(",") if c.strip()]

    from rag import Settings
    from rag.index import current_generation
    from rag.index import sync

    from pgcluster import Cluster, free_port

    if current_generation(args.index) is None:
        print(f"no index in {args.index}: building it (about 6 minutes for the bundled corpus)", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "rag", "build", "--index", str(args.index), "--corpus",
                        str(args.corpus)], cwd=ROOT, check=True)

    work = Path(tempfile.mkdtemp(prefix="rag-load-"))
    procs: list[subprocess.Popen] = []
    results: list[dict] = []
    primary = Cluster.create(settings={"max_connections": "300"})
    try:
        standby = primary.add_standby()
        url = primary.create_database("rag")
        t = time.perf_counter()
        done = sync(Settings.load(index_dir=args.index, store_url=url))
        sync_s = time.perf_counter() - t
        primary.wait_for_standbys()
        replica = standby.url("rag")
        print(f"synced {done['generation']} ({done['chunks_added']} chunks) in {sync_s:.1f} s", file=sys.stderr)

        apps = {"primary": [], "standby": [], "embedded": []}
        plan = [("primary", url), ("primary", url), ("standby", replica), ("standby", replica)]
        if not args.no_baseline:
            plan.append(("embedded", None))
        for kind, store in plan:
            port = free_port()
            log = work / f"app-{kind}-{port}.log"
            procs.append(start_app(port, args.index, args.corpus, store, log))
            apps[kind].append((f"http://127.0.0.1:{port}/", procs[-1], log))
        for kind in apps:
            for app_url, proc, log in apps[kind]:
                wait_ready(app_url, proc, log)

        setups = [("1 app, primary", [u for u, _, _ in apps["primary"][:1]]),
                  ("2 apps, primary", [u for u, _, _ in apps["primary"]]),
                  ("2 apps, standby", [u for u, _, _ in apps["standby"]])]
        if not args.no_baseline:
            setups.append(("1 app, embedded index (reference)", [u for u, _, _ in apps["embedded"]]))
        for name, urls in setups:
            for n in counts:
                r = run(urls, n, args.per_client, args.time_cap)
                r["setup"] = name
                results.append(r)
                print(f"{name:36s} {n:3d} clients: {r['requests']:3d} requests, {r['errors']} errors, "
                      f"p50 {r['p50_s']:.2f} s, p95 {r['p95_s']:.2f} s, {r['throughput_rps']:.2f} req/s",
                      file=sys.stderr, flush=True)
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()
        primary.destroy()

    machine = (f"{os.cpu_count()} cores, {platform.processor() or platform.machine()}, "
               f"Python {platform.python_version()}")
    print(f"\nMachine: {machine}; index {args.index} ({done['chunks_added']} chunks); {args.per_client} questions "
          f"per client, k=5, extractive answers (no LLM).\n")
    print("| setup | clients | requests | errors | p50 s | p95 s | max s | req/s |")
    print("|---|---|---|---|---|---|---|---|")
    for r in results:
        print(f"| {r['setup']} | {r['clients']} | {r['requests']} | {r['errors']} | {r['p50_s']:.2f} | "
              f"{r['p95_s']:.2f} | {r['max_s']:.2f} | {r['throughput_rps']:.2f} |")
    if args.json:
        args.json.write_text(json.dumps({"machine": machine, "sync_s": sync_s, "results": results}, indent=2))


if __name__ == "__main__":
    main()
