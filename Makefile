# The whole set-up is `make run` (the site with sample data) and `make test` (every test).
# Both create the virtualenv, find or start PostgreSQL (scripts/devenv.py) and migrate; `make run` also
# runs the job queue's worker (harvests, large uploads) beside the web server.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
WITH_ENV = eval "$$($(PY) scripts/devenv.py)" &&
BIND ?= 127.0.0.1:8000
# Chromium for the browser tests, and fonts so that screenshots show Chinese and Arabic text;
# docker-compose to check the compose file (no engine runs here).
BROWSER_PACKAGES = chromium fonts-noto-cjk fonts-noto-core docker-compose
# OCR of scanned records: tesseract and its data for the six languages; poppler's pdftoppm for the tests'
# page images.
OCR_PACKAGES = tesseract-ocr tesseract-ocr-fra tesseract-ocr-spa tesseract-ocr-rus tesseract-ocr-chi-sim \
	tesseract-ocr-ara poppler-utils

.PHONY: install run test db browser ocr clean manage superuser

install: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

db: install
	@$(PY) scripts/devenv.py >/dev/null

run: install ocr
	$(WITH_ENV) $(PY) manage.py migrate --noinput \
	  && $(PY) manage.py collectstatic --noinput --verbosity 0 \
	  && $(PY) manage.py load_sample \
	  && $(PY) manage.py search_index --catch-up \
	  && echo "Serving on http://$(BIND)/ (admin: make superuser in another terminal, then /admin/; any command: make manage ARGS=...)" \
	  && { $(PY) manage.py procrastinate worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	       $(VENV)/bin/gunicorn archive.wsgi --bind $(BIND) --workers 2 --worker-class gthread --threads 4 \
	         --access-logfile -; }

# manage.py with the environment `make run` uses (the same database, UNSC_DB_NAME included).
manage: install
	$(WITH_ENV) $(PY) manage.py $(ARGS)

superuser: install
	$(WITH_ENV) $(PY) manage.py createsuperuser $(ARGS)

# Browser tests need Debian's chromium; install it when we may, else they skip and say why.
browser:
	@{ test -x /usr/bin/chromium && test -x /usr/bin/docker-compose; } || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
	  && (apt-get install -y -qq $(BROWSER_PACKAGES) >/dev/null 2>&1 \
	      || (apt-get update -qq && apt-get install -y -qq $(BROWSER_PACKAGES) >/dev/null)) \
	  || echo "chromium or docker-compose not installed: their tests will be skipped (apt-get install chromium docker-compose)"; }

# Scanned records are read by OCR: install tesseract when we may, else scans are refused and its tests skip.
ocr:
	@{ test -x /usr/bin/tesseract && test -x /usr/bin/pdftoppm && test -e /usr/share/tesseract-ocr/5/tessdata/ara.traineddata; } \
	  || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
	  && (apt-get install -y -qq $(OCR_PACKAGES) >/dev/null 2>&1 \
	      || (apt-get update -qq && apt-get install -y -qq $(OCR_PACKAGES) >/dev/null)) \
	  || echo "tesseract not installed: scanned records cannot be read and the OCR tests will be skipped"; }

# axe-core, from the npm registry, for the accessibility checks of the browser tests.
AXE := tests/browser/js/node_modules/axe-core/axe.min.js
$(AXE): tests/browser/js/package.json
	@command -v npm >/dev/null && (cd tests/browser/js && npm install --no-audit --no-fund --silent) \
	  || echo "npm not found: the accessibility checks will be skipped"

test: install browser ocr $(AXE)
	$(WITH_ENV) $(PY) -m pytest $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
