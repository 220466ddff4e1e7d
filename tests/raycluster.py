"""A real Ray cluster of two nodes on loopback, for tests/test_ray.py and benchmarks/ray_build.py.

A head node on 127.0.0.2 and a worker node on 127.0.0.3, each a `ray start --block` child process with its own
CPU count. `ray start` turns token auth on; the token is made here and handed to both nodes and to every driver by
environment (``Cluster.env``: RAY_AUTH_MODE=token, RAY_AUTH_TOKEN), so nothing is written to ~/.ray. Stopping sends
SIGTERM to the two `ray start` processes only (each stops its own node's processes), never `ray stop`, which would
stop every Ray on the machine.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from conftest import free_port  # tests/ is on sys.path: pytest's rootdir conftest, or benchmarks/ray_build.py

HEAD_IP, WORKER_IP = "127.0.0.2", "127.0.0.3"


class Cluster:
    """start() launches both nodes (waiting only for the head's GCS); wait_ready() waits until both are alive."""

    def __init__(self, cpus_per_node: int = 1) -> None:
        self.cpus = cpus_per_node
        self.tmp = Path(tempfile.mkdtemp(prefix="rag-ray-", dir="/tmp"))  # Ray's socket paths must stay short
        self.port = free_port(HEAD_IP)
        self.address = f"{HEAD_IP}:{self.port}"
        # What the nodes and every driver run with: the cluster's token (never ~/.ray/auth_token), no usage
        # reports, and a SIGTERM that stops a node at once (not after Ray's 30 s drain).
        self.env = dict(os.environ, RAY_AUTH_MODE="token", RAY_AUTH_TOKEN=secrets.token_hex(32),
                        RAY_USAGE_STATS_ENABLED="0", RAY_GRACEFUL_SHUTDOWN_DRAIN_TIMEOUT_S="0",
                        HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
        self.nodes: list[subprocess.Popen] = []
        self.ready = False

    def _start(self, name: str, args: list[str]) -> None:
        ray = Path(sys.executable).parent / "ray"
        with open(self.tmp / f"{name}.log", "w") as log:
            self.nodes.append(subprocess.Popen(
                [str(ray), "start", "--block", f"--num-cpus={self.cpus}", "--disable-usage-stats",
                 "--object-store-memory=300000000", *args],
                env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True))

    def start(self) -> None:
        self._start("head", ["--head", f"--node-ip-address={HEAD_IP}", f"--port={self.port}",
                             "--include-dashboard=false", f"--dashboard-port={free_port(HEAD_IP)}",
                             f"--temp-dir={self.tmp}"])
        deadline = time.monotonic() + 90
        while True:  # the worker node needs the head's GCS
            try:
                socket.create_connection((HEAD_IP, self.port), timeout=1).close()
                break
            except OSError:
                self._check(deadline)
                time.sleep(0.3)
        self._start("worker", [f"--address={self.address}", f"--node-ip-address={WORKER_IP}"])

    def wait_ready(self) -> None:
        """Until both nodes are alive (a build sizes its actor pool by the cluster's CPUs)."""
        if self.ready:
            return
        wait = ("import ray, sys, time\nray.init(address=sys.argv[1], log_to_driver=False)\n"
                "t = time.monotonic()\n"
                "while sum(n['Alive'] for n in ray.nodes()) < 2 and time.monotonic() - t < 90: time.sleep(0.5)\n"
                "print(sorted(n['NodeManagerAddress'] for n in ray.nodes() if n['Alive']))\n")
        out = subprocess.run([sys.executable, "-c", wait, self.address], env=self.env, capture_output=True, text=True,
                             timeout=180)
        if out.stdout.strip() != str([HEAD_IP, WORKER_IP]):
            raise RuntimeError(f"the Ray cluster has nodes {out.stdout.strip()}:\n{out.stderr[-3000:]}\n{self.logs()}")
        self.ready = True

    def _check(self, deadline: float) -> None:
        if any(p.poll() is not None for p in self.nodes) or time.monotonic() > deadline:
            raise RuntimeError("the Ray cluster did not start:\n" + self.logs())

    def logs(self) -> str:
        return "\n".join(f"--- {f.name}\n{f.read_text()[-3000:]}" for f in sorted(self.tmp.glob("*.log")))

    def stop(self) -> None:
        """SIGTERM each node's `ray start --block` (it stops its node's processes), worker first; SIGKILL late ones."""
        for p in reversed(self.nodes):
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
        for p in reversed(self.nodes):
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)
                p.wait()
        shutil.rmtree(self.tmp, ignore_errors=True)
