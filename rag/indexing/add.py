"""``rag add``: copy files or folders into the corpus folder, then bring the index up to date.

Everything is checked before anything is copied: a build that would be refused (another corpus folder, most files
gone), a path that is missing, and each file: its name, that it is a regular file, its type, its size (the
``max_file_mb`` limit) and that it parses. What fails a check is not copied, with the reason; what passes is
announced with its size and a rough time. An add whose build is interrupted leaves a record in corpus/added/, so
the next build says that it finishes it (rag/indexing/update.py).
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import uuid
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..config import Settings
from ..index import generations
from ..index.local import LocalStore
from ..load import DOC_FILE, SUPPORTED_SUFFIXES, LoadError, display_path, load_file, utf8_name_problem
from .add_markers import AddMarker
from .report import BuildReport, Progress, rough_time, size_text
from .guards import check_refusal
from .update import build, file_sha256

NAME_MAX = 255  # bytes in one file name (Linux, macOS)


def add_files(paths: Iterable[str | Path], settings: Settings | None = None, progress: Progress | None = None,
              log: Callable[[str], None] | None = None, force: bool = False,
              max_file_mb: float | None = None) -> BuildReport:
    """Copy files (or the files of folders) into the corpus folder and bring the index up to date (``force``: as
    in build(), even if the index was built from another corpus folder). A file over ``max_file_mb`` (default: the
    ``max_upload_mb`` setting, the app's upload limit) or that could never be indexed is not copied; the report
    lists it in ``refused`` and the files copied in ``copied``. Raises BuildRefused or FileNotFoundError before
    copying anything."""
    s = settings or Settings.load()
    say = log or (lambda msg: None)
    limit_mb = s.max_upload_mb if max_file_mb is None else max_file_mb
    cores = s.threads or os.cpu_count() or 1
    sources = [Path(p) for p in paths]
    for src in sources:
        if not src.exists():
            raise FileNotFoundError(f"{display_path(src.resolve())} does not exist")
    if not force:
        check_refusal(s)  # a build that would be refused: nothing is copied into a corpus it would not index

    refused: list[tuple[str, str]] = []

    def refuse(item: Path, why: str) -> None:
        refused.append((display_path(item), why))
        say(f"{display_path(item)}: not copied: {why}")

    plan = _plan(sources, Path(s.corpus_dir).resolve(), limit_mb, cores, say, refuse)
    if not plan:
        return _nothing_copied(s, refused, progress, log, force)
    report, copied = _copy_and_build(s, plan, say, refuse, progress, log, force)
    report.copied, report.refused = copied, refused
    return report


def _plan(sources: list[Path], corpus: Path, limit_mb: float, cores: int, say: Callable[[str], None],
          refuse: Callable[[Path, str], None]) -> list[tuple[Path, Path]]:
    """The files to copy, each with where it goes in corpus/added/, in order; what fails a check is refused."""
    plan: list[tuple[Path, Path]] = []  # (file, where in corpus/added/)
    for src in sources:
        kind = _kind(src)
        if kind not in ("file", "folder"):
            refuse(src, f"not a regular file ({kind})")
            continue
        try:  # a folder that cannot be read (rag add /proc) copies nothing, and says why
            items = [src] if kind == "file" else [p for p in sorted(src.rglob("*")) if not p.is_dir()]
        except OSError as err:
            raise ValueError(f"cannot read {err.filename or src} ({err.strerror or err}): nothing was copied") from err
        for item in items:
            rel = Path(item.name if kind == "file" else item.relative_to(src.parent))
            if DOC_FILE.search(rel.name) or any(part.startswith(".") for part in rel.parts):
                if kind == "folder":
                    continue  # a folder's own README, LICENSE or hidden files: the build would skip them too
                rel = rel.with_name(_fit(f"added-{rel.name.lstrip('.')}", ""))  # named so that the build reads it
            if item.resolve().is_relative_to(corpus):
                say(f"{display_path(item)}: already in the corpus, not copied")
                continue
            if _passes(item, rel, limit_mb, cores, say, refuse):
                plan.append((item, rel))
    return plan


def _passes(item: Path, rel: Path, limit_mb: float, cores: int, say: Callable[[str], None],
            refuse: Callable[[Path, str], None]) -> bool:
    """Whether a file passes every check (name, kind, type, size, and that it parses): announced with its size and
    a rough time if it does, refused with the reason if not."""
    why = _problem(item, rel, limit_mb)
    if why:
        refuse(item, why)
        return False
    try:
        result = load_file(item)  # what the build would make of it: a file that can never be indexed stays out
        chars = sum(len(d.text) for d in result.documents if d.text.strip())
        if not chars:
            raise LoadError("no text found")
    except LoadError as err:
        refuse(item, str(err))
        return False
    size = item.stat().st_size
    say(f"{display_path(item)}: {size_text(size)}, {len(result.documents)} document"
        f"{'s' if len(result.documents) != 1 else ''}; {rough_time(chars, cores)}")
    return True


def _nothing_copied(s: Settings, refused: list[tuple[str, str]], progress: Progress | None,
                    log: Callable[[str], None] | None, force: bool) -> BuildReport:
    """Nothing to copy: a build as usual when nothing was refused either (every file is in the corpus already);
    otherwise no build, the index as it is with what was refused."""
    if not refused:
        return build(s, progress=progress, log=log, force=force)
    report = BuildReport(corpus_dir=str(s.corpus_dir), index_dir=str(s.index_dir), refused=refused)
    live = generations.current_generation(s.index_dir)
    if live is not None:  # nothing was copied, so nothing is built: the index as it is
        stats = LocalStore(live).stats()
        report.documents, report.chunks = stats["documents"], stats["chunks"]
    return report


def _copy_and_build(s: Settings, plan: list[tuple[Path, Path]], say: Callable[[str], None],
                    refuse: Callable[[Path, str], None], progress: Progress | None,
                    log: Callable[[str], None] | None, force: bool) -> tuple[BuildReport, list[str]]:
    """Copy the planned files into corpus/added/ and build: the build's report and the files copied (corpus
    paths). The marker in corpus/added/ stays when the copy or the build is interrupted after a file was copied."""
    dest_root = Path(s.corpus_dir) / "added"
    if len(plan) > 1:
        total = sum(item.stat().st_size for item, _ in plan)
        say(f"adding {len(plan)} files ({size_text(total)}); Ctrl-C stops it (the files copied so far stay in "
            f"{dest_root}, and the next build says so)")

    dest_root.mkdir(parents=True, exist_ok=True)
    copied: list[str] = []
    with AddMarker(dest_root) as marker:
        try:
            for item, rel in plan:
                target = dest_root / rel
                try:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    placed = _place(item, target)
                except OSError as err:
                    refuse(item, f"could not be copied: {err.strerror or err}")
                    continue
                if placed is None:
                    say(f"{display_path(item)}: the same file was added before, not copied again")
                    continue
                copied.append(Path(os.path.relpath(placed, s.corpus_dir)).as_posix())
                marker.write(copied)
            report = build(s, progress=progress, log=log, force=force)
        except BaseException:
            if copied:
                marker.keep = True
                them = "them" if len(copied) != 1 else "it"
                say(f"rag add interrupted: {len(copied)} copied file{'s' if len(copied) != 1 else ''} not indexed yet "
                    f"({', '.join(copied[:5])}{' ...' if len(copied) > 5 else ''}); the next build indexes {them} and "
                    f"says so, or delete {them} to cancel")
            raise
    return report, copied


def _kind(path: Path) -> str:
    """'file', 'folder', or what else it is (a device, a FIFO...), following symbolic links."""
    try:
        mode = path.stat().st_mode
    except OSError as err:
        return f"cannot be read: {err.strerror or err}"
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO, a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"


def _problem(item: Path, rel: Path, limit_mb: float) -> str | None:
    """Why a file cannot be copied, from its name, kind, type and size alone (before it is read); None if it can."""
    bad_name = utf8_name_problem(rel)
    if bad_name:
        return bad_name
    kind = _kind(item)
    if kind != "file":
        return f"not a regular file ({kind})"
    if item.suffix.lower() not in SUPPORTED_SUFFIXES:
        return (f"unsupported file type {item.suffix or '(no extension)'} "
                f"(accepted: {', '.join(sorted(SUPPORTED_SUFFIXES))})")
    size = item.stat().st_size
    if size == 0:
        return "the file is empty"
    if size > limit_mb * 1024 * 1024:
        return (f"{size_text(size)} is over the {limit_mb:g} MB limit (rag add --max-file-mb or RAG_MAX_UPLOAD_MB "
                f"raises it)")
    return None


def _place(item: Path, target: Path) -> Path | None:
    """Copy a file into the corpus at target or, when another file holds that name, at a name of its own; None when
    the same file is there already. Never overwrites and never shows a half-copied file: the copy is made under a
    private temporary name, then linked to a name no file has (the link fails if one does), so two adds of one
    name at once both keep their file."""
    sha = file_sha256(item)
    tmp = target.with_name(f".{uuid.uuid4().hex}.part")  # short: a long name plus a suffix could pass 255 bytes
    shutil.copyfile(item, tmp)
    try:
        for name in _names(target, sha):
            try:
                _link_new(tmp, name)
                return name
            except FileExistsError:
                if name.is_file() and file_sha256(name) == sha:
                    return None
        raise OSError(errno.EEXIST, f"no free name for {target.name}")
    finally:
        tmp.unlink(missing_ok=True)


def _names(target: Path, sha: str) -> Iterator[Path]:
    """target, then target with the file's hash, then with a counter: each name within NAME_MAX bytes."""
    yield target
    for n in range(1, 100):
        tail = f"-{sha[:8]}" + (f"-{n}" if n > 1 else "") + target.suffix
        yield target.with_name(_fit(target.stem, tail))


def _fit(stem: str, tail: str) -> str:
    """stem + tail, the stem shortened (at a character boundary) so that the name fits in NAME_MAX bytes."""
    room = NAME_MAX - len(tail.encode("utf-8"))
    return stem.encode("utf-8")[:room].decode("utf-8", "ignore") + tail


def _link_new(tmp: Path, name: Path) -> None:
    """Give the file tmp the name ``name``, which must not exist yet (FileExistsError if it does)."""
    try:
        os.link(tmp, name)
    except FileExistsError:
        raise
    except OSError as err:  # a file system without hard links: create the name exclusively and copy into it
        if err.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
            raise
        fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        with os.fdopen(fd, "wb") as out, open(tmp, "rb") as src:
            shutil.copyfileobj(src, out)
