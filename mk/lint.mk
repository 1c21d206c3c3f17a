# Lint gates, part of `make test`: rustfmt and clippy over the workspace, ruff over every
# Python file (ruff.toml), ESLint over the Node package (bindings-node/eslint.config.mjs).
# Each tool comes from the project's own files: the toolchain's components, the Python
# tool venv (bindings-python/requirements-dev.txt), the Node package's devDependencies.

.PHONY: lint lint-rust lint-python lint-js

test: lint

lint: lint-rust lint-python lint-js

# The components ship with a rustup toolchain by default; a minimal profile lacks them.
lint-rust:
	@$(CARGO) fmt --version >/dev/null 2>&1 || rustup component add rustfmt
	@$(CARGO) clippy --version >/dev/null 2>&1 || rustup component add clippy
	$(CARGO) fmt --all --check
	$(CARGO) clippy -q --workspace --all-targets -- -D warnings

lint-python: python-tools
	cd $(ROOT) && $(PY_VENV)/bin/ruff check -q .

lint-js: node-deps
	cd $(NODE_DIR) && $(NODE_BIN)/eslint .
