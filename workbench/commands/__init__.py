"""CLI sub-commands, one module per area of the engine (see `workbench.cli`)."""
