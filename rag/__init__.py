"""Cited-passage retrieval and answering over immunotherapy literature.

    from rag import retrieve
    for p in retrieve("What response rates does TIL therapy achieve in metastatic melanoma?", k=5):
        print(p.citation.short(), p.url)

The pipeline, one module a stage: load (rag/load/) -> chunk -> embed -> index -> retrieve -> answer.
Heavy libraries (torch, faiss, gradio) load on first use, not on import.
"""

from .answer import answer, answer_stream
from .build import BuildReport, add_files, build
from .build.remove import remove_files
from .config import Settings
from .outcomes import extract_outcomes, outcome_table
from .records import Answer, Chunk, Citation, Document, Passage, Section
from .retrieve import retrieve

__all__ = ["retrieve", "answer", "extract_outcomes", "outcome_table", "answer_stream", "build", "add_files", "remove_files", "Settings", "Document", "Section", "Chunk", "Passage", "Citation",
           "Answer", "BuildReport"]
