"""Settings refuse values that cannot work, by flag and by environment variable alike, with the reason."""

import os
import subprocess
import sys

import pytest

from rag import Settings
from rag.index.shape import index_fingerprint, index_shape

from conftest import ROOT


@pytest.mark.parametrize("change, words", [
    ({"chunk_tokens": 0}, "chunk_tokens"),
    ({"chunk_tokens": -5}, "chunk_tokens"),
    ({"chunk_overlap": 200}, "below chunk_tokens"),
    ({"mode": "semantic"}, "must be one of full, hybrid, dense, bm25"),
    ({"k": 0}, r"k \(RAG_K\) must be a number of passages from 1 to 100, got 0"),
    ({"per_doc": -1}, "per_doc"),
    ({"abstain_below": 1.5}, "abstain_below"),
    ({"expansion_weight": 2.0}, "expansion_weight"),
    ({"rrf_k": 0}, "rrf_k"),
    ({"answer": {"pool": 0}}, "answer.pool must be at least 1"),
    ({"answer": {"weak_below": 1.5}}, "answer.weak_below must be from 0 to 1"),
    ({"answer": {"echoes": 0.3}}, "has no field echoes"),
    # Numbers that parse but cannot work: refused at load by the answer field's own name.
    ({"answer": {"lexical": 1e308}}, r"answer.lexical must be from -10 to 10, got 1e\+308"),
    ({"answer": {"paper": -1e308}}, r"answer.paper must be from -10 to 10, got -1e\+308"),
    ({"answer": {"dense": float("nan")}}, "answer.dense must be a finite number, got nan"),
    ({"answer": {"echo": float("inf")}}, "answer.echo must be a finite number"),
    ({"answer": {"pool": 10**9}}, "answer.pool must be at most 100, got 1000000000"),
    ({"answer": {"pool": 5.5}}, "answer.pool must be a whole number, got 5.5"),
    ({"answer": {"sentences_list": 10**6}}, "answer.sentences_list must be at most 50"),
    ({"answer": {"aim_leads": "maybe"}}, "answer.aim_leads must be true or false"),
    ({"k": 5.5}, r"k \(RAG_K\) must be a whole number, got 5.5"),
    ({"llm_timeout": float("inf")}, "llm_timeout .* must be a finite number"),
    ({"lexical_weight": float("nan")}, "lexical_weight .* must be a finite number"),
    ({"synonyms": "maybe"}, "synonyms .* must be true or false"),
    # Types are checked whatever the source: a fraction for a whole number, a yes/no or a word for a number.
    ({"record_chunks": 2.5}, r"record_chunks \(RAG_RECORD_CHUNKS\) must be a whole number, got 2.5"),
    ({"k": True}, r"k \(RAG_K\) must be a number, got True"),
    ({"answer": {"dense": True}}, "answer.dense must be a number, got True"),
    ({"chunk_tokens": "many"}, r"chunk_tokens \(RAG_CHUNK_TOKENS\) must be a whole number, got 'many'"),
    ({"engine": "spark"}, r"engine \(RAG_ENGINE\) must be one of local, ray, got 'spark'"),
    ({"app_port": 70000}, r"app_port \(RAG_APP_PORT\) must be a port from 1 to 65535"),
])
def test_invalid_values_are_refused_with_the_field_and_the_reason(change, words):
    with pytest.raises(ValueError, match=words):
        Settings.load(**change)
    with pytest.raises(ValueError, match=words):
        Settings.load().replace(**change)


def test_environment_values_are_checked_too(monkeypatch):
    monkeypatch.setenv("RAG_CHUNK_TOKENS", "abc")
    with pytest.raises(ValueError, match=r"chunk_tokens \(RAG_CHUNK_TOKENS\) must be a whole number, got 'abc'"):
        Settings.load()
    monkeypatch.setenv("RAG_CHUNK_TOKENS", "0")
    with pytest.raises(ValueError, match="chunk_tokens"):
        Settings.load()


@pytest.mark.parametrize("name, raw, words", [
    ("RAG_SYNONYMS", "maybe", "synonyms (RAG_SYNONYMS) must be true or false (1/0, yes/no, on/off), got 'maybe'"),
    ("RAG_ANSWER", '{"lexical": 1e308}', "answer.lexical must be from -10 to 10"),
    ("RAG_ANSWER", '{"weak_below": NaN}', "answer.weak_below must be a finite number, got nan"),
    ("RAG_ANSWER", '{"dense": -Infinity}', "answer.dense must be a finite number, got -inf"),
    ("RAG_ANSWER", '{"pool": 1000000000}', "answer.pool must be at most 100"),
    ("RAG_ANSWER", '{"pool": 5.5}', "answer.pool must be a whole number"),
])
def test_nonsense_in_the_environment_is_refused_at_load(monkeypatch, name, raw, words):
    monkeypatch.setenv(name, raw)
    with pytest.raises(ValueError) as err:
        Settings.load()
    assert words in str(err.value)
    monkeypatch.setenv("RAG_SYNONYMS", "off")
    monkeypatch.delenv("RAG_ANSWER", raising=False)
    assert Settings.load().synonyms is False


def test_an_answer_setting_that_cannot_work_is_named_by_the_cli_not_as_k(settings):
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "RAG_ANSWER": '{"pool": 1000000000}'}
    out = subprocess.run([sys.executable, "-m", "rag", "ask", "What is IL-2?", "--index", str(settings.index_dir)],
                         capture_output=True, text=True, cwd=ROOT, timeout=120, env=env)
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert out.stderr == "rag ask: setting answer.pool must be at most 100, got 1000000000\n", out.stderr


def test_values_that_can_be_read_are_read_whatever_the_source(monkeypatch):
    """Text where a number goes (as flags and variables give it) is read, not compared as text (a TypeError)."""
    assert Settings.load(chunk_overlap="5").chunk_overlap == 5
    monkeypatch.setenv("RAG_K", "9")
    monkeypatch.setenv("RAG_SYNONYMS", "no")
    s = Settings.load()
    assert (s.k, s.synonyms) == (9, False)
    assert Settings.load(k=3).k == 3  # what is given beats the environment


def test_settings_are_immutable_and_a_changed_copy_is_checked_again(monkeypatch):
    monkeypatch.delenv("RAG_K", raising=False)
    s = Settings.load()
    with pytest.raises(ValueError):  # pydantic's frozen-instance error
        s.k = 9
    monkeypatch.setenv("RAG_SYNONYMS", "maybe")  # replace() does not read the environment again
    changed = s.replace(k=9, mode=None)
    assert (changed.k, changed.mode, s.k) == (9, s.mode, 5)
    with pytest.raises(TypeError, match="unknown setting 'colour'"):
        s.replace(colour="red")


def test_every_rag_variable_of_the_product_is_a_setting(monkeypatch):
    """The app's address and login are settings like the rest; OPENAI_* name the endpoint when RAG_LLM_* do not.
    No module reads a RAG_* variable of its own (the test infrastructure's PostgreSQL, tests/pgcluster.py, reads
    RAG_PG_BIN and RAG_PG_OS_USER, outside the package)."""
    import re

    for name, value in (("RAG_APP_HOST", "0.0.0.0"), ("RAG_APP_PORT", "8000"), ("RAG_APP_USER", "ann"),
                        ("RAG_APP_PASSWORD", "pw"), ("OPENAI_BASE_URL", "http://127.0.0.1:9/v1"),
                        ("OPENAI_API_KEY", "sk-openai"), ("RAG_LLM_API_KEY", "sk-rag")):
        monkeypatch.setenv(name, value)
    s = Settings.load()
    assert (s.app_host, s.app_port, s.app_user, s.app_password) == ("0.0.0.0", 8000, "ann", "pw")
    assert (s.llm_base_url, s.llm_api_key) == ("http://127.0.0.1:9/v1", "sk-rag")
    assert "pw" not in repr(s) and "sk-rag" not in repr(s)  # secrets stay out of logs (and the searchers' keys)
    reads = re.compile(r"""(?:environ\.get|environ\[|getenv)\(?\s*["'](RAG_\w+)""")
    for path in [ROOT / "app.py", *(ROOT / "rag").rglob("*.py")]:
        found = set(reads.findall(path.read_text(encoding="utf-8")))
        assert not found, (path, found)


def test_the_cli_s_flags_are_the_fields_with_the_readme_s_names_as_aliases():
    from rag.cli import build_parser

    commands = build_parser()._subparsers._group_actions[0].choices
    # Each field of a group a command takes has its flag named after it.
    search = {o for a in commands["search"]._actions for o in a.option_strings}
    assert {"--index-dir", "--corpus-dir", "--store-url", "--k", "--mode", "--per-doc", "--synonyms", "--no-synonyms",
            "--lexical-weight", "--record-chunks", "--reranker"} <= search
    # The names the README documents, as aliases.
    args = build_parser().parse_args(["build", "--corpus", "c", "--index", "i", "--store", "postgresql://h/db",
                                      "--engine", "ray", "--address", "h:6379", "--chunk-tokens", "120",
                                      "--model", "m"])
    s = Settings.from_args(args)
    assert (str(s.corpus_dir), str(s.index_dir), s.store_url, s.engine, s.ray_address, s.chunk_tokens, s.model) == (
        "c", "i", "postgresql://h/db", "ray", "h:6379", 120, "m")
    s = Settings.from_args(build_parser().parse_args(["search", "q", "-k", "3", "--mode", "bm25", "--per-doc", "0",
                                                      "--no-synonyms"]))
    assert (s.k, s.mode, s.per_doc, s.synonyms) == (3, "bm25", 0, False)


def test_the_app_s_flags_are_the_fields_too_and_every_flag_the_readme_names_works(capsys):
    import re

    sys.path.insert(0, str(ROOT))
    import app as app_module
    from rag.cli import build_parser

    s = app_module.settings_from_args(app_module.parse_args(
        ["--host", "0.0.0.0", "--port", "8000", "--user", "u", "--password", "p", "--index", "i", "--corpus", "c",
         "--store", "postgresql://h/db", "--llm-base-url", "http://x/v1", "--llm-model", "m", "--max-upload-mb", "3"]))
    assert (s.app_host, s.app_port, s.app_user, s.app_password, str(s.index_dir), str(s.corpus_dir), s.store_url,
            s.llm_base_url, s.llm_model, s.max_upload_mb) == (
        "0.0.0.0", 8000, "u", "p", "i", "c", "postgresql://h/db", "http://x/v1", "m", 3)
    assert app_module.parse_args(["--app-port", "9000"]).app_port == 9000
    # Every flag the README names is one of the CLI's or the app's (whose --help lists them); a line naming a
    # benchmark or a script speaks of that program's flags.
    with pytest.raises(SystemExit):
        app_module.parse_args(["--help"])
    flag = r"(?<![\w-])--[a-z][a-z0-9-]*"
    commands = build_parser()._subparsers._group_actions[0].choices
    known = {o for p in commands.values() for a in p._actions for o in a.option_strings}
    known |= set(re.findall(flag, capsys.readouterr().out))
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    readme = {f for line in lines if not re.search(r"benchmarks/|scripts/", line) for f in re.findall(flag, line)}
    assert len(readme) > 30 and readme <= known, sorted(readme - known)


@pytest.mark.parametrize("command", ["build", "add", "remove", "search", "ask", "outcomes", "evidence", "check",
                                     "table", "eval", "status", "sync"])
def test_every_command_s_help_works(command, capsys):
    from rag.cli import build_parser

    with pytest.raises(SystemExit) as done:
        build_parser().parse_args([command, "--help"])
    assert done.value.code == 0 and "usage: rag " + command in capsys.readouterr().out


def test_rag_k_in_the_environment_is_the_number_of_passages_of_search_and_ask(settings):
    """RAG_K=9 used to give `rag search` 5 passages (the CLI passed its own default); -k still wins."""
    import json

    env = {**os.environ, "HF_HUB_OFFLINE": "1", "RAG_K": "9"}
    question = "pembrolizumab melanoma"

    def passages(*args: str) -> list:
        out = subprocess.run([sys.executable, "-m", "rag", *args, "--index", str(settings.index_dir), "--json"],
                             capture_output=True, text=True, cwd=ROOT, timeout=300, env=env)
        assert out.returncode == 0, out.stderr
        data = json.loads(out.stdout)
        return data if args[0] == "search" else data["passages"]

    assert len(passages("search", question)) == 9
    assert len(passages("search", question, "-k", "4")) == 4
    assert len(passages("ask", "What response rates does pembrolizumab achieve in melanoma?")) == 9


def test_tuned_numbers_are_settings_overridable_by_environment(monkeypatch):
    defaults = Settings.load()
    monkeypatch.setenv("RAG_ANSWER", '{"pool": 8, "weak_below": 0.55}')
    monkeypatch.setenv("RAG_EXPANSION_WEIGHT", "0.3")
    s = Settings.load()
    assert (s.answer.pool, s.answer.weak_below, s.expansion_weight) == (8, 0.55, 0.3)
    # the fields not named keep their defaults
    assert s.answer.echo == defaults.answer.echo and s.answer.sentences_list == defaults.answer.sentences_list
    monkeypatch.setenv("RAG_ANSWER", "pool=8")
    with pytest.raises(ValueError, match=r"answer \(RAG_ANSWER\) must be a JSON object"):
        Settings.load()


def test_the_expansion_weight_reaches_the_lexical_scores(settings):
    """A query naming a drug by its brand name: its synonyms add exactly expansion_weight times their best score."""
    from rag.retrieve import get_searcher

    store = get_searcher(settings).store
    query = "Keytruda response rate"
    plain = dict(store.lexical_search(query, 50, None, synonyms=False))
    for weight in (0.1, 0.4):
        expanded = dict(store.lexical_search(query, 50, None, synonyms=True, expansion_weight=weight))
        assert expanded != plain
        gains = {cid: expanded[cid] - plain.get(cid, 0.0) for cid in expanded}
        assert max(gains.values()) > 0
        if weight == 0.1:
            low = gains
    # the added part grows linearly with the weight
    common = [cid for cid in low if cid in gains and low[cid] > 1e-6]
    assert common and all(abs(gains[c] / low[c] - 4.0) < 1e-3 for c in common)


def test_the_lexical_stage_s_own_default_weight_is_the_setting_s():
    """The stages take their defaults from no settings object (config is a leaf); the two numbers must agree."""
    from rag.lexical.synonyms import EXPANSION_WEIGHT

    assert Settings.model_fields["expansion_weight"].default == EXPANSION_WEIGHT


def test_a_build_with_a_zero_chunk_size_stops_at_once_with_the_reason(tmp_path):
    # It used to loop forever at full CPU.
    out = subprocess.run([sys.executable, "-m", "rag", "build", "--chunk-tokens", "0", "--corpus", str(tmp_path),
                          "--index", str(tmp_path / "index")], capture_output=True, text=True, cwd=ROOT, timeout=120,
                         env={**os.environ, "HF_HUB_OFFLINE": "1"})
    assert out.returncode == 1 and "chunk_tokens" in out.stderr and "Traceback" not in out.stderr


def test_paths_given_wrong_get_a_sentence(settings, tmp_path):
    a_file = tmp_path / "f.txt"
    a_file.write_text("x")
    generation = next(settings.index_dir.glob("gen-*"))
    for args, words in ((["status", "--index", str(a_file)], "is a file; give the index folder"),
                        (["status", "--index", str(generation)], "one generation inside an index"),
                        (["build", "--corpus", str(a_file), "--index", str(tmp_path / "i")],
                         "is a file; give the corpus folder")):
        out = subprocess.run([sys.executable, "-m", "rag", *args], capture_output=True, text=True, cwd=ROOT,
                             timeout=120)
        assert out.returncode == 1 and words in out.stderr and "Traceback" not in out.stderr, (args, out.stderr)


def test_the_tokeniser_fingerprint_follows_its_output(monkeypatch):
    """What makes an index rebuild when tokenising changes: a change of the stop words (as a bm25s release could
    bring) or of the rules changes the fingerprint recorded in the manifest."""
    import rag.lexical.tokens as lexical

    before = lexical.tokenizer_fingerprint()
    assert index_shape(Settings.load())["tokenizer"] == before
    lexical.tokenizer_fingerprint.cache_clear()
    monkeypatch.setattr(lexical, "_stopwords", lambda: frozenset({"the", "and", "were"}))
    try:
        assert lexical.tokenizer_fingerprint() != before
    finally:
        lexical.tokenizer_fingerprint.cache_clear()


# What the loaders make of the test files (all but PDF, whose text is pypdf's), as a digest per LOADER_VERSION.
# When this test fails, a loader's output changed: bump LOADER_VERSION in rag/load/__init__.py (existing indexes are
# then rebuilt on their next build) and add the new digest here. The study type the loader attaches
# (extra["evidence"]) is left out: its rules have their own fingerprint (rag/study_type/ classifier_fingerprint),
# which relabels an index without reloading it. (Digests up to version 6 included it: fcde7b141760ebdd for 6.)
LOADER_DIGESTS = {6: "376c60404b92d111"}


def test_a_change_of_loader_output_comes_with_a_new_loader_version():
    import dataclasses
    import hashlib
    import json

    from rag.load import LOADER_VERSION
    from rag.load import load_file

    data = ROOT / "tests" / "data"
    outputs = []
    for path in sorted(p for p in data.iterdir() if p.suffix in (".md", ".xml", ".jsonl", ".medline")):
        result = load_file(path, root=data)
        docs = [dataclasses.asdict(d) for d in result.documents]
        for d in docs:
            d["extra"] = {k: v for k, v in (d.get("extra") or {}).items() if k != "evidence"}
        outputs.append([path.name, docs, result.warnings])
    digest = hashlib.sha256(json.dumps(outputs, sort_keys=True, default=str).encode()).hexdigest()[:16]
    assert LOADER_DIGESTS.get(LOADER_VERSION) == digest, \
        f"loader output digest {digest} (LOADER_VERSION {LOADER_VERSION})"


def test_the_index_records_the_fingerprint_of_the_settings_that_shape_it(settings):
    from rag.index import current_generation, read_manifest

    manifest = read_manifest(current_generation(settings.index_dir))
    assert manifest["shape_fingerprint"] == index_fingerprint(settings)
    assert index_fingerprint(settings.replace(chunk_tokens=120)) != index_fingerprint(settings)
    assert index_fingerprint(settings.replace(k=9, lexical_weight=0.3)) == index_fingerprint(settings)
