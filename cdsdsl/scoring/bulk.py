"""Building many objects at once (a cohort's cells, its units' results) without the cyclic garbage collector.

Takes: nothing.  Returns: `bulk()`, a context manager that pauses the cyclic collector while a cohort is
read or scored and restores it after.  The objects made then (values, dicts, tuples of a unit) hold no
reference cycles, so the collector would free nothing; but each of its full passes walks every live object,
and with a million cells alive it ran tens of times: 25-35 % of the time of scoring 10 000 units
(issue #14).  Reference counting still frees everything that is dropped, and the collector runs again
after the block (nothing is frozen: in a long-running process a cycle made in the block is still freed).
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def bulk() -> Iterator[None]:
    """Pause the cyclic garbage collector for the block (nested blocks are fine: only the outermost one
    turns it back on)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
