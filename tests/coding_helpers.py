"""Kept for tests written before `builders.py`, the one place tests insert documents, codes and coders by
plain SQL: import from `builders` instead."""

from builders import add_code, add_coder_row, add_document

__all__ = ["add_code", "add_coder_row", "add_document"]
