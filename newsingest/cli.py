"""The ``newsingest`` command line.

``newsingest ingest PATH...`` cleans files, folders (recursively: ``*.txt``,
``*.html``, ``*.htm``) or standard input (``-``) and writes one record per
input: the article, or an error record saying why that input failed. A failing
input never stops the run. Exit codes: 0 all inputs ok, 1 some failed, 2 usage.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import logging
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from . import __version__
from .errors import NewsingestError, UsageError
from .model import Article

INPUT_SUFFIXES = (".txt", ".html", ".htm")
#: Articles translated together in one batch by ``--translate``.
TRANSLATE_BATCH = 32

logger = logging.getLogger("newsingest")


def expand_paths(paths: Iterable[str]) -> Iterator[str | Path]:
    """Files as given, folders walked recursively (sorted) for article files, ``-`` kept."""
    for raw in paths:
        if raw == "-":
            yield "-"
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES)
            yield from found
        else:
            yield path  # missing files become error records, not a crash


def error_record(source: str, err: BaseException, data: bytes | None = None) -> dict[str, Any]:
    """The record written in place of an article for an input that failed."""
    return {
        "source": source,
        "id": hashlib.sha256(data).hexdigest()[:16] if data else None,
        "error": {"type": type(err).__name__, "message": str(err)},
    }


class Writer:
    """Writes records as JSON (an array), JSONL or readable text."""

    def __init__(self, out: IO[str], fmt: str) -> None:
        self.out, self.fmt, self.count = out, fmt, 0

    def write(self, result: Article | dict) -> None:
        record = result.to_dict() if isinstance(result, Article) else result
        if self.fmt == "jsonl":
            self.out.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif self.fmt == "json":
            self.out.write(("[\n" if self.count == 0 else ",\n") + json.dumps(record, ensure_ascii=False, indent=2))
        else:
            self.out.write(render_text(record) + "\n")
        self.out.flush()
        self.count += 1

    def close(self) -> None:
        if self.fmt == "json":
            self.out.write("[]\n" if self.count == 0 else "\n]\n")
        self.out.flush()


def render_text(record: dict[str, Any]) -> str:
    """A human-readable rendering of one record."""
    lines = [f"=== {record.get('source')}"]
    if "error" in record:
        lines.append(f"ERROR {record['error']['type']}: {record['error']['message']}")
        return "\n".join(lines) + "\n"
    facts = [f"outlet: {record['outlet'] or '-'}", f"language: {record['language'] or '-'}"]
    if record["authors"]:
        facts.append("authors: " + ", ".join(record["authors"]))
    if record["published"]:
        facts.append(f"published: {record['published']}")
    lines.append(" | ".join(facts))
    if record["title"]:
        lines += ["", record["title"], "=" * min(len(record["title"]), 80)]
    lines += ["", record["text"]]
    return "\n".join(lines) + "\n"


def cmd_ingest(args: argparse.Namespace) -> int:
    from .batch import DEFAULT_CHUNKSIZE, JSONL_SUFFIXES, WARC_SUFFIXES, ingest_many
    from .batch.output import Progress, prepare_resume, summary_line

    inputs = list(expand_paths(args.paths))
    containers = [i for i in inputs if i != "-" and str(i).lower().endswith(JSONL_SUFFIXES + WARC_SUFFIXES)]
    if args.url and (len(inputs) > 1 or containers):
        raise UsageError("--url names one article's address: give exactly one input with it")
    if sum(1 for i in inputs if i == "-") > 1:
        raise UsageError("'-' (standard input) can be given only once")
    if args.workers < 0:
        raise UsageError("--workers must be 0 or more (0 and 1 run in this process)")
    if args.resume and not args.output:
        raise UsageError("--resume finishes an output file: give it with -o FILE")
    if args.resume and args.format != "jsonl":
        raise UsageError("--resume works on JSONL output only (--format jsonl)")
    resumed = prepare_resume(args.output) if args.resume else None
    if resumed is not None and resumed.truncated_bytes:
        print(
            f"newsingest: {args.output}: cut a torn last line ({resumed.truncated_bytes:,} bytes); "
            "its input is ingested again",
            file=sys.stderr,
        )
    as_json = args.format == "jsonl" and not args.translate  # lines serialised in the workers
    run = ingest_many(  # checks --outlet before the output is opened
        inputs,
        workers=args.workers,
        outlet=args.outlet,
        url=args.url,
        translate=args.translate,
        translation_device=args.device,
        chunksize=TRANSLATE_BATCH if args.translate else DEFAULT_CHUNKSIZE,
        as_json=as_json,
        as_dicts=not as_json,
        skip_sources=resumed.sources if resumed is not None else None,
    )
    show_progress = not args.no_progress and sys.stderr.isatty()
    done = resumed.sources if resumed is not None else set()
    total = None if containers else sum(1 for i in inputs if ("<stdin>" if i == "-" else str(i)) not in done)
    progress = Progress(sys.stderr, total=total)
    out = open(args.output, "a" if args.resume else "w", encoding="utf-8") if args.output else sys.stdout  # noqa: SIM115
    try:
        writer = Writer(out, args.format)
        for record in run:
            if as_json:  # the very line Writer would write, serialised in the worker
                out.write(record + "\n")
                out.flush()
            else:
                error = None if "error" in record else record["metadata"].get("translation_error")
                if error:
                    progress.close()
                    print(f"newsingest: {record['source']}: not translated: {error['message']}", file=sys.stderr)
                writer.write(record)
            if show_progress:
                progress.update(run.stats)
        writer.close()
    finally:
        run.close()
        progress.close()
        if args.output:
            out.close()
    stats = run.stats
    failed = stats.failed + (resumed.failed if resumed is not None else 0)
    total = stats.done + (resumed.ok + resumed.failed if resumed is not None else 0)
    print(summary_line(stats, resumed), file=sys.stderr)
    if failed:
        print(f"newsingest: {failed} of {total} inputs failed (see their error records)", file=sys.stderr)
    return 1 if failed else 0


def cmd_plugins(args: argparse.Namespace) -> int:
    from .registry import default_registry

    registry = default_registry()
    infos = registry.infos()
    if not infos:
        print("no plugins installed")
    for info in infos:
        plugin = info.plugin
        print(f"{plugin.name:<12} {plugin.display_name}")
        print(f"{'':<12} domains:  {', '.join(plugin.domains) or '-'}")
        print(f"{'':<12} language: {plugin.language or '-'}")
        if len(plugin.versions()) > 1:
            versions = ", ".join(
                f"{v.version} (until {v.valid_until})" if v.valid_until else f"{v.version} (current)"
                for v in plugin.versions()
            )
            print(f"{'':<12} versions: {versions}")
        print(f"{'':<12} from:     {info.origin}")
    for message in registry.conflicts():
        print(f"conflict: {message}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsingest", description="Clean, structured, multilingual news articles.")
    parser.add_argument("--version", action="version", version=f"newsingest {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what happens to stderr")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    ingest = commands.add_parser("ingest", help="clean articles from files, folders or stdin")
    ingest.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="a file, a folder (recursive: *.txt, *.html, *.htm), a .jsonl file of input records, "
        "a .warc/.warc.gz file, or - for stdin",
    )
    ingest.add_argument(
        "--outlet", metavar="NAME|none", help="force a plugin by name, or 'none' for generic cleaning only"
    )
    ingest.add_argument("--url", help="the article's URL (one input only); helps pick the plugin")
    ingest.add_argument(
        "--format", choices=("json", "jsonl", "text"), default="jsonl", help="output format (default: jsonl)"
    )
    ingest.add_argument(
        "--translate", action="store_true", help="add an English translation (needs the translate extra and a model)"
    )
    ingest.add_argument("--device", default="cpu", help="translation device: cpu (default) or cuda")
    ingest.add_argument("-o", "--output", metavar="FILE", help="write records to FILE instead of stdout")
    ingest.add_argument(
        "-j",
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="worker processes (default: 1, in this process); use the number of CPU cores for big batches",
    )
    ingest.add_argument(
        "--resume",
        action="store_true",
        help="finish an interrupted run: keep the records already in -o FILE (jsonl), ingest only the rest",
    )
    ingest.add_argument("--no-progress", action="store_true", help="no progress line on a terminal")
    ingest.set_defaults(handler=cmd_ingest)

    plugins = commands.add_parser("plugins", help="list installed outlet plugins")
    plugins.set_defaults(handler=cmd_plugins)

    for extension in _extensions():
        extension(commands)
    return parser


def _extensions() -> list[Callable[[Any], object]]:
    """Sub-command groups that live in their own modules (models, plugin kit)."""
    found: list[Callable[[Any], object]] = []
    try:
        from .translate.cli import add_models_parser
    except ImportError:
        pass
    else:
        found.append(add_models_parser)
    try:
        from .kit.cli import add_plugin_parser
    except ImportError:
        pass
    else:
        found.append(add_plugin_parser)
    return found


#: Loggers the command quiets unless --verbose: extractor chatter, and the translator's
#: per-article warning (the command prints its own line, naming the input).
QUIET_LOGGERS = ("trafilatura", "htmldate", "newsingest.translate.translator")


@contextlib.contextmanager
def _quiet(names: Iterable[str], quiet: bool) -> Iterator[None]:
    """Raise the given loggers to ERROR for the command's run, then put their levels back.

    ``main`` may be called in-process (tests, notebooks): it must not leave the
    caller's logging changed.
    """
    loggers = [logging.getLogger(name) for name in names] if quiet else []
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="newsingest: %(message)s")
    try:
        with _quiet(QUIET_LOGGERS, quiet=not args.verbose):
            return args.handler(args)
    except UsageError as err:
        parser.print_usage(sys.stderr)
        print(f"newsingest: error: {err}", file=sys.stderr)
        return 2
    except NewsingestError as err:
        print(f"newsingest: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
