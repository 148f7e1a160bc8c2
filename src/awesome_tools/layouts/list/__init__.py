"""The list layout: the classic awesome list, `- [Name](url) - Summary.` under category
headings (docs/list-layout.md). `LIST` is the layout; its modules are imported when used, so
that choosing it costs a one-file `check` nothing."""

from __future__ import annotations

# The core's registry (awesome_tools.layout.LAYOUTS) imports this package's layout module at its
# end: importing the core first lets either be imported first.
import awesome_tools.layout  # noqa: F401
from awesome_tools.layouts.list.layout import LIST

__all__ = ["LIST"]
