"""Bad input at intake (issue 21, a reliability probe): what `rag add` copies into the corpus, what the loaders
make of odd files, what a build reports. Real files on disk and real index builds with the real model, on a
one-page library (built once for this module; each test changes its own copy).

A bad file never crashes a build or loses data: it is skipped, or not copied, with a message naming it.
"""

from __future__ import annotations

import datetime
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest

from rag import Settings, add_files, build
from rag.indexing import BuildRefused
from rag.index import LocalStore, current_generation
from rag.load import LoadError, load_file

from conftest import DATA, ROOT, copy_library

PAGE = DATA / "nci_aldesleukin.md"
JATS = DATA / "pmc_bst20253065_trimmed.xml"
JATS_PMID = "PMID:41032705"


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    """Settings of a one-page library (the NCI aldesleukin page, 4 chunks), built once."""
    base = tmp_path_factory.mktemp("tiny")
    (base / "corpus").mkdir()
    shutil.copy(PAGE, base / "corpus")
    settings = Settings.load(corpus_dir=base / "corpus", index_dir=base / "index")
    build(settings)
    return settings


@pytest.fixture
def lib(tiny, tmp_path):
    """A private copy of the one-page library."""
    return copy_library(tiny, tmp_path / "lib")


def indexed(s) -> dict[str, set[str]]:
    """{source path: doc ids} of the documents that serve."""
    store = LocalStore(current_generation(s.index_dir))
    out: dict[str, set[str]] = {}
    for doc_id, path in store.db.execute("SELECT doc_id, source_path FROM documents WHERE status='indexed'"):
        out.setdefault(path, set()).add(doc_id)
    return out


def in_added(s) -> list[str]:
    """Every entry under corpus/added/ (hidden bookkeeping files left out), relative to it."""
    root = Path(s.corpus_dir) / "added"
    return sorted(os.fsencode(p.relative_to(root)).decode("utf-8", "backslashreplace")
                  for p in root.rglob("*") if not p.is_dir() and not p.name.startswith(".")) if root.exists() else []


def note(path: Path, words: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"# {words.split('.')[0]}\n\n{words}\n", encoding="utf-8")
    return path


def rag(*args, s=None, timeout=300, **kw) -> subprocess.CompletedProcess:
    where = ["--corpus", str(s.corpus_dir), "--index", str(s.index_dir)] if s is not None else []
    return subprocess.run([sys.executable, "-m", "rag", *map(str, args), *where], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout, **kw)


# --- 1. a YAML alias bomb in Markdown front matter ---------------------------------------------------------------


def test_1_a_yaml_alias_bomb_in_front_matter_is_refused_not_expanded(tmp_path):
    levels = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    levels += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)]  # nine levels of nine
    bomb = tmp_path / "bomb.md"
    bomb.write_text("---\ntitle: Glimmermab\n" + "\n".join(levels) + "\n---\n\n# Glimmermab\n\nGlimmermab.\n")
    code = ("import sys; from pathlib import Path; from rag.load import LoadError, load_file\n"
            "try:\n    load_file(Path(sys.argv[1]))\nexcept LoadError as err:\n    print('LoadError:', err)")
    limit = 2 << 30  # 2 GB: the expansion would need hundreds of times that
    out = subprocess.run([sys.executable, "-c", code, str(bomb)], cwd=ROOT, capture_output=True, text=True, timeout=300,
                         preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (limit, limit)))
    assert out.stdout.startswith("LoadError:") and "alias" in out.stdout, (out.stdout, out.stderr[-1000:])
    # A front matter that uses an alias as YAML intends (a value written once, used twice) still loads.
    fine = tmp_path / "fine.md"
    fine.write_text("---\ntitle: &t Glimmermab in mice\nshort_title: *t\n---\n\nGlimmermab shrank tumours.\n")
    (doc,) = load_file(fine).documents
    assert doc.title == "Glimmermab in mice" and doc.extra["front_matter"]["short_title"] == "Glimmermab in mice"


# --- 2. a file name that is not UTF-8 ----------------------------------------------------------------------------


def test_2_a_file_name_that_is_not_utf8_is_skipped_with_its_bytes_shown_and_builds_go_on(lib, tmp_path):
    src = tmp_path / "in"
    note(src / "good.md", "Glimmermab was given to eleven patients.")
    bad = Path(os.fsdecode(os.fsencode(src) + b"/bad\xffname.md"))
    bad.write_text("# x\n\nGlimmermab.\n", encoding="utf-8")
    out = rag("add", src, s=lib)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "bad\\xffname.md" in out.stderr and "not valid UTF-8" in out.stderr
    assert in_added(lib) == ["in/good.md"]
    assert "added/in/good.md" in indexed(lib)
    # Such a file already in the corpus (an older `rag add` left one there): every build skips it, naming it.
    shutil.copy(bad, os.fsdecode(os.fsencode(lib.corpus_dir) + b"/added/bad\xffname.md"))
    note(lib.corpus_dir / "added" / "second.md", "Glimmermab was given to twelve patients.")
    for _ in range(2):  # the build that adds second.md, then one with nothing new
        out = rag("build", "--json", s=lib)
        assert out.returncode == 0, out.stderr[-2000:]
        skipped = dict(json.loads(out.stdout)["skipped"])
        assert "not valid UTF-8" in skipped["added/bad\\xffname.md"]
    out = rag("build", s=lib)
    assert out.returncode == 0 and "added/bad\\xffname.md: " in out.stdout
    assert "added/second.md" in indexed(lib)


# --- 3. two adds of one name at once --------------------------------------------------------------------------


def test_3_two_adds_of_one_name_at_once_keep_both_files(lib, tmp_path, monkeypatch):
    from rag.indexing import add as add_module

    first = note(tmp_path / "a" / "paper.md", "Glimmermab shrank tumours in eleven patients.")
    second = note(tmp_path / "b" / "paper.md", "Frobnicumab failed in twelve patients with sarcoma.")
    # Both copies are made before either is put in place: the moment a check-then-copy loses one of them.
    barrier, calls, real = threading.Barrier(2, timeout=60), [], shutil.copyfile

    def copy_then_wait(src, dst, *args, **kw):
        done = real(src, dst, *args, **kw)
        calls.append(src)
        if len(calls) <= 2:
            barrier.wait()
        return done

    monkeypatch.setattr(add_module, "shutil", SimpleNamespace(**{**vars(shutil), "copyfile": copy_then_wait}))
    errors = []

    def add(path):
        try:
            add_files([path], lib)
        except BaseException as err:  # noqa: BLE001 - reported below
            errors.append(err)

    threads = [threading.Thread(target=add, args=(p,)) for p in (first, second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(600)
    assert not errors, errors
    names = in_added(lib)
    assert len(names) == 2 and "paper.md" in names, names
    contents = sorted((lib.corpus_dir / "added" / n).read_text() for n in names)
    assert contents == sorted(p.read_text() for p in (first, second))
    assert {f"added/{n}" for n in names} <= set(indexed(lib))


# --- 4. a JSON-lines record with a field that is not text -------------------------------------------------------


def test_4_a_json_record_with_a_non_text_field_is_skipped_alone(tmp_path):
    records = [json.loads(line) for line in (DATA / "pubmed_sample.jsonl").read_text().splitlines()]
    records = [dict(r, pmid=f"{9000 + n}", doc_id=f"PMID:{9000 + n}", doi=None) for n, r in enumerate(records * 2)][:9]
    records[2]["title"] = 123
    records[4]["title"] = float("nan")
    records[6]["journal"] = ["N Engl J Med", "NEJM"]
    path = tmp_path / "nine.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n")  # json writes the NaN as NaN
    result = load_file(path)
    assert len(result.documents) == 6
    assert {d.pmid for d in result.documents} == {f"{9000 + n}" for n in (0, 1, 3, 5, 7, 8)}
    problems = [w for w in result.warnings if "skipped" in w]
    assert len(problems) == 3
    assert "line 3" in problems[0] and "title" in problems[0] and "123" in problems[0]
    assert "line 5" in problems[1] and "title" in problems[1] and "NaN" in problems[1]
    assert "line 7" in problems[2] and "journal" in problems[2]


# --- 5. a refused add copies nothing -------------------------------------------------------------------------


def test_5_a_refused_add_copies_nothing(lib, tmp_path):
    paper = note(tmp_path / "paper.md", "Glimmermab shrank tumours in eleven patients.")
    other = tmp_path / "other-corpus"
    other.mkdir()
    out = rag("add", paper, "--corpus", other, "--index", lib.index_dir)
    assert out.returncode == 1 and "was built from the corpus" in out.stderr, out.stderr[-2000:]
    assert not list(other.rglob("*"))
    # --corpus forgotten, in a project folder of its own: its corpus/added/ gets nothing either.
    project = tmp_path / "project"
    (project / "corpus").mkdir(parents=True)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-m", "rag", "add", str(paper), "--index", str(lib.index_dir)], cwd=project,
                         capture_output=True, text=True, timeout=300, env=env)
    assert out.returncode == 1 and "was built from the corpus" in out.stderr, out.stderr[-2000:]
    assert not list((project / "corpus").rglob("*"))
    with pytest.raises(BuildRefused):
        add_files([paper], lib.replace(corpus_dir=other))
    assert not list(other.rglob("*"))
    # One missing path among several: nothing is copied.
    with pytest.raises(FileNotFoundError):
        add_files([paper, tmp_path / "missing.md"], lib)
    assert in_added(lib) == []


# --- 6. size, time, a limit, and an interrupted add ------------------------------------------------------------


def test_6_add_says_size_and_time_has_a_size_limit_and_an_interrupted_add_is_announced(lib, tmp_path):
    sentence = "Glimmermab was given every three weeks and shrank tumours in {n} of the patients treated. "
    big = tmp_path / "big.txt"
    big.write_text("".join(sentence.format(n=n) for n in range(17000)), encoding="utf-8")  # about 1.5 MB
    out = rag("add", big, "--max-file-mb", 1, s=lib)
    assert out.returncode == 1, out.stderr[-2000:]
    assert "1.5 MB" in out.stderr and "over the 1 MB limit" in out.stderr
    assert in_added(lib) == []
    # The default limit is the app's upload limit.
    messages: list[str] = []
    report = add_files([big], lib.replace(max_upload_mb=1), log=messages.append)
    assert in_added(lib) == [] and any("over the 1 MB limit" in why for _, why in report.refused)
    # Within the limit: its size and a rough time before the work starts.
    mid = tmp_path / "mid.txt"
    mid.write_text("".join(sentence.format(n=n) for n in range(400)), encoding="utf-8")  # about 35 KB
    messages.clear()

    def stop(stage, done, total):
        if stage == "embedding":
            raise KeyboardInterrupt  # Ctrl-C while it embeds

    with pytest.raises(KeyboardInterrupt):
        add_files([mid], lib, log=messages.append, progress=stop)
    assert any("mid.txt" in m and " KB" in m and "roughly" in m for m in messages), messages
    assert any("interrupted" in m and "mid.txt" in m for m in messages), messages
    assert in_added(lib) == ["mid.txt"]
    # The next build does not take it up silently: it says it finishes that add, and how big it is.
    messages.clear()
    build(lib, log=messages.append)
    assert any("interrupted" in m and "added/mid.txt" in m and " KB" in m for m in messages), messages
    assert "added/mid.txt" in indexed(lib)
    messages.clear()
    note(lib.corpus_dir / "later.md", "Frobnicumab failed in twelve patients with sarcoma.")
    build(lib, log=messages.append)
    assert not any("interrupted" in m for m in messages), messages


# --- 7. papers named notice*, license*, readme*, provenance* -------------------------------------------------------


def test_7_only_exact_boilerplate_names_are_passed_over_and_the_report_lists_them(lib):
    papers = lib.corpus_dir / "papers"
    names = {"notice-of-retraction-glimmermab.md": "Glimmermab trial retracted after data fabrication.",
             "license_agreement_trial.md": "Frobnicumab licence trial enrolled forty patients.",
             "readme_first_results.md": "Zorblimab first results in melanoma showed responses.",
             "Provenance-of-tumour-samples.md": "Tumour samples from seventy donors were banked."}
    for name, words in names.items():
        note(papers / name, words)
    boilerplate = ["README", "README.md", "LICENSE.txt", "licence", "NOTICE", "PROVENANCE.md", "Readme.rst"]
    for name in boilerplate:
        note(papers / name, "Boilerplate of the folder.")
    report = build(lib)
    assert {f"papers/{n}" for n in names} <= set(report.added) and set(indexed(lib)) >= {f"papers/{n}" for n in names}
    assert sorted(path for path, _ in report.ignored) == sorted(f"papers/{n}" for n in boilerplate)
    summary = report.summary()
    assert all(f"papers/{n}" in summary for n in boilerplate)


# --- 8. files that could never be indexed are not copied ------------------------------------------------------


def test_8_files_that_cannot_be_indexed_are_not_copied(lib, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "blank.md").write_text("  \n\n\t\n")
    (src / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (src / "random.pdf").write_bytes(random.Random(8).randbytes(5000))
    out = rag("add", *sorted(src.iterdir()), s=lib)
    assert out.returncode == 1, out.stderr[-2000:]
    for name in ("blank.md", "binary.txt", "random.pdf"):
        assert f"{name}: not copied" in out.stderr, out.stderr[-2000:]
    assert in_added(lib) == []
    # Through the API: the same, with the reasons in the report.
    report = add_files(sorted(src.iterdir()), lib)
    assert in_added(lib) == [] and len(report.refused) == 3
    reasons = {Path(path).name: why for path, why in report.refused}
    assert "no text" in reasons["blank.md"] and "binary" in reasons["binary.txt"]
    assert "PDF" in reasons["random.pdf"]


# --- 9. JATS or MEDLINE saved with a .md name ---------------------------------------------------------------


def test_9_jats_pubmed_xml_or_medline_saved_as_md_are_read_with_their_own_loader(lib, tmp_path):
    shutil.copy(JATS, tmp_path / "article.md")
    (doc,) = load_file(tmp_path / "article.md").documents
    assert doc.doc_id == JATS_PMID and doc.source_type == "fulltext" and "<article" not in doc.text
    shutil.copy(DATA / "pubmed_efetch_sample.xml", tmp_path / "efetch.markdown")
    result = load_file(tmp_path / "efetch.markdown")
    as_xml = load_file(DATA / "pubmed_efetch_sample.xml").documents
    assert [(d.doc_id, d.text) for d in result.documents] == [(d.doc_id, d.text) for d in as_xml]
    shutil.copy(DATA / "pubmed_sample.medline", tmp_path / "export.md")
    result = load_file(tmp_path / "export.md")
    assert "PMID:24907378" in {d.doc_id for d in result.documents}
    assert any("MEDLINE" in w for w in result.warnings)
    (tmp_path / "other.md").write_text('<?xml version="1.0"?>\n<svg><text>Glimmermab</text></svg>\n')
    with pytest.raises(LoadError, match="<svg>"):
        load_file(tmp_path / "other.md")
    # In a build, beside the properly named copy: one paper, not a second one of raw markup.
    (lib.corpus_dir / "pmc").mkdir()
    shutil.copy(JATS, lib.corpus_dir / "pmc")
    shutil.copy(JATS, lib.corpus_dir / "article.md")
    report = build(lib)
    assert ("article.md", JATS_PMID) in {(path, doc_id) for path, doc_id, _ in report.duplicates} or \
        JATS_PMID in indexed(lib).get("article.md", set())
    assert "FILE:article.md" not in {i for ids in indexed(lib).values() for i in ids}


# --- 10. an invalid date in front matter -----------------------------------------------------------------------


def test_10_an_invalid_date_in_front_matter_keeps_the_file_and_its_front_matter(tmp_path):
    page = tmp_path / "dated.md"
    page.write_text("---\ntitle: Glimmermab in mice\ndate: 2019-13-45\nauthors: [Ada Lovelace]\n---\n\n"
                    "# Results\n\nGlimmermab shrank tumours.\n")
    result = load_file(page)
    (doc,) = result.documents
    assert doc.title == "Glimmermab in mice" and doc.authors == ["Ada Lovelace"]
    assert doc.extra["front_matter"]["date"] == "2019-13-45"
    assert any("2019-13-45" in w and "date" in w for w in result.warnings), result.warnings
    page.write_text("---\ntitle: Glimmermab later\ndate: 2099-13-45\n---\n\nGlimmermab shrank tumours.\n")
    (doc,) = load_file(page).documents
    assert doc.title == "Glimmermab later" and doc.year is None  # a year after this one is not stored (item 13)


# --- 11. a long file name --------------------------------------------------------------------------------------


def test_11_a_legal_long_file_name_is_added_and_its_renamed_copy_stays_within_255_bytes(lib, tmp_path):
    name = "é" * 120 + ".md"  # 243 bytes
    assert len(name.encode()) == 243
    first = note(tmp_path / "a" / name, "Glimmermab shrank tumours in eleven patients.")
    second = note(tmp_path / "b" / name, "Frobnicumab failed in twelve patients with sarcoma.")
    add_files([first], lib)
    add_files([second], lib)  # the same name, other content: renamed, and the new name must still be legal
    names = in_added(lib)
    assert len(names) == 2 and name in names and all(len(n.encode()) <= 255 for n in names)
    assert all(n.endswith(".md") for n in names)
    assert {f"added/{n}" for n in names} <= set(indexed(lib))


# --- 12. UTF-16 files and a long DTD -------------------------------------------------------------------------------


def test_12_utf16_xml_and_json_lines_load_and_a_long_dtd_is_read_past(tmp_path):
    text = JATS.read_text(encoding="utf-8")
    (tmp_path / "utf16.xml").write_bytes(text.encode("utf-16"))
    (doc,) = load_file(tmp_path / "utf16.xml").documents
    assert doc.doc_id == JATS_PMID
    trials = (DATA / "trials_sample.jsonl").read_text(encoding="utf-8")
    (tmp_path / "utf16.jsonl").write_bytes(trials.encode("utf-16"))
    assert len(load_file(tmp_path / "utf16.jsonl").documents) == 3
    (tmp_path / "utf16be.jsonl").write_bytes(trials.encode("utf-16-be"))  # no byte-order mark
    assert len(load_file(tmp_path / "utf16be.jsonl").documents) == 3
    # A DTD of over 64 KB before the root element: read past it.
    body = text[text.index("<article"):]
    dtd = "<!DOCTYPE article [\n" + "".join(f"<!ELEMENT e{n} (#PCDATA)>\n" for n in range(4000)) + "]>\n"
    assert len(dtd) > 65536
    (tmp_path / "long-dtd.xml").write_text(dtd + body, encoding="utf-8")
    (doc,) = load_file(tmp_path / "long-dtd.xml").documents
    assert doc.doc_id == JATS_PMID
    # ... and when it declares entities, that is the reason given.
    entities = "<!DOCTYPE article [\n" + "".join(f'<!ENTITY e{n} "x{n}">\n' for n in range(4000)) + "]>\n"
    (tmp_path / "entities.xml").write_text(entities + body, encoding="utf-8")
    with pytest.raises(LoadError, match="entity declarations"):
        load_file(tmp_path / "entities.xml")


# --- 13. years outside reason ---------------------------------------------------------------------------------


def test_13_a_year_after_this_one_or_before_1800_is_a_warning_not_the_year(lib, tmp_path):
    this_year = datetime.date.today().year
    base = json.loads((DATA / "pubmed_sample.jsonl").read_text().splitlines()[0])
    records = [dict(base, pmid=str(9100 + n), doc_id=f"PMID:{9100 + n}", doi=None, title=f"Glimmermab study {n}",
                    year=year) for n, year in enumerate([this_year + 2, 1750, this_year, "2099 Jan"])]
    path = lib.corpus_dir / "years.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    result = load_file(path)
    assert [d.year for d in result.documents] == [None, None, this_year, None]
    for n, year in ((0, this_year + 2), (1, 1750), (3, 2099)):
        assert any(f"Glimmermab study {n}" in w and str(year) in w for w in result.warnings), (n, result.warnings)
    report = build(lib)
    assert any(path == "years.jsonl" and "Glimmermab study 0" in w for path, w in report.warnings)
    store = LocalStore(current_generation(lib.index_dir))
    assert store.stats()["years"][1] <= this_year


# --- 14. the duplicates line names files --------------------------------------------------------------------------


def test_14_the_duplicates_line_names_the_files_of_both_copies(lib):
    (lib.corpus_dir / "added").mkdir()
    shutil.copy(PAGE, lib.corpus_dir / "added" / "aldesleukin copy.md")
    report = build(lib)
    lines = [line for line in report.summary().splitlines() if "aldesleukin copy.md" in line]
    assert len(lines) == 1, report.summary()
    assert "nci_aldesleukin.md" in lines[0]
    assert "NCI:" not in lines[0] and "FILE:" not in lines[0], lines[0]


# --- 15. devices and FIFOs ------------------------------------------------------------------------------------


def test_15_devices_and_fifos_are_refused_with_a_reason(lib, tmp_path):
    out = rag("add", "/dev/zero", s=lib, timeout=120)
    assert out.returncode == 1 and "/dev/zero: not copied: not a regular file" in out.stderr, out.stderr[-2000:]
    assert "up to date" not in out.stdout
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "pipe.md")
    note(folder / "good.md", "Glimmermab shrank tumours in eleven patients.")
    out = rag("add", folder / "pipe.md", s=lib, timeout=120)
    assert out.returncode == 1 and "pipe.md: not copied: not a regular file (a FIFO" in out.stderr
    out = rag("add", folder, s=lib, timeout=120)  # a folder holding one: the rest is added
    assert out.returncode == 0 and "pipe.md: not copied: not a regular file" in out.stderr
    assert in_added(lib) == ["in/good.md"]
