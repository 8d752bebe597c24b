#!/usr/bin/env python3
"""Generates a plan and a figures CSV for bench/dhis2.sh's large ledger.

usage: gen_big_dhis2.py ROWS PLAN.toml OUT.csv

The plan has monthly indicators over 2026-2045, each with a `dhis2` code,
as many as ROWS figures need (every month and every year of each: 260
figures per indicator), and `[export.dhis2]`. The CSV reports each period
once (a file may not give one period two values), `en` numbers with one
decimal, dated the 5th of the month after (the 10th of January for a year),
so that every entry is a figure that counts: valid on PLAN_TODAY=2046-06-30.
"""
import sys

PER_INDICATOR = 20 * 13


def main():
    rows, plan, csv = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    n = -(-rows // PER_INDICATOR)
    with open(plan, "w") as f:
        f.write('[plan]\nid = "KH-LON"\ntitle = "Sổ lớn (mô phỏng)"\nstart = 2026\nend = 2045\nnumbers = "en"\n\n')
        f.write('[export.dhis2]\norg_unit = "XA_NGHI_DUONG"\ndata_set = "KH_THANG"\n\n')
        f.write('[[group]]\nid = "g"\nname = "Chỉ tiêu tháng"\n')
        for i in range(n):
            f.write(f'\n[[group.indicator]]\nid = "ct_{i:05d}"\nname = "Chỉ tiêu {i}"\nunit = "người"\n'
                    f'measure = "flow"\nevery = "month"\ndhis2 = "CT_{i:05d}"\n')
    k = 0
    with open(csv, "w") as f:
        f.write("indicator,period,value,date,by,note\n")
        for i in range(n):
            for y in range(2026, 2046):
                for m in range(1, 14):
                    if k == rows:
                        return
                    if m <= 12:
                        period = f"{y}-{m:02d}"
                        date = f"{y + 1}-01-05" if m == 12 else f"{y}-{m + 1:02d}-05"
                    else:
                        period, date = f"{y}", f"{y + 1}-01-10"
                    value = f"{100 + (k * 7919) % 800}.{k % 10}"
                    f.write(f"ct_{i:05d},{period},{value},{date},Văn phòng UBND,BC {k % 500 + 1}\n")
                    k += 1


if __name__ == "__main__":
    main()
