"""The Dask engine of a batch: the coordinator reads each file and ships its bytes to the
cluster's workers, a window of tasks at a time, and writes the outputs that come back."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from typing import Any

from ..errors import UnparseError
from ..options import Options
from ..read.text import read_bytes
from .file import one_line
from .tree import BatchSetupError, Task
from .worker import Outcome, work


def dask_client(scheduler: str | None) -> Any:
    try:
        # Imported by name: dask is an optional extra, and its API is untyped.
        distributed = importlib.import_module("dask.distributed")
    except ImportError:
        raise BatchSetupError(
            "--engine dask needs Dask: pip install 'unparse[dask]' (dask[distributed])"
        ) from None
    if not scheduler:
        raise BatchSetupError("--engine dask needs --scheduler tcp://HOST:PORT")
    try:
        return distributed.Client(scheduler, timeout="20s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise BatchSetupError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None


def run_dask(
    client: Any, tasks: list[Task], format: str, options: Options, failed: list[Outcome]
) -> Iterator[Outcome]:
    as_completed = importlib.import_module("dask.distributed").as_completed
    with client:
        window = max(16, 4 * sum(client.nthreads().values()))
        pending = iter(tasks)
        running = as_completed()

        def submit_next() -> bool:
            for task in pending:
                # The coordinator reads the file and ships its bytes, so workers need no access
                # to the input folder; the outputs come back and are written here.
                try:
                    data = read_bytes(task.path, options)
                except UnparseError as exc:
                    failed.append(Outcome(task.name, error=type(exc).__name__, reason=one_line(exc)))
                    continue
                running.add(client.submit(work, (task.name, data, format, options), pure=False))
                return True
            return False

        for _ in range(window):
            if not submit_next():
                break
        for future in running:
            yield future.result()
            submit_next()
