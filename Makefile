# Two entry points: `make demo` (the main job) and `make test` (every suite).
# Each binding's targets live in mk/<language>.mk; they install their own tools.

CARGO ?= cargo
ROOT := $(CURDIR)
DEMO_DELIVERY ?= target/demo/delivery.json

.PHONY: demo test rust-test rust-demo codegen codegen-check emulator-build readme-check

# Silent, so the four verification lines stand out from the builds' echo.
demo:
	@$(MAKE) -s --no-print-directory rust-demo node-demo python-demo jvm-demo

test: rust-test codegen-check peer-test node-test python-test jvm-test emulator-packages-test bench-smoke readme-check

# The check without default features proves a webhook-only Rust user links no HTTP client;
# the last one that the client links no async runtime (only the emulator serves with tokio).
rust-test:
	$(CARGO) test -p avara -p avara-codegen -p avara-emulator -- --nocapture
	$(CARGO) check -q -p avara --no-default-features
	! $(CARGO) tree -q -p avara --no-default-features -e normal | grep -q ureq
	! $(CARGO) tree -q -p avara -e normal | grep -q tokio

rust-demo:
	$(CARGO) run -q -p avara --example demo -- $(DEMO_DELIVERY)

# The emulator binary every language's client tests start on a free port
# (target/debug/avara-emulator; tests find it through AVARA_EMULATOR_BIN).
EMULATOR_BIN := $(ROOT)/target/debug/avara-emulator
export AVARA_EMULATOR_BIN := $(EMULATOR_BIN)

emulator-build:
	$(CARGO) build -q -p avara-emulator

# Regenerates the TypeScript, Python and Java declarations from the core's types.
codegen:
	$(CARGO) run -q -p avara-codegen

codegen-check:
	$(CARGO) run -q -p avara-codegen -- --check

# The README's webhook samples are quoted from the example apps; this fails when they drift.
readme-check:
	$(PYTHON) tests/readme/check_snippets.py

include $(sort $(wildcard mk/*.mk))
