# SPDX-License-Identifier: MIT
"""regind.growth (REFERENCE-METHODS.md §A). Expected values are hand arithmetic written here,
numbers quoted in REFERENCE-METHODS.md, NumPy formulas written out in this file, or SciPy."""
from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import gmean

import regind
from regind import growth as rg

NAN = float("nan")


def quoted(published: float, tol: float):
    """A published (rounded) number, within half a unit of its last digit."""
    return pytest.approx(published, abs=tol, rel=0)


# -- A1 ----------------------------------------------------------------------------------------
def test_growth_is_a_fraction_and_nan_on_a_bad_base():
    assert rg.growth(108, 100) == pytest.approx(0.08)
    assert isinstance(rg.growth(108, 100), float)
    assert rg.growth(6341, 4888) == pytest.approx(1453 / 4888)
    assert rg.growth(-10, 100) == pytest.approx(-1.1)
    assert math.isnan(rg.growth(5, 0))
    assert math.isnan(rg.growth(5, -1))
    assert math.isnan(rg.growth(5, NAN))
    assert math.isnan(rg.growth(NAN, 5))
    out = rg.growth([110, 5, 90], [100, 0, 100])
    assert isinstance(out, np.ndarray) and out.dtype == np.float64 and out.shape == (3,)
    np.testing.assert_allclose(out, [0.1, NAN, -0.1], rtol=1e-12)


def test_cagr_matches_scipy_geometric_mean():
    assert rg.cagr(100, 121, 2) == pytest.approx(0.1)  # not REAT's −0.1975 (§A1)
    assert rg.cagr(100, 150, 0.5) == pytest.approx(1.25)
    assert math.isnan(rg.cagr(0, 100, 2)) and math.isnan(rg.cagr(100, 0, 2)) and math.isnan(rg.cagr(-1, 5, 1))
    assert math.isnan(rg.cagr(100, 121, NAN))
    # A level path 100 → 105 → 112 → 130: the CAGR is the geometric mean of the yearly factors.
    levels = np.array([100.0, 105.0, 112.0, 130.0])
    assert rg.cagr(levels[0], levels[-1], 3) == pytest.approx(gmean(levels[1:] / levels[:-1]) - 1, rel=1e-12)
    np.testing.assert_allclose(rg.cagr([100, 0], [121, 5], [2, 1]), [0.1, NAN], rtol=1e-12)


@pytest.mark.parametrize("years", [0, -1, [2, 0]])
def test_cagr_and_required_growth_reject_years_le_0(years):
    with pytest.raises(regind.InvalidInput, match=r"\[regind.invalid_input.years\] cagr: years must be > 0"):
        rg.cagr(100, 121, years)
    with pytest.raises(ValueError, match=r"\[regind.invalid_input.years\] required_growth: years must be > 0"):
        rg.required_growth(100, 121, years)


def test_required_growth_and_level_after_acceptance():
    # 工业投资 883.4 → 970 亿元 needs 970 / 883.4 − 1 = 9.8030…%.
    assert rg.required_growth(883.4, 970) == pytest.approx(970 / 883.4 - 1, rel=1e-14)
    assert rg.required_growth(883.4, 970) == quoted(0.098030, 5e-7)
    assert f"{100 * rg.required_growth(883.4, 970):.2f}%" == "9.80%"
    # 883.4 growing 10 % gives 971.74 亿元; 规上工业增加值 2594.5 growing 8 % gives 2802.06 亿元.
    assert rg.level_after(883.4, 0.10) == pytest.approx(883.4 * 1.1, rel=1e-14)
    assert rg.level_after(883.4, 0.10) == quoted(971.74, 5e-9)
    assert rg.level_after(2594.5, 0.08) == quoted(2802.06, 5e-9)
    assert rg.level_after(100, 0.1, 2) == pytest.approx(121)
    assert rg.level_after(100, 0.1, 0) == 100
    assert rg.level_after(100, -1) == 0
    assert math.isnan(rg.level_after(100, -1.5)) and math.isnan(rg.level_after(NAN, 0.1))
    assert math.isnan(rg.required_growth(0, 970))
    np.testing.assert_allclose(rg.required_growth([883.4, 100], [970, 121], [1, 2]), [970 / 883.4 - 1, 0.1])
    np.testing.assert_allclose(rg.level_after([883.4, 2594.5], [0.10, 0.08]), [971.74, 2802.06], rtol=1e-14)
    with pytest.raises(regind.InvalidInput, match=r"level_after: years must be ≥ 0, got -1"):
        rg.level_after(100, 0.1, -1)


@settings(max_examples=200, deadline=None)
@given(st.floats(1.0, 1e6), st.floats(0.2, 5.0), st.floats(1.0, 30.0))
def test_level_after_reaches_the_target_at_the_required_growth(current, ratio, years):
    target = current * ratio
    g = rg.required_growth(current, target, years)
    assert rg.level_after(current, g, years) == pytest.approx(target, rel=1e-9)


def test_prior_level_pp_change_share():
    assert rg.prior_level(110, 0.1) == pytest.approx(100)
    assert math.isnan(rg.prior_level(110, -1))
    assert rg.pp_change(0.08, 0.065) == pytest.approx(0.015)  # 1.5 pp
    np.testing.assert_allclose(rg.pp_change([0.08, 0.10], 0.065), [0.015, 0.035])
    assert rg.share(1, 4) == 0.25
    assert math.isnan(rg.share(1, 0))
    np.testing.assert_allclose(rg.share([1, 2, 3], [4, 0, 6]), [0.25, NAN, 0.5])


# -- A6 ----------------------------------------------------------------------------------------
def test_pulls_from_share_and_from_contribution():
    # pull = s · g: 2556/4888 · 877/2556 = 877/4888.
    assert rg.pull_from_growth(2556 / 4888, 877 / 2556) == pytest.approx(877 / 4888)
    # Fujian 1980: contributions 25.1/43.2/31.7 % with GDP +18.4 % → pulls 4.62/7.95/5.83 pp.
    pulls = rg.pull_from_contribution([0.251, 0.432, 0.317], 0.184)
    np.testing.assert_allclose(pulls, [0.0462, 0.0795, 0.0583], atol=5e-5, rtol=0)
    np.testing.assert_allclose(np.round(100 * pulls, 2), [4.62, 7.95, 5.83])
    # s_t = s_{t−1}(1 + g_i)/(1 + g_T): 2556/4888 → 3433/6341.
    assert rg.share_after(2556 / 4888, 3433 / 2556 - 1, 6341 / 4888 - 1) == pytest.approx(3433 / 6341)
    assert math.isnan(rg.share_after(0.5, 0.1, -1))


def test_contributions_one_part_of_4888_to_6341():
    c = rg.contributions([3433, 2908], [2556, 2332])  # the part and the rest, adding up to the total
    assert c.status == "ok"
    assert c.total_growth == pytest.approx(1453 / 4888) == quoted(0.29726, 5e-6)
    assert c.pull[0] == pytest.approx(877 / 4888) == quoted(0.17942, 5e-6)
    assert c.contribution[0] == pytest.approx(877 / 1453) == quoted(0.60358, 5e-6)
    assert c.pull_residual == pytest.approx(0, abs=1e-15)
    assert c.contribution_sum == pytest.approx(1.0) and c.contribution_residual == pytest.approx(0, abs=1e-15)
    only = rg.contributions([3433], [2556], 6341, 4888)
    assert only.pull[0] == pytest.approx(877 / 4888) and only.contribution[0] == pytest.approx(877 / 1453)
    assert only.pull_residual == pytest.approx(877 / 4888 - 1453 / 4888)
    assert only.contribution_residual == pytest.approx(877 / 1453 - 1)


def test_contributions_guangdong_2009_from_levels_and_published_growth():
    # GDP 39081.59 (+9.5 %); parts 2006.02 (+4.9 %), 19270.48 (+8.7 %), 17805.09 (+11.0 %).
    # Prior-year levels are X / (1 + g) (§A6), written out here.
    now = np.array([2006.02, 19270.48, 17805.09])
    before = now / np.array([1.049, 1.087, 1.110])
    c = rg.contributions(now, before, total_now=39081.59, total_before=39081.59 / 1.095)
    assert c.status == "ok"
    assert c.total_growth == pytest.approx(0.095)
    np.testing.assert_allclose(c.contribution, [0.0276, 0.4549, 0.5204], atol=5e-5, rtol=0)
    assert c.contribution_sum == quoted(1.0029, 5e-5)  # chained comparable-price parts: about 100 %
    assert c.contribution_residual == quoted(0.0029, 5e-5)
    np.testing.assert_allclose(c.pull, [0.00263, 0.04321, 0.04944], atol=5e-6, rtol=0)
    np.testing.assert_allclose(c.pull, c.contribution * 0.095, rtol=1e-9)  # pull = contribution · g_T
    # The residuals say the parts are not additive in the published growth: Σ pull ≠ 9.5 %.
    assert c.pull_residual == pytest.approx(0.0029 * 0.095, abs=5e-6)


def test_contributions_statuses():
    z = rg.contributions([1, -1], [0, 0])
    assert z.status == "undefined_base" and math.isnan(z.total_growth) and np.isnan(z.pull).all()
    flat = rg.contributions([6, 4], [5, 5])
    assert flat.status == "no_total_change" and flat.total_growth == 0
    np.testing.assert_allclose(flat.pull, [0.1, -0.1])
    assert np.isnan(flat.contribution).all()
    m = rg.contributions([6, NAN], [5, 5], total_now=12, total_before=10)
    assert m.status == "missing" and m.pull[0] == pytest.approx(0.1) and math.isnan(m.pull[1])
    assert set(rg.CONTRIBUTION_STATUSES) == {"ok", "undefined_base", "no_total_change", "missing"}


def test_contributions_over_regions_broadcast():
    # Two regions × two parts; the totals broadcast over the regions.
    now = [[3433, 2908], [6, 4]]
    before = [[2556, 2332], [5, 5]]
    c = rg.contributions(now, before)
    assert c.pull.shape == (2, 2) and c.total_growth.shape == (2,)
    assert list(c.status) == ["ok", "no_total_change"]
    assert c.pull[0, 1] == pytest.approx(576 / 4888)
    t = rg.contributions(now, before, total_now=[6341, 10], total_before=[4888, 10])
    assert t.contribution[0, 0] == pytest.approx(877 / 1453)
    # One set of prior levels for three years of current levels.
    b = rg.contributions(np.array([[2, 2], [3, 1], [1, 1]]), [1, 1])
    np.testing.assert_allclose(b.total_growth, [1.0, 1.0, 0.0])


def test_contributions_errors():
    with pytest.raises(regind.InvalidInput, match=r"contributions: parts_now has shape \(3,\), parts_before has shape "
                                                  r"\(2,\); these shapes do not broadcast"):
        rg.contributions([1, 2, 3], [1, 2])
    with pytest.raises(ValueError, match=r"total_now has shape \(3,\) and the parts have shape \(2, 2\)"):
        rg.contributions([[1, 2], [3, 4]], [[1, 1], [1, 1]], total_now=[1, 2, 3])
    with pytest.raises(ValueError, match=r"total_before has shape \(2,\)"):
        rg.contributions([1, 2], [1, 1], total_before=[1, 2])
    with pytest.raises(ValueError, match=r"contributions: the parts need at least one dimension"):
        rg.contributions(5, 4)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.floats(1.0, 1e5), st.floats(1.0, 1e5)), min_size=1, max_size=8))
def test_pulls_add_up_to_total_growth_for_additive_parts(pairs):
    before = np.array([p[0] for p in pairs])
    now = np.array([p[1] for p in pairs])
    c = rg.contributions(now, before)
    g_total = now.sum() / before.sum() - 1
    assert c.total_growth == pytest.approx(g_total, rel=1e-9, abs=1e-12)
    assert c.pull_sum == pytest.approx(g_total, rel=1e-9, abs=1e-9)
    assert abs(c.pull_residual) < 1e-9
    if abs(now.sum() - before.sum()) > 1e-6 * before.sum():
        assert c.status == "ok"
        assert c.contribution_sum == pytest.approx(1.0, rel=1e-6)
        np.testing.assert_allclose(c.pull, c.contribution * g_total, rtol=1e-6, atol=1e-12)


# -- A7, A8, A2 --------------------------------------------------------------------------------
def test_two_year_average_nbs_2021_q1():
    # "比2019年一季度增长10.3%，两年平均增长5.0%": sqrt(1.103) − 1 = 5.02 %.
    assert rg.two_year_average(0.0, 0.103) == pytest.approx(math.sqrt(1.103) - 1, rel=1e-14)
    assert rg.two_year_average(0.0, 0.103) == quoted(0.0502, 5e-5)
    # Chained from the published rates: 2020 Q1 −6.8 %, 2021 Q1 +18.3 % → 5.0 %.
    assert rg.two_year_average(-0.068, 0.183) == quoted(0.050, 5e-4)
    assert math.isnan(rg.two_year_average(-1.5, 0.2))
    np.testing.assert_allclose(rg.two_year_average([0.21, 0.0], [0.0, 0.44]), [0.1, 0.2])


def test_average_growth_matches_scipy_geometric_mean():
    rates = np.array([[0.05, 0.08, -0.02, 0.11], [0.183, -0.068, 0.0, 0.02]])
    np.testing.assert_allclose(rg.average_growth(rates), gmean(1 + rates, axis=1) - 1, rtol=1e-12)
    np.testing.assert_allclose(rg.average_growth(rates.T, axis=0), gmean(1 + rates, axis=1) - 1, rtol=1e-12)
    assert rg.average_growth([0.0, 0.21]) == pytest.approx(0.1)
    assert math.isnan(rg.average_growth([0.1, -2.0]))
    with pytest.raises(regind.InvalidInput, match=r"average_growth: needs at least one growth rate"):
        rg.average_growth(np.empty((2, 0)))
    with pytest.raises(regind.InvalidInput, match=r"average_growth: rates needs at least one dimension"):
        rg.average_growth(0.1)


def test_ratio_growth_and_real_vs_nominal():
    # 全员劳动生产率: value added +8 %, workers +2 % → 1.08/1.02 − 1 = 5.88 %, not 6 %.
    assert rg.ratio_growth(0.08, 0.02) == pytest.approx(1.08 / 1.02 - 1)
    assert math.isnan(rg.ratio_growth(0.08, -1))
    # Nominal +10 %, prices +4 %.
    assert rg.real_growth(0.10, 0.04) == pytest.approx(1.10 / 1.04 - 1)
    assert rg.implied_deflator(0.10, 1.10 / 1.04 - 1) == pytest.approx(0.04)
    assert rg.nominal_growth(0.05, 0.02) == pytest.approx(0.071)
    assert math.isnan(rg.real_growth(0.1, -1)) and math.isnan(rg.implied_deflator(0.1, -1))


# -- element-wise functions against NumPy formulas written here, with broadcasting -------------
def _where(cond, value):
    with np.errstate(all="ignore"):
        return np.where(cond, value, np.nan)


ORACLES = {
    "growth": (("current", "previous"), lambda c, p: _where(p > 0, c / p - 1)),
    "prior_level": (("level", "growth"), lambda x, g: _where(1 + g > 0, x / (1 + g))),
    "pp_change": (("rate_now", "rate_before"), lambda a, b: a - b),
    "share": (("part", "total"), lambda p, t: _where(t != 0, p / t)),
    "pull_from_growth": (("share_before", "growth"), lambda s, g: s * g),
    "pull_from_contribution": (("contribution", "total_growth"), lambda c, g: c * g),
    "ratio_growth": (("num_growth", "den_growth"), lambda n, d: _where(1 + d > 0, (1 + n) / (1 + d) - 1)),
    "implied_deflator": (("nominal_growth", "real_growth"), lambda n, r: _where(1 + r > 0, (1 + n) / (1 + r) - 1)),
    "real_growth": (("nominal_growth", "deflator"), lambda n, d: _where(1 + d > 0, (1 + n) / (1 + d) - 1)),
    "nominal_growth": (("real_growth", "deflator"), lambda r, d: (1 + r) * (1 + d) - 1),
    "two_year_average": (("g_prev", "g_now"),
                         lambda a, b: _where((1 + a >= 0) & (1 + b >= 0), np.sqrt(np.abs((1 + a) * (1 + b))) - 1)),
    "level_after": (("current", "growth", "years"),
                    lambda c, g, y: _where(1 + g >= 0, c * np.abs(1 + g) ** y)),
    "cagr": (("first", "last", "years"), lambda f, last, y: _where((f > 0) & (last > 0), np.abs(last / f) ** (1 / y) - 1)),
    "required_growth": (("current", "target", "years"),
                        lambda c, t, y: _where((c > 0) & (t > 0), np.abs(t / c) ** (1 / y) - 1)),
    "share_after": (("share_before", "growth", "total_growth"),
                    lambda s, g, t: _where(1 + t > 0, s * (1 + g) / (1 + t))),
}


@pytest.mark.parametrize("name", sorted(ORACLES))
def test_elementwise_broadcasts_like_numpy(name):
    names, oracle = ORACLES[name]
    rng = np.random.default_rng(7)
    shapes = [(2, 1, 3), (4, 1), (3,)][: len(names)]
    args = [rng.uniform(-1.5, 2.0, size=s) for s in shapes]
    if "years" in names:
        args[-1] = rng.uniform(0.5, 4.0, size=shapes[-1])
    args[0][0, 0, 0] = np.nan  # NaN propagates
    fn = getattr(rg, name)
    out = fn(*args)
    expected = oracle(*np.broadcast_arrays(*args))
    assert out.shape == np.broadcast_shapes(*shapes) == (2, 4, 3)
    assert np.isnan(out[0, :, 0]).all()
    np.testing.assert_allclose(out, expected, rtol=1e-12, atol=1e-15)
    # Keyword arguments by their documented names, and scalars give a float.
    assert isinstance(fn(**{n: 0.5 for n in names}), float)


@pytest.mark.parametrize("name", sorted(ORACLES))
def test_elementwise_shape_mismatch_names_both_shapes(name):
    names, _ = ORACLES[name]
    args = [np.ones(3), np.ones(2)] + [np.ones(1)] * (len(names) - 2)
    with pytest.raises(regind.InvalidInput, match=rf"\[regind.invalid_input.shape\] {name}: {names[0]} has shape "
                                                  rf"\(3,\), {names[1]} has shape \(2,\).*do not broadcast"):
        getattr(rg, name)(*args)


def test_inputs_may_be_lists_ints_and_pandas():
    import pandas as pd

    s = pd.Series([110, 121], index=["a", "b"])
    np.testing.assert_allclose(rg.growth(s, 100), [0.1, 0.21])
    np.testing.assert_allclose(rg.growth([[110]], np.array([100, 50])), [[0.1, 1.2]])
    assert rg.growth(np.empty(0), 1).shape == (0,)


# -- A4 ----------------------------------------------------------------------------------------
C = [150.0, 240.0, 330.0, 420.0, 511.2, 600.0]  # months 2 (1–2月) … 7; 2–5 made up
G = [0.05, 0.06, 0.06, 0.065, 0.065, 0.068]


def test_ytd_to_monthly_reference_numbers():
    assert 480 * 1.065 == pytest.approx(511.2)  # C_6 = P_6 (1 + G_6)
    y = rg.ytd_to_monthly(C, G)
    assert list(y.months) == [2, 3, 4, 5, 6, 7]
    assert y.cumulative_base[4] == pytest.approx(480)
    assert y.cumulative_base[5] == pytest.approx(600 / 1.068) == quoted(561.7978, 5e-5)
    assert y.monthly[5] == pytest.approx(88.8)
    assert y.monthly_base[5] == pytest.approx(600 / 1.068 - 480) == quoted(81.7978, 5e-5)
    assert y.monthly_growth[5] == pytest.approx(88.8 / (600 / 1.068 - 480) - 1) == quoted(0.085604, 5e-7)
    # §A4 check: (480 · 0.065 + 81.7978 · 0.085604) / 561.7978 = 0.068.
    assert (480 * 0.065 + y.monthly_base[5] * y.monthly_growth[5]) / y.cumulative_base[5] == pytest.approx(0.068)
    # The 1–2月 block is its own "month".
    assert y.monthly[0] == 150 and y.monthly_growth[0] == pytest.approx(0.05)
    assert y.monthly_base[0] == pytest.approx(150 / 1.05)


def test_monthly_to_ytd_by_hand_and_round_trip():
    h = rg.monthly_to_ytd([100, 60], [0.1, 0.2])
    np.testing.assert_allclose(h.cumulative, [100, 160])
    np.testing.assert_allclose(h.cumulative_base, [100 / 1.1, 100 / 1.1 + 50])
    np.testing.assert_allclose(h.cumulative_growth, [0.1, 160 / (100 / 1.1 + 50) - 1])
    # A full synthetic year: 1–2月 block, then March … December.
    x = np.array([310.0, 180, 175, 190, 200, 205, 198, 202, 210, 215, 240])
    g = np.array([0.071, 0.05, 0.062, 0.058, 0.09, 0.04, 0.066, 0.07, 0.075, 0.08, 0.061])
    y = rg.monthly_to_ytd(x, g)
    assert y.cumulative[-1] == pytest.approx(x.sum())
    assert y.cumulative_base[-1] == pytest.approx((x / (1 + g)).sum())
    back = rg.ytd_to_monthly(y.cumulative, y.cumulative_growth)
    np.testing.assert_allclose(back.monthly, x, rtol=1e-12)
    np.testing.assert_allclose(back.monthly_growth, g, rtol=1e-9)
    assert list(back.months) == list(range(2, 13))


def test_ytd_rows_broadcast_and_nan():
    y = rg.ytd_to_monthly([[100, 210], [50, 110]], [[0.0, 0.05], [0.1, 0.1]])
    np.testing.assert_allclose(y.monthly, [[100, 110], [50, 60]])
    np.testing.assert_allclose(y.monthly_growth, [[0.0, 0.1], [0.1, 0.1]], rtol=1e-12)
    same_growth = rg.ytd_to_monthly(np.ones((4, 3)).cumsum(axis=1), 0.1)  # one growth for all
    assert same_growth.monthly.shape == (4, 3)
    n = rg.ytd_to_monthly([100, NAN, 300], 0.1)
    assert np.isnan(n.monthly[1:]).all() and n.cumulative_base[2] == pytest.approx(300 / 1.1)
    m = rg.monthly_to_ytd([100, NAN, 300], 0.1)
    assert np.isnan(m.cumulative[1:]).all() and m.cumulative[0] == 100


def test_ytd_errors():
    with pytest.raises(regind.InvalidInput, match=r"at most 11 year-to-date columns \(1–2月, 3月, …, 12月\), got 12"):
        rg.ytd_to_monthly(np.ones(12), 0.1)
    with pytest.raises(regind.InvalidInput, match=r"monthly_to_ytd: a year has at most 11"):
        rg.monthly_to_ytd(np.ones((2, 12)), 0.1)
    with pytest.raises(ValueError, match=r"ytd_to_monthly: cumulative has shape \(3,\), cumulative_growth has shape "
                                         r"\(2,\)"):
        rg.ytd_to_monthly([1, 2, 3], [0.1, 0.2])
    with pytest.raises(ValueError, match=r"monthly_to_ytd: needs at least one dimension"):
        rg.monthly_to_ytd(5, 0.1)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.floats(1.0, 1e4), st.floats(-0.5, 1.0)), min_size=1, max_size=11))
def test_ytd_monthly_round_trip_and_weighted_mean_identity(months):
    x = np.array([m[0] for m in months])
    g = np.array([m[1] for m in months])
    y = rg.monthly_to_ytd(x, g)
    back = rg.ytd_to_monthly(y.cumulative, y.cumulative_growth)
    np.testing.assert_allclose(back.monthly, x, rtol=1e-9, atol=1e-9 * x.sum())
    np.testing.assert_allclose(back.monthly_base, x / (1 + g), rtol=1e-9, atol=1e-9 * x.sum())
    np.testing.assert_allclose(back.monthly_growth, g, rtol=1e-6, atol=1e-6)
    # G_m = Σ_{k≤m} (p_k / P_m) g_k  (§A4)
    p = x / (1 + g)
    weighted = np.cumsum(p * g) / np.cumsum(p)
    np.testing.assert_allclose(y.cumulative_growth, weighted, rtol=1e-9, atol=1e-12)


# -- A5 ----------------------------------------------------------------------------------------
def test_rest_of_year_reference_numbers():
    # B = 1000, P_6 = 480, C_6 = 511.2, G* = 8 %: 1080 − 511.2 = 568.8 on 1000 − 480 = 520.
    r = rg.rest_of_year_growth(0.08, 1000, 511.2, 480, month=6)
    assert r.status == "ok"
    assert r.needed == pytest.approx(568.8) and r.remaining_base == pytest.approx(520)
    assert r.value == pytest.approx(568.8 / 520 - 1) == quoted(0.093846, 5e-7)
    a = rg.rest_of_year_growth_for_amount(1080, 1000, 511.2, 480)
    assert a.status == "ok" and a.value == pytest.approx(568.8 / 520 - 1)
    # 工业投资达到970亿元 from a base of 883.4: 400 done on a prior-year 383.4.
    inv = rg.rest_of_year_growth_for_amount(970, 883.4, 400, 383.4, month=6)
    assert inv.value == pytest.approx(570 / 500 - 1)


def test_rest_of_year_statuses():
    s = rg.rest_of_year_growth_for_amount(500, 1000, 511.2, 480)
    assert s.status == "already_secured" and s.needed == pytest.approx(-11.2)
    assert s.value == pytest.approx(-11.2 / 520 - 1)  # the raw value is kept
    closed = rg.rest_of_year_growth(0.08, 1000, 1070, 1000)
    assert closed.status == "period_closed" and math.isnan(closed.value) and closed.needed == pytest.approx(10)
    assert rg.rest_of_year_growth(0.08, 1000, 1070, 995, month=12).status == "period_closed"
    assert rg.rest_of_year_growth(0.08, 1000, 1070, 1000 * (1 + 1e-12)).status == "period_closed"
    u = rg.rest_of_year_growth(0.08, 1000, 1070, 1010)
    assert u.status == "undefined" and math.isnan(u.value)
    m = rg.rest_of_year_growth(NAN, 1000, 511.2, 480)
    assert m.status == "missing" and math.isnan(m.value)
    assert set(rg.REST_STATUSES) == {"ok", "already_secured", "period_closed", "undefined", "missing"}


def test_rest_of_year_vectorised():
    r = rg.rest_of_year_growth([[0.08], [0.10]], 1000, [511.2, 1200, NAN], 480, month=6)
    assert r.value.shape == r.status.shape == (2, 3)
    assert r.status.tolist() == [["ok", "already_secured", "missing"], ["ok", "already_secured", "missing"]]
    np.testing.assert_allclose(r.value[:, 0], [568.8 / 520 - 1, (1100 - 511.2) / 520 - 1])
    np.testing.assert_allclose(r.needed[:, 1], [1080 - 1200, 1100 - 1200])
    assert np.isnan(r.value[:, 2]).all()


def test_rest_of_year_errors():
    with pytest.raises(regind.InvalidInput, match=r"rest_of_year_growth: month must be 2 \(1–2月\), 3, …, 12, got 1; "
                                                  r"January is released only with February"):
        rg.rest_of_year_growth(0.08, 1000, 511.2, 480, month=1)
    with pytest.raises(ValueError, match=r"rest_of_year_growth_for_amount: month must be .* got 13"):
        rg.rest_of_year_growth_for_amount(970, 1000, 511.2, 480, month=13)
    with pytest.raises(TypeError):
        rg.rest_of_year_growth(0.08, 1000, 511.2, 480, month=6.5)
    with pytest.raises(TypeError):
        rg.rest_of_year_growth(0.08, 1000, 511.2, 480, month=True)
    with pytest.raises(TypeError):
        rg.rest_of_year_growth(0.08, 1000, 511.2, 480, 6)  # month is keyword-only
    with pytest.raises(ValueError, match=r"full_year_base has shape \(2,\), ytd_level has shape \(3,\)"):
        rg.rest_of_year_growth(0.08, [1000, 900], [1, 2, 3], 480)


def test_core_submodule_is_registered():
    assert hasattr(regind._core, "growth")
    assert regind._core.growth.MAX_YTD_MONTHS == rg.MAX_YTD_MONTHS == 11
