# SPDX-License-Identifier: MIT
"""The HTML dashboard (``python -m regind report --html``): one self-contained page, checked
in headless Chromium (screenshot, no console errors, the expected targets table)."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("matplotlib", reason="the dashboard's charts need matplotlib (requirements-dev.txt)")

import regind  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> Path:
    """The page as the command line writes it."""
    out = tmp_path_factory.mktemp("dashboard") / "out.html"
    done = subprocess.run([sys.executable, "-m", "regind", "report", "--html", str(out)], capture_output=True,
                          text=True, check=True, cwd=ROOT / "tests")
    assert done.stdout.strip() == f"wrote {out}"
    return out


@pytest.fixture(scope="module")
def jiaxing_goals():
    ds = regind.datasets.seed_facts()
    names = {i.code: i.name_zh for i in ds.indicators}
    return [names[t.indicator] for t in ds.targets(region="嘉兴", period="2022")]


def test_page_is_self_contained(page):
    text = page.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in text
    assert "<script" not in text.lower()
    assert not re.search(r"""\s(?:src|srcset)\s*=""", text)  # no image, script or frame to fetch
    assert not re.search(r"""<link\b""", text)  # no stylesheet to fetch
    assert all(h.startswith("#") for h in re.findall(r'href="([^"]*)"', text))  # SVG refers to itself only
    # URLs appear only as XML namespace names of the inline SVG, which nothing fetches.
    urls = set(re.findall(r"https?://[^\s\"'<>)]+", text))
    assert urls <= {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}
    assert text.count("<svg") == 3


def test_text_report_stays_the_default():
    done = subprocess.run([sys.executable, "-m", "regind"], capture_output=True, text=True, check=True,
                          cwd=ROOT / "tests")
    assert done.stdout.startswith("regind target report (embedded seed data)")


def test_html_goes_with_report_only(tmp_path):
    done = subprocess.run([sys.executable, "-m", "regind", "summary", "--html", str(tmp_path / "x.html")],
                          capture_output=True, text=True, cwd=ROOT / "tests")
    assert done.returncode == 2 and "--html goes with the report command" in done.stderr
    assert not (tmp_path / "x.html").exists()


def test_every_goal_and_base_names_its_source(page):
    from regind._html import source_short

    text = page.read_text(encoding="utf-8")
    ds = regind.datasets.seed_facts()
    for t in ds.targets(region="嘉兴", period="2022"):
        assert source_short(t.doc, t.span) in text
    # The 2021 base of 工业投资, 883.4 亿元, is a published fact with its own span.
    base = ds.query(region="嘉兴", indicator="inv_industry", period="2021", measure="level").facts()
    assert [f.value for f in base] == [883.4]
    assert source_short(base[0].doc, base[0].span) in text


def _chromium() -> tuple[str, str]:
    browser = next((shutil.which(b) for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)),
                   None)
    driver = shutil.which("chromedriver")
    if browser is None or driver is None:
        pytest.skip("headless Chromium is not installed (scripts/install-system-deps.sh installs chromium and "
                    "chromium-driver)")
    return browser, driver


def test_page_in_headless_chromium(page, tmp_path, jiaxing_goals, monkeypatch):
    browser, driver_path = _chromium()
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    monkeypatch.setenv("SE_OFFLINE", "true")  # never let selenium look for a driver online
    options = Options()
    options.binary_location = browser
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1300,1800", f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    try:
        driver.set_page_load_timeout(60)
        driver.get(page.resolve().as_uri())
        assert driver.title.startswith("regind dashboard")

        shot = tmp_path / "dashboard.png"
        assert driver.save_screenshot(str(shot))
        from PIL import Image

        with Image.open(shot) as img:
            assert img.size[0] >= 1000 and img.size[1] >= 1000
            colours = img.convert("RGB").getcolors(maxcolors=1 << 20)
            assert colours is not None and len(colours) > 100  # text, table lines, lights: not a blank page

        severe = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        assert severe == []

        rows = driver.find_elements(By.CSS_SELECTOR, "#jiaxing-2022-targets tbody tr")
        assert len(rows) == len(jiaxing_goals) == 37
        names = [r.find_element(By.CSS_SELECTOR, "td").text for r in rows]
        assert names == jiaxing_goals
        lights = driver.find_elements(By.CSS_SELECTOR, "#jiaxing-2022-targets span.light")
        assert [e.text for e in lights] == ["no_data"] * 37  # no 2022 outcome is published
        charts = driver.find_elements(By.CSS_SELECTOR, "figure svg")
        assert len(charts) == 3 and all(c.size["width"] > 200 and c.size["height"] > 100 for c in charts)
    finally:
        driver.quit()
