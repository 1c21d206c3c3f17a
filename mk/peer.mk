# The emulator driven by the official `avara` 0.3.0 from PyPI (tests/peer/), a client
# nobody here wrote, in a virtualenv of its own because it has our import name.

PEER_VENV := $(ROOT)/.venv-peer
PEER_PY := $(PEER_VENV)/bin/python
PEER_STAMP := $(PEER_VENV)/.avara-peer-deps

.PHONY: peer-test peer-venv

$(PEER_STAMP): $(ROOT)/tests/peer/requirements.txt
	test -x $(PEER_PY) || $(PYTHON) -m venv $(PEER_VENV)
	$(PEER_PY) -m pip install --quiet --disable-pip-version-check -r $(ROOT)/tests/peer/requirements.txt
	touch $@

# Other fragments name this target: they are read before this file defines PEER_STAMP.
peer-venv: $(PEER_STAMP)

peer-test: emulator-build peer-venv
	$(PEER_PY) $(ROOT)/tests/peer/official_sdk.py
