"""The table layout: each model a <details> block holding one table row."""
