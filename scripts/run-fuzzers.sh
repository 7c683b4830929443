#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with Clang in build/fuzz, then runs each for a
# bounded time over its committed seed corpus (tests/fuzz/corpus/<target>, read only; new
# inputs go to build/fuzz/corpus/<target>). Fails on a crash, leak, hang (-timeout), sanitizer
# report or broken property, printing the log tail and the saved input.
#   scripts/run-fuzzers.sh [SECONDS per target]   (default $REGIND_FUZZ_SECONDS or 60)
#   REGIND_FUZZ_TARGETS="period" scripts/run-fuzzers.sh 30   runs only some targets
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-${REGIND_FUZZ_SECONDS:-60}}
jobs=${JOBS:-2}
build=build/fuzz
read -r -a targets <<<"${REGIND_FUZZ_TARGETS:-csv period region}"

# Debian's clang-14 with libclang-rt-14-dev holds libFuzzer (scripts/install-system-deps.sh).
cxx=${REGIND_FUZZ_CXX:-}
if [ -z "$cxx" ]; then
  for c in clang++-14 clang++; do
    if command -v "$c" >/dev/null; then cxx=$(command -v "$c"); break; fi
  done
fi
[ -n "$cxx" ] || { echo "run-fuzzers: no clang++ found; run scripts/install-system-deps.sh" >&2; exit 1; }

launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
.venv/bin/cmake -S . -B "$build" -G Ninja "${launcher[@]}" -DCMAKE_CXX_COMPILER="$cxx" \
  -DCMAKE_BUILD_TYPE=Debug -DREGIND_BUILD_FUZZERS=ON -DREGIND_BUILD_TESTS=OFF \
  -DREGIND_BUILD_EXAMPLES=OFF -DREGIND_INSTALL=OFF -DCMAKE_MAKE_PROGRAM="$PWD/.venv/bin/ninja" >/dev/null
.venv/bin/cmake --build "$build" -j "$jobs" --target "${targets[@]/#/fuzz_}"

export ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
mkdir -p "$build/artifacts"
status=0
for t in "${targets[@]}"; do
  work=$build/corpus/$t
  mkdir -p "$work"
  # Region keys and periods are short; a long unknown key only makes the "did you mean"
  # search (edit distance to every name) slow, so those inputs are capped lower.
  case $t in csv) max_len=4096 ;; period) max_len=128 ;; *) max_len=96 ;; esac
  # A fixed seed makes a run repeatable: the same corpus and seed explore the same inputs, so
  # CI fails on a regression, not on the luck of the draw (REGIND_FUZZ_SEED=0: a random seed).
  opts=(-seed="${REGIND_FUZZ_SEED:-1}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len" -print_final_stats=1
        -artifact_prefix="$build/artifacts/$t-")
  if [ -f "tests/fuzz/$t.dict" ]; then opts+=(-dict="tests/fuzz/$t.dict"); fi
  log=$build/fuzz_$t.log
  start=$SECONDS
  if "$build/tests/fuzz/fuzz_$t" "${opts[@]}" "$work" "tests/fuzz/corpus/$t" >"$log" 2>&1; then
    runs=$(grep -m1 'stat::number_of_executed_units' "$log" | awk '{print $2}' || true)
    echo "fuzz_$t: ok, ${runs:-?} inputs in $((SECONDS - start)) s, corpus $(ls "$work" | wc -l) new files"
  else
    status=1
    echo "fuzz_$t: FAILED after $((SECONDS - start)) s; log $log; last lines:" >&2
    tail -n 60 "$log" >&2
    ls -l "$build/artifacts" >&2
  fi
done
exit $status
