"""Entries, settings and templates: loaded, checked and rendered, knowing no layout."""
