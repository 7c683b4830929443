# regind: the two commands of the README.
#   make demo   set up what is missing, build, and run the main job on the embedded seed data
#   make test   the same set-up, then every test (doctest and pytest through ctest, the
#               find_package consumer, the examples)
VENV   ?= .venv
PY     := $(VENV)/bin/python
BUILD  ?= build/cmake
JOBS   ?= 2

.PHONY: demo test setup system-deps venv python-package cpp-build sanitize fuzz clean

demo: python-package
	$(PY) -m regind report

test: python-package cpp-build sanitize fuzz
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

setup: python-package

system-deps:
	@bash scripts/install-system-deps.sh

$(VENV)/.requirements-stamp: requirements-dev.txt | system-deps
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements-dev.txt
	touch $@

venv: $(VENV)/.requirements-stamp

# The extension is built by scikit-build-core; its build directory (build/<wheel tag>) is kept,
# so a second install only recompiles what changed.
python-package: venv
	$(PY) -m pip install -q --no-build-isolation --no-deps .

cpp-build: venv
	$(VENV)/bin/cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DREGIND_WERROR=ON \
		-DREGIND_PYTHON=$(abspath $(PY)) -DCMAKE_MAKE_PROGRAM=$(abspath $(VENV)/bin/ninja)
	$(VENV)/bin/cmake --build $(BUILD) -j $(JOBS)

# The doctest suite and pytest again, against an ASan + UBSan build (build/asan).
sanitize: venv
	JOBS=$(JOBS) bash scripts/run-sanitized.sh

# Each libFuzzer target for FUZZ_SECONDS over its seed corpus (build/fuzz, Clang).
FUZZ_SECONDS ?= 60
fuzz: venv
	JOBS=$(JOBS) bash scripts/run-fuzzers.sh $(FUZZ_SECONDS)

clean:
	rm -rf build
