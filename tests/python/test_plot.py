# SPDX-License-Identifier: MIT
"""regind.plot: each chart renders to PNG without missing glyphs and draws what its data says."""
from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest

pytest.importorskip("matplotlib", reason="regind.plot needs matplotlib (requirements-dev.txt, regind[plot])")

import matplotlib.colors as mcolors  # noqa: E402
from matplotlib.collections import LineCollection, PolyCollection  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402

import regind  # noqa: E402
from regind import plot  # noqa: E402
from regind._html import LIGHT_COLOURS  # noqa: E402
from regind.composite import CompositeIndex  # noqa: E402

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def render(ax, path):
    """Saves the chart as PNG and returns the glyph warnings matplotlib gave while drawing."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ax.figure.savefig(path, format="png", dpi=80)
    data = path.read_bytes()
    assert data[:8] == PNG_MAGIC and len(data) > 5000
    return [str(w.message) for w in caught if "missing from font" in str(w.message)]


def texts(ax):
    from matplotlib.text import Text

    return [t.get_text() for t in ax.findobj(Text)]


@pytest.fixture(scope="module", autouse=True)
def cjk_font_installed():
    if plot.cjk_font() is None:
        pytest.fail("no CJK font for Chinese labels: run scripts/install-system-deps.sh (fonts-noto-cjk)")


@pytest.fixture()
def huzhou_2016():
    ds = regind.datasets.seed_facts()
    return regind.track(ds.targets(region="湖州", period="2016"), ds, as_of="2016")


def tiny_index():
    """Three cities, two indicators; min-max 0–100 then the arithmetic mean gives by hand
    x1 → 0, 50, 100 and x2 → 100, 0, 50, so Index = 50, 25, 75."""
    idata = pd.DataFrame({"uCode": ["HZ", "JX", "NB"], "uName": ["湖州", "嘉兴", "宁波"],
                          "x1": [1.0, 2.0, 3.0], "x2": [30.0, 10.0, 20.0]})
    imeta = pd.DataFrame({"Level": [1, 1, 2], "iCode": ["x1", "x2", "Index"], "iName": ["工业投资", "增加值", "指数"],
                          "Parent": ["Index", "Index", None], "Direction": [1, 1, 1], "Weight": [1.0, 1.0, 1.0],
                          "Type": ["Indicator", "Indicator", "Aggregate"]})
    return CompositeIndex.from_coinr(idata, imeta).normalise(method="n_minmax", l_u=(0, 100)).aggregate()


# -- fan chart ------------------------------------------------------------------------------
def test_fan_chart_bands_target_and_probability(tmp_path):
    import statsmodels.api as sm
    from scipy import stats

    years = np.arange(2016, 2022, dtype=float)
    y = np.array([100, 108, 117, 125, 136, 146], dtype=float)
    ax = plot.fan_chart(y, years, method="loglinear", horizon=4, levels=(0.5, 0.8, 0.95), target=190,
                        unit="亿元", title="规上工业增加值")
    assert render(ax, tmp_path / "fan.png") == []

    # Independent oracle: OLS of ln y on the year, Student-t predictive at 2025.
    fit = sm.OLS(np.log(y), sm.add_constant(years)).fit()
    pred = fit.get_prediction(np.array([[1.0, 2025.0]]))
    se = math.sqrt(float(pred.se_mean[0]) ** 2 + fit.scale)
    prob = float(stats.t.sf((math.log(190) - float(pred.predicted_mean[0])) / se, df=len(y) - 2))
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert any(f"P(reach by 2025) = {100 * prob:.1f}%" in t for t in legend), legend

    bands = [c for c in ax.collections if isinstance(c, PolyCollection)]
    assert len(bands) == 3
    frame = pred.summary_frame(alpha=0.05)
    widest_top = max(v[1] for v in bands[0].get_paths()[0].vertices if v[0] == 2025.0)
    assert widest_top == pytest.approx(math.exp(float(frame["obs_ci_upper"].iloc[0])), rel=1e-9)
    lines = {tuple(line.get_ydata()) for line in ax.get_lines() if len(line.get_ydata())}
    assert tuple(y) in lines  # the published series
    assert (190.0, 190.0) in lines  # the target line


def test_fan_chart_two_points_has_no_interval(tmp_path):
    ax = plot.fan_chart([1000.0, 1500.0], ["2016", "2021"], method="cagr", horizon=4, target=2000.0)
    assert render(ax, tmp_path / "cagr.png") == []
    assert not [c for c in ax.collections if isinstance(c, PolyCollection)]
    legend = " ".join(t.get_text() for t in ax.get_legend().get_texts())
    assert "P(reach by 2025) not available" in legend
    # 1000 → 1500 over 5 years, 4 more years at the same rate: 1500 · 1.5^(4/5).
    projected = [line for line in ax.get_lines() if line.get_linestyle() == "--"][0]
    assert projected.get_ydata()[-1] == pytest.approx(1500 * 1.5 ** 0.8)


def test_fan_chart_needs_a_level():
    with pytest.raises(ValueError, match="levels"):
        plot.fan_chart([1.0, 2.0, 3.0], [1, 2, 3], levels=())


# -- target progress -------------------------------------------------------------------------
def test_target_progress_bars_against_time_progress(tmp_path, huzhou_2016):
    ax = plot.target_progress(huzhou_2016)
    assert render(ax, tmp_path / "progress.png") == []
    bars = [p for p in ax.patches if isinstance(p, Rectangle) and p.get_height() > 0 and p.get_width() > 0]
    # Five of Huzhou's 2016 targets are amounts with a result, by hand:
    # 247.8/300, 1198/1000, 133/200, 15.4/10, 2618/1000.
    expected = sorted([100 * 247.8 / 300, 100 * 1198 / 1000, 100 * 133 / 200, 100 * 15.4 / 10, 100 * 2618 / 1000])
    assert sorted(b.get_width() for b in bars) == pytest.approx(expected, abs=0.05)
    red = mcolors.to_rgba(LIGHT_COLOURS["red"])
    missed = sorted(b.get_width() for b in bars if b.get_facecolor() == red)
    assert missed == pytest.approx([66.5, 82.6], abs=0.05)  # below 100 %: missed
    ticks = [c for c in ax.collections if isinstance(c, LineCollection)][0]
    assert len(ticks.get_segments()) == 5
    assert all(seg[0][0] == 100.0 for seg in ticks.get_segments())  # a whole year: 时序进度 100 %
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert "新增工业机器人应用数 (2016)" in labels


def test_target_progress_without_completion_says_so(tmp_path):
    ds = regind.datasets.seed_facts()
    report = regind.track(ds.targets(region="嘉兴", period="2022"), ds, as_of="2022")
    ax = plot.target_progress(report)
    assert render(ax, tmp_path / "none.png") == []
    assert not [p for p in ax.patches if isinstance(p, Rectangle) and p.get_width() > 0 and p.get_height() > 0]
    assert any("no target has a completion rate" in t for t in texts(ax))
    assert f"{len(report)} target(s) without a completion rate" in ax.get_xlabel()


# -- rank bump chart -------------------------------------------------------------------------
def test_rank_bump_lines_follow_the_ranks(tmp_path):
    ranks = pd.DataFrame({"2016": [8.0, 2.0, np.nan], "2021": [5.0, 3.0, 1.0], "2024": [7.0, np.nan, 4.0]},
                         index=["湖州", "嘉兴", "宁波"])
    ax = plot.rank_bump(ranks, title="规上工业增加值排名")
    assert render(ax, tmp_path / "bump.png") == []
    lines = ax.get_lines()
    assert len(lines) == 3
    assert [list(line.get_ydata()) for line in lines] == [[8.0, 5.0, 7.0], [2.0, 3.0], [1.0, 4.0]]
    assert list(lines[1].get_xdata()) == [0.0, 1.0]  # 嘉兴 has no 2024 rank
    bottom, top = ax.get_ylim()
    assert bottom > top  # rank 1 at the top
    assert "湖州 (7)" in texts(ax) and "宁波 (4)" in texts(ax)


def test_rank_bump_labels_panel_regions_with_names(tmp_path):
    from regind.dataset import Panel

    panel = Panel(np.array([[3.0, 2.0], [7.0, 6.0]]), [330400, 330500], ["2021", "2024"], "位")
    ax = plot.rank_bump(panel)
    assert render(ax, tmp_path / "panel.png") == []
    assert [line.get_label() for line in ax.get_lines()] == ["嘉兴市", "湖州市"]


def test_rank_bump_refuses_other_input():
    with pytest.raises(ValueError, match="DataFrame"):
        plot.rank_bump([[1, 2], [2, 1]])


# -- composite scores -------------------------------------------------------------------------
def test_composite_scores_bars_and_strengths(tmp_path):
    ci = tiny_index()
    ax = plot.composite_scores(ci)
    assert render(ax, tmp_path / "composite.png") == []
    bars = [p for p in ax.patches if isinstance(p, Rectangle) and p.get_height() > 0 and p.get_width() > 0]
    assert [b.get_width() for b in sorted(bars, key=lambda b: b.get_y())] == pytest.approx([75.0, 50.0, 25.0])
    assert [t.get_text() for t in ax.get_yticklabels()] == ["宁波", "湖州", "嘉兴"]
    # 宁波 (x1 = 3, best; x2 = 20, second): its strength is 工业投资, its weakness 增加值.
    assert any(t.startswith("75.0  强: 工业投资  弱: 增加值") for t in texts(ax)), texts(ax)


def test_composite_scores_needs_aggregation():
    idata = pd.DataFrame({"uCode": ["a", "b"], "x1": [1.0, 2.0]})
    imeta = pd.DataFrame({"Level": [1, 2], "iCode": ["x1", "Index"], "Parent": ["Index", None], "Direction": [1, 1],
                          "Weight": [1.0, 1.0], "Type": ["Indicator", "Aggregate"]})
    with pytest.raises(ValueError, match="aggregate"):
        plot.composite_scores(CompositeIndex.from_coinr(idata, imeta))


# -- rank intervals --------------------------------------------------------------------------
def test_rank_intervals_from_a_frame(tmp_path):
    frame = pd.DataFrame({"nominal": [2.0, 1.0, 3.0], "median": [2.0, 1.0, 2.5], "q05": [1.0, 1.0, 2.0],
                          "q95": [3.0, 2.0, 3.0]}, index=pd.Index(["b", "a", "c"], name="uCode"))
    ax = plot.rank_intervals(frame, names={"a": "杭州", "b": "宁波", "c": "温州"})
    assert render(ax, tmp_path / "intervals.png") == []
    segments = [c for c in ax.collections if isinstance(c, LineCollection)][0].get_segments()
    assert [(s[0][0], s[1][0]) for s in segments] == [(1.0, 2.0), (1.0, 3.0), (2.0, 3.0)]  # by nominal rank
    assert [t.get_text() for t in ax.get_yticklabels()] == ["杭州", "宁波", "温州"]


def test_rank_intervals_from_an_uncertainty_result(tmp_path):
    ci = tiny_index()
    ua = regind.uncertainty.uncertainty(ci, n=40, seed=3, aggregation=["a_amean", "a_gmean"],
                                        normalisation=[{"method": "n_minmax", "l_u": (1, 100)}, "n_rank"])
    ax = plot.rank_intervals(ua, names={"HZ": "湖州", "JX": "嘉兴", "NB": "宁波"})
    assert render(ax, tmp_path / "ua.png") == []
    segments = [c for c in ax.collections if isinstance(c, LineCollection)][0].get_segments()
    assert len(segments) == 3
    nominal = [line for line in ax.get_lines() if line.get_marker() == "D"][0]
    assert list(nominal.get_xdata()) == [1.0, 2.0, 3.0]  # 宁波 75, 湖州 50, 嘉兴 25


def test_rank_intervals_refuses_a_frame_without_quantiles():
    with pytest.raises(ValueError, match="q05"):
        plot.rank_intervals(pd.DataFrame({"nominal": [1.0], "median": [1.0]}))


# -- SVG --------------------------------------------------------------------------------------
def test_to_svg_is_an_inline_element_with_text_as_paths():
    ax = plot.rank_bump(pd.DataFrame({"2021": [1.0], "2024": [2.0]}, index=["湖州"]))
    svg = plot.to_svg(ax)
    assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>")
    assert "<metadata>" not in svg and "<?xml" not in svg
    assert "<text" not in svg  # glyphs are paths: the page needs no font
