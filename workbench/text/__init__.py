"""Text handling: normalisation, segmentation, language, token index, pseudonymisation."""
