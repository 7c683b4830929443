#!/usr/bin/env bash
# Builds the doctest suite and the Python extension with AddressSanitizer +
# UndefinedBehaviorSanitizer (REGIND_SANITIZE=ON, cmake/RegindSanitizers.cmake) in build/asan,
# runs the doctest suite, then pytest against the sanitized extension
# (scripts/run-sanitized-python.sh). Any sanitizer report fails the run.
#   scripts/run-sanitized.sh [pytest arguments for the Python part]
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=${JOBS:-2}
build=build/asan
py=.venv/bin/python

launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
.venv/bin/cmake -S . -B "$build" -G Ninja "${launcher[@]}" -DCMAKE_BUILD_TYPE=Debug -DREGIND_SANITIZE=ON \
  -DREGIND_BUILD_TESTS=ON -DREGIND_BUILD_PYTHON=ON -DREGIND_BUILD_EXAMPLES=OFF -DREGIND_INSTALL=OFF \
  -DPython_EXECUTABLE="$PWD/$py" -Dpybind11_DIR="$("$py" -m pybind11 --cmakedir)" \
  -DCMAKE_MAKE_PROGRAM="$PWD/.venv/bin/ninja" >/dev/null
start=$SECONDS
.venv/bin/cmake --build "$build" -j "$jobs" --target regind_tests _core
echo "sanitize: built in $((SECONDS - start)) s"

# C++: leaks are checked too; every sanitizer report aborts the test binary.
start=$SECONDS
ASAN_OPTIONS=halt_on_error=1:abort_on_error=1:detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1 \
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  "$build/tests/regind_tests" --no-version
echo "sanitize: doctest suite in $((SECONDS - start)) s"

start=$SECONDS
scripts/run-sanitized-python.sh "$@"
echo "sanitize: pytest in $((SECONDS - start)) s"
