"""The panel layout: each model a panel with a summary, badges and a deep dive."""
