# Fuzzing (fuzz/, cargo-fuzz with libFuzzer on the nightly toolchain): what each target
# checks is in ARCHITECTURE.md. `make fuzz` runs every target for FUZZ_SECONDS;
# `fuzz-smoke` (part of `make test`) runs each for FUZZ_SMOKE_SECONDS, so none rots. A
# crash fails the run; its input lands in target/fuzz/artifacts/<target>/. One target
# alone, for longer: `make fuzz-build && fuzz/run.sh verify_unwrap -runs=10000000`.
#
# The fuzz crate is a workspace of its own with its own target dir (fuzz/target): the
# instrumented build shares nothing with target/. All targets build in one invocation.
# Without AddressSanitizer: the code under test is safe Rust (the workspace denies
# unsafe code), so it would only slow every run; debug assertions and overflow checks
# stay on, as cargo-fuzz builds by default.

FUZZ_TARGETS := verify_unwrap json_differential normalize_idempotent params_decoding emulator_request
FUZZ_SECONDS ?= 300
FUZZ_SMOKE_SECONDS ?= 5
CARGO_FUZZ_VERSION := 0.13.2
FUZZ_TOOLS := $(ROOT)/target/fuzz-tools
FUZZ_TOOLS_STAMP := $(FUZZ_TOOLS)/.cargo-fuzz-$(CARGO_FUZZ_VERSION)

.PHONY: fuzz fuzz-smoke fuzz-build fuzz-seeds fuzz-support-test

test: fuzz-smoke

$(FUZZ_TOOLS_STAMP):
	rustup run nightly rustc --version >/dev/null 2>&1 || rustup toolchain install nightly --profile minimal
	$(CARGO) install cargo-fuzz --version $(CARGO_FUZZ_VERSION) --locked --root $(FUZZ_TOOLS)
	touch $@

fuzz-build: $(FUZZ_TOOLS_STAMP)
	cd $(ROOT)/fuzz && PATH="$(FUZZ_TOOLS)/bin:$$PATH" $(CARGO) +nightly fuzz build --sanitizer none

# The oracles the targets judge by (HMAC, JSON shape, URL reading, the input layout).
fuzz-support-test:
	$(CARGO) test -q --manifest-path $(ROOT)/fuzz/Cargo.toml -p avara-fuzz-support

fuzz-smoke: fuzz-build fuzz-support-test
	@for target in $(FUZZ_TARGETS); do \
		$(ROOT)/fuzz/run.sh $$target -max_total_time=$(FUZZ_SMOKE_SECONDS) || exit 1; \
	done

fuzz: fuzz-build
	@for target in $(FUZZ_TARGETS); do \
		$(ROOT)/fuzz/run.sh $$target -max_total_time=$(FUZZ_SECONDS) || exit 1; \
	done

# Rewrites the committed seeds from tests/vectors (fuzz/seeds.py).
fuzz-seeds:
	$(PYTHON) $(ROOT)/fuzz/seeds.py
