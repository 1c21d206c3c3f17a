# JVM binding: the uniffi cdylib, the Kotlin layer generated from it, and the Maven
# project (bindings-jvm/pom.xml) that compiles the Java facade and packs the library
# into the jar at linux-x86-64/libavara_jvm.so, where JNA finds it. The debug library
# is packed: it builds in a fraction of the release time and behaves the same.

JVM_DIR := $(ROOT)/bindings-jvm
JVM_LIB_DIR := $(ROOT)/target/debug
JVM_BINDGEN := $(ROOT)/target/tool/uniffi-bindgen
JVM_GENERATED := $(JVM_DIR)/target/generated-sources/uniffi
JVM_JAR := $(JVM_DIR)/target/avara-java-0.1.0.jar
JVM_MVN := mvn -B -ntp -f $(JVM_DIR)/pom.xml \
	-Davara.native.dir=$(JVM_LIB_DIR) -Davara.generated.dir=$(JVM_GENERATED)
DEMO_DELIVERY ?= target/demo/delivery.json

.PHONY: jvm-native jvm-build jvm-test jvm-demo

# The generator reads the uniffi metadata of the built library (and runs `cargo
# metadata` to find bindings-jvm/uniffi.toml), so it runs from the workspace root.
jvm-native:
	$(CARGO) build -p avara-jvm
	$(CARGO) build -p avara-jvm --features cli --bin uniffi-bindgen --profile tool
	@# Stale classes of renamed generated types would otherwise stay in the jar.
	rm -rf $(JVM_GENERATED) $(JVM_DIR)/target/classes
	$(JVM_BINDGEN) generate $(JVM_LIB_DIR)/libavara_jvm.so --language kotlin \
		--out-dir $(JVM_GENERATED) --no-format

jvm-build: jvm-native
	$(JVM_MVN) -q package -DskipTests >&2

# `verify` runs the JUnit tests after `package`, against the jar (see the pom's
# surefire setup), so they load the native library exactly as users do. The API client
# tests start their own emulators (AVARA_EMULATOR_BIN, from emulator-build).
jvm-test: jvm-native emulator-build
	$(CARGO) test -p avara-jvm
	$(JVM_MVN) verify

jvm-demo: jvm-build
	java -cp "$(JVM_JAR):$$(cat $(JVM_DIR)/target/classpath.txt)" \
		$(JVM_DIR)/examples/Demo.java $(DEMO_DELIVERY)
