# Benchmarks (bench/): `make bench` builds release libraries, runs every runtime's
# harness on this machine and rewrites bench/RESULTS.md; it is not part of `make test`.
# `make bench-smoke` (part of `make test`) runs each harness in its quick mode against
# the debug builds the tests already made, and writes its report under target/bench/smoke,
# so no harness can rot unnoticed.

BENCH_DIR := $(ROOT)/bench
BENCH_OUT := $(ROOT)/target/bench
BENCH_SMOKE := $(BENCH_OUT)/smoke
BENCH_VENV := $(BENCH_DIR)/.venv
BENCH_PY := $(BENCH_VENV)/bin/python
BENCH_PY_STAMP := $(BENCH_VENV)/.avara-bench-deps
BENCH_NODE_STAMP := $(BENCH_DIR)/node/node_modules/.avara-npm-ci
BENCH_NODE_LIB := $(BENCH_OUT)/node/avara.linux-x64-gnu.node
BENCH_JVM_JAR := $(BENCH_OUT)/jvm/avara-java.jar
BENCH_JVM_CP = $(BENCH_DIR)/jvm/target/classes:$$(cat $(BENCH_DIR)/jvm/target/classpath.txt)
BENCH_JVM_MVN_CMD := mvn -B -ntp -q -f $(BENCH_DIR)/jvm/pom.xml compile
BENCH_JMH = java -cp "$(BENCH_JVM_CP)" org.openjdk.jmh.Main -foe true -rf json
# The manifest benchmark reads the CT series and has its own report (jvm-manifest.json).
BENCH_JMH_MANIFEST := com.avara.bench.ManifestBench

.PHONY: bench bench-smoke bench-release bench-smoke-rust bench-smoke-node bench-smoke-python \
	bench-smoke-jvm bench-smoke-client

$(BENCH_NODE_STAMP): $(BENCH_DIR)/node/package-lock.json
	cd $(BENCH_DIR)/node && npm ci --no-audit --no-fund
	touch $@

$(BENCH_PY_STAMP): $(BENCH_DIR)/python/requirements.txt
	test -x $(BENCH_PY) || $(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_PY) -m pip install --quiet --disable-pip-version-check -r $(BENCH_DIR)/python/requirements.txt
	touch $@

# Installs a wheel of bindings-python into the benchmark's own venv, so the test venv's
# editable debug build stays as it is. $(1): maturin's profile flag, $(2): wheel folder.
define bench_python_wheel
	rm -rf $(2)
	cd $(PY_DIR) && $(PY_VENV)/bin/maturin build --quiet $(1) -o $(2) >&2
	$(BENCH_PY) -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps $(2)/avara_sdk-*.whl
endef

# Release builds, each once: the Node addon is loaded through NAPI_RS_NATIVE_LIBRARY_PATH
# and the jar is the tested one with its native library swapped for the release build
# (the generated Kotlin is the same for both), so no debug artefact is replaced.
bench-release: jvm-build python-tools $(BENCH_PY_STAMP)
	$(CARGO) build --release -p avara-node -p avara-jvm -p avara-emulator
	mkdir -p $(BENCH_OUT)/node $(BENCH_OUT)/jvm/lib/linux-x86-64
	cp $(ROOT)/target/release/libavara_node.so $(BENCH_NODE_LIB)
	cp $(JVM_JAR) $(BENCH_JVM_JAR)
	cp $(ROOT)/target/release/libavara_jvm.so $(BENCH_OUT)/jvm/lib/linux-x86-64/
	cd $(BENCH_OUT)/jvm/lib && jar uf $(BENCH_JVM_JAR) linux-x86-64/libavara_jvm.so
	$(call bench_python_wheel,--release,$(BENCH_OUT)/wheels)

# The API client's throughput against the emulator, beside each runtime's usual peer
# (bench/client/run.py). $(1): emulator binary, $(2): seconds per figure, $(3): runs of the
# start-up measurement, $(4): output file.
define client_bench
	$(PYTHON) $(BENCH_DIR)/client/run.py --emulator $(1) --python $(BENCH_PY) --peer-python $(PEER_PY) \
		--classpath "$(BENCH_JVM_CP)" --seconds $(2) --runs $(3) --out $(4)
endef

# dist-test first: it installs the dist/ packages and records their sizes and cold starts.
bench: dist-test bench-release $(BENCH_NODE_STAMP) peer-venv
	$(BENCH_JVM_MVN_CMD) -Davara.jar=$(BENCH_JVM_JAR)
	$(PYTHON) $(BENCH_DIR)/machine.py --out $(BENCH_OUT)/machine.json
	$(CARGO) bench -p avara --bench webhooks
	cd $(BENCH_DIR)/node && NAPI_RS_NATIVE_LIBRARY_PATH=$(BENCH_NODE_LIB) \
		node bench.js --out $(BENCH_OUT)/node.json
	cd $(BENCH_DIR)/python && $(BENCH_PY) bench.py --out $(BENCH_OUT)/python.json
	cd $(BENCH_DIR)/python && $(BENCH_PY) manifest.py --out $(BENCH_OUT)/python-manifest.json
	cd $(BENCH_DIR)/node && NAPI_RS_NATIVE_LIBRARY_PATH=$(BENCH_NODE_LIB) \
		node manifest.mjs --out $(BENCH_OUT)/node-manifest.json
	$(BENCH_JMH) -e $(BENCH_JMH_MANIFEST) -rff $(BENCH_OUT)/jvm.json
	$(BENCH_JMH) $(BENCH_JMH_MANIFEST) -rff $(BENCH_OUT)/jvm-manifest.json
	NAPI_RS_NATIVE_LIBRARY_PATH=$(BENCH_NODE_LIB) $(PYTHON) $(BENCH_DIR)/coldstart.py \
		--python $(BENCH_PY) --classpath "$(BENCH_JVM_CP)" --runs 20 --out $(BENCH_OUT)/coldstart.json
	NAPI_RS_NATIVE_LIBRARY_PATH=$(BENCH_NODE_LIB) \
		$(call client_bench,$(ROOT)/target/release/avara-emulator,3,5,$(BENCH_OUT)/client.json)
	$(PYTHON) $(BENCH_DIR)/machine.py --out $(BENCH_OUT)/machine.json --label end
	$(PYTHON) $(BENCH_DIR)/report.py --dir $(BENCH_OUT) --criterion $(ROOT)/target/criterion \
		--e2e $(E2E_REPORT) --out $(BENCH_DIR)/RESULTS.md

bench-smoke: bench-smoke-rust bench-smoke-node bench-smoke-python bench-smoke-jvm
	$(PYTHON) $(BENCH_DIR)/machine.py --out $(BENCH_SMOKE)/machine.json --seconds 1
	$(PYTHON) $(BENCH_DIR)/coldstart.py --python $(BENCH_PY) --classpath "$(BENCH_JVM_CP)" \
		--runs 1 --out $(BENCH_SMOKE)/coldstart.json
	$(PYTHON) $(BENCH_DIR)/report.py --dir $(BENCH_SMOKE) --criterion $(BENCH_SMOKE)/criterion \
		--out $(BENCH_SMOKE)/RESULTS.md --command "make bench-smoke"

# Criterion's test mode runs each routine once; its samples come from a few quick
# measurements of the debug build, only so the report has something to read.
bench-smoke-rust:
	mkdir -p $(BENCH_SMOKE)
	CRITERION_HOME=$(BENCH_SMOKE)/criterion $(CARGO) test -p avara --bench webhooks -- --bench \
		--warm-up-time 0.001 --measurement-time 0.001 --sample-size 10

# bench-smoke-manifest (mk/manifest.mk) writes the small CT series the manifest harnesses read.
bench-smoke-node: node-build $(BENCH_NODE_STAMP) bench-smoke-manifest
	mkdir -p $(BENCH_SMOKE)
	cd $(BENCH_DIR)/node && node bench.js --quick --out $(BENCH_SMOKE)/node.json
	cd $(BENCH_DIR)/node && AVARA_CT_SERIES=$(MANIFEST_SERIES_SMOKE) node manifest.mjs --quick \
		--out $(BENCH_SMOKE)/node-manifest.json

bench-smoke-python: python-build $(BENCH_PY_STAMP) bench-smoke-manifest
	mkdir -p $(BENCH_SMOKE)
	$(call bench_python_wheel,,$(BENCH_SMOKE)/wheels)
	cd $(BENCH_DIR)/python && $(BENCH_PY) bench.py --quick --out $(BENCH_SMOKE)/python.json
	cd $(BENCH_DIR)/python && AVARA_CT_SERIES=$(MANIFEST_SERIES_SMOKE) $(BENCH_PY) manifest.py --quick \
		--out $(BENCH_SMOKE)/python-manifest.json

# Runs after the other smoke targets: it needs the wheel, node_modules and classes they set up.
bench-smoke-client: emulator-build peer-venv bench-smoke-python bench-smoke-node bench-smoke-jvm
	$(call client_bench,$(EMULATOR_BIN),0.2,1,$(BENCH_SMOKE)/client.json)

bench-smoke-jvm: jvm-build bench-smoke-manifest
	mkdir -p $(BENCH_SMOKE)
	$(BENCH_JVM_MVN_CMD)
	$(BENCH_JMH) -e $(BENCH_JMH_MANIFEST) -rff $(BENCH_SMOKE)/jvm.json -f 0 -wi 0 -i 1 -r 10ms
	AVARA_CT_SERIES=$(MANIFEST_SERIES_SMOKE) $(BENCH_JMH) $(BENCH_JMH_MANIFEST) \
		-rff $(BENCH_SMOKE)/jvm-manifest.json -f 0 -wi 0 -i 1 -r 10ms
