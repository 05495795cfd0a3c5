"""Qt item models that page through workbench queries."""
