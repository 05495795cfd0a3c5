"""PySide6 user interface: thin views over `workbench` services. No SQL and no NLP here."""
