# Python binding: the PyPI package `avara` (bindings-python/), built with maturin into
# the repository's virtualenv.

PYTHON ?= python3
PY_VENV := $(ROOT)/.venv
PY := $(PY_VENV)/bin/python
PY_TOOLS_STAMP := $(PY_VENV)/.avara-python-tools
PY_DIR := $(ROOT)/bindings-python
DEMO_DELIVERY ?= target/demo/delivery.json

.PHONY: python-tools python-build python-test python-demo

$(PY_TOOLS_STAMP): $(PY_DIR)/requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(PY_VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r $(PY_DIR)/requirements-dev.txt
	touch $@

# A debug build: it compiles in half the time and the tests do not measure speed. Its
# chatter goes to stderr so that `make demo` prints only the demo lines on stdout.
# Named by other fragments, which are read before this file defines PY_TOOLS_STAMP.
python-tools: $(PY_TOOLS_STAMP)

python-build: $(PY_TOOLS_STAMP)
	cd $(PY_DIR) && VIRTUAL_ENV=$(PY_VENV) $(PY_VENV)/bin/maturin develop --quiet >&2

# The stubs of the compiled module are hand-written: stubtest holds them to the build.
# The API tests start their own emulators (AVARA_EMULATOR_BIN, from emulator-build).
python-test: python-build emulator-build
	$(PY) -m pytest $(PY_DIR)/tests --tb=short -q
	cd $(PY_DIR) && $(PY) -m mypy.stubtest --mypy-config-file pyproject.toml avara._native
	cd $(PY_DIR) && $(PY) -m mypy

python-demo: python-build
	$(PY) $(PY_DIR)/examples/demo.py $(DEMO_DELIVERY)
