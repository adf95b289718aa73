# `make test` is the one command for the tests: it installs what they need (Dovecot, Cyrus,
# PostgreSQL, Chromium, neomutt and tmux from the distribution's packages when they are missing, the Python test
# dependencies into a venv of its own, TEST_VENV) and runs them all. It never installs
# anything into the Python or venv it is run from.
PYTHON ?= python3
TEST_VENV ?= .cache/test-venv
VENV_PYTHON := $(TEST_VENV)/bin/python
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PYTEST_ARGS ?=
# pytest-xdist processes for make test: one per core
TEST_WORKERS ?= auto
APT_INSTALL := DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends
# dovecot-imapd and cyrus-imapd conflict: cyrus-common (master, libraries) is installed and
# imapd/idled are unpacked from cyrus-imapd into CYRUS_DIR, where tests/support/cyrusserver.py looks.
# --no-install-recommends matters: cyrus-common recommends cyrus-imapd, which would remove Dovecot.
CYRUS_DIR := .cache/cyrus-imapd

.PHONY: test lint model test-deps test-venv test-deps-dovecot test-deps-cyrus test-deps-postgres test-deps-browser \
	test-deps-client bench \
	bench-deps
test: test-deps
	REPLYDRAFT_REQUIRE_DOVECOT=1 REPLYDRAFT_REQUIRE_CYRUS=1 REPLYDRAFT_REQUIRE_POSTGRES=1 \
		REPLYDRAFT_REQUIRE_BROWSER=1 REPLYDRAFT_REQUIRE_CLIENT=1 \
		$(VENV_PYTHON) -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

# ruff and mypy --strict (settings in pyproject.toml), from the test venv, both run whatever the first says;
# .ci/run runs it after the tests.
lint: test-venv
	@status=0; \
	$(VENV_PYTHON) -m ruff check src tests benchmarks || status=1; \
	$(VENV_PYTHON) -m mypy src/replydraft || status=1; \
	exit $$status

# The learned scorer's model, src/replydraft/detection/model.json, rebuilt from the labelled sets in
# tests/data (docs/detection.md): the same bytes every time, in well under a minute.
model:
	PYTHONPATH=src $(PYTHON) -m replydraft.detection.training

test-deps: test-deps-dovecot test-deps-cyrus test-deps-postgres test-deps-browser test-deps-client test-venv

# replydraft (editable), the test dependencies and the linters in a venv of their own: made once, and
# installed again only when pyproject.toml changes.
test-venv: $(TEST_VENV)/.installed
$(TEST_VENV)/.installed: pyproject.toml
	@$(PYTHON) -c "import ensurepip, venv" 2>/dev/null || { \
		echo "installing python3-venv (Python's venv module) for the test venv"; \
		$(SUDO) apt-get update -qq && $(APT_INSTALL) python3-venv >/dev/null; }
	@[ -x $(VENV_PYTHON) ] || { echo "making the test venv $(TEST_VENV)"; $(PYTHON) -m venv $(TEST_VENV); }
	$(VENV_PYTHON) -m pip install -q -e ".[test,lint]"
	@touch $@

# The HTML report is checked in a real headless browser.
test-deps-browser:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "installing Chromium for the report's browser test"; \
		$(SUDO) apt-get update -qq && $(APT_INSTALL) chromium >/dev/null; }

# A draft is looked at in a real mail client: neomutt, in a tmux pane.
test-deps-client:
	@command -v neomutt >/dev/null 2>&1 && command -v tmux >/dev/null 2>&1 || { \
		echo "installing neomutt and tmux for the mail-client test"; \
		$(SUDO) apt-get update -qq && $(APT_INSTALL) neomutt tmux >/dev/null; }

test-deps-dovecot:
	@command -v dovecot >/dev/null 2>&1 || [ -x /usr/sbin/dovecot ] || { \
		echo "installing Dovecot (dovecot-imapd) for the integration tests"; \
		$(SUDO) apt-get update -qq && $(APT_INSTALL) dovecot-imapd openssl >/dev/null; }

test-deps-cyrus: test-deps-dovecot
	@[ -x /usr/sbin/cyrmaster ] && [ -x /usr/sbin/saslpasswd2 ] || { \
		echo "installing Cyrus (cyrus-common, sasl2-bin) for the integration tests"; \
		$(SUDO) apt-get update -qq && $(APT_INSTALL) cyrus-common sasl2-bin >/dev/null; }
	@version=$$(dpkg-query -W -f='$${Version}' cyrus-common); \
	[ "$$(cat $(CYRUS_DIR)/VERSION 2>/dev/null)" = "$$version" ] || { \
		echo "unpacking imapd and idled from cyrus-imapd $$version into $(CYRUS_DIR)"; \
		tmp=$$(mktemp -d) && (cd $$tmp && apt-get download -qq "cyrus-imapd=$$version" 2>/dev/null) \
		|| { echo "can't download cyrus-imapd $$version (the version of cyrus-common): run apt-get update," \
			"or upgrade cyrus-common"; rm -rf $$tmp; exit 1; }; \
		rm -rf $(CYRUS_DIR) && mkdir -p $(CYRUS_DIR) && dpkg-deb -x $$tmp/cyrus-imapd_*.deb $(CYRUS_DIR) \
		&& echo "$$version" > $(CYRUS_DIR)/VERSION; status=$$?; rm -rf $$tmp; exit $$status; }

# The shared state's tests start a private PostgreSQL cluster (tests/support/pgserver.py): only the
# server's programs are needed, not a running service.
test-deps-postgres:
	@ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || { \
		echo "installing PostgreSQL for the shared-state tests"; \
		$(SUDO) apt-get update -qq && $(APT_INSTALL) postgresql >/dev/null; }

# The backlog benchmark (benchmarks/backlog.py): Dovecot for the mailbox, imapfilter as the peer.
bench-deps: test-deps-dovecot
	@command -v imapfilter >/dev/null 2>&1 || { \
		echo "installing imapfilter (the peer of the backlog benchmark)"; \
		$(SUDO) apt-get update -qq && $(APT_INSTALL) imapfilter >/dev/null; }

bench: bench-deps test-venv
	PYTHONPATH=src $(VENV_PYTHON) benchmarks/backlog.py $(BENCH_ARGS)
