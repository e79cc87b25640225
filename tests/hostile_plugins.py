"""Installable plugins that misbehave, for the reliability tests.

:func:`install_plugin_site` writes a module and a ``.dist-info`` with a
``newsingest.plugins`` entry point into a folder; put that folder on
``PYTHONPATH`` and a ``newsingest`` process (and its workers) loads the plugin.
"""

from __future__ import annotations

from pathlib import Path

#: Markers in an input's text and what the ``evil`` plugin does when it sees one.
EXIT_MARKER = "EVIL-EXIT-NOW"
HANG_MARKER = "EVIL-HANG-NOW"
BLOCKED_HANG_MARKER = "EVIL-DEAF-HANG-NOW"
REGEX_MARKER = "EVIL-REGEX-NOW"
SET_MARKER = "EVIL-SET-NOW"

EVIL_PLUGIN = f'''
import os
import re
import signal
import time

from newsingest import Plugin


class Evil(Plugin):
    name = "evil"
    display_name = "Evil"
    domains = ("evil.example",)

    def process(self, draft):
        text = " ".join(block.text for block in draft.blocks)
        if "{EXIT_MARKER}" in text:
            os._exit(3)
        if "{HANG_MARKER}" in text:
            time.sleep(10_000)
        if "{BLOCKED_HANG_MARKER}" in text:  # deaf to the worker's own alarm: only the parent can stop it
            signal.pthread_sigmask(signal.SIG_BLOCK, {{signal.SIGALRM}})
            time.sleep(10_000)
        if "{REGEX_MARKER}" in text:
            re.match(r"(a+)+$", "a" * 64 + "b")
        if "{SET_MARKER}" in text:
            draft.metadata["tags"] = {{"a", "b"}}
'''

EXIT_AT_IMPORT = """
import os
os._exit(7)
"""

SYS_EXIT_AT_IMPORT = """
import sys
sys.exit("no plugin today")
"""


def install_plugin_site(folder: Path, module: str, source: str, entry: str) -> Path:
    """A folder holding ``module.py`` and a distribution whose entry point ``entry`` names ``module:Evil``."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{module}.py").write_text(source, encoding="utf-8")
    info = folder / f"{module}-0.1.dist-info"
    info.mkdir(exist_ok=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module}\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[newsingest.plugins]\n{entry} = {module}:Evil\n", encoding="utf-8")
    return folder
