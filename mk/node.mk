# Node binding: the npm package `avara` (bindings-node/), a napi-rs addon loaded by the
# generated native.js and wrapped by index.js.

NODE_DIR := $(ROOT)/bindings-node
NODE_BIN := $(NODE_DIR)/node_modules/.bin
# Lives inside node_modules, so deleting node_modules also reinstalls.
NODE_DEPS_STAMP := $(NODE_DIR)/node_modules/.avara-npm-ci
DEMO_DELIVERY ?= target/demo/delivery.json

.PHONY: node-deps node-build node-test node-demo

$(NODE_DEPS_STAMP): $(NODE_DIR)/package-lock.json
	cd $(NODE_DIR) && npm ci --no-audit --no-fund
	touch $@

# Named by other fragments, which are read before this file defines NODE_DEPS_STAMP.
node-deps: $(NODE_DEPS_STAMP)

# A debug build: it compiles in half the time and the tests do not measure speed.
node-build: $(NODE_DEPS_STAMP)
	cd $(NODE_DIR) && CARGO="$(CARGO)" $(NODE_BIN)/napi build --platform --js native.js --dts native.d.ts

# The API tests start target/debug/avara-emulator (AVARA_EMULATOR_BIN) on free ports.
node-test: node-build emulator-build manifest-series
	cd $(NODE_DIR) && node --test --test-reporter=spec test/
	cd $(NODE_DIR) && $(NODE_BIN)/tsc -p tsconfig.json

node-demo: node-build
	node $(NODE_DIR)/examples/demo.js $(DEMO_DELIVERY)
