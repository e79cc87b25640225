"""A griffe extension for the API reference: reST roles in docstrings become Markdown.

newsingest's docstrings are written to read well in ``help()`` and in an editor, with
Sphinx-style roles (:class:`Pipeline`, :func:`~newsingest.ingest`) and ``::``
literal-block markers. mkdocstrings renders Markdown, where these would show as
raw text. Once the package is loaded, every role becomes inline code and, where
its target resolves to an object of the package, an *optional* cross-reference
(a link when the object is documented on the site, plain code otherwise: never a
broken-link warning under ``mkdocs build --strict``). A paragraph ending in ``::``
ends in ``:`` (the indented block after it is a code block in Markdown too).

The source files are not touched. Loaded from mkdocs.yml
(``extensions: [docs/hooks/sphinx_roles.py]``).
"""

from __future__ import annotations

import html
import re
from typing import Any

import griffe

ROLE = re.compile(r":(?:py:)?(?:class|func|meth|mod|attr|data|exc|obj|const):`(?P<tilde>~?)(?P<target>[^`<>]+)`")
LITERAL_MARKER = re.compile(r"(?<=\S)::[ \t]*$", re.MULTILINE)


def _resolve(obj: griffe.Object, target: str) -> str | None:
    name = target.strip().lstrip(".").removesuffix("()")
    try:
        path = obj.resolve(name.split(".")[0]) + name[len(name.split(".")[0]) :]
    except Exception:  # a name griffe cannot resolve in this scope
        path = name
    return path if path.startswith(("newsingest.", "newsingest_plugins.")) or path == "newsingest" else None


def _rewrite(obj: griffe.Object, text: str) -> str:
    def role(match: re.Match[str]) -> str:
        target = match["target"].strip()
        shown = target.rsplit(".", 1)[-1] if match["tilde"] else target.lstrip(".")
        code = f"<code>{html.escape(shown)}</code>"
        path = _resolve(obj, target)
        if path is None:
            return code
        return f'<autoref identifier="{html.escape(path)}" optional>{code}</autoref>'

    return LITERAL_MARKER.sub(":", ROLE.sub(role, text))


class SphinxRoles(griffe.Extension):
    """Rewrite the roles of every docstring in a package once it is loaded."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        seen: set[int] = set()
        stack: list[griffe.Object] = [pkg]
        while stack:
            obj = stack.pop()
            if id(obj) in seen:
                continue
            seen.add(id(obj))
            if obj.docstring is not None:
                obj.docstring.value = _rewrite(obj, obj.docstring.value)
            stack.extend(member for member in obj.members.values() if not member.is_alias)
