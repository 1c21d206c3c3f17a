# End-to-end test of the distribution (`make dist-test`, not part of `make test`): each
# example app in examples/ is copied outside the repository, installed from dist/ only
# (npm tarballs, wheels, the file-based Maven repository) and run against the emulator
# started through its language's companion package. tests/e2e/run.py writes the cold
# starts and the artifact sizes to target/e2e/report.json, which `make bench` reports.

E2E_REPORT := $(ROOT)/target/e2e/report.json

.PHONY: dist-test

dist-test: dist
	$(PYTHON) $(ROOT)/tests/e2e/run.py --dist $(ROOT)/dist --out $(E2E_REPORT)
