"""The list's other outputs: the page, exports, generated docs, a new entry file."""
