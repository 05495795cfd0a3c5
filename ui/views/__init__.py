"""Windows, panels and dialogs."""
