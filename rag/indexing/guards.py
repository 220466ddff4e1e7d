"""What a build refuses to do: drop the documents of another corpus folder, or all or most of an index's files
(a mistyped or forgotten --corpus must not empty an index), unless forced."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..config import Settings
from ..index import generations
from ..index.writer import previous_state
from ..load import discover


class BuildRefused(RuntimeError):
    """A build that would lose most of an index (a wrong or empty corpus folder): refused unless forced."""


def check_refusal(s: Settings) -> None:
    """Raise BuildRefused now when a build of this corpus into this index would be refused (the index was built from
    another corpus folder, or most of its files are gone): rag add asks before it copies anything."""
    live = generations.current_generation(s.index_dir)
    if live is None:
        return
    paths, _ = discover(Path(s.corpus_dir))
    refuse_loss(generations.read_manifest(live), previous_state(live)[0], {rel_path(p, s.corpus_dir) for p in paths}, s)


def refuse_loss(manifest: dict[str, Any], live_files: dict[str, Any], current: set[str], s: Settings) -> None:
    """Raise BuildRefused when this build would drop another corpus's files, or all or most of the index's."""
    gone = [rel for rel in live_files if rel not in current]
    if not gone:
        return  # nothing lost (a corpus folder that moved with its files is fine)
    built_from = manifest.get("corpus_dir")
    here = Path(s.corpus_dir).resolve()
    override = "pass --force (force=True) to build it anyway"
    same = [(Path(s.index_dir) / manifest["corpus_from_index"]).resolve()] if manifest.get("corpus_from_index") else []
    same += [Path(built_from).resolve()] if built_from else []
    if same and here not in same:
        built_from = next((p for p in same if p.is_dir()), same[-1])  # where that corpus is now, if anywhere
        raise BuildRefused(
            f"the index {s.index_dir} was built from the corpus {built_from}, not {here}: this build would remove "
            f"{len(gone)} of its {len(live_files)} files. Give --corpus {built_from}, another --index, or {override}")
    if len(gone) == len(live_files) or (len(gone) >= 2 and 2 * len(gone) > len(live_files)):
        raise BuildRefused(
            f"{len(gone)} of the {len(live_files)} files indexed in {s.index_dir} are no longer in {here} "
            f"(e.g. {gone[0]}): this build would remove {'all' if len(gone) == len(live_files) else 'most'} of the "
            f"index. Check the corpus folder, or {override}")


def refuse_other_corpus(manifest: dict[str, Any], s: Settings) -> None:
    """Raise BuildRefused when the index was built from another corpus folder than this build's."""
    here = Path(s.corpus_dir).resolve()
    same = [(Path(s.index_dir) / manifest["corpus_from_index"]).resolve()] if manifest.get("corpus_from_index") else []
    same += [Path(manifest["corpus_dir"]).resolve()] if manifest.get("corpus_dir") else []
    if same and here not in same:
        raise BuildRefused(f"the index {s.index_dir} was built from the corpus {same[-1]}, not {here}: give --corpus "
                           f"{same[-1]}, another --index, or pass --force (force=True) to build it anyway")


def rel_path(path: Path, root: Path | str) -> str:
    """A corpus file's path relative to the corpus folder, as the index records it."""
    try:
        return Path(path).relative_to(root).as_posix()
    except ValueError:
        return Path(path).as_posix()
