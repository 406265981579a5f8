"""The import graph of the package is the pipeline: imports go down the stage order only, and no module
imports itself back through others (no cycles), counting imports inside functions too.

The stage order is `STAGES` below (the same as docs/architecture.md); a module's stage is its package
(`cdsdsl/<stage>/...`).  Imports under ``if TYPE_CHECKING:`` are for type checkers only and not counted.
"""
from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parents[1] / "cdsdsl"

#: lowest first: a module may import its own stage and the stages before it
STAGES = ["text", "diagnostics", "files", "syntax", "semantics", "checks", "evaluate", "scoring", "rulesets",
          "dataentry", "reports", "verify", "sql", "compare", "web", "cli"]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PKG.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def stage_of(module: str) -> str:
    parts = module.split(".")
    if module == "cdsdsl.__main__":  # `python -m cdsdsl` runs the CLI
        return "cli"
    # `cdsdsl` itself: the public facade
    return parts[1] if len(parts) > 1 and parts[1] in STAGES else "api"


def _type_checking_only(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def imports_of(path: Path, modules: set[str]) -> dict[str, int]:
    """The cdsdsl modules `path` imports (anywhere in it), with the line of the first import."""
    return imports_in(path.read_text(encoding="utf-8"), module_name(path), path.name == "__init__.py", modules)


def imports_in(text: str, me: str, is_package: bool, modules: set[str]) -> dict[str, int]:
    package = me if is_package else me.rpartition(".")[0]
    found: dict[str, int] = {}

    def add(name: str, line: int) -> None:
        # `from cdsdsl.syntax import nodes` imports cdsdsl.syntax.nodes; `from cdsdsl.x import f` cdsdsl.x
        while name and name not in modules:
            name = name.rpartition(".")[0]
        if name and name != me:
            found.setdefault(name, line)

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _type_checking_only(child):
                for sub in child.orelse:
                    visit(sub)
                continue
            if isinstance(child, ast.Import):
                for alias in child.names:
                    if alias.name.startswith("cdsdsl"):
                        add(alias.name, child.lineno)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    parent = package.split(".")
                    parent = parent[:len(parent) - (child.level - 1)]
                    base = ".".join(parent + ([base] if base else []))
                if base.startswith("cdsdsl"):
                    for alias in child.names:
                        full = f"{base}.{alias.name}"
                        add(full if full in modules else base, child.lineno)
            visit(child)

    visit(ast.parse(text))
    return found


def graph() -> dict[str, dict[str, int]]:
    files = {module_name(p): p for p in PKG.rglob("*.py")}
    return {m: imports_of(p, set(files)) for m, p in files.items()}


def test_every_package_is_a_declared_stage():
    stages = {p.name for p in PKG.iterdir() if (p / "__init__.py").is_file()}
    assert stages == set(STAGES), "a new package needs its place in STAGES (and in docs/architecture.md)"


def test_imports_only_go_down_the_stages():
    # the public facade (`cdsdsl/__init__.py`, which imports lazily by name) sits under the CLI, which may use it
    order = {s: i for i, s in enumerate(STAGES)} | {"api": STAGES.index("cli") - 0.5}
    upward = [f"{m} (stage {stage_of(m)}) imports {t} (stage {stage_of(t)}) at line {line}"
              for m, targets in graph().items() for t, line in targets.items()
              if order[stage_of(t)] > order[stage_of(m)]]
    assert upward == []


def test_no_import_cycles():
    g = graph()
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1 on the stack, 2 done
    stack: list[str] = []

    def walk(m: str) -> None:
        state[m] = 1
        stack.append(m)
        for t in sorted(g.get(m, {})):
            if state.get(t) == 1:
                cycles.append(stack[stack.index(t):] + [t])
            elif t not in state:
                walk(t)
        stack.pop()
        state[m] = 2

    for m in sorted(g):
        if m not in state:
            walk(m)
    assert [" -> ".join(c) for c in cycles] == []


def test_the_checker_sees_imports_inside_functions():
    """The graph counts an import written inside a function or a relative one, not one under TYPE_CHECKING."""
    text = ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from cdsdsl.cli import common\n"
            "def f():\n    from cdsdsl.verify import audit\n    from ..evaluate.runtime import x\n")
    modules = {"cdsdsl.cli.common", "cdsdsl.verify.audit", "cdsdsl.verify", "cdsdsl.cli", "cdsdsl.evaluate",
               "cdsdsl.evaluate.runtime", "cdsdsl.text.probe"}
    got = imports_in(text, "cdsdsl.text.probe", False, modules)
    assert got == {"cdsdsl.verify.audit": 5, "cdsdsl.evaluate.runtime": 6}
