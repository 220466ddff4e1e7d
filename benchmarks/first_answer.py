"""How long a first start takes to answer: `python app.py` on a copy of the bundled corpus with no index (what a
fresh clone's `make run` does after its install step), timed from the command to

- the page being served (the keyword-only index built: parse, chunk, BM25, outcomes, the model's ONNX export),
- the first question answered through /ask (by keyword search, with the notice),
- the full index published (the background embedding done; later answers use the whole pipeline).

    python benchmarks/first_answer.py [--fresh-model-cache] [--corpus corpus]

--fresh-model-cache points XDG_CACHE_HOME at an empty folder, so the ONNX export is made anew, as on a machine
that never ran the project (otherwise an export in ~/.cache/immuno-rag is reused). The embedding cache is always
empty (a new index folder). Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUESTION = "What response rates does high-dose IL-2 achieve in metastatic melanoma and renal cell carcinoma?"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    ap.add_argument("--fresh-model-cache", action="store_true")
    ap.add_argument("--timeout", type=float, default=1800)
    args = ap.parse_args()

    import httpx
    from gradio_client import Client

    work = Path(tempfile.mkdtemp(prefix="first-answer-"))
    corpus, index = work / "corpus", work / "index"
    shutil.copytree(args.corpus, corpus)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RAG_", "OPENAI_"))}
    env.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", GRADIO_ANALYTICS_ENABLED="False")
    if args.fresh_model_cache:
        env["XDG_CACHE_HOME"] = str(work / "cache")
    port = free_port()
    log_path = work / "app.log"
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "app.py", "--index", str(index), "--corpus", str(corpus), "--port",
                             str(port)], cwd=ROOT, stdout=open(log_path, "w"), stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}/"
    out: dict = {"corpus": str(args.corpus), "fresh_model_cache": args.fresh_model_cache, "cores": os.cpu_count(),
                 "load_before": os.getloadavg()[0]}
    try:
        while "Serving on" not in log_path.read_text():
            if proc.poll() is not None or time.perf_counter() - t0 > args.timeout:
                raise SystemExit(f"app.py did not serve:\n{log_path.read_text()[-3000:]}")
            time.sleep(0.2)
        while True:
            try:
                if httpx.get(url, timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        out["served_s"] = round(time.perf_counter() - t0, 1)
        client = Client(url, verbose=False)
        first = client.predict(QUESTION, api_name="/ask")
        out["first_answer_s"] = round(time.perf_counter() - t0, 1)
        out["first_answer_keyword_only"] = any("keyword search alone" in n for n in first["notes"])
        lead = first["answer"].split("\n\n")[1] if "\n\n" in first["answer"] else first["answer"]
        out["first_answer_lead"] = lead[:160]
        while not (index / "CURRENT").is_file() or (index / "CURRENT").read_text().strip() == "gen-000001":
            if proc.poll() is not None or time.perf_counter() - t0 > args.timeout:
                raise SystemExit(f"the full index was not published:\n{log_path.read_text()[-3000:]}")
            time.sleep(1)
        out["full_index_s"] = round(time.perf_counter() - t0, 1)
        later = client.predict(QUESTION, api_name="/ask")
        out["later_answer_keyword_only"] = any("keyword search alone" in n for n in later["notes"])
        summary = [line.strip() for line in log_path.read_text().splitlines() if "chunks/s" in line]
        out["build_lines"] = summary
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
