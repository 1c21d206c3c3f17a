# The emulator for users without Rust (emulator/packaging/): the npm package
# `avara-emulator`, the PyPI wheel `avara-sdk-emulator` and the Maven artefact
# `com.avara:avara-emulator`, each carrying the binary. `make dist` builds them from the
# release binary (mk/dist.mk); `emulator-packages-test` (part of `make test`) runs their
# helpers' tests against the debug binary.

EMULATOR_PACKAGING := $(ROOT)/emulator/packaging
EMULATOR_PACKAGES_STAGE := $(ROOT)/target/emulator-packages
# The binary the npm package and the jar carry; the sub-targets take another one with
# `make dist-emulator-npm EMULATOR_DIST_BIN=target/debug/avara-emulator`.
EMULATOR_DIST_BIN ?= $(DIST_DIR)/bin/avara-emulator
EMULATOR_JVM_MVN := mvn -B -ntp -q -f $(EMULATOR_PACKAGING)/jvm/pom.xml

.PHONY: dist-emulator-packages dist-emulator-npm dist-emulator-python dist-emulator-jvm \
	emulator-packages-test

dist-emulator-packages: dist-emulator-binary
	$(MAKE) --no-print-directory dist-emulator-npm dist-emulator-python dist-emulator-jvm

dist-emulator-npm:
	rm -rf $(EMULATOR_PACKAGES_STAGE)/npm && mkdir -p $(EMULATOR_PACKAGES_STAGE)/npm/native $(DIST_DIR)
	cd $(EMULATOR_PACKAGING)/npm && cp -r package.json README.md index.js index.mjs index.d.ts bin lib \
		$(EMULATOR_PACKAGES_STAGE)/npm/
	cp $(ROOT)/LICENSE $(EMULATOR_PACKAGES_STAGE)/npm/
	cp $(EMULATOR_DIST_BIN) $(EMULATOR_PACKAGES_STAGE)/npm/native/avara-emulator
	cd $(EMULATOR_PACKAGES_STAGE)/npm && npm pack --silent --pack-destination $(DIST_DIR) >/dev/null
	tar -tzf $(DIST_DIR)/avara-emulator-$(DIST_VERSION).tgz | grep -q 'package/native/avara-emulator'

# maturin compiles the emulator itself (bindings = "bin") with zig against glibc 2.17;
# the wheel's `avara-emulator` script is that binary. It cannot reuse dist-native's build
# (other flags), and in the shared target/ each would relink over the other's binary on
# every run, so it builds in a folder of its own. LICENSE is copied in for the metadata.
dist-emulator-python: dist-tools
	mkdir -p $(DIST_DIR)
	rm -f $(DIST_DIR)/avara_sdk_emulator-*.whl
	cp $(ROOT)/LICENSE $(EMULATOR_PACKAGING)/python/LICENSE
	cd $(EMULATOR_PACKAGING)/python && PATH="$(DIST_PATH)" $(DIST_VENV)/bin/maturin build --quiet --release \
		--strip --zig --compatibility manylinux2014 --target $(DIST_RUST_TARGET) \
		--target-dir $(EMULATOR_PACKAGES_STAGE)/cargo -o $(DIST_DIR) >&2; \
		status=$$?; rm -f $(EMULATOR_PACKAGING)/python/LICENSE; exit $$status

# Built in a folder of its own, so the tested jar (debug binary) is never the shipped one.
dist-emulator-jvm:
	rm -rf $(EMULATOR_PACKAGES_STAGE)/jvm $(DIST_MAVEN_REPO)/com/avara/avara-emulator/$(DIST_VERSION)
	mkdir -p $(EMULATOR_PACKAGES_STAGE)/jvm/binary
	cp $(EMULATOR_DIST_BIN) $(EMULATOR_PACKAGES_STAGE)/jvm/binary/avara-emulator
	$(EMULATOR_JVM_MVN) -Prelease deploy -DskipTests -Dmaven.install.skip=true \
		-Davara.build.dir=$(EMULATOR_PACKAGES_STAGE)/jvm/build \
		-Davara.emulator.binary.dir=$(EMULATOR_PACKAGES_STAGE)/jvm/binary \
		-DaltDeploymentRepository=avara-dist::file://$(DIST_MAVEN_REPO) >&2
	cp $(DIST_MAVEN_REPO)/com/avara/avara-emulator/$(DIST_VERSION)/avara-emulator-$(DIST_VERSION).jar $(DIST_DIR)/

# The Python helper's tests live with the package they ship in (bindings-python/tests);
# they run here too so this target covers all three helpers.
emulator-packages-test: emulator-build python-build
	cd $(EMULATOR_PACKAGING)/npm && node --test --test-reporter=spec test/
	$(PY) -m pytest $(PY_DIR)/tests/test_testing.py --tb=short -q
	$(EMULATOR_JVM_MVN) verify -Davara.emulator.binary.dir=$(ROOT)/target/debug
