"""Cited-passage retrieval and answering over immunotherapy literature.

    from rag import retrieve
    for p in retrieve("What response rates does TIL therapy achieve in metastatic melanoma?", k=5):
        print(p.citation.short(), p.url)

The pipeline, one module a stage: load (rag/load/) -> chunk -> embed -> index -> retrieve -> answer.
Nothing is loaded on import: each name below is imported on first use (`rag search` needs neither the answer,
the build nor the outcome tables), and heavy libraries (faiss, ONNX Runtime, torch, gradio) load when used.
"""

import importlib
import sys
import types

# Public name -> the module that defines it, imported on first access (PEP 562).
_EXPORTS = {
    "retrieve": ".retrieve",
    "answer": ".answer", "answer_stream": ".answer",
    "extract_outcomes": ".outcomes", "outcome_table": ".retrieve",
    "build": ".indexing", "add_files": ".indexing", "BuildReport": ".indexing", "remove_files": ".indexing",
    "Settings": ".config",
    "Answer": ".datatypes", "Chunk": ".datatypes", "Citation": ".datatypes", "Document": ".datatypes",
    "Passage": ".datatypes", "Section": ".datatypes",
}

__all__ = ["retrieve", "answer", "extract_outcomes", "outcome_table", "answer_stream", "build", "add_files",
           "remove_files", "Settings", "Document", "Section", "Chunk", "Passage", "Citation", "Answer", "BuildReport"]


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


class _Package(types.ModuleType):
    """`rag.answer` and `rag.retrieve` name functions, as they always have, although a subpackage and a module of
    those names exist: importing such a submodule must not replace the function with the module. (`rag.build`
    names the function too; the build stage's package is rag.indexing.)"""

    def __setattr__(self, name: str, value) -> None:
        if name in _EXPORTS and isinstance(value, types.ModuleType):
            return  # the module stays reachable as sys.modules["rag.<name>"], as for any submodule
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
