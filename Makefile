# Green Industry Service Platform. `make run` serves it; `make test` tests it.
VENV ?= .venv
PY := $(VENV)/bin/python
EMBEDDED := DJANGO_DEBUG=true DJANGO_STAFF_MFA_REQUIRED=false
RUN_PORT ?= 8000

.PHONY: run test faults browser-deps lighthouse screenshots screenshot-fonts lint format check vendor-flags world-map messages compilemessages bench bench-seed bench-databases bench-matchmaking evaluate-matchmaking evaluate-search clean

# Django 6 needs Python 3.12+: use the first suitable interpreter on PATH, then pyenv's.
$(VENV)/.installed: pyproject.toml
	@set -e; interp=""; \
	for candidate in python3.14 python3.13 python3.12 python3 python; do \
	  if command -v $$candidate >/dev/null 2>&1 && \
	     $$candidate -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then \
	    interp=$$(command -v $$candidate); break; fi; \
	done; \
	if [ -z "$$interp" ] && command -v pyenv >/dev/null 2>&1; then \
	  for version in $$(pyenv versions --bare 2>/dev/null | sort -rV); do \
	    case $$version in 3.1[2-9]|3.1[2-9].*) interp="$$(pyenv root)/versions/$$version/bin/python"; break;; esac; \
	  done; \
	fi; \
	if [ -z "$$interp" ]; then \
	  echo "No Python 3.12 or newer found. Django 6 needs it: install python3.12 or python3.13" >&2; \
	  echo "(e.g. 'apt install python3.13 python3.13-venv' or 'pyenv install 3.13'), then run make again." >&2; \
	  exit 1; \
	fi; \
	echo "Using $$interp ($$($$interp --version))"; \
	[ -x $(PY) ] || $$interp -m venv $(VENV); \
	$(PY) -m pip install --quiet --upgrade pip; \
	$(PY) -m pip install --quiet -e '.[dev]'; \
	touch $@

# The embedded default: SQLite, local-memory cache, Celery tasks in-process.
var/.demo-loaded: | $(VENV)/.installed
	@mkdir -p var
	$(EMBEDDED) $(PY) manage.py migrate --noinput
	$(EMBEDDED) $(PY) manage.py seed_demo --per-database 30
	$(EMBEDDED) $(PY) manage.py seed_demo_content
	$(EMBEDDED) $(PY) manage.py run_matchmaking
	$(EMBEDDED) $(PY) manage.py export_open_data
	@touch $@

run: $(VENV)/.installed var/.demo-loaded
	$(EMBEDDED) $(PY) manage.py migrate --noinput
	@echo "Serving the portal at http://127.0.0.1:$(RUN_PORT)/  (admin: $(PY) manage.py createsuperuser)"
	$(EMBEDDED) $(PY) manage.py runserver 127.0.0.1:$(RUN_PORT)

# The suite in TEST_PROCESSES processes (pytest-xdist), then the fault tests alone: they time
# a real worker, beat, Redis and SMTP server, which a busy neighbour would slow down.
TEST_PROCESSES ?= 2

test: $(VENV)/.installed browser-deps
	$(PY) -m pytest -n $(TEST_PROCESSES) -m "not faults"
	$(PY) -m pytest -m faults tests/faults

# The fault tests alone (tests/faults/, marked "faults"): a real Celery worker, beat, Redis server
# and SMTP server, killed and stopped mid-work; they need PostgreSQL and redis-server.
faults: $(VENV)/.installed
	$(PY) -m pytest -m faults tests/faults

# What the browser tests need: Debian's Chromium (Playwright cannot download its own here)
# and axe-core from the npm registry, pinned in package-lock.json.
browser-deps: node_modules/.installed
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else \
	    echo "The browser tests need Chromium: install Debian's package 'chromium' (sudo apt-get install chromium)." >&2; \
	    exit 1; \
	  fi; }

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

# The country flags the pages show (static/vendor/flag-icons/): the SVGs of flag-icons, pinned in
# package-lock.json, for the countries of the taxonomy. node_modules is not served: run this after
# changing the version or the countries, and commit the result.
FLAG_ICONS ?= node_modules/flag-icons
vendor-flags: node_modules/.installed
	rm -rf static/vendor/flag-icons && mkdir -p static/vendor/flag-icons/4x3
	$(PY) -c 'import json; print(*(c["iso2"].lower() for c in json.load(open("databases/taxonomy_data/countries.json"))), sep="\n")' \
	  | while read -r code; do cp $(FLAG_ICONS)/flags/4x3/$$code.svg static/vendor/flag-icons/4x3/; done
	cp $(FLAG_ICONS)/LICENSE static/vendor/flag-icons/LICENSE
	$(PY) -c 'import json; print("flag-icons", json.load(open("$(FLAG_ICONS)/package.json"))["version"])' > static/vendor/flag-icons/VERSION

# The country outlines of the statistics map (databases/taxonomy_data/world_map.json): Natural
# Earth's 1:110m countries from world-atlas (pinned in package-lock.json), keyed by ISO code with
# Debian's iso-codes (package iso-codes). Run after changing either, and commit the result.
WORLD_ATLAS ?= node_modules/world-atlas
ISO_3166_1 ?= /usr/share/iso-codes/json/iso_3166-1.json

world-map: node_modules/.installed
	$(PY) databases/taxonomy_data/build_world_map.py $(WORLD_ATLAS)/countries-110m.json $(ISO_3166_1) \
	  > databases/taxonomy_data/world_map.json
	cp $(WORLD_ATLAS)/LICENSE databases/taxonomy_data/world_map.LICENSE
	$(PY) -c 'import json; print("world-atlas", json.load(open("$(WORLD_ATLAS)/package.json"))["version"])' \
	  > databases/taxonomy_data/world_map.VERSION

# Full-page screenshots of the main public, member and admin pages at 390 and 1366 px in every
# language, into var/screenshots/<lang>/ for review (not a test; SCREENSHOTS_URL: a running portal).
screenshots: $(VENV)/.installed browser-deps screenshot-fonts var/.demo-loaded
	$(EMBEDDED) $(PY) tests/screenshots.py

# The fonts Chinese and Hindi pages need to be seen in screenshots (the site downloads no web
# fonts): Debian's Noto fonts, installed when missing as browser-deps installs Chromium.
screenshot-fonts:
	@need=""; \
	fc-list :lang=zh-cn 2>/dev/null | grep -q . || need="$$need fonts-noto-cjk"; \
	fc-list :lang=hi 2>/dev/null | grep -q . || need="$$need fonts-noto-core"; \
	if [ -n "$$need" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$need; \
	  else \
	    echo "Chinese and Hindi text will show as boxes: install Debian's$$need (sudo apt-get install$$need)." >&2; \
	  fi; \
	fi

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

format: $(VENV)/.installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# What CI checks besides the tests: lint (the layering of the apps included), and no model
# change without its migration.
check: lint
	$(EMBEDDED) $(PY) manage.py makemigrations --check --dry-run
	$(EMBEDDED) $(PY) manage.py check

messages: $(VENV)/.installed
	$(EMBEDDED) $(PY) manage.py makemessages --all --no-obsolete --ignore='.venv/*' --ignore='var/*' --ignore='node_modules/*' --ignore='tests/*'
	$(EMBEDDED) $(PY) manage.py compilemessages --ignore='.venv/*'

compilemessages: $(VENV)/.installed
	$(EMBEDDED) $(PY) manage.py compilemessages --ignore='.venv/*'

# Benchmarks (not tests): 100k records per database on PostgreSQL (BENCH_DATABASE_URL), then
# the server time of each public page (bench-databases) and the throughput of each page under
# gunicorn next to a trivial view (bench). BENCH_SEED=0 reuses the records already seeded.
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/gisp_bench
BENCH_PER_DATABASE ?= 100000
BENCH_SEED ?= 1
BENCH_REDIS_URL ?= redis://127.0.0.1:6379/13
BENCH_ENV := DATABASE_URL=$(BENCH_DATABASE_URL) REDIS_URL=$(BENCH_REDIS_URL) \
	DJANGO_SECRET_KEY=bench-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz

bench-seed: $(VENV)/.installed
	@psql "$(BENCH_DATABASE_URL)" -c 'SELECT 1' >/dev/null 2>&1 || \
	  createdb -h 127.0.0.1 -U postgres "$$(basename $(BENCH_DATABASE_URL))"
	$(BENCH_ENV) $(PY) manage.py migrate --noinput
	@if [ "$(BENCH_SEED)" = 1 ]; then \
	  $(BENCH_ENV) $(PY) manage.py seed_demo --clear --no-images --per-database $(BENCH_PER_DATABASE); fi

bench-databases: bench-seed
	$(BENCH_ENV) DJANGO_ALLOWED_HOSTS=testserver $(PY) manage.py bench_databases

bench: bench-databases
	@command -v wrk >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq wrk; } || \
	  { echo "The HTTP benchmark needs wrk (Debian package 'wrk')." >&2; exit 1; }
	$(BENCH_ENV) $(PY) manage.py bench_http

# Matchmaking at scale: 20,000 projects and 100,000 enterprises (and 20,000 technologies, whose
# fields enterprises offer) in their own PostgreSQL database; see docs/benchmarks.md.
BENCH_MM_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/gisp_bench_matchmaking
BENCH_MM_ENV := DATABASE_URL=$(BENCH_MM_DATABASE_URL) \
	DJANGO_SECRET_KEY=bench-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz \
	MEDIA_ROOT=$(CURDIR)/var/bench-media

bench-matchmaking: $(VENV)/.installed
	@psql "$(BENCH_MM_DATABASE_URL)" -c 'SELECT 1' >/dev/null 2>&1 || \
	  createdb -h 127.0.0.1 -U postgres "$$(basename $(BENCH_MM_DATABASE_URL))"
	$(BENCH_MM_ENV) $(PY) manage.py migrate --noinput
	@if [ "$(BENCH_SEED)" = 1 ]; then $(BENCH_MM_ENV) $(PY) manage.py seed_demo --clear --no-images \
	  --counts enterprises=100000,technologies=20000,projects=20000; fi
	$(BENCH_MM_ENV) $(PY) manage.py bench_matchmaking
	$(BENCH_MM_ENV) $(PY) manage.py evaluate_matchmaking --dataset $(MATCHMAKING_DATASET)

# The matchmaking measured on real data against two baselines (docs/matchmaking.md), in a scratch
# database of its own on the configured server (DATABASE_URL; SQLite by default), dropped after.
MATCHMAKING_DATASET ?= ../shared/data/matchmaking-dev

evaluate-matchmaking: $(VENV)/.installed
	$(EMBEDDED) $(PY) manage.py evaluate_matchmaking --dataset $(MATCHMAKING_DATASET)

# Search quality (docs/benchmarks.md): the judged queries of databases/search_eval/ over the demo
# data (30 records per database, seed 15) in a PostgreSQL database of its own.
EVAL_SEARCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/gisp_evaluate_search
EVAL_SEARCH_ENV := DATABASE_URL=$(EVAL_SEARCH_DATABASE_URL) \
	DJANGO_SECRET_KEY=bench-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz

evaluate-search: $(VENV)/.installed
	@psql "$(EVAL_SEARCH_DATABASE_URL)" -c 'SELECT 1' >/dev/null 2>&1 || \
	  createdb -h 127.0.0.1 -U postgres "$$(basename $(EVAL_SEARCH_DATABASE_URL))"
	$(EVAL_SEARCH_ENV) $(PY) manage.py migrate --noinput
	$(EVAL_SEARCH_ENV) $(PY) manage.py seed_demo --clear --no-images --per-database 30 --seed 15
	$(EVAL_SEARCH_ENV) $(PY) manage.py evaluate_search

# Lighthouse 12 (13 needs a newer Node.js) on the production-mode server; see docs/benchmarks.md.
tests/lighthouse/node_modules/.installed: tests/lighthouse/package.json tests/lighthouse/package-lock.json
	cd tests/lighthouse && npm ci --no-audit --no-fund
	@touch $@

lighthouse: $(VENV)/.installed browser-deps tests/lighthouse/node_modules/.installed var/.demo-loaded
	$(EMBEDDED) $(PY) manage.py migrate --noinput
	tests/lighthouse/run.sh

clean:
	rm -rf var/db.sqlite3 var/.demo-loaded var/media var/static
