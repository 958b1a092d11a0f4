"""The import rules, kept by tools: import-linter's contracts (pyproject.toml) and no cycle."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[1]
#: every module of the package must be named by the core contract or be one of these
COMPOSITION = {"govcrawl", "govcrawl.cli", "govcrawl.crawling", "govcrawl.demo", "govcrawl.distributed"}


def test_import_contracts_are_kept() -> None:
    linter = Path(sys.executable).with_name("lint-imports")
    proc = subprocess.run([str(linter), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    assert "Contracts: 2 kept, 0 broken" in proc.stdout


def test_every_module_is_under_a_contract() -> None:
    """A new top-level module is in the core contract's list, or it is a place that switches modes."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    [core] = [c for c in config["contracts"] if "govcrawl.distributed" in c["forbidden_modules"]]
    graph = grimp.build_graph("govcrawl")
    top = {".".join(m.split(".")[:2]) for m in graph.modules}
    assert top - COMPOSITION == set(core["source_modules"])


def test_no_import_cycle_anywhere() -> None:
    """Function-level imports count: they hid the circle run_context → distributed → run_context."""
    graph = grimp.build_graph("govcrawl", exclude_type_checking_imports=True)
    cycles = [c for c in _strongly_connected(graph) if len(c) > 1]
    assert cycles == []


def _strongly_connected(graph: grimp.ImportGraph) -> list[list[str]]:
    """Tarjan's algorithm, without recursion (the package has a few hundred modules)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(graph.modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.find_modules_directly_imported_by(child)))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                found.append(sorted(component))
    return found
