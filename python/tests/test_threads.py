"""extract and extract_many release the GIL; extract_many runs its batch in parallel."""

from __future__ import annotations

import os
import threading
import time
from typing import Callable

import pytest
import tinhloc
from conftest import ALL_FIXTURES

#: Speed-up that 2 threads must reach over 1 on a 2-core machine. The issue asks 1.7x of
#: the benchmark; this test asks less, so that it fails when the threads do not run in
#: parallel (a held GIL or a shared lock gives about 1.0x), not on timer noise.
MIN_SPEEDUP = 1.2
#: Seconds one thread should spend on the batch, so that timer noise is small.
TARGET_SECONDS = 1.0
#: Timed runs per thread count, alternating; the fastest of each counts.
RUNS = 3
#: CPU, in cores, that other processes may use during the timing before a failed
#: speed-up is put down to a busy machine (skip) rather than to tinhloc (fail).
BUSY_MACHINE_CORES = 0.5
#: Largest pause of the main Python thread, as a share of the call running in another
#: thread, that still shows the GIL free during the call (held, it pauses for all of it).
MAX_PAUSE_SHARE = 0.5

needs_two_cores = pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="needs 2 cores")


def machine_busy_seconds() -> float | None:
    """CPU seconds all processes have used since boot (from /proc/stat), or None."""
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            fields = [int(v) for v in stat.readline().split()[1:9]]
    except (OSError, ValueError):
        return None
    busy = sum(fields) - fields[3] - fields[4]  # all but idle and iowait
    return busy / os.sysconf("SC_CLK_TCK")


def timed(run: Callable[[], object]) -> tuple[float, float]:
    """Wall seconds of `run`, and the cores other processes used meanwhile."""
    busy_before, own_before = machine_busy_seconds(), os.times()
    start = time.perf_counter()
    run()
    wall = time.perf_counter() - start
    busy_after, own_after = machine_busy_seconds(), os.times()
    if busy_before is None or busy_after is None:
        return wall, 0.0
    own = (own_after.user - own_before.user) + (own_after.system - own_before.system)
    return wall, max(0.0, (busy_after - busy_before) - own) / wall


def batch() -> list[bytes]:
    pages = [f.source for f in ALL_FIXTURES]
    start = time.perf_counter()
    tinhloc.extract_many(pages, threads=1)
    once = time.perf_counter() - start
    return pages * max(1, round(TARGET_SECONDS / max(once, 1e-3)))


@needs_two_cores
def test_two_threads_beat_one():
    pages = batch()
    times = {1: [], 2: []}
    others = []
    for _ in range(RUNS):
        for threads in (1, 2):
            wall, other_cores = timed(lambda: tinhloc.extract_many(pages, threads=threads))
            times[threads].append(wall)
            others.append(other_cores)
    one, two = min(times[1]), min(times[2])
    if one / two <= MIN_SPEEDUP and min(others) > BUSY_MACHINE_CORES:
        pytest.skip(f"other processes used {min(others):.1f} cores: speed-up not measurable")
    assert one / two > MIN_SPEEDUP, f"1 thread {one:.2f}s, 2 threads {two:.2f}s"


def longest_pause_during(call: Callable[[], object]) -> tuple[float, float]:
    """Runs `call` in a thread while this thread counts; returns the call's duration and
    the longest stretch in which this thread could not run Python code."""
    done = threading.Event()
    span = []

    def worker() -> None:
        start = time.perf_counter()
        call()
        span.append(time.perf_counter() - start)
        done.set()

    thread = threading.Thread(target=worker)
    last = time.perf_counter()
    longest = 0.0
    thread.start()
    while not done.is_set():
        now = time.perf_counter()
        longest = max(longest, now - last)
        last = now
    thread.join()
    return span[0], longest


def test_extract_many_releases_the_gil():
    pages = batch()
    duration, pause = longest_pause_during(lambda: tinhloc.extract_many(pages, threads=1))
    assert pause < MAX_PAUSE_SHARE * duration, f"paused {pause:.3f}s of {duration:.3f}s"


def test_extract_releases_the_gil():
    # One large page, so that one call lasts long enough to see.
    page = b"<html><body><article>" + b"".join(
        f.source.split(b"<body", 1)[-1] for f in ALL_FIXTURES * 10
    ) + b"</article></body></html>"

    def call() -> None:
        try:
            tinhloc.extract(page, scope="any")
        except tinhloc.TinhlocError:
            pass

    duration, pause = longest_pause_during(call)
    assert duration > 0.02, f"the page took only {duration:.3f}s"
    assert pause < MAX_PAUSE_SHARE * duration, f"paused {pause:.3f}s of {duration:.3f}s"


def test_thread_count_does_not_change_results():
    pages = [f.source for f in ALL_FIXTURES]
    one = tinhloc.extract_many(pages, threads=1)
    many = tinhloc.extract_many(pages, threads=7)
    for a, b in zip(one, many):
        assert type(a) is type(b)
        if isinstance(a, tinhloc.Article):
            assert a.text == b.text
