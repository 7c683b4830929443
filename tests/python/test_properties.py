# SPDX-License-Identifier: MIT
"""Property tests (hypothesis): identities that must hold for any input, each checked against an
independent computation written here (NumPy / pandas), never against regind itself alone.

Ranks against pandas' Series.rank for every method and NaN policy live in test_ranking.py;
here only the league table of a Dataset is checked against pandas, as it is not covered there.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import regind
from regind import Dataset
from regind import growth as G
from regind.composite import CompositeIndex

PROPERTY = settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])

positive = st.floats(min_value=1.0, max_value=1e4, allow_nan=False)
rate = st.floats(min_value=-0.5, max_value=1.0, allow_nan=False)


# -- growth identities (REFERENCE-METHODS.md §A4, §A6, §A1) --------------------------------------

@PROPERTY
@given(st.integers(1, 11).flatmap(lambda k: st.tuples(st.lists(positive, min_size=k, max_size=k),
                                                       st.lists(rate, min_size=k, max_size=k))))
def test_year_to_date_and_single_months_round_trip(months):
    x, g = (np.array(v) for v in months)
    ytd = G.monthly_to_ytd(x, g)
    # Independent: cumulate the months and their bases (x / (1 + g)) by hand.
    cumulative, base = np.cumsum(x), np.cumsum(x / (1 + g))
    np.testing.assert_allclose(ytd.cumulative, cumulative, rtol=1e-12)
    np.testing.assert_allclose(ytd.cumulative_growth, cumulative / base - 1, rtol=1e-9, atol=1e-12)
    back = G.ytd_to_monthly(ytd.cumulative, ytd.cumulative_growth)
    np.testing.assert_allclose(back.monthly, x, rtol=1e-9)
    np.testing.assert_allclose(back.monthly_growth, g, rtol=1e-7, atol=1e-9)
    assert list(back.months) == list(range(2, 2 + len(x)))


@PROPERTY
@given(st.integers(1, 6).flatmap(lambda k: st.tuples(st.lists(positive, min_size=k, max_size=k),
                                                      st.lists(positive, min_size=k, max_size=k))))
def test_pulls_sum_to_total_growth_and_contributions_to_100_percent(parts):
    now, before = (np.array(v) for v in parts)
    c = G.contributions(now, before)
    total_growth = now.sum() / before.sum() - 1
    assert c.total_growth == pytest.approx(total_growth, rel=1e-12, abs=1e-15)
    np.testing.assert_allclose(c.pull, (now - before) / before.sum(), rtol=1e-12, atol=1e-15)
    assert c.pull.sum() == pytest.approx(total_growth, rel=1e-9, abs=1e-12)
    assert c.pull_residual == pytest.approx(0.0, abs=1e-12)
    change = now.sum() - before.sum()
    if abs(change) > 1e-6 * before.sum():
        assert c.status == "ok"
        assert 100 * c.contribution.sum() == pytest.approx(100.0, rel=1e-9)
        np.testing.assert_allclose(c.contribution, (now - before) / change, rtol=1e-9, atol=1e-12)
        # pull_i = contribution_i · g_T
        np.testing.assert_allclose(c.pull, c.contribution * c.total_growth, rtol=1e-9, atol=1e-12)


@PROPERTY
@given(positive, positive, st.integers(1, 30))
def test_cagr_and_level_after_round_trip(first, last, years):
    r = G.cagr(first, last, years)
    assert r == pytest.approx((last / first) ** (1 / years) - 1, rel=1e-12, abs=1e-15)
    assert G.level_after(first, r, years) == pytest.approx(last, rel=1e-10)


@PROPERTY
@given(st.lists(rate, min_size=1, max_size=10))
def test_average_growth_chains_the_rates(rates):
    expected = math.prod(1 + g for g in rates) ** (1 / len(rates)) - 1
    assert G.average_growth(rates) == pytest.approx(expected, rel=1e-9, abs=1e-12)


# -- composite indices: normalisation bounds and order invariance (§E5, §E7) ------------------------

def composite_inputs(values: np.ndarray, directions: list[int], weights: list[float]) -> tuple[pd.DataFrame, pd.DataFrame]:
    n, k = values.shape
    codes = [f"i{j}" for j in range(k)]
    meta = pd.DataFrame({
        "Level": [1] * k + [2], "iCode": codes + ["Index"], "Parent": ["Index"] * k + [None],
        "Direction": directions + [1], "Weight": weights + [1.0], "Type": ["Indicator"] * k + ["Aggregate"],
    })
    data = pd.DataFrame(values, columns=codes)
    data.insert(0, "uCode", [f"u{i}" for i in range(n)])
    return data, meta


@st.composite
def composites(draw):
    n, k = draw(st.integers(3, 8)), draw(st.integers(2, 4))
    # Distinct values per indicator: a constant indicator has no min-max range.
    columns = [draw(st.lists(st.floats(-1e3, 1e3, allow_nan=False), min_size=n, max_size=n, unique=True))
               for _ in range(k)]
    values = np.array(columns).T
    directions = draw(st.lists(st.sampled_from([1, -1]), min_size=k, max_size=k))
    weights = draw(st.lists(st.floats(0.1, 10.0), min_size=k, max_size=k))
    return values, directions, weights


def normalised(values, directions, **options) -> np.ndarray:
    data, meta = composite_inputs(values, directions, [1.0] * len(directions))
    ci = CompositeIndex.from_coinr(data, meta).normalise(**options)
    return ci.data("Normalised")[[f"i{j}" for j in range(len(directions))]].to_numpy()


@PROPERTY
@given(composites(), st.floats(-100, 100), st.floats(0.5, 200))
def test_minmax_lies_within_l_u_and_matches_the_formula(inputs, low, width):
    values, directions, _ = inputs
    high = low + width
    got = normalised(values, directions, method="n_minmax", l_u=(low, high))
    x = values * np.array(directions)  # the direction is applied before scaling
    expected = (x - x.min(axis=0)) / (x.max(axis=0) - x.min(axis=0)) * (high - low) + low
    np.testing.assert_allclose(got, expected, rtol=1e-9, atol=1e-9 * (abs(low) + abs(high)))
    slack = 1e-9 * (abs(low) + abs(high))
    assert np.all(got >= low - slack) and np.all(got <= high + slack)
    np.testing.assert_allclose(got.min(axis=0), low, atol=slack)
    np.testing.assert_allclose(got.max(axis=0), high, atol=slack)


@PROPERTY
@given(composites(), st.floats(-50, 50), st.floats(0.1, 20))
def test_zscore_has_the_requested_mean_and_sd(inputs, mean, sd):
    values, directions, _ = inputs
    got = normalised(values, directions, method="n_zscore", m_sd=(mean, sd))
    np.testing.assert_allclose(got.mean(axis=0), mean, atol=1e-9 * (1 + abs(mean) + sd))
    np.testing.assert_allclose(got.std(axis=0, ddof=1), sd, rtol=1e-9)  # sample SD, as COINr


@PROPERTY
@given(composites())
def test_rank_normalisers_against_pandas(inputs):
    values, directions, _ = inputs
    n = values.shape[0]
    x = pd.DataFrame(values * np.array(directions))
    ranks = x.rank(method="min").to_numpy()
    np.testing.assert_array_equal(normalised(values, directions, method="n_rank"), ranks)
    np.testing.assert_array_equal(normalised(values, directions, method="n_borda"), ranks - 1)
    prank = normalised(values, directions, method="n_prank")
    assert np.all((prank >= 0) & (prank <= 1))


@PROPERTY
@given(composites(), st.floats(-500, 0), st.floats(1, 500))
def test_goalposts_are_clamped_to_0_1(inputs, lo, width):
    values, _, _ = inputs
    directions = [1] * values.shape[1]
    got = normalised(values, directions, method="n_goalposts", gposts=(lo, lo + width))
    assert np.all((got >= 0) & (got <= 1))
    np.testing.assert_allclose(got, np.clip((values - lo) / width, 0, 1), rtol=1e-9, atol=1e-12)


@PROPERTY
@given(composites(), st.randoms(use_true_random=False))
def test_composite_scores_do_not_depend_on_the_order_of_units_or_indicators(inputs, rnd):
    values, directions, weights = inputs
    data, meta = composite_inputs(values, directions, weights)
    unit_order = list(range(len(data)))
    rnd.shuffle(unit_order)
    ind_order = list(range(values.shape[1]))
    rnd.shuffle(ind_order)
    shuffled_meta = pd.concat([meta.iloc[ind_order], meta.iloc[[-1]]], ignore_index=True)
    shuffled_data = data.iloc[unit_order][["uCode"] + [f"i{j}" for j in ind_order]].reset_index(drop=True)

    def run(d, m):
        ci = CompositeIndex.from_coinr(d, m).normalise("n_minmax", l_u=(0, 100)).aggregate("a_amean")
        return ci.scores().sort_index(axis=0).sort_index(axis=1), ci.ranks().sort_index(axis=0).sort_index(axis=1)

    scores, ranks = run(data, meta)
    scores2, ranks2 = run(shuffled_data, shuffled_meta)
    pd.testing.assert_frame_equal(scores, scores2, check_exact=False, rtol=1e-12, atol=1e-9)
    pd.testing.assert_frame_equal(ranks, ranks2)
    # The index is the weighted mean of the normalised indicators (weights rescaled to 1).
    w = np.array(weights) / sum(weights)
    norm = scores[[f"i{j}" for j in range(values.shape[1])]].to_numpy()
    np.testing.assert_allclose(scores["Index"].to_numpy(), norm @ w, rtol=1e-9, atol=1e-9)


# -- league tables against pandas ------------------------------------------------------------------

CITIES = [r.code for r in regind.regions.zhejiang().at_level("city")]


@PROPERTY
@given(st.lists(st.one_of(st.none(), st.sampled_from([10.0, 20.0, 30.0]), st.floats(0, 1e4)),
                min_size=len(CITIES), max_size=len(CITIES)))
def test_league_table_ranks_match_pandas(values):
    ds = Dataset()
    for code, v in zip(CITIES, values):
        if v is not None:
            ds.add(code, "2022", "va_industry", "level", v)
    table = regind.league_table(ds, "va_industry", "2022")
    expected = pd.Series([np.nan if v is None else v for v in values], index=CITIES, dtype=float)
    ranks = expected.rank(method="min", ascending=False)  # va_industry: higher is better
    np.testing.assert_array_equal(table.loc[CITIES, "rank"].to_numpy(), ranks.to_numpy())
    assert (table["n_ranked"] == expected.notna().sum()).all()


# -- Dataset round trips: CSV and pandas, bit for bit ----------------------------------------------

REGION_CODES = CITIES + [330402, 330421, 330502, 330106]
periods = st.one_of(
    st.integers(1990, 2035).map(str),
    st.tuples(st.integers(1990, 2035), st.integers(1, 12)).map(lambda t: f"{t[0]}-{t[1]:02d}"),
    st.tuples(st.integers(1990, 2035), st.integers(1, 4)).map(lambda t: f"{t[0]}-Q{t[1]}"),
    st.tuples(st.integers(1990, 2035), st.integers(2, 12)).map(lambda t: f"{t[0]}-01..{t[1]:02d}"),
)
# Free text: any character but surrogates, edge whitespace included (quotes, commas, line breaks).
free_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
facts = st.lists(st.fixed_dictionaries({
    "region": st.sampled_from(REGION_CODES),
    "period": periods,
    "measure": st.sampled_from(["level", "growth_pct"]),
    "value": st.floats(allow_nan=False, allow_infinity=False),
    "note": free_text,
    # doc and comparator are trimmed by the reader, so the library refuses edge whitespace in them
    # (test_bad_inputs.py); inner spaces and any other character must survive.
    "doc": free_text.filter(lambda s: s == s.strip(" \t\r\n")),
    "comparator": free_text.filter(lambda s: s == s.strip(" \t\r\n") and not set(s) & set(",|\n")),
    "span": st.one_of(st.none(), st.tuples(st.integers(0, 10**6), st.integers(1, 100))),
}), max_size=15)


def build(rows: list[dict]) -> Dataset:
    ds = Dataset()
    seen = set()
    for r in rows:
        key = (r["region"], r["period"], r["measure"], r["comparator"])
        if key in seen:
            continue
        seen.add(key)
        span = {} if r["span"] is None or not r["doc"] else {"span_start": r["span"][0],
                                                            "span_end": r["span"][0] + r["span"][1]}
        ds.add(r["region"], r["period"], "va_industry", r["measure"], r["value"], doc=r["doc"], note=r["note"],
               comparator=r["comparator"], **span)
    return ds


def bits(ds: Dataset) -> np.ndarray:
    return np.array([f.value for f in ds], dtype=np.float64).view(np.int64)


@PROPERTY
@given(facts)
def test_dataset_csv_round_trip_is_bit_exact(rows):
    ds = build(rows)
    back = Dataset.from_csv_string(ds.to_csv_string())
    assert back == ds
    np.testing.assert_array_equal(bits(back), bits(ds))  # -0.0 and subnormals included
    assert [(f.note, f.doc, f.comparator) for f in back] == [(f.note, f.doc, f.comparator) for f in ds]
    assert back.to_csv_string() == ds.to_csv_string()


@PROPERTY
@given(facts)
def test_dataset_pandas_round_trip_is_bit_exact(rows):
    ds = build(rows)
    frame = ds.to_pandas()
    np.testing.assert_array_equal(frame["value"].to_numpy().view(np.int64), bits(ds))
    back = Dataset.from_pandas(frame)
    assert back == ds
    np.testing.assert_array_equal(bits(back), bits(ds))
    assert [f.note for f in back] == [f.note for f in ds]
