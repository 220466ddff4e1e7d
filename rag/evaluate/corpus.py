"""The evaluation corpus: the bundled corpus plus extra files or folders (the distractor abstracts), as a folder of
symbolic links that `rag eval` builds its own index from (index-eval/)."""

from __future__ import annotations

import os
from pathlib import Path


def prepare_eval_corpus(folder: Path, corpus_dir: Path, extra: list[Path]) -> Path:
    """A corpus folder of symlinks: the bundled corpus plus extra files or folders (e.g. the distractor abstracts)."""
    folder.mkdir(parents=True, exist_ok=True)
    links = {"bundled": Path(corpus_dir).resolve()}
    for path in extra:
        links[f"extra-{Path(path).name}"] = Path(path).resolve()
    for name, target in links.items():
        if not target.exists():
            raise FileNotFoundError(f"{target} does not exist")
        link = folder / name
        if link.is_symlink() and Path(os.readlink(link)) == target:
            continue
        if link.is_symlink() or link.exists():
            link.unlink()
        link.symlink_to(target, target_is_directory=target.is_dir())
    for stale in folder.iterdir():
        if stale.name not in links and stale.is_symlink():
            stale.unlink()
    return folder
