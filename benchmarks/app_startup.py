"""The app with an existing index: time from launch to serving, to the first answer, answer latency, memory.

    python benchmarks/app_startup.py [--index index] [--runs 3]

Each run starts `python app.py --index DIR --port N` on 127.0.0.1, polls until the page answers HTTP 200
(start-up), then asks questions through gradio_client's /ask endpoint: the first answer includes loading the
model and index in the background; later ones are the steady end-to-end answer time (extractive answers).
The app's resident memory is read from /proc after the answers.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
from pgcluster import free_port  # noqa: E402  (tests/pgcluster.py)

QUESTIONS = [
    "What objective response rates does TIL therapy achieve in metastatic melanoma?",
    "Which toxicities follow high-dose interleukin-2?",
    "What is the mechanism of action of pembrolizumab?",
    "What are the side effects of CAR T-cell therapy?",
    "Which CAR-T products are approved for multiple myeloma?",
]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def one_run(index: Path) -> dict:
    from gradio_client import Client

    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "app.py", "--index", str(index), "--port", str(port)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                if urllib.request.urlopen(url, timeout=1).status == 200:
                    break
            except OSError:
                time.sleep(0.1)
            if proc.poll() is not None or time.perf_counter() - t0 > 180:
                raise RuntimeError("the app did not start")
        started = time.perf_counter() - t0
        client = Client(url, verbose=False)
        times = []
        for q in QUESTIONS:
            a0 = time.perf_counter()
            client.predict(q, api_name="/ask")
            times.append(time.perf_counter() - a0)
        first_answer = started + times[0]  # approximately: launch to the first answer on screen
        return {"startup_s": round(started, 2), "first_answer_after_launch_s": round(first_answer, 1),
                "answer_s_median_after_first": round(statistics.median(times[1:]), 2),
                "answer_s_max_after_first": round(max(times[1:]), 2), "rss_mb": round(rss_mb(proc.pid))}
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--index", type=Path, default=ROOT / "index")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import rag"], check=True, cwd=ROOT)
    import_rag = time.perf_counter() - t0
    runs = [one_run(args.index) for _ in range(args.runs)]
    for r in runs:
        print(json.dumps(r))
    summary = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
    summary["python_import_rag_s"] = round(import_rag, 2)
    print("median:", json.dumps(summary))


if __name__ == "__main__":
    main()
