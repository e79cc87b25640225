"""``python -m newsingest``: the same as the ``newsingest`` command."""

import sys

from newsingest.frontends.cli import main

sys.exit(main())
