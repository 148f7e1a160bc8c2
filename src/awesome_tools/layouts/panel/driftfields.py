"""Which fields a drifted panel shows differently: both panels read as `import` reads them."""

from __future__ import annotations

from collections.abc import Sequence

from awesome_tools.layouts.driftfields import differing


def panel_fields(have: Sequence[str], want: Sequence[str]) -> list[str]:
    """The fields a README's panel shows differently from the panel render writes."""
    from awesome_tools.layouts.panel.parse import read_panel
    from awesome_tools.layouts.panel.parts import HEADING
    from awesome_tools.layouts.panel.reader import Reader

    if not (have and want and HEADING.match(have[0]) and HEADING.match(want[0])):
        return []
    mine, theirs = (read_panel(Reader("", list(t)), 0, len(t), 0) for t in (have, want))
    return differing(mine, theirs)
