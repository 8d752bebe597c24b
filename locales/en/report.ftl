# report messages (English). Every key here exists in locales/vi/report.ftl with the same variables.

# Arguments of `plan report`.
report-bad-period = `{$period}` is not a period to review: expected a year, a half, a quarter or a month (2027, 2027-H1, 2027-Q3, 2027-07)
report-bad-years = `{$years}` is not a span of years: expected A-B with four-digit years, A not after B (e.g. 2026-2030)
report-outside-plan = {$what} is outside the plan's years {$start}–{$end}
