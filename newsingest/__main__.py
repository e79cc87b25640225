"""``python -m newsingest``: the same as the ``newsingest`` command."""

import sys

from .cli import main

sys.exit(main())
