"""The ``newsingest`` command line.

``newsingest ingest PATH...`` cleans files, folders (recursively: ``*.txt``,
``*.html``, ``*.htm``) or standard input (``-``) and writes one record per
input: the article, or an error record saying why that input failed. A failing
input never stops the run. Exit codes: 0 all inputs ok, 1 some failed, 2 usage,
3 the output cannot be written (a missing folder, a full disk), 130 interrupted
(Ctrl-C: the summary so far and the command that continues the run are printed).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import logging
import shlex
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from newsingest import __version__
from newsingest._source.decode import DEFAULT_MAX_BYTES
from newsingest.errors import NewsingestError, UsageError
from newsingest.frontends.terminal import escape_log_output, printable
from newsingest.model import Article
from newsingest.options import DEFAULT_TIME_LIMIT

INPUT_SUFFIXES = (".txt", ".html", ".htm")
#: Articles translated together in one batch by ``--translate``.
TRANSLATE_BATCH = 32

#: Exit codes of ``newsingest ingest``.
EXIT_OK, EXIT_FAILED_INPUTS, EXIT_USAGE, EXIT_OUTPUT, EXIT_INTERRUPTED = 0, 1, 2, 3, 130

logger = logging.getLogger("newsingest")


class OutputError(NewsingestError):
    """The records cannot be written (exit code 3): a missing folder, no permission, a full disk."""


def expand_paths(paths: Iterable[str]) -> Iterator[Any]:
    """Files as given, folders walked recursively (sorted) for article files, ``-`` kept.

    A folder's unsafe entries (links leading out of it, broken links, FIFOs) and an
    empty folder come back as error tasks: see :func:`newsingest.batch.inputs.walk_folder`.
    """
    from newsingest.batch.inputs import expand_sources

    # Path: a command line names files, whatever their names hold ("<", a line break)
    return expand_sources(path if path == "-" else Path(path) for path in paths)


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
        from newsingest.batch.worker import dumps_record

        record = result.to_dict() if isinstance(result, Article) else result
        if self.fmt == "jsonl":
            self.out.write(dumps_record(record) + "\n")
        elif self.fmt == "json":
            self.out.write(("[\n" if self.count == 0 else ",\n") + dumps_record(record, indent=2))
        else:
            self.out.write(printable(render_text(record)) + "\n")
        self.out.flush()
        self.count += 1

    def close(self) -> None:
        if self.fmt == "json":
            self.out.write("[]\n" if self.count == 0 else "\n]\n")
        self.out.flush()


def render_text(record: dict[str, Any]) -> str:
    """A human-readable rendering of one record (pass it through :func:`printable` for a terminal)."""
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


def ingest_options(args: argparse.Namespace) -> Any:
    """The :class:`~newsingest.options.IngestOptions` the command line asks for."""
    from newsingest.options import IngestOptions, OptionsError

    try:
        return IngestOptions(
            outlet=args.outlet,
            translate=args.translate,
            translation_device=args.device,
            max_bytes=args.max_bytes,
            time_limit=args.time_limit or None,
        )
    except OptionsError as err:
        raise UsageError(str(err)) from None


def cmd_ingest(args: argparse.Namespace) -> int:
    from newsingest.batch import DEFAULT_CHUNKSIZE, JSONL_SUFFIXES, WARC_SUFFIXES, Task, ingest_many
    from newsingest.batch.output import Progress, prepare_resume, summary_line

    options = ingest_options(args)
    inputs = list(expand_paths(args.paths))
    containers = [
        i
        for i in inputs
        if not isinstance(i, Task) and i != "-" and str(i).lower().endswith(JSONL_SUFFIXES + WARC_SUFFIXES)
    ]
    if args.url and (len(inputs) > 1 or containers):
        raise UsageError("--url names one article's address: give exactly one input with it")
    if sum(1 for i in inputs if i == "-") > 1:
        raise UsageError("'-' (standard input) can be given only once")
    if args.workers < 0:
        raise UsageError("--workers must be 0 or more (0 runs in this process, 1 or more in worker processes)")
    if args.resume and not args.output:
        raise UsageError("--resume finishes an output file: give it with -o FILE")
    if args.resume and args.link:
        raise UsageError("--link links the whole batch in one run: it cannot --resume")
    if args.resume and args.format != "jsonl":
        raise UsageError("--resume works on JSONL output only (--format jsonl)")
    resumed = prepare_resume(args.output) if args.resume else None
    if resumed is not None and resumed.truncated_bytes:
        print(
            f"newsingest: {printable(args.output)}: cut a torn last line ({resumed.truncated_bytes:,} bytes); "
            "its input is ingested again",
            file=sys.stderr,
        )
    as_json = args.format == "jsonl" and not args.translate and not args.link  # lines serialised in the workers
    run = ingest_many(  # checks --outlet before the output is opened
        inputs,
        options=options,
        workers=args.workers,
        url=args.url,
        chunksize=TRANSLATE_BATCH if args.translate else DEFAULT_CHUNKSIZE,
        as_json=as_json,
        as_dicts=not as_json,
        skip_sources=resumed.sources if resumed is not None else None,
        link=args.link,
    )
    show_progress = not args.no_progress and sys.stderr.isatty()
    done = resumed.sources if resumed is not None else set()
    total = None if containers else sum(1 for i in inputs if _source_of(i) not in done)
    progress = Progress(sys.stderr, total=total)
    try:
        out = open_output(args.output, append=args.resume) if args.output else sys.stdout
    except OutputError:
        run.close()
        raise
    interrupted = False
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
                    where = printable(str(record["source"]))
                    print(f"newsingest: {where}: not translated: {printable(error['message'])}", file=sys.stderr)
                writer.write(record)
            if show_progress:
                progress.update(run.stats)
        writer.close()
    except KeyboardInterrupt:
        interrupted = True
    except OSError as err:
        if isinstance(err, BrokenPipeError) or not args.output:
            raise
        raise OutputError(f"cannot write to {args.output}: {err.strerror or err}") from None
    finally:
        run.close()
        progress.close()
        if args.output:
            with contextlib.suppress(OSError):
                out.close()
    stats = run.stats
    failed = stats.failed + (resumed.failed if resumed is not None else 0)
    total = stats.done + (resumed.ok + resumed.failed if resumed is not None else 0)
    print(summary_line(stats, resumed), file=sys.stderr)
    if interrupted:
        print("newsingest: interrupted", file=sys.stderr)
        if args.output and args.format == "jsonl":
            print(f"newsingest: to continue, run: {printable(resume_command(args))}", file=sys.stderr)
        return EXIT_INTERRUPTED
    if failed:
        print(f"newsingest: {failed} of {total} inputs failed (see their error records)", file=sys.stderr)
    return EXIT_FAILED_INPUTS if failed else EXIT_OK


def _source_of(item: Any) -> str | None:
    from newsingest.batch import Task

    if isinstance(item, Task):
        return item.source
    return "<stdin>" if item == "-" else str(item)


def open_output(path: str, *, append: bool) -> IO[str]:
    """The output file, or :class:`OutputError` saying why it cannot be written."""
    try:
        return open(path, "a" if append else "w", encoding="utf-8")
    except OSError as err:
        raise OutputError(f"cannot write to {path}: {err.strerror or err}") from None


def resume_command(args: argparse.Namespace) -> str:
    """The command line that finishes this run: the same one, with ``--resume``."""
    argv = list(getattr(args, "argv", None) or ["ingest", *args.paths, "-o", args.output])
    if "--resume" not in argv:
        argv.append("--resume")
    return shlex.join(["newsingest", *argv])


def cmd_plugins(args: argparse.Namespace) -> int:
    from newsingest._outlets.registry import default_registry

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
        help="worker processes (default: 1; 0 runs in this process, unprotected from an input that "
        "crashes or hangs it); use the number of CPU cores for big batches",
    )
    ingest.add_argument(
        "--resume",
        action="store_true",
        help="finish an interrupted run: keep the records already in -o FILE (jsonl), ingest only the rest",
    )
    ingest.add_argument(
        "--link",
        action="store_true",
        help="link copies and versions of one story: adds story, duplicate_of, link (needs the link extra)",
    )
    ingest.add_argument("--no-progress", action="store_true", help="no progress line on a terminal")
    ingest.add_argument(
        "--time-limit",
        type=float,
        default=DEFAULT_TIME_LIMIT,
        metavar="SECONDS",
        help=f"seconds one input may take before it gets an error record (default: {DEFAULT_TIME_LIMIT:g}; "
        "0: no limit)",
    )
    ingest.add_argument(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help=f"largest input accepted, in bytes (default: {DEFAULT_MAX_BYTES:,})",
    )
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
        from newsingest.translate.cli import add_models_parser
    except ImportError:
        pass
    else:
        found.append(add_models_parser)
    try:
        from newsingest.kit.cli import add_plugin_parser
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
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(argv)
    args.argv = argv
    configured = bool(logging.getLogger().handlers)  # a caller's logging (tests, notebooks) is left as it is
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="newsingest: %(message)s")
    if not configured:
        escape_log_output()
    try:
        with _quiet(QUIET_LOGGERS, quiet=not args.verbose):
            return args.handler(args)
    except UsageError as err:
        parser.print_usage(sys.stderr)
        print(f"newsingest: error: {printable(str(err))}", file=sys.stderr)
        return EXIT_USAGE
    except OutputError as err:
        print(f"newsingest: error: {printable(str(err))}", file=sys.stderr)
        return EXIT_OUTPUT
    except NewsingestError as err:
        print(f"newsingest: error: {printable(str(err))}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return 0
