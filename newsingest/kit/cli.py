"""``newsingest plugin new|check|eval|mine``: sub-commands of the plugin kit."""

from __future__ import annotations

import argparse
import sys


def add_plugin_parser(commands) -> None:
    plugin = commands.add_parser("plugin", help="scaffold or check an outlet plugin")
    sub = plugin.add_subparsers(dest="plugin_command", metavar="ACTION")
    sub.required = True

    new = sub.add_parser("new", help="scaffold a plugin project: module, entry point, fixtures, test")
    new.add_argument("name", help="plugin name: lower case, digits and _")
    new.add_argument("--domain", action="append", required=True, help="a domain the outlet publishes on (repeatable)")
    new.add_argument("--display-name", help="the outlet's name as people write it")
    new.add_argument("--language", default="en", help="the outlet's language (ISO 639-1, default en)")
    new.add_argument("--dir", help="where to create the project (default: ./newsingest-NAME)")
    new.set_defaults(handler=cmd_new)

    check = sub.add_parser("check", help="run a plugin over its fixtures: kept, removed and why, differences")
    check.add_argument("name", help="an installed plugin's name")
    check.add_argument("fixtures", nargs="?", help="fixtures folder (default: tests/fixtures/NAME)")
    check.add_argument(
        "--update", action="store_true", help="(re)write the expected JSON first; review the diff by hand"
    )
    check.set_defaults(handler=cmd_check)

    from newsingest.kit.evaluate import add_eval_parser
    from newsingest.kit.mine import add_mine_parser

    add_eval_parser(sub)
    add_mine_parser(sub)


def cmd_new(args: argparse.Namespace) -> int:
    from newsingest.kit.scaffold import scaffold_plugin

    result = scaffold_plugin(  # a PluginError (taken name, bad value) is reported by the CLI, exit code 2
        args.name, args.domain, directory=args.dir, display_name=args.display_name, language=args.language
    )
    print(f"created {result.project}/")
    for path in (result.module, result.project / "pyproject.toml", result.fixture, result.expected, result.test):
        print(f"  {path}")
    print("\nentry point (already in its pyproject.toml):\n")
    print(result.entry_point)
    print(
        f"\nnext:\n  pip install -e {result.project}\n  newsingest plugins\n"
        f"  cd {result.project}\n  newsingest plugin check {args.name}\n  pytest tests"
    )
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from newsingest.kit.check import render_report, run_check

    try:
        reports = run_check(args.name, args.fixtures, update=args.update)
    except FileNotFoundError as err:
        print(f"newsingest: error: {err}", file=sys.stderr)
        return 2
    print(render_report(reports))
    if args.update:
        print(
            "expected JSON rewritten: review every change by hand before you keep it "
            "(in a git repository: git diff -- the fixtures folder)",
            file=sys.stderr,
        )
    return 0 if all(r.ok for r in reports) else 1
