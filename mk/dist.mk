# Release packages (`make dist`, not part of `make test`): the npm tarball, the manylinux
# wheel, the Maven artefacts (a file-based repository plus copies) and the emulator
# binary, all under dist/. Native code is linked by zig against glibc 2.17, so the
# packages load on any x86_64 Linux from RHEL 7 / Amazon Linux 2 on. The debug builds
# that `make test` uses are never replaced: everything is staged under target/.

DIST_DIR := $(ROOT)/dist
DIST_VENV := $(ROOT)/.venv-dist
DIST_TOOLS_STAMP := $(DIST_VENV)/.avara-dist-tools
DIST_TOOLS_ROOT := $(ROOT)/target/dist-tools
CARGO_ZIGBUILD_VERSION := 0.24.1
CARGO_ZIGBUILD := $(DIST_TOOLS_ROOT)/bin/cargo-zigbuild
# cargo-zigbuild runs zig through the venv's `python -m ziglang`.
DIST_PATH := $(DIST_VENV)/bin:$(DIST_TOOLS_ROOT)/bin:$(PATH)
DIST_RUST_TARGET := x86_64-unknown-linux-gnu
DIST_GLIBC := 2.17
# A target folder of its own: the maturin builds link the same crates with other flags,
# and sharing one folder would rebuild the emulator on every run.
DIST_CARGO_TARGET := $(ROOT)/target/dist-native
DIST_RELEASE_DIR := $(DIST_CARGO_TARGET)/$(DIST_RUST_TARGET)/release
DIST_STAGE := $(ROOT)/target/dist-stage
DIST_NATIVE := $(DIST_STAGE)/native
DIST_VERSION := 0.1.0
DIST_JVM_BUILD := $(ROOT)/target/dist-jvm
DIST_JVM_GENERATED := $(DIST_JVM_BUILD)/generated-sources/uniffi
DIST_MAVEN_REPO := $(DIST_DIR)/maven
DIST_JVM_ARTIFACT := $(DIST_MAVEN_REPO)/com/avara/avara-java/$(DIST_VERSION)

.PHONY: dist dist-tools dist-native dist-node dist-python dist-jvm dist-emulator-binary \
	dist-check-glibc dist-sizes

dist: dist-node dist-python dist-jvm dist-emulator-binary dist-emulator-packages
	@$(MAKE) -s --no-print-directory dist-sizes

$(DIST_TOOLS_STAMP): $(ROOT)/requirements-dist.txt
	test -x $(DIST_VENV)/bin/python || $(PYTHON) -m venv $(DIST_VENV)
	$(DIST_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r $<
	touch $@

$(CARGO_ZIGBUILD):
	$(CARGO) install --quiet --locked cargo-zigbuild --version $(CARGO_ZIGBUILD_VERSION) \
		--root $(DIST_TOOLS_ROOT)

dist-tools: $(DIST_TOOLS_STAMP) $(CARGO_ZIGBUILD)

# One cargo run for the three native artefacts, so the shared crates build once. zig
# treats any strip request as "strip everything", which would drop the symbols uniffi
# reads its metadata from, so the link keeps everything and binutils' strip then writes
# the shipped copies: the JVM library keeps its symbol table, the others lose it.
dist-native: dist-tools
	CARGO_PROFILE_RELEASE_STRIP=false PATH="$(DIST_PATH)" $(CARGO) zigbuild --release \
		-p avara-node -p avara-jvm -p avara-emulator --target $(DIST_RUST_TARGET).$(DIST_GLIBC) \
		--target-dir $(DIST_CARGO_TARGET)
	mkdir -p $(DIST_NATIVE)
	strip --strip-all -o $(DIST_NATIVE)/libavara_node.so $(DIST_RELEASE_DIR)/libavara_node.so
	strip --strip-debug -o $(DIST_NATIVE)/libavara_jvm.so $(DIST_RELEASE_DIR)/libavara_jvm.so
	strip --strip-all -o $(DIST_NATIVE)/avara-emulator $(DIST_RELEASE_DIR)/avara-emulator
	$(MAKE) -s --no-print-directory dist-check-glibc

# Fails when a shipped native file needs a glibc symbol newer than DIST_GLIBC.
dist-check-glibc:
	@for f in $(DIST_NATIVE)/*; do \
		newest=$$(objdump -T $$f | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1); \
		echo "$$(basename $$f): needs glibc $$newest"; \
		test "$$(printf '%s\n' $$newest $(DIST_GLIBC) | sort -V | tail -1)" = $(DIST_GLIBC) || exit 1; \
	done

# The package is packed from a staging copy, so the release addon never shadows the
# debug one that bindings-node/ tests.
dist-node: dist-native
	rm -rf $(DIST_STAGE)/node && mkdir -p $(DIST_STAGE)/node $(DIST_DIR)
	cd $(NODE_DIR) && cp -r package.json README.md index.js index.mjs index.d.ts index.d.mts \
		native.js native.d.ts lib generated $(DIST_STAGE)/node/
	cp $(ROOT)/LICENSE $(DIST_STAGE)/node/
	cp $(DIST_NATIVE)/libavara_node.so $(DIST_STAGE)/node/avara.linux-x64-gnu.node
	cd $(DIST_STAGE)/node && npm pack --silent --pack-destination $(DIST_DIR) >/dev/null
	tar -tzf $(DIST_DIR)/avara-$(DIST_VERSION).tgz | grep -q 'package/avara.linux-x64-gnu.node'

# maturin links through zig itself; --compatibility makes it refuse a library that
# needs more than manylinux2014 allows. LICENSE is copied in for the wheel's metadata.
dist-python: dist-tools
	mkdir -p $(DIST_DIR)
	rm -f $(DIST_DIR)/avara_sdk-*.whl
	cp $(ROOT)/LICENSE $(PY_DIR)/LICENSE
	cd $(PY_DIR) && PATH="$(DIST_PATH)" $(DIST_VENV)/bin/maturin build --quiet --release --zig \
		--compatibility manylinux2014 --target $(DIST_RUST_TARGET) -o $(DIST_DIR) >&2; \
		status=$$?; rm -f $(PY_DIR)/LICENSE; exit $$status

# The Kotlin layer is generated from the shipped library itself (uniffi checks on load
# that both describe one API). The tool-profile bindgen is the one `make jvm-native` builds.
dist-jvm: dist-native
	$(CARGO) build -q -p avara-jvm --features cli --bin uniffi-bindgen --profile tool
	rm -rf $(DIST_JVM_BUILD) $(DIST_JVM_ARTIFACT)
	$(JVM_BINDGEN) generate $(DIST_NATIVE)/libavara_jvm.so --language kotlin \
		--out-dir $(DIST_JVM_GENERATED) --no-format
	mvn -B -ntp -q -f $(JVM_DIR)/pom.xml -Pdist deploy -DskipTests -Dmaven.install.skip=true \
		-Davara.native.dir=$(DIST_NATIVE) -Davara.generated.dir=$(DIST_JVM_GENERATED) \
		-Davara.dist.build.dir=$(DIST_JVM_BUILD) \
		-DaltDeploymentRepository=avara-dist::file://$(DIST_MAVEN_REPO) >&2
	cd $(DIST_JVM_ARTIFACT) && cp avara-java-$(DIST_VERSION).jar avara-java-$(DIST_VERSION).pom \
		avara-java-$(DIST_VERSION)-sources.jar avara-java-$(DIST_VERSION)-javadoc.jar $(DIST_DIR)/

dist-emulator-binary: dist-native
	mkdir -p $(DIST_DIR)/bin
	cp $(DIST_NATIVE)/avara-emulator $(DIST_DIR)/bin/avara-emulator

# dist/SIZES.txt: one line per artefact, "<bytes><TAB><path under dist/>", sorted by path,
# Maven repository metadata (checksums, maven-metadata.xml) left out.
dist-sizes:
	cd $(DIST_DIR) && find . -type f ! -name SIZES.txt ! -name '*.md5' ! -name '*.sha1' \
		! -name 'maven-metadata*' -printf '%s\t%P\n' | sort -t "$$(printf '\t')" -k2 > SIZES.txt
	@awk -F '\t' '{ printf "%10.1f KiB  %s\n", $$1 / 1024, $$2 }' $(DIST_DIR)/SIZES.txt
