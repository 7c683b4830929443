#!/usr/bin/env bash
# Runs pytest against the ASan + UBSan build of regind._core in build/asan (built by
# scripts/run-sanitized.sh). CPython is not built with ASan, so the runtime is preloaded
# (LD_PRELOAD) before the interpreter starts; leak detection is off because CPython keeps
# interned objects and arenas alive at exit by design. PYTHONMALLOC=malloc sends Python's
# allocations through ASan too, so an overrun of a NumPy or bytes buffer by the bindings is seen.
#   scripts/run-sanitized-python.sh [pytest arguments]   (default: the sanitized subset below)
set -euo pipefail
cd "$(dirname "$0")/.."
build=build/asan
stage=$PWD/$build/stage
py=.venv/bin/python

so=$(ls "$build"/src/_core*.so 2>/dev/null | head -n 1)
[ -n "$so" ] || { echo "run-sanitized-python: no $build/src/_core*.so; run scripts/run-sanitized.sh" >&2; exit 1; }
rm -rf "$stage/regind"
mkdir -p "$stage/regind"
cp python/regind/*.py "$stage/regind/"
cp "$so" "$stage/regind/"

# The ASan runtime the extension was linked against (GCC's libasan), and libstdc++ with it:
# python does not link libstdc++, and ASan finds the real __cxa_throw only in libraries loaded
# before it starts ("CHECK failed: real___cxa_throw != 0" at the first C++ exception otherwise).
cxx=$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$build/CMakeCache.txt")
libasan=$("${cxx:-g++}" -print-file-name=libasan.so)
libstdcxx=$("${cxx:-g++}" -print-file-name=libstdc++.so)
for lib in "$libasan" "$libstdcxx"; do
  [ -f "$lib" ] || { echo "run-sanitized-python: $lib not found" >&2; exit 1; }
done
preload="$libasan $libstdcxx"

export REGIND_SHARED_DIR=${REGIND_SHARED_DIR:-$(dirname "$PWD")/shared}
# hard_rss_limit_mb: a runaway test stops with a report instead of taking the shared machine.
export ASAN_OPTIONS=halt_on_error=1:abort_on_error=1:detect_leaks=0:strict_string_checks=1:hard_rss_limit_mb=6000
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export PYTHONMALLOC=malloc

# The subset: every test file but three, since the whole suite takes about 1.5 min under ASan:
#  - test_dashboard drives headless Chromium, which aborts when the ASan runtime is preloaded
#    into it (it is not our code, and the page it checks comes from Python);
#  - test_typing runs mypy, a static check that runs no C++;
#  - test_zero_copy measures GIL release and copies on arrays of millions of values: timings
#    mean nothing under ASan and its buffers, with ASan's redzones, exceed hard_rss_limit_mb.
args=("$@")
if [ ${#args[@]} -eq 0 ]; then
  # A fixed hypothesis seed: this run looks for memory errors on known inputs; the ordinary
  # pytest run is the one that explores new examples.
  args=(tests/python -q -p no:cacheprovider --hypothesis-seed=0 --ignore=tests/python/test_dashboard.py
        --ignore=tests/python/test_typing.py --ignore=tests/python/test_zero_copy.py)
fi
# Import check first: the staged, sanitized extension must be the one under test.
LD_PRELOAD="$preload" PYTHONPATH="$stage" "$py" -c \
  "import regind, sys; p = regind._core.__file__; sys.exit(0 if p.startswith('$stage/') else 'not the sanitized build: ' + p)"
LD_PRELOAD="$preload" PYTHONPATH="$stage" "$py" -m pytest "${args[@]}"
