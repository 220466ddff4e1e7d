"""The shape of an index: the settings and the code versions it was built with (the model, chunking, the
tokeniser, the loaders, the study-type classifier, MeSH matching when on). Written into each generation's manifest
and checked on load, so that an index built another way is refused rather than mixed; its hash names indexes
built the same way (as paper-qa names an index by the hash of the settings that shape it)."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from .. import load
from ..chunk import chunker_fingerprint
from ..config import Settings
from ..lexical import tokens
from ..lexical.mesh import vocabulary_fingerprint
from ..study_type import classifier_fingerprint


def index_shape(settings: Settings) -> dict[str, Any]:
    """The settings an index is built with; two indexes with different shapes must not be mixed."""
    return {
        "model": settings.model,
        "chunk_tokens": settings.chunk_tokens,
        "chunk_overlap": settings.chunk_overlap,
        "encoding": settings.encoding,
        "chunker": chunker_fingerprint(),
        "tokenizer": tokens.tokenizer_fingerprint(),
        "loaders": load.LOADER_VERSION,
        "evidence": classifier_fingerprint(),
        "vocabulary": vocabulary_fingerprint() if tokens.USE_CONCEPTS else None,
    }


def index_fingerprint(settings: Settings) -> str:
    """One short hash of index_shape(): two indexes with the same fingerprint were built the same way."""
    return hashlib.sha256(json.dumps(index_shape(settings), sort_keys=True).encode()).hexdigest()[:16]
