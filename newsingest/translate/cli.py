"""``newsingest models``: list and install translation models.

The main CLI calls :func:`add_models_parser` with its sub-parsers; each handler
takes the parsed ``args`` and returns an exit code (0 on success, 1 on failure),
printing errors to stderr without a traceback.

    newsingest models list
    newsingest models install FILE.argosmodel
    newsingest models install FROM TO          (downloads: needs the network)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsingest.errors import NewsingestError


def add_models_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add the ``models`` command group to the main CLI's sub-parsers."""
    models = subparsers.add_parser("models", help="list and install translation models (Argos Translate)")
    commands = models.add_subparsers(dest="models_command", metavar="ACTION")
    commands.required = True

    listing = commands.add_parser("list", help="list installed translation models")
    listing.set_defaults(handler=cmd_models_list)

    install = commands.add_parser(
        "install",
        help="install a model from a .argosmodel file, or download one for a language pair",
        description="Install FILE.argosmodel (offline), or download the model for FROM TO "
        "from the Argos Translate package index (online).",
    )
    install.add_argument("what", nargs="+", metavar="FILE | FROM TO", help="a .argosmodel file, or two language codes")
    install.set_defaults(handler=cmd_models_install)
    return models


def _fail(message: str) -> int:
    print(f"newsingest: error: {message}", file=sys.stderr)
    return 1


def cmd_models_list(args: argparse.Namespace) -> int:
    """Print one installed model a line: ``id -> en  1.9  /path``."""
    from newsingest.translate.packages import list_installed

    try:
        packages = list_installed()
    except NewsingestError as err:
        return _fail(str(err))
    if not packages:
        print("no translation models installed; install one with: newsingest models install FILE.argosmodel")
        return 0
    for package in packages:
        print(f"{package.from_code} -> {package.to_code}  {package.version}  {package.path}")
    return 0


def cmd_models_install(args: argparse.Namespace) -> int:
    """Install from a file (one argument) or for a language pair (two)."""
    from newsingest.translate.packages import install_from_file, install_pair

    what: list[str] = args.what
    try:
        if len(what) == 1:
            package = install_from_file(Path(what[0]))
        elif len(what) == 2:
            package = install_pair(what[0], what[1])
        else:
            return _fail("give a .argosmodel file, or two language codes (FROM TO)")
    except NewsingestError as err:
        return _fail(str(err))
    print(f"installed {package.from_code} -> {package.to_code}  {package.version}  {package.path}")
    return 0
