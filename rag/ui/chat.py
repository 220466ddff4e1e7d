"""The Ask tab's handlers and the /ask API: an answer streamed into the chat with its sources panel, the export of
the last answer, the examples; and readable errors for API calls with too few values."""

from __future__ import annotations

import inspect
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import quote

import gradio as gr

from ..answer import EXTRACTIVE_NOTE, answer, answer_stream, chat_messages
from ..config import Settings
from ..study_type import EVIDENCE_LEVELS
from ..export import FORMATS, export
from ..retrieve import check_filters
from .html import empty_sources_html, sources_html
from .labels import KIND_PLURALS
from .markdown import answer_markdown, md_escape, streaming_markdown
from .startup import warm_up

# The source-type filter's choices: "PubMed abstracts", "Full-text articles", "Clinical trials", "NCI pages".
SOURCE_CHOICES = [(plural[0].upper() + plural[1:], kind) for kind, (_, plural) in KIND_PLURALS.items()]


class ChatActions:
    """What the Ask tab's controls do, for one app (its settings, and the Blocks whose allowed paths grow by the
    PDFs it links)."""

    def __init__(self, settings: Settings, demo):
        self.settings = settings
        self.demo = demo
        self.llm_on = bool(settings.llm_base_url)
        self.llm_name = settings.llm_model or None
        self.corpus_root = Path(settings.corpus_dir).resolve()

    def local_links(self, ans) -> dict[str, str]:
        """Links to the local PDF (served by Gradio at the cited page) for passages of PDF files in the corpus."""
        out: dict[str, str] = {}
        for p in ans.passages:
            source_path = p.citation.source_path
            if p.doc_id in out or not source_path.lower().endswith(".pdf"):
                continue
            path = (self.corpus_root / source_path).resolve()
            if not path.is_file() or not path.is_relative_to(self.corpus_root):
                continue
            # Only the PDFs that get linked are served, not the whole corpus folder (an uploaded XML or Markdown
            # file served inline from this origin could carry script).
            if str(path) not in self.demo.allowed_paths:
                self.demo.allowed_paths.append(str(path))
            page = f"#page={p.citation.page}" if p.citation.page else ""
            out[p.doc_id] = f"gradio_api/file={quote(str(path))}{page}"
        return out

    @staticmethod
    def filters_for(year_from, year_to, types, year_range, levels=None) -> dict[str, Any] | None:
        """The filters the controls ask for. A year bound left at the library's own range is no filter (a
        bound would leave out the undated documents)."""
        f: dict[str, Any] = {}
        years = [int(y) if y not in (None, "") else None for y in (year_from, year_to)]
        if years[0] and years[1] and years[0] > years[1]:
            years.reverse()
        low, high = year_range or (None, None)
        if years[0] and not (low and years[0] <= low):
            f["year_min"] = years[0]
        if years[1] and not (high and years[1] >= high):
            f["year_max"] = years[1]
        types = list(types or [])
        if not types:
            raise ValueError("choose at least one source type under Search settings")
        if set(types) != {v for _, v in SOURCE_CHOICES}:
            f["source_type"] = types
        levels = list(levels if levels is not None else EVIDENCE_LEVELS)
        if not levels:
            raise ValueError("choose at least one evidence level under Search settings")
        if set(levels) != set(EVIDENCE_LEVELS):
            f["evidence"] = levels
        return f or None

    def respond(self, message, history, k, year_from, year_to, types, use_llm, year_range, levels):
        """The chat's answer, streamed: (chat, sources panel, the final Answer for the export)."""
        message = " ".join((message or "").split())
        prior = chat_messages(history)
        if not message:
            yield prior, gr.skip()
            return
        chat = prior + [{"role": "user", "content": message},
                        {"role": "assistant", "content": "*Searching the library…*"}]
        yield chat, empty_sources_html("Searching the library…"), gr.skip()
        try:
            filters = self.filters_for(year_from, year_to, types, year_range, levels)
            warm_up(self.settings)
            for text, final in answer_stream(message, prior, k=int(k), settings=self.settings, filters=filters,
                                             use_llm=bool(use_llm) if self.llm_on else False):
                if final is None:
                    chat[-1]["content"] = streaming_markdown(text, self.llm_name)
                    yield chat, gr.skip(), gr.skip()
                else:
                    chat[-1]["content"] = answer_markdown(final, self.llm_name, EXTRACTIVE_NOTE)
                    yield chat, sources_html(final, self.local_links(final), self.llm_name), final
        except (ValueError, FileNotFoundError, RuntimeError) as err:
            chat[-1]["content"] = f"**Could not answer:** {md_escape(err)}"
            yield chat, empty_sources_html("No sources: the question could not be answered."), gr.skip()

    @staticmethod
    def export_last(final, fmt):
        """The last answer and its cited sources as a file to download (Markdown, BibTeX, RIS, CSL-JSON, CSV)."""
        if final is None:
            gr.Warning("Ask a question first: the export holds the last answer and its sources.")
            return gr.File(value=None, visible=False)
        folder = Path(tempfile.mkdtemp(prefix="rag-export-"))
        path = folder / f"answer.{FORMATS[fmt]}"
        path.write_text(export(final, fmt), encoding="utf-8")
        return gr.File(value=str(path), visible=True)

    def ask(self, question: str | None = None, k: int | None = 0, year_min: int | None = None,
            year_max: int | None = None, source_types: list[str] | None = None, use_llm: bool = False,
            history: list[dict] | None = None, evidence: list[str] | None = None) -> dict:
        """Answer a question: the answer text (with [n] markers), its mode ('extractive', 'llm', 'abstain') and
        notes, and the passages numbered as the markers, each with its citation, URL and, for a PDF in the
        library, file_url (the PDF served by this app, at the page). history: earlier messages {'role', 'content'}
        or (question, answer) pairs, for follow-ups. evidence: the evidence levels to search ('level 1'...'level 5',
        'guidance', 'preclinical', 'registration', 'unrated'; default all). Every argument is checked; a bad one is
        refused with the reason."""
        try:
            filters = check_filters({"year_min": year_min, "year_max": year_max, "source_type": source_types,
                                     "evidence": evidence})
            if use_llm not in (None, True, False, 0, 1):
                raise ValueError(f"use_llm must be true or false, got {use_llm!r}")
            messages = chat_messages(history)
            warm_up(self.settings)
            # k: not given (0), the k setting; else a whole number from 1 to MAX_K (rag/config.py: check_k).
            a = answer(question, messages, k=k, settings=self.settings, filters=filters,
                       use_llm=bool(use_llm) and self.llm_on)
        except (ValueError, TypeError, FileNotFoundError, RuntimeError) as err:
            raise gr.Error(str(err)) from err  # the client gets the reason, not a bare "error"
        out = a.to_dict()
        links = self.local_links(a)
        for p in out["passages"]:
            p["file_url"] = links.get(p["doc_id"])  # the local PDF (relative to the app's URL), at the cited page
        return out

    @staticmethod
    def pick_example(evt: gr.SelectData):  # a real class (not a string): Gradio fills the argument by its type
        value = evt.value
        return value.get("text", "") if isinstance(value, dict) else str(value)


ChatActions.pick_example.__annotations__["evt"] = gr.SelectData  # `from __future__` made it a string


def readable_arity_errors(demo) -> None:
    """A call of an API endpoint (/ask) with too few values is told the arguments by name, in order: Gradio's
    own message ("needed: 8, got: 3") lists them as '<gradio.components.api_component.Api object at 0x...>'."""
    original = demo.validate_inputs

    def validate_inputs(block_fn, inputs):
        wanted = block_fn.inputs
        if (len(inputs) < len(wanted) and block_fn.fn is not None and block_fn.api_name
                and all(type(b).__name__ == "Api" for b in wanted)):
            names = list(inspect.signature(block_fn.fn).parameters)[:len(wanted)]
            raise ValueError(f"/{block_fn.api_name} takes {len(wanted)} values, in this order: {', '.join(names)} "
                             f"(null for a default); needed: {len(wanted)}, got: {len(inputs)}")
        return original(block_fn, inputs)

    demo.validate_inputs = validate_inputs
