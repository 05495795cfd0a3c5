# The two commands of the README. Both set everything up on a fresh machine first.
VENV ?= .venv

.PHONY: setup demo test test-latest lock lint bench i18n installer installer-smoke

setup:
	bash installer/dev-setup.sh

demo: setup
	$(VENV)/bin/workbench demo

test: setup
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/python -m pytest -q

# Not in CI: the suite on the newest releases pyproject.toml allows, before taking them into the lock.
test-latest:
	bash installer/test-latest.sh

# The desktop app for analysts (docs/INSTALLER.md): EDITION=cpu (default) or gpu. Not part of `make test`:
# a build takes 3 to 15 minutes, the smoke test (build, self-test, sizes, timings) 7 to 25.
installer:
	bash installer/build.sh

installer-smoke:
	bash installer/smoke.sh

# Re-resolve requirements-cpu.lock and requirements-gpu.lock from pyproject.toml (docs/DEVELOPMENT.md).
lock:
	bash installer/lock.sh

lint: setup
	$(VENV)/bin/ruff check workbench ui tests bench docs
	$(VENV)/bin/lint-imports --no-cache

# The GUI is written in French; after changing a string in ui/, this adds it to the English .ts (translate
# it there, by hand or with pyside6-linguist) and to the French one, which holds only the strings with a
# count (their singular and plural forms), and recompiles the .qm files the program loads. Commit all four.
i18n:
	$(VENV)/bin/pyside6-lupdate -silent -locations none -no-obsolete -source-language fr -target-language en \
		$$(find ui -name '*.py' | sort) -ts ui/i18n/verbatim_en.ts
	$(VENV)/bin/pyside6-lupdate -silent -locations none -no-obsolete -pluralonly -source-language fr \
		-target-language fr $$(find ui -name '*.py' | sort) -ts ui/i18n/verbatim_fr.ts
	$(VENV)/bin/pyside6-lrelease -silent ui/i18n/verbatim_en.ts -qm ui/i18n/verbatim_en.qm
	$(VENV)/bin/pyside6-lrelease -silent ui/i18n/verbatim_fr.ts -qm ui/i18n/verbatim_fr.qm
