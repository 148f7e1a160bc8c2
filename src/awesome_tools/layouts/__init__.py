"""The README layouts, one package each, and what they share."""
