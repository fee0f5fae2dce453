"""Pages per second from Python: tinhloc with 1 and 2 threads against trafilatura.

    python python/bench/bench.py                  # the repository's fixtures/
    python python/bench/bench.py DIR [DIR ...]    # every *.html under the folders

Both tools get the same pages, as bytes, in the same run. tinhloc runs through
``extract_many`` (1 and 2 threads) and through a Python loop over ``extract``; trafilatura
(``trafilatura.extract``, if installed) through a loop, and with 2 Python threads to show
what the GIL allows. Each figure is the best of ``--rounds`` timed rounds, after one
warm-up round; a tinhloc round goes over the pages as many times as it takes to last
``--min-seconds``. This is a measurement to read, not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Callable

import tinhloc

#: The project's own pages, used when no folder is given.
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def load_pages(folders: list[Path]) -> list[bytes]:
    pages = []
    for folder in folders:
        names = ["source.html", "*.html"] if folder == FIXTURES else ["*.html"]
        for pattern in names:
            pages.extend(p.read_bytes() for p in sorted(folder.rglob(pattern)) if p.is_file())
            if pages:
                break
    return pages


def cpu_seconds() -> tuple[float, float] | None:
    """CPU seconds used since boot by all processes (/proc/stat) and by this one."""
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            fields = [int(v) for v in stat.readline().split()[1:9]]
    except (OSError, ValueError):
        return None
    own = os.times()
    busy = (sum(fields) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")
    return busy, own.user + own.system


def best_rate(run: Callable[[], None], pages: int, rounds: int) -> float:
    """Best pages/s of `rounds` timed calls of `run`, which handles `pages` pages."""
    run()  # warm-up
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return pages / best


def tinhloc_loop(pages: list[bytes]) -> None:
    for page in pages:
        try:
            tinhloc.extract(page)
        except tinhloc.TinhlocError:
            pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", type=Path, help="default: fixtures/")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds (default 3)")
    parser.add_argument("--min-seconds", type=float, default=2.0,
                        help="shortest tinhloc round, in seconds (default 2)")
    parser.add_argument("--no-trafilatura", action="store_true")
    args = parser.parse_args()

    folders = args.folders or [FIXTURES]
    pages = load_pages(folders)
    if not pages:
        raise SystemExit(f"no *.html pages under {', '.join(map(str, folders))}")
    megabytes = sum(map(len, pages)) / 1e6

    start = time.perf_counter()
    tinhloc.extract_many(pages, threads=1)
    copies = max(1, round(args.min_seconds / (time.perf_counter() - start)))
    batch = pages * copies
    load_before = os.getloadavg()
    cpu_before, wall_before = cpu_seconds(), time.perf_counter()

    rows = []
    for threads in (1, 2):
        rate = best_rate(lambda t=threads: tinhloc.extract_many(batch, threads=t),
                         len(batch), args.rounds)
        rows.append((f"tinhloc extract_many, threads={threads}", rate))
    rows.append(("tinhloc extract() loop", best_rate(lambda: tinhloc_loop(batch), len(batch),
                                                      args.rounds)))
    traf_version = None
    if not args.no_trafilatura:
        try:
            import trafilatura
        except ImportError:
            print("trafilatura is not installed: pip install trafilatura")
        else:
            traf_version = trafilatura.__version__

            def traf_loop(chunk: list[bytes]) -> None:
                for page in chunk:
                    trafilatura.extract(page)

            rows.append(("trafilatura.extract loop", best_rate(lambda: traf_loop(pages),
                                                               len(pages), args.rounds)))

            def traf_two_threads() -> None:
                with ThreadPoolExecutor(2) as pool:
                    list(pool.map(traf_loop, [pages[0::2], pages[1::2]]))

            rows.append(("trafilatura, 2 Python threads",
                         best_rate(traf_two_threads, len(pages), args.rounds)))
    load_after = os.getloadavg()
    cpu_after, wall = cpu_seconds(), time.perf_counter() - wall_before
    others = "unknown"
    if cpu_before and cpu_after:
        other_seconds = (cpu_after[0] - cpu_before[0]) - (cpu_after[1] - cpu_before[1])
        others = f"{max(0.0, other_seconds) / wall:.2f}"

    print(f"date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC; "
          f"{platform.python_implementation()} {platform.python_version()}; "
          f"tinhloc {tinhloc.__version__}"
          + (f"; trafilatura {traf_version}" if traf_version else ""))
    print(f"machine: {os.cpu_count()} cores; load average {load_before[0]:.2f} before, "
          f"{load_after[0]:.2f} after (this script included); other processes used "
          f"{others} cores on average during the run")
    print(f"pages: {len(pages)} ({megabytes:.1f} MB) from {', '.join(map(str, folders))}; "
          f"tinhloc rounds over {copies}x the pages; best of {args.rounds} rounds")
    print(f"{'':38} {'pages/s':>9} {'MB/s':>7}")
    for name, rate in rows:
        print(f"{name:38} {rate:9.1f} {rate * megabytes / len(pages):7.1f}")
    rates = dict(rows)
    one = rates["tinhloc extract_many, threads=1"]
    two = rates["tinhloc extract_many, threads=2"]
    print(f"2 threads / 1 thread: {two / one:.2f}x")
    if "trafilatura.extract loop" in rates:
        print(f"tinhloc 1 thread / trafilatura: {one / rates['trafilatura.extract loop']:.1f}x")


if __name__ == "__main__":
    main()
