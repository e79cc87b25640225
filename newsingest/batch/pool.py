"""Worker processes for :func:`~newsingest.ingest_many`: fresh interpreters, watched and replaced.

Each worker is a new Python process (``python -c``, not a fork), so it never runs
the caller's main script: a script without an ``if __name__ == "__main__":``
guard works. It reads its configuration and then chunks of tasks from its
standard input, and writes one message per task back on what was its standard
output (a plugin's ``print`` goes to standard error instead).

Because a worker reports each input as it finishes it, the parent always knows
which input a worker is on and since when. A worker that dies (``os._exit``, a
segfault, the out-of-memory killer) costs exactly the input it was on, which gets
a :class:`~newsingest.batch.WorkerCrashedError` record; one that runs past the
time limit (``time_limit`` plus a grace period, in case the worker's own alarm
could not stop it) is killed and costs its input a
:class:`~newsingest.batch.TimeLimitError` record. Either way the worker is
replaced and the rest of its chunk goes to the next free worker.

A worker stops when its input pipe closes, and (on Linux) when the process that
started it dies, even by ``kill -9``: no orphan outlives the run.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from multiprocessing.connection import Connection, wait
from typing import Any

from newsingest.batch.records import ErrorRecord, TimeLimitError, WorkerCrashedError, WorkerSetupError
from newsingest.batch.tasks import Task
from newsingest.batch.worker import WorkerConfig, WorkerState, apply_log_setup, json_record

#: Seconds a worker gets beyond the time limit to stop an input itself before it is killed.
MIN_GRACE = 1.0
#: Workers dying while they start, in a row, before the run gives up.
MAX_START_FAILURES = 3

#: Where the parent's newsingest lives: first on the worker's path, so it runs the very same code
#: (not another copy that the current folder, on ``python -c``'s path, may hold).
_PACKAGE_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
_WORKER_MAIN = "import sys; sys.path.insert(0, {root!r}); from newsingest.batch.pool import serve; serve()"


def hard_limit(time_limit: float | None) -> float | None:
    """Seconds after which the parent kills a worker stuck on one input."""
    return None if time_limit is None else time_limit + max(MIN_GRACE, time_limit / 2)


class Assignment:
    """Part of a chunk given to a worker: ``tasks[offset:]`` of its slot."""

    __slots__ = ("offset", "slot")

    def __init__(self, slot: Any, offset: int) -> None:
        self.slot, self.offset = slot, offset


class WorkerProcess:
    """One worker process, as the parent sees it."""

    def __init__(self, config_blob: bytes) -> None:
        env = dict(os.environ)
        env["NEWSINGEST_WORKER_PARENT"] = str(os.getpid())
        env["NEWSINGEST_WORKER_DEATHSIG"] = "1" if threading.current_thread() is threading.main_thread() else "0"
        self.process = subprocess.Popen(
            [sys.executable, "-c", _WORKER_MAIN.format(root=_PACKAGE_ROOT)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            close_fds=True,
        )
        assert self.process.stdin is not None and self.process.stdout is not None
        self.to_worker = Connection(os.dup(self.process.stdin.fileno()), readable=False)
        self.from_worker = Connection(os.dup(self.process.stdout.fileno()), writable=False)
        self.process.stdin.close()
        self.process.stdout.close()
        self.ready = False
        self.assignment: Assignment | None = None
        self.position = 0  # index in the slot of the task being cleaned
        self.since = time.monotonic()  # when that task started
        with contextlib.suppress(OSError):  # it died already: seen as EOF by the parent
            self.to_worker.send((list(sys.path), config_blob))

    def give(self, assignment: Assignment, as_json: bool) -> None:
        self.assignment = assignment
        self.position = assignment.offset
        self.since = time.monotonic()
        self.to_worker.send((assignment.slot.tasks[assignment.offset :], as_json))

    def how_it_ended(self) -> str:
        try:
            code = self.process.wait(5)
        except subprocess.TimeoutExpired:
            return "stopped answering"
        if code < 0:
            try:
                name = signal.Signals(-code).name
            except ValueError:
                name = f"signal {-code}"
            return f"killed by {name}"
        return f"exit code {code}"

    def kill(self) -> None:
        for conn in (self.to_worker, self.from_worker):
            with contextlib.suppress(OSError):
                conn.close()
        if self.process.poll() is None:
            self.process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):  # SIGKILL does not fail
            self.process.wait(5)


class WorkerPool:
    """``size`` workers; :meth:`wait` turns their messages into records on the slots they work on."""

    def __init__(self, config: WorkerConfig, size: int, *, as_json: bool) -> None:
        self.config_blob = pickle.dumps(config)
        self.size = size
        self.as_json = as_json
        self.limit = hard_limit(config.options.time_limit)
        self.time_limit = config.options.time_limit
        #: workers send a chunk's records together (see ``_run_chunk``)
        self.together = bool(config.options.translate or config.fingerprints)
        self.workers: list[WorkerProcess] = []
        self.start_failures = 0
        self.ever_ready = False
        self.requeued: list[Assignment] = []  # what dead workers left, to give out first
        self.closed = False
        for _ in range(size):
            self.workers.append(WorkerProcess(self.config_blob))

    # --- giving out work ----------------------------------------------------------------------

    def idle(self) -> list[WorkerProcess]:
        return [w for w in self.workers if w.ready and w.assignment is None]

    def busy(self) -> bool:
        return any(w.assignment is not None for w in self.workers)

    def give(self, assignment: Assignment) -> bool:
        """Give ``assignment`` to an idle worker; False when none is idle."""
        for worker in self.idle():
            try:
                worker.give(assignment, self.as_json)
            except OSError:  # it died while idle: nothing of this assignment was its fault
                worker.assignment = None
                self._replace(worker)
                continue
            return True
        return False

    # --- hearing back -------------------------------------------------------------------------

    def wait(self) -> None:
        """Block until something happens: a record, a worker ready, one dead, one past its time."""
        timeout = None
        if self.limit is not None:
            now = time.monotonic()
            deadlines = [w.since + self.limit for w in self.workers if self._timed(w)]
            if deadlines:
                timeout = max(0.0, min(deadlines) - now)
        conns = {w.from_worker: w for w in self.workers}
        for conn in wait(list(conns), timeout):
            worker = conns[conn]  # type: ignore[index]
            try:
                while True:
                    self._handle(worker, worker.from_worker.recv())
                    if not worker.from_worker.poll():
                        break
            except (EOFError, OSError):
                self._died(worker)
        if self.limit is not None:
            now = time.monotonic()
            for worker in list(self.workers):
                if self._timed(worker) and now - worker.since > self.limit:
                    self._expired(worker)

    def _timed(self, worker: WorkerProcess) -> bool:
        assignment = worker.assignment
        return assignment is not None and worker.position < len(assignment.slot.tasks)

    def _handle(self, worker: WorkerProcess, message: tuple) -> None:
        kind = message[0]
        if kind == "ready":
            worker.ready = self.ever_ready = True
            self.start_failures = 0
        elif kind == "setup_error":
            raise _setup_error(message[1])
        elif kind in ("record", "progress"):
            assignment = worker.assignment
            assert assignment is not None
            if kind == "record":
                assignment.slot.put(worker.position, message[1])
            worker.position += 1
            worker.since = time.monotonic()
            if kind == "record" and worker.position == len(assignment.slot.tasks):
                worker.assignment = None
        elif kind == "records":  # a translated chunk: every record at once
            assignment = worker.assignment
            assert assignment is not None
            for index, record in enumerate(message[1], assignment.offset):
                assignment.slot.put(index, record)
            worker.assignment = None

    def _died(self, worker: WorkerProcess) -> None:
        how = worker.how_it_ended()
        assignment = worker.assignment
        self._replace(worker)
        if not worker.ready:
            self.start_failures += 1
            if self.start_failures >= MAX_START_FAILURES or (not self.ever_ready and self.start_failures >= 2):
                raise WorkerSetupError(
                    f"batch worker processes die while starting ({how}), before any input: "
                    "a plugin that exits or crashes when it is imported? (`newsingest plugins` loads them all)"
                )
        if assignment is None:
            return
        slot, position = assignment.slot, worker.position
        if position >= len(slot.tasks):  # all cleaned; it died translating the chunk
            for index in range(assignment.offset, len(slot.tasks)):
                task = slot.tasks[index]
                slot.put(
                    index,
                    self._error(
                        task,
                        WorkerCrashedError(
                            f"{task.source}: the worker died ({how}) while translating or fingerprinting this input's chunk"
                        ),
                    ),
                )
            return
        source = slot.tasks[position].source
        message = (
            f"{source}: the worker process died while cleaning this input ({how}: os._exit, a crash in "
            "a C extension or the out-of-memory killer?); it was replaced and the batch went on"
        )
        self._lose(assignment, position, WorkerCrashedError(message))

    def _expired(self, worker: WorkerProcess) -> None:
        assignment = worker.assignment
        assert assignment is not None
        slot, position = assignment.slot, worker.position
        self._replace(worker)
        message = (
            f"{slot.tasks[position].source}: took more than the time limit of {self.time_limit:g} s to clean "
            "(its worker was stopped and replaced)"
        )
        self._lose(assignment, position, TimeLimitError(message))

    def _lose(self, assignment: Assignment, position: int, error: BaseException) -> None:
        """The input at ``position`` gets ``error``'s record; the rest of its chunk goes to the next free worker.

        A worker that sends a chunk's records together (translating it, or making
        its linking fingerprints) dies holding the records of the inputs it had
        cleaned before ``position``: those go to the next worker again, with this
        input made a task that only reports ``error``, so the chunk still gets
        every record.
        """
        slot = assignment.slot
        if self.together and position > assignment.offset:
            task = slot.tasks[position]
            record = ErrorRecord.from_exception(task.source, error, _task_bytes(task))
            slot.tasks[position] = Task(task.source, "error", (record.type, record.message, record.id))
            self.requeued.append(Assignment(slot, assignment.offset))
            return
        slot.put(position, self._error(slot.tasks[position], error))
        if position + 1 < len(slot.tasks):
            self.requeued.append(Assignment(slot, position + 1))

    def _replace(self, worker: WorkerProcess) -> None:
        worker.kill()
        index = self.workers.index(worker)
        self.workers[index] = WorkerProcess(self.config_blob)

    def _error(self, task: Task, error: BaseException) -> Any:
        record = ErrorRecord.from_exception(task.source, error, _task_bytes(task)).to_dict()
        return json_record(record) if self.as_json else record

    def close(self) -> None:
        """Stop every worker now (closing their pipes, then killing what is still running)."""
        if self.closed:
            return
        self.closed = True
        for worker in self.workers:
            with contextlib.suppress(OSError):
                worker.to_worker.close()
        deadline = time.monotonic() + 1.0
        for worker in self.workers:
            if worker.assignment is None:  # idle: its closed pipe stops it
                with contextlib.suppress(subprocess.TimeoutExpired):
                    worker.process.wait(max(0.0, deadline - time.monotonic()))
            worker.kill()


def _task_bytes(task: Task) -> bytes | None:
    from newsingest.batch.worker import _input_bytes

    try:
        return _input_bytes(task)
    except Exception:  # the id is a courtesy: never let it cost the record
        return None


def _setup_error(error: Any) -> BaseException:
    """Our own errors as they are (an unknown outlet), anything else as a :class:`WorkerSetupError`."""
    from newsingest.errors import NewsingestError

    if isinstance(error, NewsingestError):
        return error
    if isinstance(error, BaseException):
        error = f"{type(error).__name__}: {error}"
    return WorkerSetupError(f"a batch worker could not build its pipeline ({error})")


# --- the worker's side ----------------------------------------------------------------------


def serve() -> None:
    """A worker process's main loop (run as ``python -c``; see the module docstring)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    out_fd = os.dup(1)
    os.dup2(2, 1)  # what plugins print goes to stderr, not into the record stream
    sys.stdout = sys.stderr
    _die_with_parent()
    incoming = Connection(os.dup(0), writable=False)
    outgoing = Connection(out_fd, readable=False)
    try:
        sys_path, blob = incoming.recv()
    except (EOFError, OSError):
        return
    sys.path[:] = [p for p in sys_path if p] + [p for p in sys.path if p not in sys_path]
    try:
        config = pickle.loads(blob)
        apply_log_setup(config.log_setup)
        state = WorkerState(config)
    except BaseException as err:  # reported to the parent, which stops the run
        outgoing.send(("setup_error", _picklable(err)))
        return
    outgoing.send(("ready",))
    while True:
        try:
            tasks, as_json = incoming.recv()
        except (EOFError, OSError):
            return
        _run_chunk(state, tasks, as_json, outgoing)


def _run_chunk(state: WorkerState, tasks: Sequence[Task], as_json: bool, outgoing: Connection) -> None:
    # a chunk translated, or fingerprinted for linking, together: its records go back at once
    together = state.options.translate or state.config.fingerprints
    results = []
    for task in tasks:
        result = state.run_task(task)
        if together:
            results.append(result)
            outgoing.send(("progress",))
            continue
        record = state.record(task, result)
        outgoing.send(("record", json_record(record) if as_json else record))
    if together:
        translated = state._translate(results) if state.options.translate else results
        records = state.records(tasks, translated)
        outgoing.send(("records", [json_record(r) for r in records] if as_json else records))


def _picklable(err: BaseException) -> Any:
    try:
        pickle.loads(pickle.dumps(err))
    except Exception:
        return f"{type(err).__name__}: {err}"
    return err


def _die_with_parent() -> None:
    """Exit when the parent dies: the kernel's parent-death signal on Linux, else a watchdog thread."""
    parent = int(os.environ.get("NEWSINGEST_WORKER_PARENT") or 0)
    if sys.platform.startswith("linux") and os.environ.get("NEWSINGEST_WORKER_DEATHSIG") == "1":
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if parent and os.getppid() != parent:
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if parent and os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="newsingest-parent-watch", daemon=True).start()
