# SPDX-License-Identifier: MIT
"""Notebook display: _repr_html_ and _repr_pretty_ of regind's objects."""
from __future__ import annotations

from html.parser import HTMLParser

import numpy as np
import pandas as pd
import pytest

import regind
import regind._display_core  # noqa: F401  (attaches the Region / RegionRegistry display)
from regind import _html
from regind.composite import CompositeIndex
from regind.projection import project

VOID = {"br", "meta", "img", "hr", "input", "link"}


class Page(HTMLParser):
    """Checks that tags nest properly and collects the table rows (lists of cell texts), the
    traffic-light labels with their colours and every title= hover."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.rows: list[list[str]] = []
        self.lights: list[tuple[str, str]] = []
        self.titles: list[str] = []
        self._cell: list[str] | None = None
        self._light: str | None = None
        self.feed(markup)
        self.close()
        assert self.stack == [], f"unclosed tags {self.stack}"

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("title"):
            self.titles.append(a["title"])
        if tag not in VOID:
            self.stack.append(tag)
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "span" and a.get("class") == "light":
            self._light = a["style"]

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)
        if self._light is not None:
            self.lights.append((data, self._light))
            self._light = None


class Printer:
    """The part of IPython's pretty printer that _repr_pretty_ uses."""

    def __init__(self) -> None:
        self.out = ""

    def text(self, s: str) -> None:
        self.out += s


def pretty(obj, cycle=False):
    p = Printer()
    obj._repr_pretty_(p, cycle)
    return p.out


@pytest.fixture(scope="module")
def seed():
    return regind.datasets.seed_facts()


# -- regions ------------------------------------------------------------------------------
def test_region_html_and_pretty():
    jx = regind.regions.zhejiang()["嘉兴"]
    page = Page(jx._repr_html_())
    assert ["code", "330400"] in page.rows and ["name", "嘉兴市"] in page.rows and ["parent", "330000"] in page.rows
    assert pretty(jx) == repr(jx)


def test_region_html_escapes_names():
    r = regind.Region(990001, "<b>某市</b>", name_en='"A & B"', level="city")
    markup = r._repr_html_()
    assert "<b>" not in markup and "&lt;b&gt;某市&lt;/b&gt;" in markup and "&quot;A &amp; B&quot;" in markup
    Page(markup)


def test_registry_html_lists_the_first_regions():
    reg = regind.regions.zhejiang()
    page = Page(reg._repr_html_())
    assert len(page.rows) == 1 + 15  # header + the first 15 of 102
    assert page.rows[1][:2] == ["330000", "浙江省"]
    assert "… and 87 more regions" in reg._repr_html_()  # 102 − 15
    text = pretty(reg)
    assert text.startswith(repr(reg)) and "330100  杭州市  city" in text


# -- datasets -------------------------------------------------------------------------------
def test_dataset_html_shows_facts_with_sources(seed):
    page = Page(seed._repr_html_())
    assert page.rows[0] == ["region", "period", "indicator", "measure", "value", "qualifier", "comparator", "source"]
    assert len(page.rows) == 1 + 20
    first = seed.facts()[0]
    # Fact 0 of the seed: Huzhou's rank 29 among the national top 100, document 000, span [39, 41).
    assert first.value == 29 and first.span == (39, 41)
    assert page.rows[1][0] == "湖州市" and page.rows[1][4] == "29 位" and page.rows[1][-1] == "000@39–41"
    assert any(t.startswith("document 000_c4e1fff8c860fce4 《以绿色智造掀开高质量发展崭新一页》") for t in page.titles)
    assert f"… and {len(seed) - 20} more facts" in seed._repr_html_()
    assert pretty(seed).startswith(repr(seed))


# -- target reports ---------------------------------------------------------------------------
def test_target_report_html_traffic_lights(seed):
    report = regind.track(seed.targets(region="湖州", period="2016"), seed, as_of="2016")
    page = Page(report._repr_html_())
    table = [r for r in page.rows if len(r) == len(_html.TARGET_HEADER)]
    assert table[0] == list(_html.TARGET_HEADER)
    assert len(table) == 1 + 14
    statuses = [r[_html.TARGET_HEADER.index("status")] for r in table[1:]]
    # Huzhou 2016 (text report): 6 achieved, 2 missed, 6 without data.
    assert statuses.count("achieved") == 6 and statuses.count("missed") == 2 and statuses.count("no_data") == 6
    colour_of = {label: style for label, style in page.lights if label in ("achieved", "missed", "no_data")}
    assert _html.LIGHT_COLOURS["green"] in colour_of["achieved"]
    assert _html.LIGHT_COLOURS["red"] in colour_of["missed"]
    assert _html.LIGHT_COLOURS["grey"] in colour_of["no_data"]
    # The 三百计划 investment: 247.8 of 300 亿元 = 82.6 % done, observed in document 001.
    row = next(r for r in table if r[0] == "工业投资“三百计划”完成投资")
    assert row[_html.TARGET_HEADER.index("completion %")] == "82.6"
    assert row[_html.TARGET_HEADER.index("observed")] == "247.8 亿元 (2016)"
    assert any("document 001_0e7ef2388a968c5b" in t and "4255–4260" in t for t in page.titles)
    assert pretty(report) == repr(report) + "\n" + str(report).rstrip()
    assert pretty(report, cycle=True) == repr(report)


def test_target_rows_name_the_base_source(seed):
    report = regind.track(seed.targets(region="嘉兴", period="2022", indicator="va_industry"), seed, as_of="2022")
    rows = _html.target_rows(report, seed, inline_sources=True)
    base = rows[0][_html.TARGET_HEADER.index("base")]
    fact = seed.query(region="嘉兴", indicator="va_industry", period="2021", measure="level").facts()[0]
    assert fact.value == 2594.5
    assert f"002@{fact.span[0]}–{fact.span[1]}" in base.raw and "2,594.5 亿元 (2021)" in base.raw
    implied = rows[0][_html.TARGET_HEADER.index("implies")]
    assert implied.text == "≥ 2,802.06 亿元"  # 2594.5 × 1.08


# -- projections, composite indices, uncertainty ------------------------------------------------
def test_projection_html():
    p = project([100, 108, 117, 125, 136, 146], [2016, 2017, 2018, 2019, 2020, 2021], horizon=2)
    page = Page(p._repr_html_())
    assert page.rows[0] == ["period", "mean", "median", "lower", "upper"]
    assert [r[0] for r in page.rows[1:]] == ["2022", "2023"]
    assert page.rows[1][1] == f"{p.mean[0]:,.4f}".rstrip("0").rstrip(".")
    assert "loglinear" in p._repr_html_()
    assert pretty(p).startswith(repr(p))


def test_projection_html_shows_notes():
    p = project([100.0, 150.0], [2016, 2021], method="linear")
    assert p.status == "insufficient_data"
    markup = p._repr_html_()
    Page(markup)
    assert "insufficient_data" in markup and "Note:" in markup


def small_index():
    idata = pd.DataFrame({"uCode": ["HZ", "JX", "NB"], "uName": ["湖州", "嘉兴", "<宁波>"],
                          "x1": [1.0, 2.0, 3.0], "x2": [30.0, 10.0, 20.0]})
    imeta = pd.DataFrame({"Level": [1, 1, 2], "iCode": ["x1", "x2", "Index"], "Parent": ["Index", "Index", None],
                          "Direction": [1, 1, 1], "Weight": [1.0, 1.0, 1.0],
                          "Type": ["Indicator", "Indicator", "Aggregate"]})
    return CompositeIndex.from_coinr(idata, imeta)


def test_composite_html_before_and_after_aggregation():
    ci = small_index()
    assert "Not aggregated yet" in ci._repr_html_()
    ci.normalise(method="n_minmax", l_u=(1, 100)).aggregate()
    markup = ci._repr_html_()
    page = Page(markup)
    results = [r for r in page.rows if r and r[0] in ("uCode", "HZ", "JX", "NB")]
    # min-max 1–100, mean: 宁波 (100 + 50.5)/2 = 75.25, 湖州 50.5, 嘉兴 25.75.
    assert [r[0] for r in results[1:]] == ["NB", "HZ", "JX"]
    assert results[1][1] == "<宁波>" and "&lt;宁波&gt;" in markup
    assert pretty(ci).startswith(repr(ci))


def test_uncertainty_html():
    ci = small_index().normalise(method="n_minmax", l_u=(1, 100)).aggregate()
    ua = regind.uncertainty.uncertainty(ci, n=30, seed=1, aggregation=["a_amean", "a_gmean"])
    page = Page(ua._repr_html_())
    header = page.rows[0]
    assert header == ["uCode", "nominal", "mean", "median", "q05", "q95"]
    assert [r[0] for r in page.rows[1:]] == ["NB", "HZ", "JX"]  # by nominal rank
    assert pretty(ua).startswith(repr(ua))


# -- building blocks -----------------------------------------------------------------------------
def test_table_escapes_every_cell_and_title():
    markup = _html.table(["<h>"], [[_html.Cell("<x>", title='"t"<')], ["a&b"]])
    assert "<h>" not in markup and "&lt;h&gt;" in markup and "&lt;x&gt;" in markup
    assert 'title="&quot;t&quot;&lt;"' in markup and "a&amp;b" in markup
    Page(markup)


def test_numbers_and_sources():
    assert _html.num(2594.5) == "2,594.5" and _html.num(float("nan")) == "–" and _html.num(3.0) == "3"
    assert _html.source_short("002_0aa44b95e84d5610", (227, 232)) == "002@227–232"
    assert _html.source_short("", None) == "–"
    assert _html.light("behind", "yellow").render().count("#f9a825") == 1
    assert _html.cell(np.int64(330400)).render() == '<td class="num">330400</td>'  # a code, not 330,400
    assert _html.cell(pd.NA).render() == '<td class="muted">–</td>'
    assert _html.cell(1234.5).render() == '<td class="num">1,234.5</td>'
