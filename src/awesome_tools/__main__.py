from __future__ import annotations

import sys

from awesome_tools.cli import main

sys.exit(main())
