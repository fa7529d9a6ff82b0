# Two commands do everything:  make book  (build the site)  and  make test  (run every test).
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
# Overridable for the Makefile's own tests (a tiny requirements file makes a .venv in seconds).
REQUIREMENTS ?= requirements.txt
CHROMIUM ?= chromium
USER_ID ?= $(shell id -u)
# Test processes run at once (pytest-xdist; each test file stays in one process, so the browser report
# and each notebook run once). TEST_WORKERS=0 runs everything in this process.
TEST_WORKERS ?= 2
# Major.minor of the Python that makes (and must have made) .venv; empty if $(PYTHON) does not run.
PY_VER := $(shell $(PYTHON) -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)
STAMP  := $(VENV)/.installed-$(PY_VER)
PIP    := $(PY) -m pip install --quiet --disable-pip-version-check

.PHONY: book book-student test venv python-check chromium execute site lock clean distclean help

help:
	@echo "make book      - check Python >= 3.11, install into .venv, execute the chapters (cached), build _build/html"
	@echo "make book-student - the same site without exercise solutions, into _build/student/html"
	@echo "make test      - make book, then unit tests, nbval on the executed chapters, site checks"
	@echo "                 (installs Debian's chromium for the browser tests when missing and run as root)"
	@echo "make clean     - remove _build and the executed notebooks"
	@echo "make distclean - make clean, and remove .venv too (start over)"

# A clear message instead of a pip error when the Python is too old or missing.
python-check:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
	  echo "The book needs Python 3.11 or newer, but $(PYTHON) is: $$($(PYTHON) --version 2>/dev/null || echo 'not installed')." >&2; \
	  echo "Install Python 3.11 (Debian/Ubuntu: apt-get install python3.11 python3.11-venv), then run:" >&2; \
	  echo "    make distclean && make book PYTHON=python3.11" >&2; \
	  exit 1; }

venv: $(STAMP)

# Re-installs when the pinned requirements or the package metadata change. A .venv made by another
# Python (or left broken by a failed run) is removed and made again with $(PYTHON).
$(STAMP): $(REQUIREMENTS) pyproject.toml
	@$(MAKE) --no-print-directory python-check PYTHON='$(PYTHON)'
	@if [ -e $(VENV) ]; then \
	  have=$$($(PY) -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null || echo "?? (a broken interpreter)"); \
	  if [ "$$have" != "$(PY_VER)" ]; then \
	    echo "$(VENV) holds Python $$have, not $(PY_VER) from $(PYTHON): removing it and making it again"; \
	    rm -rf $(VENV); fi; fi
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || { \
	  rm -rf $(VENV); \
	  echo "$(PYTHON) -m venv failed: install the venv module (Debian/Ubuntu: apt-get install python$(PY_VER)-venv)" >&2; \
	  exit 1; }
	$(PIP) 'setuptools>=64' wheel
	$(PIP) -r $(REQUIREMENTS)
	$(PIP) --no-deps --no-build-isolation -e .
	@rm -f $(VENV)/.installed $(VENV)/.installed-*
	@touch $(STAMP)

# The browser tests use Debian's chromium: installed here when missing and run as root.
chromium:
	@command -v $(CHROMIUM) >/dev/null 2>&1 || { \
	  if [ "$(USER_ID)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing Debian's chromium for the browser tests (apt-get install chromium)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "make test needs Debian's chromium for its browser tests, and $(CHROMIUM) is not installed." >&2; \
	    echo "Install it as root:    apt-get install chromium    (or: sudo apt-get install chromium)" >&2; \
	    exit 1; fi; }

execute: $(STAMP)
	$(PY) tools/build_book.py execute

site: $(STAMP)
	$(PY) tools/build_book.py site

book: $(STAMP)
	$(PY) tools/build_book.py all

book-student: execute
	$(PY) tools/build_book.py student

test: chromium book book-student
	PYTHONHASHSEED=0 OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 $(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile

# Refresh the exact pins after changing the ranges in pyproject.toml.
lock: $(STAMP)
	$(PIP) -e '.[book,test]' --no-build-isolation
	( echo "# Exact pins of every package the book needs (generated with \`pip freeze\` from the ranges in pyproject.toml:"; \
	  echo "# the runtime dependencies and the book and test extras). Regenerate: make lock"; \
	  $(PY) -m pip freeze --exclude-editable ) > requirements.txt

clean:
	rm -rf _build book/*.ipynb

distclean: clean
	rm -rf $(VENV) *.egg-info
