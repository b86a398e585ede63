"""Notes for many communes at once, from a CSV (``python -m reports batch``).

`run_batch(csv_path, BatchOptions(out_dir, formats, brand), jobs=…, progress=…, stop=…)`
reads the CSV (`csvread`), turns rows into profiles (`fields`, `prepare`), runs the analysis
and the notes in worker processes (`runner`, `worker`) and writes ``summary.csv`` and
``errors.csv`` (`outputs`). Nothing here imports Qt; the wizard runs the same function.
"""

from reports.batch.model import BatchOptions, BatchReport, Issue, Job, Outcome
from reports.batch.runner import BatchError, default_jobs, run_batch

__all__ = [
    "BatchError",
    "BatchOptions",
    "BatchReport",
    "Issue",
    "Job",
    "Outcome",
    "default_jobs",
    "run_batch",
]
