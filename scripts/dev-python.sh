#!/usr/bin/env bash
# Builds regind._core in a private build directory and stages an importable copy of the Python
# package, so several people can work in one tree without racing on `pip install`.
#   scripts/dev-python.sh NAME     → build/dev-NAME (CMake) and build/dev-NAME/stage/regind
# Then: PYTHONPATH=build/dev-NAME/stage .venv/bin/python -m pytest tests/python/test_x.py
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/dev-python.sh NAME}
build=build/dev-$name
py=.venv/bin/python
"$py" -m pip --version >/dev/null  # the venv must exist (make setup)
# ccache, when installed, shares compiled objects between the private builds.
launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
.venv/bin/cmake -S . -B "$build" -G Ninja "${launcher[@]}" -DCMAKE_BUILD_TYPE=Release -DREGIND_BUILD_PYTHON=ON \
  -DREGIND_BUILD_TESTS=OFF -DREGIND_BUILD_EXAMPLES=OFF -DREGIND_INSTALL=OFF \
  -DPython_EXECUTABLE="$PWD/$py" -Dpybind11_DIR="$("$py" -m pybind11 --cmakedir)" \
  -DCMAKE_MAKE_PROGRAM="$PWD/.venv/bin/ninja" >/dev/null
.venv/bin/cmake --build "$build" -j 1
rm -rf "$build/stage/regind"
mkdir -p "$build/stage/regind"
cp python/regind/*.py "$build/stage/regind/"
cp python/regind/py.typed python/regind/*.pyi "$build/stage/regind/"
cp "$build"/src/_core*.so "$build/stage/regind/"
echo "staged: PYTHONPATH=$build/stage"
