# dhis2 messages (English). Every key here exists in locales/vi/dhis2.ftl with the same variables.

## plan.toml: `dhis2` codes and [export.dhis2]
dhis2-plan-bad-id = `{ $key }` = "{ $value }" is not a DHIS2 identifier: write the code or UID as DHIS2 shows it (1 to 50 characters, no spaces at the ends)
dhis2-plan-derived = `{ $id }` is derived: DHIS2 computes derived values itself, so it takes no `dhis2` code; remove it and code its inputs
dhis2-plan-duplicate = DHIS2 data element `{ $code }` is already the code of `{ $other }`: `{ $id }` needs a data element of its own

## plan export
dhis2-no-org-unit = the plan does not say where its data goes in DHIS2: add `[export.dhis2]` with `org_unit = "…"` (the office's organisation unit, a code or UID) to the plan file
dhis2-adx-no-data-set = ADX needs the data set of every group: add `data_set = "…"` under `[export.dhis2]` in the plan file
dhis2-left-out = left out, no `dhis2` code: { $ids } (set `dhis2 = "…"` on each to export it)
dhis2-export-summary = { $file }: { $values } data values for organisation unit { $org_unit }
dhis2-year-outside = --year { $year } is outside the plan's years { $start }–{ $end }
dhis2-period-outside = --period { $period } is outside the plan's years { $start }–{ $end }
dhis2-bad-period = --period `{ $value }` is not a period: expected 2027, 2027-H1, 2027-Q3 or 2027-07 (or DHIS2's 2027S1, 2027Q3, 202707)
dhis2-bad-as-of = --as-of `{ $value }` is not a date: expected YYYY-MM-DD

## Periods
dhis2-period-code = `{ $code }` is not a DHIS2 period that plan keeps: expected a year, six-month, quarter or month code (2027, 2027S1, 2027Q3, 202707)
dhis2-adx-period = `{ $period }` is not an ADX period that plan keeps: expected a first day and a length, 2027-01-01/P1Y, 2027-07-01/P6M, 2027-07-01/P3M or 2027-07-01/P1M
