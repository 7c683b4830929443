# SPDX-License-Identifier: MIT
"""regind.projection against independent oracles: statsmodels OLS / Holt / ETSModel and
scipy computed here, R forecast::ets results shipped with statsmodels
(statsmodels/tsa/tests/results/fit_ets_results_nonseasonal.json), and hand arithmetic."""
from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import scipy.stats
import statsmodels
import statsmodels.api as sm
from hypothesis import example, given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose
from statsmodels.tsa.exponential_smoothing.ets import ETSModel
from statsmodels.tsa.holtwinters import ExponentialSmoothing, Holt

import regind
from regind.projection import (
    BatchProjection,
    Projection,
    beta_r_from_star,
    beta_star_from_r,
    ets_relative_variance,
    project,
    project_batch,
)

# fpp2 oildata 1965–2013, livestock 1970–2000 and ausair 1990–2004, as typed in statsmodels' tests.
OILDATA = np.array([
    111.0091346, 130.8284341, 141.2870879, 154.2277747, 162.7408654, 192.1664835, 240.7997253, 304.2173901,
    384.0045673, 429.6621566, 359.3169299, 437.2518544, 468.4007898, 424.4353365, 487.9794299, 509.8284478,
    506.3472527, 340.1842374, 240.2589210, 219.0327876, 172.0746632, 252.5900922, 221.0710774, 276.5187735,
    271.1479517, 342.6186005, 428.3558357, 442.3945534, 432.7851482, 437.2497186, 437.2091599, 445.3640981,
    453.1950104, 454.4096410, 422.3789058, 456.0371217, 440.3866047, 425.1943725, 486.2051735, 500.4290861,
    521.2759092, 508.9476170, 488.8888577, 509.8705750, 456.7229123, 473.8166029, 525.9508706, 549.8338076,
    542.3404698])
LIVESTOCK = np.array([
    263.917747, 268.307222, 260.662556, 266.639419, 277.515778, 283.834045, 290.309028, 292.474198, 300.830694,
    309.286657, 318.331081, 329.37239, 338.883998, 339.244126, 328.600632, 314.255385, 314.459695, 321.413779,
    329.789292, 346.385165, 352.297882, 348.370515, 417.562922, 417.12357, 417.749459, 412.233904, 411.946817,
    394.697075, 401.49927, 408.270468, 414.2428])
AUSAIR = np.array([
    17.5534, 21.8601, 23.8866, 26.9293, 26.8885, 28.8314, 30.0751, 30.9535, 30.1857, 31.5797, 32.577569,
    33.477398, 39.021581, 41.386432, 41.596552])
GDP_LIKE = np.array([100, 108, 117, 125, 136, 146], dtype=float)
YEARS = np.arange(2016, 2022, dtype=float)

R_RESULTS = Path(statsmodels.__file__).parent / "tsa" / "tests" / "results" / "fit_ets_results_nonseasonal.json"


@pytest.fixture(scope="module")
def r_ets() -> dict[str, dict]:
    """R forecast::ets on oildata: {"ANN", "AAN", "AAdN"} → results (fit_ets.R)."""
    raw = json.loads(R_RESULTS.read_text(encoding="utf-8"))
    return {"ANN": raw["FALSE"]["ANN"], "AAN": raw["FALSE"]["AAN"], "AAdN": raw["TRUE"]["AAN"]}


def r_params(res: dict, model: str) -> dict[str, float]:
    p = {"alpha": res["alpha"][0], "initial_level": res["initstate"][0]}
    if model != "ANN":
        p["beta"] = res["beta"][0]
        p["initial_trend"] = res["initstate"][1]
    if model == "AAdN":
        p["phi"] = res["phi"][0]
    return p


def ols_oracle(y, t, t_new, alpha, log):
    z = np.log(y) if log else np.asarray(y, dtype=float)
    fit = sm.OLS(z, sm.add_constant(np.asarray(t, dtype=float))).fit()
    pred = fit.get_prediction(sm.add_constant(np.asarray(t_new, dtype=float), has_constant="add"))
    return fit, pred, pred.summary_frame(alpha=alpha)


# -- C2: OLS trends against statsmodels -----------------------------------------------------------------
@pytest.mark.parametrize("log", [False, True])
@pytest.mark.parametrize("level", [0.8, 0.95, 0.99])
@pytest.mark.parametrize("y,t", [
    (GDP_LIKE, YEARS),
    (GDP_LIKE, None),
    (LIVESTOCK, np.arange(1970, 2001, dtype=float)),
    (np.array([5.0, 4.2, 4.4, 3.1, 2.9]), np.array([2015.0, 2016, 2018, 2019, 2021])),
])
def test_ols_matches_statsmodels(y, t, level, log):
    horizon = 4
    p = project(y, t, method="loglinear" if log else "linear", horizon=horizon, level=level)
    tt = np.arange(len(y), dtype=float) if t is None else t
    t_new = tt[-1] + np.arange(1, horizon + 1)
    fit, pred, sf = ols_oracle(y, tt, t_new, 1 - level, log)
    assert p.status == "ok" and p.method == ("loglinear" if log else "linear")
    assert_allclose(p.periods, t_new, rtol=0)
    if log:
        assert_allclose(p.median, np.exp(sf["mean"]), rtol=1e-9)
        assert_allclose(p.lower, np.exp(sf["obs_ci_lower"]), rtol=1e-9)
        assert_allclose(p.upper, np.exp(sf["obs_ci_upper"]), rtol=1e-9)
        se = np.asarray(pred.se_obs)
        assert_allclose(p.mean, np.exp(sf["mean"] + se**2 / 2), rtol=1e-9)
        assert_allclose(p.mean_taylor, np.exp(sf["mean"]) * (1 + se**2 / 2), rtol=1e-9)
        assert_allclose(p.fitted, np.exp(fit.fittedvalues), rtol=1e-9)
        assert p.params["trend_growth"] == pytest.approx(math.expm1(fit.params[1]), rel=1e-9)
    else:
        assert_allclose(p.mean, sf["mean"], rtol=1e-9)
        assert_allclose(p.median, sf["mean"], rtol=1e-9)
        assert_allclose(p.lower, sf["obs_ci_lower"], rtol=1e-9)
        assert_allclose(p.upper, sf["obs_ci_upper"], rtol=1e-9)
        assert_allclose(p.fitted, fit.fittedvalues, rtol=1e-9)
    assert_allclose(p.residuals, y - p.fitted, rtol=1e-12, atol=1e-12)
    assert p.params["slope"] == pytest.approx(fit.params[1], rel=1e-9)
    assert p.params["intercept"] == pytest.approx(fit.params[0], rel=1e-9)
    assert p.params["sigma2"] == pytest.approx(fit.scale, rel=1e-9)
    assert p.params["df"] == fit.df_resid
    # C6 analytic: P(Y ≥ y*) = 1 − F_t((g(y*) − ẑ)/se_pred), g = ln for loglinear.
    se = np.asarray(pred.se_obs)
    for thr in (np.exp(sf["mean"].iloc[-1]) * 1.05 if log else sf["mean"].iloc[-1] + 1.0, y[-1]):
        x = math.log(thr) if log else thr
        want = scipy.stats.t.sf((x - sf["mean"].iloc[-1]) / se[-1], fit.df_resid)
        assert p.prob_at_least(thr) == pytest.approx(want, rel=1e-9, abs=1e-14)
    want0 = scipy.stats.t.sf(((math.log(y[-1]) if log else y[-1]) - sf["mean"].iloc[0]) / se[0], fit.df_resid)
    assert p.prob_at_least(y[-1], step=0) == pytest.approx(want0, rel=1e-9, abs=1e-14)


@settings(max_examples=60, deadline=None)
@example([1.0, 1.0, 61.0], 6, 0.9921875)  # the upper bound overflows exp (found by hypothesis)
@given(st.lists(st.floats(min_value=0.5, max_value=1e4, allow_nan=False), min_size=3, max_size=25),
       st.integers(min_value=1, max_value=6), st.floats(min_value=0.5, max_value=0.999))
def test_ols_matches_statsmodels_random(values, horizon, level):
    y = np.asarray(values)
    if np.ptp(np.log(y)) < 1e-6:  # statsmodels and we both give zero variance; skip the degenerate case
        return
    for log in (False, True):
        p = project(y, method="loglinear" if log else "linear", horizon=horizon, level=level)
        t_new = len(y) - 1 + np.arange(1, horizon + 1, dtype=float)
        _, _, sf = ols_oracle(y, np.arange(len(y), dtype=float), t_new, 1 - level, log)
        f = np.exp if log else (lambda v: np.asarray(v))
        # With 3 points and a 99 % level the log-scale bound can pass 709: exp overflows to inf,
        # as regind's own bound does; inf equals inf in assert_allclose.
        with np.errstate(over="ignore"):
            assert_allclose(p.median, f(sf["mean"]), rtol=1e-9, atol=1e-9)
            assert_allclose(p.lower, f(sf["obs_ci_lower"]), rtol=1e-9, atol=1e-9)
            assert_allclose(p.upper, f(sf["obs_ci_upper"]), rtol=1e-9, atol=1e-9)


def test_c2_reference_numbers():
    p = project(GDP_LIKE, method="loglinear")
    assert p.params["slope"] == pytest.approx(0.075711, abs=5e-7)
    assert p.params["trend_growth"] == pytest.approx(0.078651, abs=5e-7)  # 7.8651 %/period
    assert p.distribution == "log_student_t"
    assert p.prob_at_least(0.0) == 1.0
    assert p.prob_at_least(p.median[0]) == pytest.approx(0.5, abs=1e-12)


# -- C1: CAGR -------------------------------------------------------------------------------------------
def test_cagr_over_calendar_span():
    # 100 → 161.051 over 2016..2021 is 10 % a year.
    p = project([100, 130, 161.051], [2016, 2019, 2021], method="cagr", horizon=2)
    assert p.params["cagr"] == pytest.approx(0.1, rel=1e-13)
    assert p.params["span"] == 5
    assert_allclose(p.mean, [177.1561, 194.87171], rtol=1e-13)
    assert np.isnan(p.lower).all() and np.isnan(p.upper).all()
    assert p.distribution == "none"
    assert math.isnan(p.prob_at_least(150))
    assert any("no interval" in n for n in p.notes)
    # Two points are a log-linear fit through both (C1): same growth as the OLS slope.
    assert project([100, 121], method="cagr").params["cagr"] == pytest.approx(0.21, rel=1e-14)


# -- C3: Holt against statsmodels -----------------------------------------------------------------------
@pytest.mark.parametrize("y", [LIVESTOCK, AUSAIR, OILDATA], ids=["livestock", "ausair", "oildata"])
@pytest.mark.parametrize("alpha,beta_star,phi", [(0.8, 0.2, None), (0.3, 0.05, None), (0.97, 0.0001, 0.98),
                                                  (0.5, 0.3, 0.85)])
def test_holt_fixed_matches_statsmodels(y, alpha, beta_star, phi):
    l0, b0 = y[0] - 1.5, (y[3] - y[0]) / 3
    damped = phi is not None
    fit = Holt(y, damped_trend=damped, initialization_method="known", initial_level=l0, initial_trend=b0).fit(
        smoothing_level=alpha, smoothing_trend=beta_star, damping_trend=phi, optimized=False)
    kw = {"phi": phi} if damped else {}
    p = project(y, method="damped_holt" if damped else "holt", horizon=6, alpha=alpha, beta=beta_star,
                initial_level=l0, initial_trend=b0, **kw)
    assert_allclose(p.mean, fit.forecast(6), rtol=1e-9)
    assert_allclose(p.fitted, fit.fittedvalues, rtol=1e-9)
    assert_allclose(p.states[1:, 0], fit.level, rtol=1e-9)
    assert_allclose(p.states[1:, 1], fit.trend, rtol=1e-9, atol=1e-9 * np.abs(y).max())
    assert p.params["sse"] == pytest.approx(fit.sse, rel=1e-9)
    # The same model in R's convention: beta_r = alpha·beta_star (C3).
    q = project(y, method="damped_holt" if damped else "holt", horizon=6, alpha=alpha,
                beta_r=beta_r_from_star(alpha, beta_star), initial_level=l0, initial_trend=b0, **kw)
    assert_allclose(q.mean, fit.forecast(6), rtol=1e-9)
    assert p.params["k"] == 0 and p.params["sigma2"] == pytest.approx(fit.sse / len(y), rel=1e-9)


def test_holt_legacy_matches_statsmodels():
    fit = Holt(AUSAIR, initialization_method="legacy-heuristic").fit(smoothing_level=0.8, smoothing_trend=0.2,
                                                                     optimized=False)
    p = project(AUSAIR, method="holt", horizon=5, alpha=0.8, beta=0.2, initialization="legacy")
    assert_allclose(p.mean, fit.forecast(5), rtol=1e-9)
    assert_allclose(p.fitted, fit.fittedvalues, rtol=1e-9)
    assert_allclose(p.mean, [43.76, 45.59, 47.43, 49.27, 51.10], atol=0.006)  # test_holt (C3)
    assert p.params["k"] == 2


@pytest.mark.parametrize("damped", [False, True])
@pytest.mark.parametrize("y", [LIVESTOCK, OILDATA, AUSAIR], ids=["livestock", "oildata", "ausair"])
def test_holt_estimated_reaches_statsmodels_sse(y, damped):
    bounds = {"smoothing_level": (1e-4, 0.9999), "smoothing_trend": (1e-4, 0.9999)}
    if damped:
        bounds["damping_trend"] = (0.8, 0.98)
    fit = ExponentialSmoothing(y, trend="add", damped_trend=damped, initialization_method="estimated",
                               bounds=bounds).fit()
    p = project(y, method="damped_holt" if damped else "holt", horizon=3)
    assert p.status == "ok"
    assert p.params["sse"] <= fit.sse * (1 + 1e-7)
    assert 1e-4 <= p.params["alpha"] <= 0.9999 and 1e-4 <= p.params["beta_star"] <= 0.9999
    if damped:
        assert 0.8 <= p.params["phi"] <= 0.98


def test_beta_conventions_and_conversion():
    assert beta_r_from_star(0.8, 0.2) == pytest.approx(0.16, rel=1e-15)
    assert beta_star_from_r(0.8, 0.16) == pytest.approx(0.2, rel=1e-15)
    assert math.isnan(beta_star_from_r(0.0, 0.1))
    # Livestock AAdN with R's parameters in R's convention: MSE 195.4398; R's β used as β* gives
    # 195.4393 (C3; statsmodels test_holt_damp_r).
    kw = dict(alpha=0.97402626, phi=0.98, initial_level=252.59039965, initial_trend=6.90265918, horizon=3)
    r = project(LIVESTOCK, method="damped_holt", beta_r=0.00010006, **kw)
    mixed = project(LIVESTOCK, method="damped_holt", beta=0.00010006, **kw)
    assert r.params["mse"] == pytest.approx(195.4397924865488, abs=1e-4)
    assert mixed.params["mse"] == pytest.approx(195.4393, abs=1e-4)
    assert_allclose(r.mean, [417.7982, 421.3426, 424.8161], atol=1e-4)
    e = project(LIVESTOCK, method="ets", model="AAdN", beta=0.00010006, **kw)
    assert_allclose(e.mean, r.mean, rtol=1e-14)
    assert e.params["beta"] == e.params["beta_r"] == 0.00010006
    assert r.params["beta"] == r.params["beta_star"]


# -- C4: ETS against R forecast::ets ----------------------------------------------------------------------
@pytest.mark.parametrize("model", ["ANN", "AAN", "AAdN"])
def test_ets_with_r_parameters(r_ets, model):
    res = r_ets[model]
    p = project(OILDATA, method="ets", model=model, horizon=4, **r_params(res, model))
    # statsmodels' tolerances for these results: fitted, residuals, states 1e-5; forecasts rtol 1e-3, atol 1e-4.
    assert_allclose(p.fitted, res["fitted"], rtol=1e-5, atol=1e-5)
    assert_allclose(p.residuals, res["residuals"], rtol=1e-5, atol=1e-5)
    states = np.asarray(res["states"], dtype=float).reshape(len(OILDATA) + 1, -1)
    assert_allclose(p.states, states, rtol=1e-5, atol=1e-5)
    assert_allclose(p.mean, res["forecast"], rtol=1e-3, atol=1e-4)
    assert p.params["sigma2"] == pytest.approx(res["sigma2"][0], rel=1e-6)  # SSE/(n − k), k incl. states
    n = len(OILDATA)
    assert p.params["loglik"] - (-n / 2 * (math.log(2 * math.pi / n) + 1)) == pytest.approx(res["loglik"][0],
                                                                                          rel=1e-5, abs=1e-5)
    # C5: R's simulate(fit, 4, innov = ...) with numpy's seed-0 draws.
    innov = [1.76405235, 0.40015721, 0.97873798, 2.2408932]
    assert_allclose(p.simulate(innovations=innov)[0], res["simulation"], rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("model", ["ANN", "AAN", "AAdN"])
def test_ets_estimated_reaches_r_likelihood(r_ets, model):
    p = project(OILDATA, method="ets", model=model, horizon=4)
    assert p.status == "ok" and p.model == model
    n = len(OILDATA)
    r_loglik = r_ets[model]["loglik"][0]
    assert p.params["loglik"] - (-n / 2 * (math.log(2 * math.pi / n) + 1)) >= r_loglik - 1e-4
    assert 1e-4 <= p.params["alpha"] <= 0.9999
    if model != "ANN":
        assert p.params["beta"] <= p.params["alpha"]
    k = {"ANN": 2, "AAN": 4, "AAdN": 5}[model]
    assert p.params["sigma2"] == pytest.approx(p.params["sse"] / (n - k), rel=1e-12)


@pytest.mark.parametrize("model,damped", [("AAN", False), ("AAdN", True)])
def test_ets_intervals_match_statsmodels_etsmodel(r_ets, model, damped):
    res = r_ets[model]
    s = pd.Series(OILDATA, index=pd.date_range("1965", periods=len(OILDATA), freq="YS"))
    names = ["alpha", "beta", "phi", "initial_level", "initial_trend"] if damped else \
        ["alpha", "beta", "initial_level", "initial_trend"]
    pr = r_params(res, model)
    smooth = ETSModel(s, error="add", trend="add", damped_trend=damped).smooth([pr[k] for k in names])
    pred = smooth.get_prediction(start=len(s), end=len(s) + 5)
    sf = pred.summary_frame(alpha=0.1)
    p = project(OILDATA, method="ets", model=model, horizon=6, level=0.9, **pr)
    assert_allclose(p.mean, sf["mean"], rtol=1e-9)
    # statsmodels scales its relative variances by SSE/n, R and regind by SSE/(n − k): compare the
    # relative variances σ_h²/σ².
    z = scipy.stats.norm.ppf(0.95)
    ours = ((p.upper - p.mean) / z) ** 2 / p.params["sigma2"]
    theirs = np.asarray(pred.forecast_variance) / smooth.mse
    assert_allclose(ours, theirs, rtol=1e-9)
    assert_allclose((sf["pi_upper"] - sf["mean"]) ** 2 / smooth.mse, ours * z**2, rtol=1e-9)
    # C6 for normal forecasts: 1 − Φ((y* − ŷ)/σ_h).
    sd = (p.upper[-1] - p.mean[-1]) / z
    for thr in (500.0, 600.0, p.mean[-1]):
        assert p.prob_at_least(thr) == pytest.approx(scipy.stats.norm.sf((thr - p.mean[-1]) / sd), rel=1e-9)


def test_ets_relative_variance_closed_forms():
    assert ets_relative_variance("AAdN", 2, alpha=0.5, beta=0.1, phi=0.9) == pytest.approx(1.3481, rel=1e-13)
    assert ets_relative_variance("AAdN", 10, alpha=0.5, beta=0.1, phi=0.9) == pytest.approx(7.681554, abs=5e-7)
    assert ets_relative_variance("ANN", 4, alpha=0.5) == pytest.approx(1.75, rel=1e-15)
    # statsmodels ETSModel's own closed forms (_relative_forecast_variance).
    s = pd.Series(OILDATA, index=pd.date_range("1965", periods=len(OILDATA), freq="YS"))
    smooth = ETSModel(s, error="add", trend="add", damped_trend=True).smooth([0.5, 0.1, 0.9, 100.0, 5.0])
    theirs = smooth._relative_forecast_variance(np.arange(1, 13))
    assert_allclose([ets_relative_variance("AAdN", h, alpha=0.5, beta=0.1, phi=0.9) for h in range(1, 13)],
                    theirs, rtol=1e-12)


# -- C5/C6: simulation -------------------------------------------------------------------------------------
def test_simulation_is_seeded_and_matches_the_analytic_probability(r_ets):
    p = project(OILDATA, method="ets", model="AAN", horizon=3, **r_params(r_ets["AAN"], "AAN"))
    a = p.simulate(20000, seed=7)
    assert a.shape == (20000, 3)
    assert np.array_equal(a, p.simulate(20000, seed=7))
    assert not np.array_equal(a, p.simulate(20000, seed=8))
    for thr in (p.mean[-1], p.upper[-1], p.mean[-1] - 100):
        prob = p.prob_at_least(thr)
        freq = float(np.mean(a[:, -1] >= thr))
        assert abs(freq - prob) <= 4 * math.sqrt(prob * (1 - prob) / a.shape[0]) + 1e-12
    # Quantiles (type 7) of the paths bracket the analytic interval within Monte Carlo error.
    lo, hi = np.quantile(a[:, -1], [0.025, 0.975], method="linear")
    sd = (p.upper[-1] - p.mean[-1]) / scipy.stats.norm.ppf(0.975)
    assert abs(lo - p.lower[-1]) < 0.1 * sd and abs(hi - p.upper[-1]) < 0.1 * sd


# -- C7: short series and missing values ---------------------------------------------------------------------
@pytest.mark.parametrize("method", ["cagr", "linear", "loglinear", "holt", "damped_holt", "ets", "auto"])
@pytest.mark.parametrize("values", [[], [5.0]])
def test_too_short_is_a_status(method, values):
    p = project(values, method=method, horizon=2)
    assert p.status == "insufficient_data" and not p.ok
    assert np.isnan(p.mean).all() and p.mean.shape == (2,)
    assert math.isnan(p.prob_at_least(1.0))
    assert p.notes


def test_two_points():
    for method in ("linear", "loglinear"):
        p = project([100, 110], method=method)
        assert p.status == "insufficient_data"
        assert any("method='cagr'" in n for n in p.notes)
    a = project([100, 110], [2020, 2021], method="auto", horizon=2)
    assert a.method == "cagr" and a.status == "ok"
    assert_allclose(a.mean, [121, 133.1], rtol=1e-14)
    assert project([1, 2, 3], method="auto").method == "loglinear"
    assert project([0, 2, 3], method="auto").method == "linear"
    # Fixed-parameter Holt from two points (C7); estimated smoothing needs n > k + 4.
    h = project([10, 12], method="holt", horizon=2, alpha=0.5, beta=0.5, initialization="legacy")
    assert_allclose(h.mean, [13.625, 15.0], rtol=1e-15)  # by hand, see test_projection.cpp
    assert project(LIVESTOCK[:8], method="holt").status == "insufficient_data"
    assert project(LIVESTOCK[:9], method="holt").status == "ok"
    assert project(LIVESTOCK[:9], method="ets", model="AAdN").status == "insufficient_data"
    assert project(LIVESTOCK[:10], method="ets", model="AAdN").status == "ok"


def test_missing_policies():
    y = [1, 3, np.nan, 2, 5, 4, None]
    with pytest.raises(ValueError, match=r"^\[regind\.invalid_input\.missing\] values\[2\] is NaN"):
        project(y, method="linear")
    p = project(y, method="linear", missing="available_points")
    q = project([1, 3, 2, 5, 4], [0, 1, 3, 4, 5], method="linear")
    assert p.mean[0] == q.mean[0] and p.upper[0] == q.upper[0]
    assert p.periods[0] == 6 and p.n_used == 5
    assert np.isnan(p.fitted[2]) and np.isnan(p.residuals[6])
    r = project(y, method="linear", missing="longest_contiguous")
    s = project([2, 5, 4], [3, 4, 5], method="linear")
    assert r.mean[0] == s.mean[0]
    assert any("longest run" in n for n in r.notes)
    with pytest.raises(ValueError, match=r"^\[regind\.invalid_input\.missing_policy\]"):
        project(y, method="ets", missing="available_points")
    with pytest.raises(ValueError, match=r"^\[regind\.invalid_input\.missing_policy\]"):
        project(y, method="linear", missing="drop")
    c = project([np.nan, 100, np.nan, 121], method="cagr", missing="available_points")
    assert c.params["cagr"] == pytest.approx(0.1, rel=1e-14)
    # pandas missing values
    ser = pd.Series([1.0, pd.NA, 3.0, 4.5, 6.0], dtype="Float64")
    assert project(ser, method="linear", missing="available_points").n_used == 4


# -- batch -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("method,params", [
    ("loglinear", {}), ("linear", {}), ("cagr", {}), ("auto", {}), ("holt", {}), ("damped_holt", {}),
    ("ets", {"model": "AAdN"}), ("ets", {"model": "ANN"}),
    ("holt", {"alpha": 0.6, "beta": 0.2, "initialization": "legacy"}),
])
@pytest.mark.parametrize("threads", [0, 1, 2])
def test_batch_equals_single(method, params, threads):
    rng = np.random.default_rng(3)
    m = 100 + np.cumsum(rng.normal(2, 3, size=(7, 14)), axis=1)
    m[5] = 50.0  # a constant series
    years = np.arange(2008, 2022)
    b = project_batch(m, years, method=method, horizon=3, level=0.9, threads=threads, **params)
    assert isinstance(b, BatchProjection) and len(b) == 7 and b.mean.shape == (7, 3)
    for r in range(7):
        p = project(m[r], years, method=method, horizon=3, level=0.9, **params)
        assert b.status[r] == p.status and b.methods[r] == p.method
        for name in ("mean", "median", "lower", "upper", "periods"):
            assert_allclose(getattr(b, name)[r], getattr(p, name), rtol=0, atol=0, equal_nan=True)
        assert b.notes[r] == p.notes


def test_batch_notes_and_status_are_per_series():
    # Rows whose projections differ (too short for Holt → insufficient_data; a constant series)
    # get their own status and notes; each row's notes list is its own (mutating one leaves the
    # others alone), although the binding sends only the distinct lists.
    m = np.array([[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0],
                  [5.0] * 10,
                  [2.0, 4.0, 3.0, 5.0, 4.0, 6.0, 5.0, 7.0, 6.0, 8.0],
                  [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0]])
    b = project_batch(m, method="holt", horizon=2)
    singles = [project(row, method="holt", horizon=2) for row in m]
    assert list(b.status) == [p.status for p in singles]
    assert list(b.methods) == [p.method for p in singles]
    assert b.notes == [p.notes for p in singles]
    b.notes[0].append("changed")
    assert b.notes[3] == singles[3].notes
    short = project_batch(m[:, :5], method="holt")
    assert set(short.status) == {"insufficient_data"} and short.notes[0] == project(m[0, :5], method="holt").notes


def test_batch_dataframe_and_errors():
    frame = pd.DataFrame([[100, 110, 121], [5, 6, 7.5]], index=["湖州", "嘉兴"], columns=[2019, 2020, 2021])
    b = project_batch(frame, method="cagr", horizon=1)
    assert b.index == ["湖州", "嘉兴"]
    assert_allclose(b.periods[:, 0], [2022, 2022])
    assert_allclose(b.mean[0], [133.1], rtol=1e-14)
    assert "series=2" in repr(b)
    with pytest.raises(ValueError, match=r"^\[regind\.invalid_input\.missing\] row 1: values\[0\] is NaN"):
        project_batch([[1, 2, 3], [np.nan, 2, 3]], method="linear")
    with pytest.raises(ValueError, match=r"^\[regind\.invalid_input\.nonpositive\] row 0:"):
        project_batch([[1, 0, 3], [1, 2, 3]], method="loglinear", threads=2)
    with pytest.raises(ValueError, match=r"^\[regind\.invalid_input\.values\]"):
        project_batch([1, 2, 3])
    with pytest.raises(ValueError, match=r"^\[regind\.invalid_input\.threads\]"):
        project_batch([[1, 2, 3]], threads=-1)
    with pytest.raises(ValueError, match=r"^\[regind\.invalid_input\.threads\]"):
        project_batch([[1, 2, 3]], threads=1.5)
    with pytest.raises(ValueError, match=r"^\[regind\.invalid_input\.periods\]"):
        project_batch([[1, 2, 3]], periods=[1, 2])
    with pytest.raises(ValueError, match=r"^\[regind\.invalid_input\.horizon\]"):
        project_batch([[1, 2, 3]], horizon=0)


# -- the Python API --------------------------------------------------------------------------------------------
def test_projection_object():
    p = project(GDP_LIKE, YEARS, horizon=3)
    assert isinstance(p, Projection)
    assert p.method == "loglinear" and p.ok and p.horizon == 3 and p.level == 0.95 and p.model is None
    assert p.states is None and p.n_used == 6
    frame = p.to_pandas()
    assert list(frame.columns) == ["period", "mean", "median", "lower", "upper", "mean_taylor"]
    assert list(frame.index) == [1, 2, 3] and frame.index.name == "step"
    assert_allclose(frame["period"], [2022, 2023, 2024])
    assert "Projection(method='loglinear'" in repr(p)
    assert not p.mean.flags.writeable  # read-only views of the result
    e = project(OILDATA, method="ets", model="ANN", horizon=2)
    assert "mean_taylor" not in e.to_pandas().columns
    assert "method='ets' ANN" in repr(e)
    # periods as years in text or Period form; a Series projects at its numeric index.
    a = project(GDP_LIKE, [str(y) for y in range(2016, 2022)])
    b = project(GDP_LIKE, [regind.Period(f"{y}年") for y in range(2016, 2022)])
    c = project(pd.Series(GDP_LIKE, index=range(2016, 2022)))
    assert a.periods[0] == b.periods[0] == c.periods[0] == 2022
    assert a.mean[0] == b.mean[0] == c.mean[0]


def test_python_argument_errors():
    y = [1.0, 2.0, 3.0, 4.0]
    cases = [
        (dict(horizon=0), "horizon"), (dict(horizon=-1), "horizon"), (dict(horizon=1.5), "horizon"),
        (dict(horizon=True), "horizon"), (dict(level=1.0), "level"), (dict(level=0.0), "level"),
        (dict(level=float("nan")), "level"), (dict(level="95%"), "level"), (dict(method="arima"), "projection_method"),
        (dict(method=None), "method"), (dict(missing=3), "missing"), (dict(step=0.0), "step"),
        (dict(step="1"), "step"),
        (dict(method="holt", gamma=0.1), "projection_param"), (dict(method="holt", alpha="0.5"), "projection_param"),
        (dict(method="holt", alpha=True), "projection_param"), (dict(method="ets", model=3), "projection_param"),
        (dict(method="ets", model="MAM"), "ets_model"), (dict(method="holt", initialization="heuristic"),
                                                         "initialization"),
        (dict(method="linear", alpha=0.5), "projection_param"), (dict(method="holt", phi=0.9), "projection_param"),
        (dict(method="holt", beta=0.1, beta_r=0.1), "projection_param"),
        (dict(method="holt", alpha=0.2, beta_r=0.3), "projection_param"),
        (dict(method="holt", initialization="known", initial_level=1.0), "projection_param"),
        (dict(method="holt", initialization="legacy", initial_level=1.0), "projection_param"),
        (dict(method="damped_holt", phi=1.5), "projection_param"),
        (dict(method="ets", model="ANN", beta=0.1), "projection_param"),
    ]
    for kwargs, ident in cases:
        with pytest.raises(ValueError, match=rf"^\[regind\.invalid_input\.{ident}\]"):
            project(y, **kwargs)
    with pytest.raises(regind.InvalidInput, match=r"^\[regind\.invalid_input\.nonpositive\] values\[1\] = 0"):
        project([1, 0, 2], method="loglinear")
    with pytest.raises(ValueError, match=r"^\[regind\.invalid_input\.nonpositive\] values\[0\]"):
        project([-1, 2, 3], method="cagr")
    with pytest.raises(ValueError, match=r"^\[regind\.invalid_input\.values\] values\[1\] is inf"):
        project([1, np.inf, 3], method="linear")
    with pytest.raises(ValueError, match=r"^\[regind\.invalid_input\.values\] values must be one-dimensional"):
        project([[1, 2], [3, 4]])
    with pytest.raises(ValueError, match=r"^\[regind\.invalid_input\.periods\] 3 periods for 4 values"):
        project(y, [1, 2, 3])
    with pytest.raises(ValueError, match=r"^\[regind\.invalid_input\.periods\] periods must increase strictly"):
        project(y, [1, 2, 2, 3])
    with pytest.raises(ValueError, match=r"^\[regind\.invalid_input\.periods\] periods\[2\] is nan"):
        project(y, [1, 2, np.nan, 3])
    with pytest.raises(ValueError, match=r"^\[regind\.invalid_input\.periods\] periods\[0\] = '2021-Q1' is a quarter"):
        project(y, ["2021-Q1", "2021-Q2", "2021-Q3", "2021-Q4"])
    with pytest.raises(ValueError, match=r"^\[regind\.invalid_input\.periods\] periods\[1\] must be a number"):
        project(y, [1, None, 3, 4])
    with pytest.raises(ValueError, match=r"^\[regind\.invalid_input\.periods\]"):
        project(y, np.array([[1, 2], [3, 4]]))
    with pytest.raises(ValueError, match=r"^\[regind\.invalid_input\.periods\] holt needs equally spaced periods"):
        project(y, [2015, 2016, 2018, 2019], method="holt", alpha=0.5, beta=0.1, initialization="legacy")
    # prob_at_least and simulate
    p = project(y, method="linear", horizon=2)
    with pytest.raises(ValueError, match=r"^\[regind\.invalid_input\.step\]"):
        p.prob_at_least(3.0, step=2)
    with pytest.raises(ValueError, match=r"^\[regind\.invalid_input\.step\]"):
        p.prob_at_least(3.0, step=-3)
    with pytest.raises(ValueError, match=r"^\[regind\.invalid_input\.step\]"):
        p.prob_at_least(3.0, step=0.5)
    with pytest.raises(ValueError, match=r"^\[regind\.invalid_input\.threshold\]"):
        p.prob_at_least(float("nan"))
    with pytest.raises(ValueError, match=r"^\[regind\.invalid_input\.simulate\] simulate needs a holt"):
        p.simulate(10)
    h = project(LIVESTOCK, method="holt", horizon=2, alpha=0.5, beta=0.1, initialization="legacy")
    with pytest.raises(ValueError, match=r"^\[regind\.invalid_input\.simulate\] repetitions"):
        h.simulate(0)
    with pytest.raises(ValueError, match=r"^\[regind\.invalid_input\.simulate\] seed"):
        h.simulate(10, seed=-1)
    with pytest.raises(ValueError, match=r"^\[regind\.invalid_input\.repetitions\]"):
        h.simulate(2.5)
    with pytest.raises(ValueError, match=r"^\[regind\.invalid_input\.simulate\] innovations must be"):
        h.simulate(innovations=[1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match=r"^\[regind\.invalid_input\.simulate\] innovations must be finite"):
        h.simulate(innovations=[1.0, np.nan])
    with pytest.raises(ValueError, match=r"^\[regind\.invalid_input\.horizon\]"):
        ets_relative_variance("AAN", 0, alpha=0.5)
    with pytest.raises(ValueError, match=r"^\[regind\.invalid_input\.ets_model\]"):
        ets_relative_variance("MNN", 2, alpha=0.5)
    with pytest.raises(ValueError, match=r"^\[regind\.invalid_input\.h\]"):
        ets_relative_variance("AAN", 2.0, alpha=0.5)


def test_constant_series_and_simulated_paths_of_a_short_fixed_holt():
    c = project([5.0] * 10, method="damped_holt", horizon=2)
    assert c.ok and (c.mean == 5).all() and (c.lower == 5).all()
    assert any("constant series" in n for n in c.notes)
    assert c.prob_at_least(5.0) == 1.0 and c.prob_at_least(5.1) == 0.0
    h = project([10, 12], method="holt", horizon=2, alpha=0.5, beta=0.5, initialization="legacy")
    assert np.isnan(h.upper).all()  # σ² = SSE/(n − k) needs n > k = 2
    assert np.isnan(h.simulate(3)).all()
    assert_allclose(h.simulate(innovations=[0.0, 0.0])[0], h.mean, rtol=1e-15)


def test_no_finite_fit_is_a_status():
    huge = np.array([1e300, -1e300] * 5)
    p = project(huge, method="holt", horizon=2)
    assert p.status == "not_converged" and p.params == {}
    assert np.isnan(p.mean).all() and math.isnan(p.prob_at_least(0.0))
    assert any("no finite" in n for n in p.notes)
