# report messages (English). Every key here exists in locales/vi/report.ftl with the same variables.

# Arguments of `plan report`.
report-bad-years = `{$years}` is not a span of years: expected A-B with four-digit years, A not after B (e.g. 2026-2030)
report-outside-plan = {$what} is outside the plan's years {$start}–{$end}

# Headings of a report: the year, a part of it (sơ kết), a span (tổng kết).
report-heading-year = Year {$year}
report-heading-part = { $months ->
    [1] Review of January {$year}
    [12] Review of the year {$year}
   *[other] Review of the first {$months} months of {$year}
}
report-heading-span = Review of the years {$first}–{$last}
report-as-of = as of {$date}
report-through = year to date through {$date}
report-ledger-head = Ledger fingerprint: {$head}
report-ledger-empty = Ledger fingerprint: no entries yet
report-plan-totals = Whole plan
# "Attainment: 87.5 % (based on 3 of 5 indicators)"
report-attainment = Attainment: {$pct}
report-rollup-basis = based on {$n} of {$of} indicators
report-no-indicators = No indicators
report-estimate = est.
report-estimate-note = est.: an estimate, reported before its period ended; the official figure replaces it when recorded
report-partial-note = * partial: not every period through {$date} is in
report-no-target-year = No target for {$year} (target for {$by}: {$target})
report-no-target-at-all = Tracked, no target
report-progress-final = {$pct} of the {$by} target
report-origin-milestone = milestone for {$year}
report-origin-straight = straight line from {$base} in {$base_year} to {$target} in {$by}
report-origin-pro-rata = pro rata of {$target} by {$by}: {$n} of {$of} years
report-origin-every-year = every year
report-origin-final = the {$by} target
report-missing = Missing figures: {$list}
report-missing-item = {$id} {$period} ({$agency}, {$days} overdue)
report-overdue = Overdue tasks: {$list}
report-overdue-item = {$id} ({$agency}, {$days} overdue)
report-and-more = and {$n} more
report-col-indicator = Indicator
report-col-value = Value [% of target]
report-col-ytd = Year to date [% of year target]
report-col-target = Target
report-col-year-target = Year target
report-col-last-year = Same period last year [change]
report-col-years = Year values
report-col-status = Status
report-col-reporting = Reporting
report-done-no-deadline = {$n} done (no deadline)

# "n/a": a value, or its attainment, that cannot be computed, and why
# (SPEC §5: never NaN or inf). `report --format json` keeps these English
# sentences in `attainment_note` whatever the language.
report-na-value = n/a ({$why})
report-na-attainment = n/a: {$why}
report-na-no-data = no data
report-na-target-zero = target is 0
report-na-value-zero = value is 0
report-na-not-finite = not a finite number
report-na-input-zero = `{$input}` is 0 in {$year}
report-na-growth-at-most-minus-100 = a yearly growth of -100 % or less

# Help of the report's review arguments (`plan report --help`).
cli-report-period = A part of a year to review (sơ kết): 2027-H1, 2027-Q3, 2027-07; 2027 is the year report
cli-report-years = A span of plan years to review (tổng kết): A-B, e.g. 2026-2030
report-task-done-no-deadline = Done (no deadline)
report-unknown-group-suggest = unknown group `{$group}`: did you mean `{$suggestion}`?
report-unknown-group = unknown group `{$group}`: `plan show` lists the groups of plan {$plan}

# Summary lines and columns of the table and Markdown report (plan report).
report-reports-on-time = {$n}/{$of} on time
report-reports-late = {$n} late by {$days}
report-reports-missing = {$n} missing ({$days} overdue)
report-no-tasks = no tasks in the year
report-tasks-done-on-time = {$n} done on time
report-tasks-done-late = {$n} done late
report-tasks-done-late-days = {$n} done late ({$days})
report-tasks-open-in-time = {$n} open in time
report-tasks-overdue = {$n} overdue
report-tasks-overdue-days = {$n} overdue ({$days})
report-tasks-no-deadline = {$n} without deadline
report-tasks-rate = completion rate {$pct} ({$done} of {$due} tasks come due)
report-final-target = by {$by}: {$target}
report-lead = lead: {$lead}
report-line-figures = Figures: {$text}
report-line-tasks = Tasks: {$text}
report-derived = (derived)
report-no-deadline = no deadline
report-detail-col-indicator = Indicator
report-detail-col-period = Period
report-detail-col-value = Value
report-detail-col-reported = Reported
report-detail-col-due = Due
report-detail-col-status = Status
report-detail-col-task = Task
report-detail-col-lead = Lead
report-detail-col-done = Done

# The HTML report (plan report --format html).
report-html-days = { $n ->
    [one] {$num} day
   *[other] {$num} days
}
report-html-final-by = by {$by}
report-html-as-of = figures as of {$date}
report-html-issued-on = plan issued on {$date}
report-html-plan-years = plan years {$start}–{$end}
report-html-implements = Implements: {$document}
report-html-tile-attainment = Attainment, whole plan
report-html-tile-on-time = Figures reported on time
report-html-tile-periods = {$n}/{$of} periods due have a figure
report-html-tile-tasks = Tasks due that are done
report-html-tile-overdue = {$n} overdue
report-html-why-no-indicators = no indicators
report-html-why-no-target = no target for {$year}
report-html-why-no-figures = no figures due yet
report-html-why-not-assessable = not assessable yet
report-html-overview = Attainment by group, {$year}
report-html-no-groups = The plan has no groups.
report-html-overview-note = Group attainment: weighted mean of the attainment of the indicators with a target for the year, each capped at 100 %.
report-html-how-to-read = How to read
report-html-key-value = value by year
report-html-key-partial = partial: not every period in (*)
report-html-key-target = target
report-html-key-range = target range
report-html-key-year = report year
report-html-key-bar = attainment bar (capped at 100 %; ▸ above)
report-html-group-attainment = attainment {$year}
report-html-lead = Lead
report-html-indicators = Indicators
report-html-figures = Figures
report-html-on-time-rate = on-time rate {$pct}
report-html-tasks = Tasks
report-html-group-no-indicators = This group has no indicators.
report-html-tasks-in-year = Tasks in the year
report-html-missing-heading = Missing figures, overdue
report-html-overdue-heading = Open tasks past their deadline
report-html-col-indicator = Indicator
report-html-col-value = Value
report-html-col-target = Target {$year}
report-html-col-status = Status, attainment
report-html-col-trend = Trend {$first}–{$last}
report-html-col-reporting = Reporting
report-html-derived = derived
report-html-partial-mark = partial: not every period is in
report-html-last-year = last year {$value}
report-html-of-final = of the final target
report-html-of-final-year = of the final target {$by}
report-html-derived-reporting = derived from other indicators
report-html-on-time = on time {$pct}
report-html-trend-target = target {$target}
report-html-no-tasks = No tasks in the year.
report-html-no-deadline-set = No deadline set
report-html-tasks-caption = Tasks by status: {$tasks}
report-html-total-days = total {$days}
report-html-completion-rate = Completion rate of tasks that have come due: {$pct}
report-html-no-missing = No figure is overdue.
report-html-col-period = Period
report-html-col-due-report = Due
report-html-col-overdue = Overdue
report-html-col-agency = Agency responsible
report-html-no-overdue = No task is overdue.
report-html-col-task = Task
report-html-col-due = Due
report-html-col-lead-agency = Lead agency
report-html-deliverable = Deliverable: {$deliverable}
report-html-partial-note = * partial: not every period of the year is in yet.
report-html-no-chart = no figures, no targets

# Review of part of a year: pace (SPEC §5); span of years; a review not yet
# over (provisional figures).
report-provisional = Provisional: figures up to {$date}
report-pct-of-year = {$pct} of the year's plan
report-pct-of-cumulative = {$pct} of the target cumulative to {$year}
report-pace-plan = the {$months}-month plan is {$expected}
report-pace-cumulative = the plan cumulative through month {$months} is {$expected}
report-in-progress-why = no start-of-year value to measure pace from
report-cumulative-to = cumulative to {$year}
report-value-year = figure of {$year}
report-upcoming = Tasks coming due: {$list}
report-upcoming-item = {$id} (due {$due}, {$agency})
report-html-upcoming-heading = Tasks coming due

# --notes (SPEC §4.2).
report-notes-docx-only = --notes is the office's text for the Word report: use it with --format docx (not with --format {$format})
report-notes-unreadable = cannot read the notes file {$file}: {$reason}
report-notes-unknown-key = {$at}: there is no section `{$key}`; the sections are: {$keys}
report-notes-twice = {$at}: section `{$key}` is already given at line {$first}: merge the two
report-notes-before-heading = {$at}: text before the first `## KEY` heading: put it under a section (e.g. `## lanh_dao`)
