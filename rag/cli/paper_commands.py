"""The commands that read papers' records without a question: outcomes, evidence (study type and notices) and the
support check on sentence-passage pairs."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from .common import _printable, _settings


def cmd_outcomes(args: argparse.Namespace) -> int:
    """Outcome records: of each record of a PubMed JSON-lines file (in input order), or of indexed papers."""
    from ..outcomes import extract_outcomes
    from ..outcomes.record import StudyOutcomes

    records: list[StudyOutcomes | dict] = []
    if args.pubmed:
        from ..load.pubmed import json_line_documents

        for number, raw, doc, why in json_line_documents(args.pubmed):
            if doc is None:
                rec = StudyOutcomes(doc_id=str(raw.get("doc_id") or raw.get("pmid") or f"record {number}"),
                                    pmid=str(raw["pmid"]) if raw.get("pmid") else None)
                out = rec.to_json()
                out["skipped"] = why
                records.append(out)
                continue
            records.append({**_in_the_record(extract_outcomes(doc).to_json(), doc, raw),
                            "doc_id": _record_id(raw, doc.doc_id)})
    else:
        if not args.ids:
            raise ValueError("give a paper's id (PMID:..., DOI:..., or a PMID), or --pubmed FILE.jsonl")
        from ..index.store import open_store
        from ..outcomes.table import records_for

        s = _settings(args)
        store = open_store(s)
        for given in args.ids:
            candidates = [given, f"PMID:{given}", f"DOI:{given}", f"NCT:{given}"]
            found = next((c for c in candidates if store.document(c) is not None), None)
            if found is None:
                raise ValueError(f"no indexed paper has the id {given!r} (try `rag search` to find its doc_id)")
            records.append(records_for(store, [found])[found])
    for rec in records:
        data = rec if isinstance(rec, dict) else rec.to_json()
        if args.json:
            print(json.dumps(data, ensure_ascii=False))
        else:
            print(_outcomes_text(data))
    return 0


def _record_id(raw: dict, loaded: str) -> str:
    """The record's own doc_id as the file writes it ("DOI:10.1158/1078-0432.CCR-11-1261"; the index keeps DOIs in
    lower case): a caller matches the output to the input by it. The loader's id when the record gives none."""
    given = raw.get("doc_id")
    return given.strip() if isinstance(given, str) and given.strip() else loaded


def _in_the_record(data: dict, doc, raw: dict) -> dict:
    """Spans moved from the loaded text onto the record's own "abstract" string (``abstract[char_start:char_end] ==
    text``): the caller holds the record, not the text the loader made of it. A trial record, whose text the
    loader assembles from several fields, keeps the loaded text's offsets."""
    from ..load.source_spans import SourceSpans

    source = raw.get("abstract")
    if not isinstance(source, str) or raw.get("nct_id"):
        return data
    spans = SourceSpans(doc.text, source, [section.start for section in doc.sections or ()])
    for item in [*data.get("outcomes", []), *data.get("not_reached", [])]:
        found = spans.locate(item["char_start"], item["char_end"])
        if found:
            item["char_start"], item["char_end"] = found
            item["text"] = source[found[0]:found[1]]
    return data


def _outcomes_text(d: dict) -> str:
    if d.get("studies"):  # a page that numbers study after study: each study its own block
        blocks = [f"{d['doc_id']}: a page reporting {len(d['studies'])} studies"]
        for i, study in enumerate(d["studies"], 1):
            name = study.get("trial") or f"“{study.get('opening') or ''}”"
            a, b = study["span"]
            inside = {key: [o for o in d.get(key, []) if a <= o["char_start"] < b]
                      for key in ("outcomes", "not_reached")}
            blocks.append(f"study {i}, {name}, " + _outcomes_text({**study, **inside, "doc_id": f"@{a}-{b}"}))
        return "\n".join(blocks)
    n = f"N={d['n']['value']} {d['n']['what']}" if d.get("n") else "N not stated"
    lines = [f"{d['doc_id']}: {d['design']}" + (f", phase {d['phase']}" if d.get("phase") else "") + f", {n}"
             + (f", arms: {' | '.join(d['arms'])}" if d.get("arms") else "")
             + (f"  ({d['skipped']})" if d.get("skipped") else "")]
    if not d["outcomes"] and not d.get("not_reached"):
        lines.append("  no outcome values found")
    for o in d["outcomes"]:
        ci = f" ({o['ci_low']:g}–{o['ci_high']:g})" if o["ci_low"] is not None and o["ci_high"] is not None else ""
        unit = "" if o["unit"] == "ratio" else (o["unit"] if o["unit"] == "%" else " " + o["unit"])
        extra = ", ".join(x for x in (o.get("timepoint"), o.get("p"), o.get("population"),
                                      "cited" if o.get("cited") else "") if x)
        lines.append(f"  {o['endpoint']:<14} {o['arm'][:28]:<28} {o['value']:g}{unit}{ci}"
                     + (f"  [{extra}]" if extra else "")
                     + f"  @{o['char_start']}-{o['char_end']}: {_printable(o['text'])[:90]}")
    for o in d.get("not_reached", []):
        lines.append(f"  {o['endpoint']:<14} {o['arm'][:28]:<28} not reached  @{o['char_start']}-{o['char_end']}")
    return "\n".join(lines)


def _json_lines(path: Path):
    """(record number, the record as read or {}, its Document or None, why not) for every record of a PubMed
    JSON-lines file (or a JSON array), in input order: a line that is not valid JSON, not an object, or not a record
    the PubMed loader can read still gets its turn, with the reason."""
    from ..load.common import read_text
    from ..load.pubmed import _Skip, _pubmed_json_document, _trial_document

    text, _ = read_text(path)
    stripped = text.strip()
    try:
        whole = json.loads(stripped) if stripped.startswith("[") else None
    except json.JSONDecodeError:
        whole = None
    if isinstance(whole, list):
        items = [(i, value, "") for i, value in enumerate(whole, 1)]
    else:
        items, number = [], 0
        for line in text.splitlines():
            if not line.strip():
                continue
            number += 1
            try:
                items.append((number, json.loads(line), ""))
            except json.JSONDecodeError as err:
                items.append((number, None, f"invalid JSON ({err.msg})"))
    for number, record, why in items:
        if why:
            yield number, {}, None, why
            continue
        if not isinstance(record, dict):
            yield number, {}, None, "not a JSON object"
            continue
        try:
            doc = _trial_document(record) if record.get("nct_id") else _pubmed_json_document(record)
        except (_Skip, TypeError, ValueError, AttributeError) as err:
            yield number, record, None, str(err) or type(err).__name__
            continue
        yield number, record, doc, ""


def cmd_evidence(args: argparse.Namespace) -> int:
    """Study type, evidence level and notices of each record of a PubMed JSON-lines file, in input order."""
    from ..study_type import RETRACTED, _as_list, _notice, classify

    for number, record, doc, why in _json_lines(args.pubmed):
        if doc is None:
            pmid = str(record.get("pmid")) if record.get("pmid") else None
            # A record without an abstract (a retraction notice often has none) still says its notice by its title
            # and publication types.
            title = record.get("title") if isinstance(record.get("title"), str) else ""
            notice = _notice({"publication_types": _as_list(record.get("publication_types"))}, title or "")
            doc_id = str(record.get("doc_id") or (f"PMID:{pmid}" if pmid else f"record {number}"))
            out = {"doc_id": doc_id, "pmid": pmid,
                   "study_type": None, "level": None, "retracted": notice in RETRACTED,
                   "concern": notice == "expression of concern", "basis": None, "skipped": why}
        else:
            e = classify(doc)
            out = {"doc_id": _record_id(record, doc.doc_id), "pmid": doc.pmid, "study_type": e.study_type,
                   "level": e.level, "retracted": e.notice in RETRACTED, "concern": e.notice == "expression of concern",
                   "basis": e.basis}
        if args.json:
            print(json.dumps(out, ensure_ascii=False))
        else:
            marks = [m for m, on in (("RETRACTED", out["retracted"]), ("EXPRESSION OF CONCERN", out["concern"])) if on]
            label = f"{out['study_type']} · {out['level']} (from {out['basis']})" if out["study_type"] else \
                f"not read: {out['skipped']}"
            print(_printable(f"{out['doc_id']}: {label}" + (f"  ⚠ {', '.join(marks)}" if marks else "")))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """The support check on sentence-passages pairs: one verdict per input line, in order."""
    from ..cite import MARKER
    from ..answer.support_check import SUPPORTED, check_sentence

    library = _library(args)
    for number, line in enumerate((ln for ln in args.pairs.read_text(encoding="utf-8").splitlines() if ln.strip()), 1):
        try:
            pair = json.loads(line)
            sentence, passages = pair["sentence"], pair["passages"]
            if isinstance(passages, str):
                passages = [passages]
            if not isinstance(sentence, str) or not isinstance(passages, list) \
                    or not all(isinstance(p, str) for p in passages):
                raise ValueError("needs a text 'sentence' and a list of texts 'passages'")
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as err:
            detail = (f"invalid JSON ({err.msg})" if isinstance(err, json.JSONDecodeError)
                      else f"no {err}" if isinstance(err, KeyError) else str(err))
            why = f"line {number} not read: {detail}"
            out, notes = {"supported": False, "reasons": [why]}, []
        else:
            texts = dict(enumerate(passages, 1))
            cited = [int(n) for n in MARKER.findall(sentence)] or list(texts)
            if not MARKER.search(sentence):
                sentence = sentence + " " + "".join(f"[{n}]" for n in cited)
            # Optional: the cited papers' titles, and their whole text where a passage is a chunk of it (names are
            # then also looked for there, and the reason says so). One text for every passage, or one per passage.
            titles = _per_passage(pair.get("titles") or pair.get("title"), texts)
            papers = _per_passage(pair.get("papers") or pair.get("paper"), texts)
            unknown = {n: t for n, t in texts.items() if n not in papers}  # what the pair does not say, the index may
            for n, doc in library(unknown).items():
                titles.setdefault(n, doc.title or "")
                papers.setdefault(n, doc.text)
            v = check_sentence(sentence, cited, texts, titles=titles, papers=papers)
            out = {"supported": v.status == SUPPORTED, "reasons": v.reasons}
            notes = v.notes  # where a name was found outside the passage: the readable form says it
        if args.json:
            print(json.dumps(out, ensure_ascii=False))  # the contract's two fields, nothing more
        else:
            verdict = "supported" if out["supported"] else "not supported: " + "; ".join(out["reasons"])
            print(_printable(verdict + (f" (note: {'; '.join(notes)})" if notes else "")))
    return 0


def _per_passage(value: Any, texts: dict[int, str]) -> dict[int, str]:
    """A text given once (for every passage) or as a list (one per passage) -> {passage number: text}."""
    if isinstance(value, str):
        return {n: value for n in texts}
    if isinstance(value, list):
        return {n: t for n, t in enumerate(value, 1) if isinstance(t, str) and n in texts}
    return {}


def _library(args: argparse.Namespace):
    """passages {n: text} -> {n: the indexed paper each was cut from}; finds nothing without an index (or with
    --no-library)."""
    if getattr(args, "library", True):
        from ..index import IndexNotFound
        from ..index.store import open_store

        try:
            store = open_store(_settings(args))
        except (IndexNotFound, OSError, SystemExit):
            store = None
        if store is not None:
            from ..index.lookup import paper_of

            def found(texts: dict[int, str]) -> dict[int, Any]:
                docs = {n: paper_of(store, text) for n, text in texts.items()}
                return {n: doc for n, doc in docs.items() if doc is not None}

            return found
    return lambda texts: {}
