"""Document text in every Markdown output is text: rendered by a CommonMark renderer, a notice's
``<script>``, links, emphasis or entities come out as the characters printed, never as markup."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from click.testing import CliRunner
from markdown_it import MarkdownIt

from dutygraph.cli import main

HOSTILE_UNITS = [
    "</script><script>alert(1)</script>委",
    "<img src=x onerror=alert(2)>办",
    "[点我](javascript:alert(3))局",
    "*强调*局",
    "`代码`局",
    "~~删除~~局",
    "前![图](x.png)局",
]
NOTICE = """湖州市人民政府办公室关于印发2019年重点工作责任分解的通知
湖政办发〔2019〕9号
一、推进改革
{tasks}
湖州市人民政府办公室
2019年2月27日
"""


def _notice(tmp_path: Path) -> Path:
    tasks = "\n".join(
        f"{k}.第{k}项工作。\n责任单位：{unit}、市财政局" for k, unit in enumerate(HOSTILE_UNITS, start=1)
    )
    path = tmp_path / "notice.txt"
    path.write_text(NOTICE.format(tasks=tasks), encoding="utf-8")
    return path


def _renderer() -> MarkdownIt:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def _tokens(tokens: list[Any]) -> list[Any]:
    out = []
    for token in tokens:
        out.append(token)
        out += _tokens(token.children or [])
    return out


def _assert_only_text(markdown: str, names: list[str]) -> None:
    tokens = _tokens(_renderer().parse(markdown))
    kinds = {t.type for t in tokens}
    assert "html_inline" not in kinds and "html_block" not in kinds
    assert "code_inline" not in kinds and "s_open" not in kinds
    emphasised = [tokens[k + 1].content for k, t in enumerate(tokens) if t.type == "em_open"]
    assert set(emphasised) <= {"(no rows)"}, emphasised  # the report's own note, nothing of a notice
    hrefs = [t.attrGet("href") for t in tokens if t.type == "link_open"]
    images = [t.attrGet("src") for t in tokens if t.type == "image"]
    assert all(h in ("network.html",) for h in hrefs), hrefs
    assert all(src in ("top-loads.png", "network.png") for src in images), images
    text = "".join(t.content for t in tokens if t.type == "text")
    for name in names:
        assert name.replace(" ", "") in text.replace(" ", ""), name


def test_report_md_renders_document_text_as_text(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["run", str(_notice(tmp_path)), "--store", str(tmp_path / "s"), "--out", str(tmp_path / "out")]
    )
    assert result.exit_code == 0, result.output
    markdown = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    _assert_only_text(markdown, HOSTILE_UNITS)
    html = _renderer().render(markdown)
    assert "<script>" not in html and "<img src=x" not in html and 'href="javascript' not in html


def test_markdown_tables_render_document_text_as_text(tmp_path: Path) -> None:
    runner = CliRunner()
    store = ["--store", str(tmp_path / "s")]
    assert runner.invoke(main, ["load", str(_notice(tmp_path)), *store]).exit_code == 0
    for command in (["report", "workload"], ["report", "clusters"], ["docs"]):
        result = runner.invoke(main, [*command, *store, "--format", "markdown"])
        assert result.exit_code == 0, result.output
        _assert_only_text(result.output, HOSTILE_UNITS if command[-1] == "workload" else [])
