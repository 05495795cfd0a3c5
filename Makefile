# The two commands of the README. Both set everything up on a fresh machine first.
VENV ?= .venv

.PHONY: setup demo test lint bench

setup:
	bash installer/dev-setup.sh

demo: setup
	$(VENV)/bin/workbench demo

test: setup
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/python -m pytest -q

lint: setup
	$(VENV)/bin/ruff check workbench ui tests bench
