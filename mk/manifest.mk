# The manifest builder's data: pydicom's test files (pydicom comes with the Python dev
# tools), the vector generated from them, and for the benchmark a synthetic CT series and
# headers built to be expensive. Tests and benchmarks in every language find them through
# AVARA_DICOM_FILES, AVARA_CT_SERIES and AVARA_HOSTILE_INPUTS.

MANIFEST_DIR := $(ROOT)/target/manifest
MANIFEST_FILES := $(MANIFEST_DIR)/pydicom-test-files
MANIFEST_SERIES := $(MANIFEST_DIR)/ct-series
MANIFEST_SERIES_SMOKE := $(MANIFEST_DIR)/ct-series-smoke
MANIFEST_HOSTILE := $(MANIFEST_DIR)/hostile
MANIFEST_SCRIPTS := $(ROOT)/tests/vectors/manifest
export AVARA_DICOM_FILES := $(MANIFEST_FILES)
export AVARA_CT_SERIES := $(MANIFEST_SERIES)
export AVARA_HOSTILE_INPUTS := $(MANIFEST_HOSTILE)

.PHONY: manifest-files manifest-vectors manifest-series bench-manifest bench-smoke-manifest

# A link with a fixed name: the folder's real path depends on the venv's Python version.
manifest-files: python-tools
	mkdir -p $(MANIFEST_DIR)
	ln -sfn "$$($(PY) -c 'import os, pydicom; print(os.path.join(os.path.dirname(pydicom.__file__), "data", "test_files"))')" $(MANIFEST_FILES)

# Every language's suite runs the manifest vector on these files.
rust-test node-test python-test jvm-test: manifest-files

# Rewrites tests/vectors/manifest/files.json (it asks the Rust builder for skip codes).
manifest-vectors: manifest-files
	$(PY) $(MANIFEST_SCRIPTS)/generate.py

$(MANIFEST_SERIES)/ct-2000.dcm: $(MANIFEST_SCRIPTS)/synthetic_series.py | python-tools
	$(PY) $< --out $(MANIFEST_SERIES) --count 2000

$(MANIFEST_SERIES_SMOKE)/ct-0020.dcm: $(MANIFEST_SCRIPTS)/synthetic_series.py | python-tools
	$(PY) $< --out $(MANIFEST_SERIES_SMOKE) --count 20

$(MANIFEST_HOSTILE)/deflate-bomb.dcm: $(MANIFEST_SCRIPTS)/hostile_inputs.py | python-tools
	$(PY) $< --out $(MANIFEST_HOSTILE)

manifest-series: $(MANIFEST_SERIES)/ct-2000.dcm $(MANIFEST_HOSTILE)/deflate-bomb.dcm

# Headers per second (criterion: target/criterion/manifest) and the slowest single
# input (target/criterion/manifest-inputs.json), which fails the run above 50 ms.
bench-manifest: manifest-files manifest-series
	$(CARGO) bench -p avara --bench manifest

bench: bench-manifest

bench-smoke-manifest: manifest-files $(MANIFEST_SERIES_SMOKE)/ct-0020.dcm $(MANIFEST_HOSTILE)/deflate-bomb.dcm
	AVARA_CT_SERIES=$(MANIFEST_SERIES_SMOKE) CRITERION_HOME=$(BENCH_SMOKE)/criterion $(CARGO) test -p avara \
		--bench manifest -- --bench --warm-up-time 0.001 --measurement-time 0.001 --sample-size 10

bench-smoke: bench-smoke-manifest
