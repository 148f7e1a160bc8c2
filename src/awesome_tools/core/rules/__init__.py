"""The core's rules, one module per area: yaml (reading a file), fields (the schema), entries
(one entry beyond its schema), lists (a list's own files, and its entries side by side)."""
