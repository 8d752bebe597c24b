# Messages of the commands (English): errors and hints, questions of the
# interactive commands, receipts and summaries of check, show, log, record
# and done; messages about plan.toml (plan-). Every key exists in
# locales/vi/commands.ftl with the same variables.

commands-did-you-mean = did you mean `{$id}`?
commands-show-lists-ids = `plan show` lists every id
commands-show-unknown-id = unknown id `{$id}`: {$hint}
commands-missing-argument = missing: {$arg}

## plan.toml
commands-plan-not-found = no plan file `{$file}` in the folder {$dir}; point at a plan with --plan FILE, with the PLAN_FILE environment variable, or run plan in a folder that has plan.toml
commands-plan-unreadable = cannot read the plan file {$file}: {$reason}
commands-plan-invalid = { $n ->
    [one] {$file} has 1 error; `plan check` lists it
   *[other] {$file} has {$n} errors; `plan check` lists them
}
plan-unreadable = cannot read the plan file {$file}: {$reason}

## The 6-rõ audit ({$field}: the plan.toml key that is missing).
plan-audit-no-field = no `{$field}`
plan-audit-empty = no indicator or task
plan-audit-no-lead = no lead agency (`{$field}`)
plan-audit-no-dates = no milestone, task due date or `{$field}`
plan-audit-no-supervisor = no supervising agency (`{$field}`)
plan-audit-no-frequency = no frequency (`{$field}`)
plan-audit-tasks-without-lead = { $n ->
    [one] 1 task without lead: {$ids}
   *[other] {$n} tasks without lead: {$ids}
}
plan-audit-tasks-without-due = { $n ->
    [one] 1 task without due date: {$ids}
   *[other] {$n} tasks without due date: {$ids}
}
plan-audit-tasks-without-deliverable = { $n ->
    [one] 1 task without deliverable: {$ids}
   *[other] {$n} tasks without deliverable: {$ids}
}

## check
commands-check-errors = { $n ->
    [one] {$file}: 1 error
   *[other] {$file}: {$n} errors
}
commands-check-counts = {$groups} groups, {$indicators} indicators, {$tasks} tasks
commands-check-clear = every group is clear on all six "rõ"
commands-check-gaps = { $n ->
    [one] 1 gap in the six "rõ" (a warning; --strict makes it an error)
   *[other] {$n} gaps in the six "rõ" (warnings; --strict makes them errors)
}
commands-check-gaps-strict = { $n ->
    [one] 1 gap in the six "rõ" (an error under --strict)
   *[other] {$n} gaps in the six "rõ" (errors under --strict)
}
commands-check-valid = {$file}: valid ({$counts}); {$verdict}
commands-check-col-ro = "Rõ"
commands-check-col-gaps = Missing

## log
commands-log-empty = no entries yet in {$ledger}
commands-ask-clock-ok = Is the computer's clock right now, and should the entry be written anyway?
commands-future-entries = { $n ->
    [one] entry {$ids} is
   *[other] {$n} entries ({$ids}) are
} reported after today ({$today}), probably written while the computer's clock ran ahead: no report counts { $n ->
    [one] it
   *[other] them
} yet. If the date is wrong, re-date with `plan correct {$first} --reported-on DATE --reason "…"` (the old date stays in the log)
commands-future-more = { $n ->
    [one] and {$n} more
   *[other] and {$n} more
}
commands-log-none-match = no entries match
commands-log-unknown-indicator = invalid --indicator: unknown indicator `{$id}`: {$hint}
commands-log-unknown-task = invalid --task: unknown task `{$id}`: {$hint}
commands-log-filter-is-task = invalid --indicator: `{$id}` is a task, not an indicator: use --task {$id}
commands-log-filter-is-indicator = invalid --task: `{$id}` is an indicator, not a task: use --indicator {$id}
commands-group-wrong-kind = invalid --group: `{$id}` is { $kind ->
    [task] a task
   *[indicator] an indicator
}, not a task group: `plan show {$id}` shows the group it belongs to

## record and done: receipts
commands-provenance = reported {$date} by {$by}
commands-provenance-source = reported {$date} by {$by}, {$source}
commands-record-receipt = {$indicator} {$period} = {$value} {$unit} ({$provenance})
commands-record-missing-all = missing: <INDICATOR> <VALUE> --period <PERIOD> (`plan record` with no arguments asks for each field, but only on a terminal)
commands-done-missing-task = missing: <TASK> (`plan done` with no arguments asks for each field, but only on a terminal)
commands-done-receipt = done {$task} ({$provenance}; {$timing})
commands-done-on-time = on time, due {$due}
commands-done-late = {$days} late, due {$due}
commands-done-no-deadline = no deadline
commands-done-already = task `{$task}` is already done: entry #{$entry}, reported {$date}; to change it, `plan void {$entry} --reason …` then `plan done` again
commands-done-no-tasks = plan {$plan} has no task to mark done

## Questions (interactive record and done)
commands-ask-no-terminal = cannot ask on this terminal
commands-ask-yes-no-default-yes = Y/n
commands-ask-yes-no-default-no = y/N
commands-ask-yes-no-error = answer y (yes) or n (no)
commands-ask-optional = empty for none
commands-record-nothing-to-record = plan {$plan} has no recorded indicator to record a figure of
commands-record-ids = Indicators: {$ids}
commands-ask-indicator = Indicator:
commands-ask-indicator-help = its id; Tab completes and lists; Ctrl-U clears the line; Esc, Ctrl-C or Ctrl-D cancel
commands-record-previous = previous figure: {$period} = {$value} {$unit} (#{$entry})
commands-record-no-previous = no figure yet
commands-record-about-indicator = {$name} · unit: {$unit} · reported {$every} · {$previous}
commands-ask-period = Period:
commands-ask-period-help = a period reported {$every} (e.g. {$example}) or a whole year (e.g. {$year})
commands-ask-value = Value ({$unit}):
commands-ask-value-help = numbers like {$example}
commands-ask-value-help-previous = previous {$period}: {$value}; numbers like {$example}
commands-record-jump-up = {$value} is more than ten times the previous figure ({$period}: {$previous}): a slipped separator? Record it anyway?
commands-record-jump-down = {$value} is less than a tenth of the previous figure ({$period}: {$previous}): a slipped separator? Record it anyway?
commands-ask-date = Reported on:
commands-ask-date-help = the date of the report: YYYY-MM-DD or {$order}
commands-ask-by = By:
commands-ask-source = Source document:
commands-ask-source-help = e.g. Report 15/BC-UBND; empty for none
commands-ask-note = Note:
commands-record-confirm = Record this figure?
commands-ask-task = Task:
commands-ask-task-help = its id; Tab completes and lists; Ctrl-U clears the line; Esc, Ctrl-C or Ctrl-D cancel
commands-ask-done-date = Done on:
commands-done-confirm = Record this task as done?

## plan.toml diagnostics (src/plan/load.rs)
plan-help-label = help
plan-did-you-mean = did you mean `{$id}`?
plan-takes = {$what} takes: {$keys}
plan-one-of = one of: {$values}
plan-unknown-key = unknown key `{$key}` in {$what}
plan-missing-key = missing key `{$key}` in {$what}
plan-wrong-type = `{$key}` must be {$expected}, found {$found}
# A TOML syntax error; {$detail} is the toml library's own words.
plan-toml-syntax = {$file} is not valid TOML at line {$line}, column {$column} ({$detail}): fix the place marked below
plan-expect-string = a string
plan-expect-integer = an integer
plan-expect-number = a number
plan-expect-strings = a list of strings
plan-expect-table = a table
plan-expect-tables = an array of tables ([[{$key}]])
plan-expect-agency-name = the agency's display name (a string)
plan-expect-bool = true or false
plan-type-string = string
plan-type-integer = integer
plan-type-float = float
plan-type-boolean = boolean
plan-type-datetime = datetime
plan-type-array = array
plan-type-table = table
plan-implausible-year = `{$key}` = {$year} is not a plausible year
plan-date = `{$key}` must be a date like 2027-12-31 (no quotes)
plan-not-valid = `{$key}` = "{$value}" is not valid
plan-bad-id = id `{$id}` may use only a-z, 0-9 and _
plan-write = write `{$fixed}`
plan-end-before-start = `end` = {$end} is before `start` = {$start}
plan-horizon = `horizon` = {$horizon} is before the plan's end {$end}
plan-bad-agency-id = agency id `{$id}` may use only a-z, 0-9 and _
plan-no-group = the plan has no [[group]]
plan-add-group = add at least one task group
plan-schedule-year = schedule year {$year} is outside the plan's years {$start}–{$end}
plan-schedule-order = schedule ends ({$end}) before it starts ({$start})
plan-schedule-needs = `schedule` needs `start` and `end` years, e.g. {"{"} start = 2026, end = 2030 {"}"}
plan-ratio-and-growth = an indicator is either a `ratio` or a `growth`, not both
plan-ratio-two = `ratio` takes two indicator ids: [numerator, denominator]
plan-derived-remove = a derived indicator is computed, never recorded: remove `{$key}`
plan-needs-measure = indicator `{$id}` needs `measure` (level, flow or rate), or `ratio`/`growth` if derived
plan-needs-every = indicator `{$id}` needs `every` (year, half, quarter or month)
plan-baseline-needs = `baseline` needs `year` and `value`, e.g. {"{"} year = 2025, value = 95 {"}"}
plan-milestones-range = milestones cannot be set on a range target
plan-milestones-range-help = use a one-sided target or drop the milestones
plan-milestone-key = milestone key `{$key}` is not a year
plan-weight = `weight` = {$weight} must be above 0
plan-max-below-min = `max` = {$max} is below `min` = {$min}
plan-duplicate-id = duplicate id `{$id}`: ids of groups, indicators and tasks must be unique in the plan
plan-rename = rename one, e.g. `{$id}_2`
plan-agency-did-you-mean = did you mean `{$id}`? Agencies are listed under [agencies]
plan-agency-add = add `{$id} = "…"` under [agencies]
plan-unknown-agency = unknown agency `{$id}`
plan-by-outside = `by` = {$by} is outside the plan's years {$start}–{$end}
plan-milestone-outside = milestone year {$year} is outside the plan's years {$start}–{$end}
plan-baseline-order = baseline year {$year} must come before the target year {$by}
plan-unknown-input = `{$id}` is computed from unknown indicator `{$input}`
plan-growth-derived = growth source `{$input}` must be a recorded indicator, not a derived one
plan-self = `{$id}` cannot be computed from itself
plan-cycle = derived indicators form a cycle: {$path}
plan-due-outside = due date {$due} is outside the plan's years {$start}–{$end}
plan-target-not-a-target = `{$text}` is not a target
plan-target-range-order = `{$text}`: the range's lower bound is above its upper bound
plan-target-forms = `{$text}` is not a target: expected `>= x`, `> x`, `<= x`, `< x`, `a..b` or `~ x`
plan-target-needs-number = a target needs a number

# Receipts of `plan correct` and `plan void`.
correct-subject-task = task {$task}
correct-receipt = #{$id} correction of #{$target}: {$subject} = {$value}{$unit} (was {$was}; reported {$date} by {$by}: {$reason})
correct-superseded = note: #{$target} is superseded by #{$counting}, which is the figure that counts for {$subject}; this correction changes no total
correct-redate-receipt = #{$id} re-dates #{$target} ({$subject}): reported {$date} (was {$was}, kept in the log; by {$by}: {$reason})
correct-jump-yes = check the value; if it is right, run the command again with --yes
void-what-completion = completion of task {$task}
void-receipt = #{$id} void of #{$target} ({$what}; reported {$date} by {$by}: {$reason})
void-now-counts = {$indicator} {$period} now counts #{$entry} = {$value}{$unit}
void-now-none = {$indicator} {$period} now has no figure
void-task-still-done = task {$task} still done: #{$entry}, reported {$date}
void-task-open = task {$task} is open again
