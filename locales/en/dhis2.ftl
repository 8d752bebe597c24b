# dhis2 messages (English). Every key here exists in locales/vi/dhis2.ftl with the same variables.

## plan.toml: `dhis2` codes and [export.dhis2]
dhis2-plan-bad-id = `{ $key }` = "{ $value }" is not a DHIS2 identifier: write the code or UID as DHIS2 shows it (1 to 50 characters, no spaces at the ends)
dhis2-plan-derived = `{ $id }` is derived: DHIS2 computes derived values itself, so it takes no `dhis2` code; remove it and code its inputs
dhis2-plan-duplicate = DHIS2 data element `{ $code }` is already the code of `{ $other }`: `{ $id }` needs a data element of its own

## plan export
dhis2-no-org-unit = the plan does not say where its data goes in DHIS2: add `[export.dhis2]` with `org_unit = "…"` (the office's organisation unit, a code or UID) to the plan file
dhis2-adx-no-data-set = ADX needs the data set of every group: add `data_set = "…"` under `[export.dhis2]` in the plan file
dhis2-adx-temp = ADX puts the values in period order through temporary files in { $dir }, and that failed: { $reason }. Point TMPDIR (TMP on Windows) to a folder you can write to, with room for 32 bytes a value (32 MB for a million), and run the command again
dhis2-adx-temp-missing = the folder does not exist
dhis2-adx-temp-denied = no permission to write there
dhis2-left-out = left out, no `dhis2` code: { $ids } (set `dhis2 = "…"` on each to export it)
dhis2-export-summary = { $file }: { $values } data values for organisation unit { $org_unit }

## Periods
dhis2-period-code = `{ $code }` is not a DHIS2 period that plan keeps: expected a year, six-month, quarter or month code (2027, 2027S1, 2027Q3, 202707)
dhis2-adx-period = `{ $period }` is not an ADX period that plan keeps: expected a first day and a length, 2027-01-01/P1Y, 2027-07-01/P6M, 2027-07-01/P3M or 2027-07-01/P1M

## plan import of a data value set
dhis2-import-no-org-unit = this is a DHIS2 data value set, but the plan does not say which organisation unit is this office's: add `[export.dhis2]` with `org_unit = "…"` to the plan file
dhis2-import-not-utf8 = this { $format } file is not UTF-8 text (invalid byte at position { $at }): save it as UTF-8
dhis2-import-no-field = no `{ $field }` given
dhis2-import-unknown-element = data element `{ $code }` is not the `dhis2` code of any indicator of plan { $plan }: set `dhis2 = "{ $code }"` on the indicator it holds, or leave the value out
dhis2-import-unknown-element-suggest = data element `{ $code }` is not the `dhis2` code of any indicator: did you mean `{ $suggestion }`?
dhis2-import-other-org-unit = a value for organisation unit `{ $org_unit }`, but this office is `{ $ours }` (`[export.dhis2] org_unit`): import only this office's values
dhis2-import-bad-value = `{ $value }` is not a number as DHIS2 writes them (`.` for decimals, no grouping: 1234.5)
dhis2-import-bad-date = `{ $value }` is not a date: expected YYYY-MM-DD, or a DHIS2 timestamp such as 2027-10-05T09:30:00.000
dhis2-import-deleted = a value deleted in DHIS2: the ledger keeps what was reported; to withdraw a figure, use `plan void`
dhis2-import-disaggregated = a value broken down by `{ $category }`: the plan keeps one value per indicator and period; export the total
dhis2-import-two-combos = data element `{ $code }` comes with two category option combinations (`{ $first }` and `{ $second }`): the plan keeps one value per indicator and period; export the total
dhis2-import-not-text = `{ $field }` must be text, found { $found }
dhis2-import-bad-json = not valid JSON at line { $line }, column { $column }: { $message }
dhis2-import-no-data-values = not a DHIS2 data value set: no `dataValues` (JSON) or `dataValue` (XML) found
dhis2-import-not-object = a data value must be an object {"{"} "dataElement", "period", "orgUnit", "value" {"}"}, found { $found }
dhis2-import-bad-csv = cannot read the DHIS2 CSV: { $message }
dhis2-import-bad-xml = not valid XML at line { $line }: { $message }
dhis2-import-not-adx = XML whose root is `{ $root }` (namespace `{ $namespace }`) is not a DHIS2 data value set: expected ADX (`<adx xmlns="urn:ihe:qrph:adx:2015">`) or DHIS2's `<dataValueSet>`

## Help of `plan export` (the rest of the help is in cli.ftl)
cli-export-about = Write the figures that count as a DHIS2 data value set (JSON, CSV or ADX)
cli-export-format = Output: dhis2-json, dhis2-csv or adx
cli-export-year = Only this plan year: the year and each half, quarter and month of it (default: every year of the plan)
cli-export-period = Only the periods within this one: 2027-H1, 2027-Q3, 2027-07 (or DHIS2's 2027S1, 2027Q3, 202707)
cli-export-as_of = Entries reported after this date ({$order} or YYYY-MM-DD) are left out (default: today)
cli-export-output = Write to FILE (written beside, then renamed) instead of standard output
cli-export-examples =
      plan export --format dhis2-json > figures.json
      plan export --format dhis2-csv --year {$year} --output {$year}.csv
      plan export --format adx --period {$period} --as-of {$year}-12-31
