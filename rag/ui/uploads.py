"""Whether an uploaded file can be added to the library: its type and its size."""

from __future__ import annotations

from typing import Iterable


def upload_problem(name: str, size_bytes: int, max_mb: float, suffixes: Iterable[str]) -> str | None:
    """Why a file cannot be added (its type or size), or None when it is fine."""
    suffix = ("." + name.rsplit(".", 1)[-1].lower()) if "." in name else ""
    allowed = sorted(suffixes)
    if suffix not in allowed:
        what = f"{suffix} files are" if suffix else "files without an extension are"
        return f"{name}: {what} not accepted (accepted: {', '.join(allowed)})"
    if size_bytes > max_mb * 1024 * 1024:
        return (f"{name}: {size_bytes / 1024 / 1024:.1f} MB is over the {max_mb:g} MB upload limit "
                f"(RAG_MAX_UPLOAD_MB sets it)")
    if size_bytes == 0:
        return f"{name}: the file is empty"
    return None
