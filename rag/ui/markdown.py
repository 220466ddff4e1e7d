"""Markdown for the chat and the Library tab: escaping, the message of an answer, the library status line and
what an upload did. Text from documents is shown literally: its Markdown syntax is backslash-escaped."""

from __future__ import annotations

import html
import re
from typing import Any, Mapping

from ..cite import MARKER, UNSUPPORTED
from .html import esc
from .labels import KIND_PLURALS, LLM_LABEL, mode_label

_MARKER = re.compile(MARKER.pattern + "|" + re.escape(UNSUPPORTED))
_MD_SPECIAL = re.compile(r"([\\`*_\[\]#+|~$])")  # with [ and ] escaped no link or image can form


def md_escape(text: Any) -> str:
    """Text shown literally inside Markdown: HTML-escaped, Markdown syntax backslash-escaped."""
    # Markdown first, HTML second: escaping '#' after html.escape would break entities such as &#x27;.
    return html.escape(_MD_SPECIAL.sub(r"\\\1", "" if text is None else str(text)), quote=False)


# --- the chat message --------------------------------------------------------------------------------------


def _body_markdown(text: str) -> str:
    """The answer body as Markdown: our markers and bullets kept, every other character shown literally."""
    lines = []
    for line in text.splitlines():
        bullet = ""
        m = re.match(r"^(\s*[-*]\s+)", line)
        if m:
            bullet, line = "- ", re.sub(r"^(?:[-*•]\s+)+", "", line[m.end():])  # the source's own list markers
        pieces, last = [], 0
        for mk in _MARKER.finditer(line):
            pieces.append(md_escape(line[last:mk.start()]))
            pieces.append(f"**[{mk.group(1)}]**" if mk.group(1) else "*\\[unsupported\\]*")
            last = mk.end()
        pieces.append(md_escape(line[last:]))
        rendered = "".join(pieces)
        if not bullet and re.match(r"^(Evidence (for|against)\b.*|Supporting evidence\b.*):$", line.strip()):
            lines += ["", f"**{rendered.strip()}**", ""]  # blank lines: not a continuation of the list above
            continue
        lines.append(bullet + rendered)
    return "\n".join(lines).strip("\n")


def answer_markdown(answer: Any, llm_model: str | None = None, extractive_note: str = "") -> str:
    """The chat message for a finished Answer: an honest label, the body, the notes, and a short source list."""
    parts = []
    label = mode_label(answer.mode, answer.abstained, llm_model)
    if answer.abstained or answer.mode == "abstain":
        parts.append(f"**{label}.** The library has no passage that answers this question. The closest passages "
                     f"are listed under Sources; they match the question only loosely.")
    else:
        text = answer.text
        if extractive_note and text.startswith(extractive_note):
            text = text[len(extractive_note):].lstrip()
        if answer.mode == "llm":
            explain = "Its citation markers were checked against the retrieved passages."
        else:
            explain = "The sentences below are quoted from the sources; no language model wrote them."
        table = getattr(answer, "table", None)
        if table and answer.mode != "llm":
            explain = ("Values in the first lines were read out of the cited papers by rules; the sentences after "
                       "them are quoted from the sources; no language model wrote them.")
        parts.append(f"**{label}.** {explain}")
        parts.append(_body_markdown(text))
        if table:
            from ..outcomes.table import table_markdown

            parts.append("**Studies** (each value is marked in its source under Sources; click it in the table "
                         "there):\n\n" + table_markdown(table, compact=True))
    if answer.notes:
        parts.append("\n".join(f"> {md_escape(note)}  " for note in answer.notes))
    cited = sorted(set(getattr(answer.check, "cited", []) or []))
    listed = [(n, answer.passages[n - 1]) for n in cited if 1 <= n <= len(answer.passages)]
    if listed:
        refs = "; ".join(f"\\[{n}\\] {md_escape(short_reference(p))}" for n, p in listed)
        parts.append(f"<small>Sources: {refs}</small>")
    return "\n\n".join(parts)


def short_reference(passage: Any, title_chars: int = 80) -> str:
    """'Title (Rosenberg SA et al., 2011)': what a reader recognises a source by in a list of them."""
    c = passage.citation
    title = " ".join((c.title or passage.doc_id).split())
    if len(title) > title_chars:
        title = title[:title_chars - 1].rsplit(" ", 1)[0] + "…"
    who = ""
    if c.authors:
        who = c.authors[0] + (" et al." if len(c.authors) > 1 else "")
    when = ", ".join(str(x) for x in (who, c.year) if x)
    return f"{title} ({when})" if when else title


def streaming_markdown(text: str, llm_model: str | None = None) -> str:
    """The chat message while a language model is still writing (not yet checked)."""
    model = f" ({llm_model})" if llm_model else ""
    return f"**{LLM_LABEL}{model}**, writing… (citations are checked when it is done)\n\n" + _body_markdown(text)

# --- library status and upload reports ---------------------------------------------------------------------


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else (plural or word + 's')}"


def status_markdown(stats: Mapping[str, Any] | None, compact: bool = False) -> str:
    """One line about the index: documents (by kind), passages, model, last build (compact: counts and build)."""
    if not stats:
        return "**Library:** no index yet."
    if compact:
        built = re.match(r"(\d{4}-\d\d-\d\d)T(\d\d:\d\d)", str(stats.get("built") or ""))
        return (f"**Library:** {_plural(int(stats.get('documents') or 0), 'document')} · "
                f"{_plural(int(stats.get('chunks') or 0), 'passage')}"
                + (f" · last build {built.group(1)} {built.group(2)}" if built else "") + _semantic_state(stats))
    by_type = stats.get("documents_by_type") or {}
    kinds = ", ".join(f"{v:,} {KIND_PLURALS.get(k, (k, k))[v != 1]}"
                      for k, v in sorted(by_type.items(), key=lambda kv: -kv[1]))
    years = stats.get("years") or (None, None)
    built = str(stats.get("built") or "")
    m = re.match(r"(\d{4}-\d\d-\d\d)T(\d\d:\d\d)", built)
    built = f"{m.group(1)} {m.group(2)}" if m else built
    bits = [f"**Library:** {_plural(int(stats.get('documents') or 0), 'document')}"
            + (f" ({esc(kinds)})" if kinds else ""),
            _plural(int(stats.get("chunks") or 0), "passage"),
            ]
    if years and years[0] and years[1]:
        bits.append(f"{years[0]}–{years[1]}")
    bits.append(f"model {esc(stats.get('model'))}")
    if built:
        bits.append(f"last build {esc(built)}")
    if stats.get("skipped_files"):
        bits.append(_plural(int(stats["skipped_files"]), "file") + " skipped")
    line = " · ".join(bits) + _semantic_state(stats)
    levels = stats.get("documents_by_evidence") or {}
    if levels:
        line += "\n\n**By evidence level:** " + ", ".join(f"{esc(level)}: {n:,}" for level, n in levels.items())
    notices = stats.get("notices") or {}
    if notices:
        line += " · **notices:** " + ", ".join(f"{n:,} {esc(kind)}" for kind, n in notices.items())
    return line


def _semantic_state(stats: Mapping[str, Any]) -> str:
    """For a keyword-only index (its vectors still being embedded): how far the embedding is, and what answers
    rest on meanwhile."""
    if not stats.get("dense_pending"):
        return ""
    emb = stats.get("embedding") or {}
    if emb.get("error"):
        return (f" · **semantic search failed to build** ({esc(emb['error'])}): answers use keyword search; the "
                f"next build (an upload, a re-scan, `rag build`) tries again")
    if emb.get("running"):
        done, total = int(emb.get("done") or 0), int(emb.get("total") or 0)
        where = f"{done:,} of {total:,} passages" if total else "starting"
        return f" · **semantic search: {where}** (answers use keyword search until it is ready)"
    return " · **keyword search only**: the passages are not embedded yet (a re-scan or `rag build` embeds them)"


def report_markdown(report: Any, rejected: list[str] | None = None) -> str:
    """What an upload did, in words: added, skipped (with reasons), rejected before indexing, the index size."""
    blocks = []
    # Files add_files did not copy (one that cannot be parsed, say), with the reason, beside those refused before.
    refused = getattr(report, "refused", [])
    rejected = list(rejected or []) + [f"{path.rsplit('/', 1)[-1]}: {why}" for path, why in refused]
    if rejected:
        blocks.append("**Not accepted:**\n" + "\n".join(f"- {md_escape(r)}" for r in rejected))
    if report is None:
        if not rejected:
            blocks.append("Choose files to add first.")
        return "\n\n".join(blocks)
    skipped = {path for path, _ in report.skipped}
    added = [p for p in report.added + report.updated if p not in skipped]
    if added:
        blocks.append(f"**Added {_plural(len(added), 'file')}:** " + ", ".join(md_escape(p) for p in added))
    if report.removed:
        blocks.append(f"**Removed {_plural(len(report.removed), 'file')}:** "
                      + ", ".join(md_escape(p) for p in report.removed))
    if not added and not report.removed and report.up_to_date and not report.failed:
        blocks.append("**Nothing new:** the index already has these files.")
    if report.skipped:
        blocks.append(f"**Skipped {_plural(len(report.skipped), 'file')}:**\n"
                      + "\n".join(f"- {md_escape(path)}: {md_escape(reason)}" for path, reason in report.skipped))
    new_duplicates = [d for d in report.duplicates if d[0] in set(added)]
    if new_duplicates:
        one = len(new_duplicates) == 1
        blocks.append(f"**{_plural(len(new_duplicates), 'document')} in the new files "
                      f"{'duplicates one' if one else 'duplicate ones'} already in the library** "
                      f"(linked to the copy that serves).")
    blocks.append(f"The index now has {_plural(report.documents, 'document')} and {_plural(report.chunks, 'passage')}.")
    return "\n\n".join(blocks)
