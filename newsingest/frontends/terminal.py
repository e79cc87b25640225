"""Text shown on a terminal: control characters displayed, never acted on.

An article, a file name or an error message can hold escape sequences (``ESC [2J``
clears the screen, ``ESC ]0;...`` sets the window title, worse on some
terminals). Whatever newsingest prints for a person goes through
:func:`printable`; log records through :class:`EscapingFormatter`.
"""

from __future__ import annotations

import logging
import re

#: C0 and C1 control characters but tab and newline (escape sequences start with ESC or CSI).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """``text`` with each control character shown as ``\\xNN`` (tab and newline kept)."""
    return _CONTROL.sub(lambda match: f"\\x{ord(match.group()):02x}", text)


class EscapingFormatter(logging.Formatter):
    """A formatter whose output passes through :func:`printable`."""

    def format(self, record: logging.LogRecord) -> str:
        return printable(super().format(record))


def escape_log_output(logger: logging.Logger | None = None) -> None:
    """Give every handler of ``logger`` (the root logger by default) an escaping formatter, keeping its format."""
    for handler in (logger or logging.getLogger()).handlers:
        current = handler.formatter
        fmt = getattr(current, "_fmt", None)
        if not isinstance(current, EscapingFormatter):
            handler.setFormatter(EscapingFormatter(fmt))
