"""The shape the README promises for the product's code: every module under 500 lines, every function under 100
(measured on the files as they stand, not on a list), so that a module that grows past it is split when it does."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PRODUCT = sorted([*(ROOT / "rag").rglob("*.py"), ROOT / "app.py"])


def test_product_modules_stay_under_500_lines():
    long = {str(p.relative_to(ROOT)): n for p in PRODUCT if (n := len(p.read_text().splitlines())) >= 500}
    assert len(PRODUCT) > 100 and long == {}


def test_product_functions_stay_under_100_lines():
    long = {f"{p.relative_to(ROOT)}:{node.name}": node.end_lineno - node.lineno + 1
            for p in PRODUCT for node in ast.walk(ast.parse(p.read_text()))
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno + 1 >= 100}
    assert long == {}
