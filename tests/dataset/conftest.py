"""Run trees and builds shared by the dataset tests."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from govcrawl.dataset import BuildOptions, BuildResult, build_dataset
from govcrawl.dataset.plan import Filters
from tests.dataset.runtree import RunTree

#: words to make bodies of: articles written from them share words, not sentences
WORDS = ("会议", "强调", "推进", "发展", "建设", "工作", "全市", "乡村", "振兴", "项目", "群众", "服务", "企业",
         "经济", "生态", "环境", "教育", "医疗", "交通", "安全", "督查", "部署", "落实", "改革", "创新", "文化",
         "旅游", "农业", "产业", "社区", "治理", "防汛", "消防", "就业", "民生", "投资", "招商", "考察", "调研")


def body(seed: int, sentences: int = 12) -> str:
    """A body of its own: different seeds give articles that share words but no passage."""
    rng = random.Random(seed)
    lines = ["".join(rng.choice(WORDS) for _ in range(rng.randint(8, 14))) + "。" for _ in range(sentences)]
    return "\n".join(lines)


@pytest.fixture
def tree(tmp_path: Path) -> RunTree:
    return RunTree(tmp_path / "exports")


def build(tree: RunTree, out: Path, **options) -> BuildResult:
    """Build ``out`` from the tree, with ``Filters`` fields and build options as keywords."""
    filter_names = set(Filters.__dataclass_fields__)
    filters = Filters(**{k: v for k, v in options.items() if k in filter_names})
    rest = {k: v for k, v in options.items() if k not in filter_names}
    return build_dataset(BuildOptions(exports=tree.root, out=out, filters=filters, **rest))
