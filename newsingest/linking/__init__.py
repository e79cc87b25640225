"""Story linking: exact copies, near-duplicates, syndicated and translated versions.

    >>> from newsingest import ingest_many, link_stories
    >>> for article in link_stories(ingest_many(["crawl/"])):
    ...     print(article.id, article.story, article.duplicate_of, article.link)

:func:`link_stories` streams: one result out per input, in input order, memory
bounded by signatures (no texts). The rule is in :mod:`newsingest.linking.linker`;
see ``docs/linking.md``. Needs numpy (extra ``link``).
"""

from __future__ import annotations

from newsingest.errors import NewsingestError


class LinkingDependencyError(NewsingestError, ImportError):
    """Story linking needs numpy (extra ``link``), and it is not installed."""


try:
    import numpy  # noqa: F401
except ImportError as err:
    raise LinkingDependencyError(
        "story linking needs numpy, which is not installed; install the extra with: pip install 'newsingest[link]'"
    ) from err

from newsingest.linking.linker import Fingerprint, StoryLinker, fingerprint, fingerprints, link_stories  # noqa: E402

__all__ = ["Fingerprint", "LinkingDependencyError", "StoryLinker", "fingerprint", "fingerprints", "link_stories"]
