"""extract_many releases the GIL and uses its threads; extract releases it too."""

from __future__ import annotations

import os
import threading
import time

import pytest
import tinhloc
from conftest import ALL_FIXTURES

#: Speed-up that 2 threads must reach over 1 on a 2-core machine. The issue asks for
#: 1.7x from the benchmark; a test on a shared CI machine asks for less so that it fails
#: only when the threads do not run in parallel (a held GIL or a lock gives ~1.0x).
MIN_SPEEDUP = 1.2
#: Seconds one thread should spend on the batch, so that timer noise is small.
TARGET_SECONDS = 1.0
#: Timed runs per thread count; the fastest counts (others may share the machine).
RUNS = 3

needs_two_cores = pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="needs 2 cores")


def batch() -> list[bytes]:
    pages = [f.source for f in ALL_FIXTURES]
    start = time.perf_counter()
    tinhloc.extract_many(pages, threads=1)
    once = time.perf_counter() - start
    copies = max(1, round(TARGET_SECONDS / max(once, 1e-3)))
    return pages * copies


def best_time(pages: list[bytes], threads: int) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        results = tinhloc.extract_many(pages, threads=threads)
        times.append(time.perf_counter() - start)
        assert len(results) == len(pages)
    return min(times)


@needs_two_cores
def test_two_threads_beat_one():
    pages = batch()
    one = best_time(pages, 1)
    two = best_time(pages, 2)
    assert one / two > MIN_SPEEDUP, f"1 thread {one:.2f}s, 2 threads {two:.2f}s"


@needs_two_cores
def test_extract_releases_the_gil():
    # Two Python threads calling extract() run in parallel only if it drops the GIL.
    pages = batch()
    half = len(pages) // 2

    def work(chunk: list[bytes]) -> None:
        for page in chunk:
            try:
                tinhloc.extract(page)
            except tinhloc.NoArticle:
                pass

    def serial() -> float:
        start = time.perf_counter()
        work(pages[: 2 * half])
        return time.perf_counter() - start

    def parallel() -> float:
        threads = [threading.Thread(target=work, args=(pages[i * half:(i + 1) * half],))
                   for i in range(2)]
        start = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return time.perf_counter() - start

    one = min(serial() for _ in range(RUNS))
    two = min(parallel() for _ in range(RUNS))
    assert one / two > MIN_SPEEDUP, f"serial {one:.2f}s, 2 Python threads {two:.2f}s"


def test_many_threads_give_the_same_results():
    pages = [f.source for f in ALL_FIXTURES]
    one = tinhloc.extract_many(pages, threads=1)
    many = tinhloc.extract_many(pages, threads=7)
    for a, b in zip(one, many):
        assert type(a) is type(b)
        if isinstance(a, tinhloc.Article):
            assert a.text == b.text
