#!/usr/bin/env python3
"""Generates a valid figures CSV for the shipped plan.toml (bench data).

usage: gen_figures.py ROWS OUT.csv [--year-rows N --year Y]

Rows cycle over the recorded indicators and every period of the plan years
(re-submissions of the same periods, as a busy ledger would hold). With
--year-rows, exactly N rows fall in year Y and the rest in the other years,
so ledgers of different sizes hold the same entries for Y.
"""
import argparse
import itertools

# (indicator, cadence) of the shipped plan's recorded indicators.
INDICATORS = [
    ("so_dn", "half"), ("dn_dmst", "year"), ("viec_lam", "month"), ("nsld", "year"),
    ("thu_ktn", "quarter"), ("thu_ns", "quarter"), ("tt_dich_vu", "year"), ("ocop", "year"),
    ("tt_grdp", "year"), ("chi_khcn", "quarter"), ("chi_nsdp", "quarter"),
]
YEARS = range(2026, 2031)


def periods(cadence, year):
    if cadence == "year":
        return [str(year)]
    if cadence == "half":
        return [f"{year}-H1", f"{year}-H2"]
    if cadence == "quarter":
        return [f"{year}-Q{q}" for q in range(1, 5)]
    return [f"{year}-{m:02d}" for m in range(1, 13)]


def rows_for(years):
    pairs = [(ind, p, y) for y in years for ind, c in INDICATORS for p in periods(c, y)]
    return itertools.cycle(pairs)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("rows", type=int)
    ap.add_argument("out")
    ap.add_argument("--year-rows", type=int, default=None)
    ap.add_argument("--year", type=int, default=2026)
    a = ap.parse_args()
    with open(a.out, "w", newline="") as f:
        f.write("indicator,period,value,date,by,source\n")
        n = 0

        def emit(it, count):
            nonlocal n
            for _ in range(count):
                ind, p, y = next(it)
                # Vietnamese style: decimal comma, quoted because of it.
                v = f"{100 + n % 997},{n % 10}"
                f.write(f'{ind},{p},"{v}",{y + 1}-01-10,bench,BC {n}\n')
                n += 1

        if a.year_rows is None:
            emit(rows_for(YEARS), a.rows)
        else:
            emit(rows_for([a.year]), a.year_rows)
            emit(rows_for([y for y in YEARS if y != a.year]), a.rows - a.year_rows)


if __name__ == "__main__":
    main()
