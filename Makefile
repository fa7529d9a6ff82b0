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
# Where `python -m venv` made .venv (its pyvenv.cfg says); a .venv copied or moved here from another
# checkout is made again, since its scripts start the Python of the other place.
VENV_MADE_AT := $(shell sed -n 's/^command *= .* -m venv  *//p' $(VENV)/pyvenv.cfg 2>/dev/null)
VENV_ELSEWHERE := $(if $(VENV_MADE_AT),$(filter-out $(abspath $(VENV)),$(VENV_MADE_AT)))
# Seconds one code cell (or one ledger part) may run before the build stops it and names it; raise it on a
# slow machine: make book BOOK_CELL_TIMEOUT=1800 (or set it in the environment).
BOOK_CELL_TIMEOUT ?= 600
export BOOK_CELL_TIMEOUT

.PHONY: book book-student instructor handouts test venv python-check chromium execute site lock clean distclean help venv-elsewhere

help:
	@echo "make book      - check Python >= 3.11, install into .venv, execute the chapters (cached), build _build/html"
	@echo "make book-student - the same site without exercise solutions, into _build/student/html"
	@echo "make instructor - the instructor edition (solutions, checks, grading notes) into _build/instructor (never deployed)"
	@echo "make handouts  - one printable PDF per chapter (student edition, static charts) into _build/handouts"
	@echo "make test      - make book, then unit tests, nbval on the executed chapters, site checks"
	@echo "                 (installs Debian's chromium for the browser tests when missing and run as root)"
	@echo "make clean     - remove _build and the executed notebooks"
	@echo "make distclean - make clean, and remove .venv too (start over)"
	@echo "BOOK_CELL_TIMEOUT=<seconds> (default 600) - how long one code cell may run before the build stops it"

# A clear message instead of a pip error when the Python is too old or missing.
python-check:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
	  echo "The book needs Python 3.11 or newer, but $(PYTHON) is: $$($(PYTHON) --version 2>/dev/null || echo 'not installed')." >&2; \
	  echo "Install Python 3.11 (Debian/Ubuntu: apt-get install python3.11 python3.11-venv), then run:" >&2; \
	  echo "    make distclean && make book PYTHON=python3.11" >&2; \
	  exit 1; }

venv: $(STAMP)

venv-elsewhere:

# Re-installs when the pinned requirements or the package metadata change. A .venv made by another
# Python (or left broken by a failed run), or made for another place, is removed and made again.
# The package itself is not installed: a .pth file holding the path from site-packages to this checkout
# (relative, so no absolute path to the checkout is baked into .venv) puts this checkout's `analysis`
# on the path.
$(STAMP): $(REQUIREMENTS) pyproject.toml $(if $(VENV_ELSEWHERE),venv-elsewhere)
	@$(MAKE) --no-print-directory python-check PYTHON='$(PYTHON)'
	@if [ -n "$(VENV_ELSEWHERE)" ]; then \
	  echo "$(VENV) was made at $(VENV_ELSEWHERE) and copied or moved here: removing it and making it again"; \
	  rm -rf $(VENV); fi
	@if [ -e $(VENV) ]; then \
	  have=$$($(PY) -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null || echo "?? (a broken interpreter)"); \
	  if [ "$$have" != "$(PY_VER)" ]; then \
	    echo "$(VENV) holds Python $$have, not $(PY_VER) from $(PYTHON): removing it and making it again"; \
	    rm -rf $(VENV); fi; fi
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || { \
	  rm -rf $(VENV); \
	  echo "$(PYTHON) -m venv failed: install the venv module (Debian/Ubuntu: apt-get install python$(PY_VER)-venv)" >&2; \
	  exit 1; }
	$(PIP) -r $(REQUIREMENTS)
	@$(PY) -m pip uninstall --quiet --yes scaling-book-analysis >/dev/null 2>&1 || true
	@$(PY) -c 'import os, sysconfig; site = sysconfig.get_paths()["purelib"]; \
	  open(os.path.join(site, "scaling_book_checkout.pth"), "w").write(os.path.relpath(os.getcwd(), site) + "\n")'
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

# The course kit (tools/course.py): the instructor's key, kept out of _build/html and so out of the deploy.
instructor: execute
	$(PY) tools/instructor.py

# Printable handouts (tools/handouts.py), printed by the headless Chromium the browser tests use.
handouts: chromium book-student
	$(PY) tools/handouts.py

test: chromium book book-student
	PYTHONHASHSEED=0 OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 $(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile

# Refresh the exact pins after changing the ranges in pyproject.toml.
lock: $(STAMP)
	$(PY) -c 'import tomllib; p = tomllib.load(open("pyproject.toml", "rb"))["project"]; \
	  print("\n".join(p["dependencies"] + [d for extra in p["optional-dependencies"].values() for d in extra]))' \
	  > $(VENV)/lock-input.txt
	$(PIP) -r $(VENV)/lock-input.txt
	( echo "# Exact pins of every package the book needs (generated with \`pip freeze\` from the ranges in pyproject.toml:"; \
	  echo "# the runtime dependencies and the book and test extras). Regenerate: make lock"; \
	  $(PY) -m pip freeze --exclude-editable ) > requirements.txt

clean:
	rm -rf _build book/*.ipynb

distclean: clean
	rm -rf $(VENV) *.egg-info
