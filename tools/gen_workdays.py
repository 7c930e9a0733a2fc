#!/usr/bin/env python3
"""Generate data/holidays.tsv, the embedded working-day calendar, from PyPI chinesecalendar.

The table lists only the exceptions to the Monday-Friday rule, one line per covered
year, so the Rust module (src/workdays/) can embed it with include_str! at a few KB.

Usage (the package comes from PyPI, installed outside the crate):

    python3 -m venv /tmp/cc-venv && /tmp/cc-venv/bin/pip install chinesecalendar
    /tmp/cc-venv/bin/python tools/gen_workdays.py \
        --cross-check tests/vectors/workdays-2004-2026.txt > data/holidays.tsv

--cross-check reads the per-day export of the npm package chinese-days (written by
tools/export_chinese_days.mjs), reports every date on which the two packages disagree
on stderr and records the count in the header. The generator checks its own output:
decoding the table must give chinesecalendar's is_workday() for every covered date.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from importlib import metadata

import chinese_calendar
from chinese_calendar.constants import Holiday, holidays, workdays

FIRST_YEAR = 2004
LAST_YEAR = 2026
PACKAGE = "chinesecalendar"


def chinese_name(english: str) -> str:
    return Holiday(english).chinese


def licence() -> str:
    meta = metadata.metadata(PACKAGE)
    lic = meta.get("License") or ""
    classifiers = [c for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    if "MIT" not in lic and not any("MIT" in c for c in classifiers):
        raise SystemExit(f"{PACKAGE} licence is {lic!r} {classifiers!r}, expected MIT")
    return lic


def runs_of_days_off(year: int) -> list[tuple[dt.date, int, str]]:
    """Consecutive days off with the same holiday name, split at the year boundary."""
    days = sorted(d for d in holidays if d.year == year)
    runs: list[tuple[dt.date, int, str]] = []
    for d in days:
        name = chinese_name(holidays[d])
        if runs:
            start, length, prev = runs[-1]
            if prev == name and start + dt.timedelta(days=length) == d:
                runs[-1] = (start, length + 1, name)
                continue
        runs.append((d, 1, name))
    return runs


def year_line(year: int) -> str:
    off = []
    for start, length, name in runs_of_days_off(year):
        if any(ch in name for ch in "\t;/ "):
            raise SystemExit(f"holiday name {name!r} contains a separator")
        span = start.strftime("%m-%d") + (f"/{length}" if length > 1 else "")
        off.append(f"{span} {name}")
    make_up = []
    for d in sorted(d for d in workdays if d.year == year):
        if d.weekday() < 5:
            raise SystemExit(f"{d} is a make-up working day on a weekday")
        make_up.append(d.strftime("%m-%d"))
    return f"{year}\t{'; '.join(off)}\t{' '.join(make_up)}"


def decode(line: str) -> dict[dt.date, bool]:
    """Decode one year line the way the Rust parser does (for the self-check)."""
    year_s, off_s, work_s = line.split("\t")
    year = int(year_s)
    status = {}
    day = dt.date(year, 1, 1)
    while day.year == year:
        status[day] = day.weekday() < 5
        day += dt.timedelta(days=1)
    for item in filter(None, off_s.split("; ")):
        span, _name = item.split(" ", 1)
        md, _, n = span.partition("/")
        start = dt.date(year, int(md[:2]), int(md[3:]))
        for i in range(int(n or 1)):
            status[start + dt.timedelta(days=i)] = False
    for md in filter(None, work_s.split(" ")):
        status[dt.date(year, int(md[:2]), int(md[3:]))] = True
    return status


def read_vectors(path: str) -> dict[dt.date, bool]:
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            year_s, bits = line.rstrip("\n").split("\t")
            start = dt.date(int(year_s), 1, 1)
            for i, ch in enumerate(bits):
                out[start + dt.timedelta(days=i)] = ch == "W"
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cross-check", metavar="VECTORS", help="chinese-days export to compare")
    ap.add_argument("--date", default=dt.date.today().isoformat(), help="generation date for the header")
    args = ap.parse_args()

    lic = licence()
    version = metadata.version(PACKAGE)
    covered = {d.year for d in holidays}
    if not all(y in covered for y in range(FIRST_YEAR, LAST_YEAR + 1)):
        raise SystemExit(f"{PACKAGE} {version} does not cover {FIRST_YEAR}-{LAST_YEAR}")

    lines = [year_line(y) for y in range(FIRST_YEAR, LAST_YEAR + 1)]

    # Self-check: the encoded table must reproduce the package day by day.
    for line in lines:
        for day, working in decode(line).items():
            if working != chinese_calendar.is_workday(day):
                raise SystemExit(f"encoding error on {day}")

    cross = "not run"
    if args.cross_check:
        other = read_vectors(args.cross_check)
        ours = {d: w for line in lines for d, w in decode(line).items()}
        if set(other) != set(ours):
            raise SystemExit("the cross-check file does not cover the same dates")
        diffs = sorted(d for d in ours if ours[d] != other[d])
        for d in diffs:
            print(f"disagreement {d}: chinesecalendar {ours[d]}, chinese-days {other[d]}", file=sys.stderr)
        with open(args.cross_check, encoding="utf-8") as f:
            source = f.readline().lstrip("# ").strip()
        cross = f"{len(diffs)} disagreements on {len(ours)} dates against {source}"
        print(f"cross-check: {cross}", file=sys.stderr)

    header = [
        "# xinyong working-day calendar: exceptions to the Monday-Friday rule, China (State Council holiday notices)",
        f"# source: PyPI {PACKAGE} {version}, licence {lic} (https://github.com/LKI/chinese-calendar)",
        f"# generated {args.date} by tools/gen_workdays.py; do not edit by hand",
        f"# cross-check: {cross}",
        f"# covers: {FIRST_YEAR}-{LAST_YEAR} (every line is one covered year; other years are not covered)",
        "# format: YEAR<TAB>days off<TAB>make-up working days",
        "#   days off: '; '-separated 'MM-DD[/N] NAME' = N days (default 1) from MM-DD are days off",
        "#   make-up working days (调休): space-separated 'MM-DD', weekend days that are working days",
    ]
    sys.stdout.write("\n".join(header + lines) + "\n")


if __name__ == "__main__":
    main()
