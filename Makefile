# `make test` is the one command for the tests: it installs what they need (Dovecot from the
# distribution's packages when it is missing, the Python test dependencies) and runs them all.
PYTHON ?= python3
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PYTEST_ARGS ?=

.PHONY: test test-deps
test: test-deps
	REPLYDRAFT_REQUIRE_DOVECOT=1 $(PYTHON) -m pytest $(PYTEST_ARGS)

test-deps:
	@command -v dovecot >/dev/null 2>&1 || [ -x /usr/sbin/dovecot ] || { \
		echo "installing Dovecot (dovecot-imapd) for the integration tests"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq dovecot-imapd openssl >/dev/null; }
	$(PYTHON) -m pip install -q -e ".[test]"
