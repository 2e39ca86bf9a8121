# Two commands: `make run` (set up, then start the app) and `make test` (set up, then run every test).
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False
export STREAMLIT_BROWSER_GATHER_USAGE_STATS := false

.PHONY: install run test lint clean browser

install: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

run: install
	$(VENV)/bin/haven validate
	$(VENV)/bin/haven prepare
	$(VENV)/bin/streamlit run app.py

# pytest-xdist workers: two keep both cores busy while tests wait on browsers, servers and subprocesses.
TEST_WORKERS ?= 2

test: install browser lint
	$(PY) -m pytest -n $(TEST_WORKERS)

# The browser tests drive Debian's Chromium (Playwright's own browser download is not used).
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "note: install Debian's chromium (sudo apt-get install chromium) to run the browser tests"; \
	  fi; \
	fi

lint: install
	$(VENV)/bin/ruff check haven pages ui tests benchmarks app.py

clean:
	rm -rf $(VENV) .pytest_cache
