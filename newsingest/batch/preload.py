"""Imported by the fork server before it forks pool workers, so that they start warmer.

``ingest_many`` adds this module to the ``forkserver`` preload list: the modules every
worker needs are imported once, in the server, instead of in each worker (and in each
worker of a pool started again after a crash). Loading is all it does: the heavier,
content-dependent set-up (trafilatura for HTML, language profiles) stays lazy, so a
plain-text batch does not wait for an HTML warm-up. Importing it anywhere is harmless.
"""

from __future__ import annotations

from .. import pipeline  # noqa: F401 - lxml, the cleaners, the plugin registry
from . import worker  # noqa: F401
