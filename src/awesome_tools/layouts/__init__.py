"""README layouts, one package each."""
