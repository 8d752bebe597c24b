# input messages (English): values typed by people (dates, numbers,
# periods, texts, ids). Every key here exists in locales/vi/input.ftl with
# the same variables.

input-id-missing = no { $kind ->
    [task] task
   *[indicator] indicator
} given
input-id-unknown-suggest = unknown { $kind ->
    [task] task
   *[indicator] indicator
} `{$id}`: did you mean `{$suggestion}`?
input-id-unknown = unknown { $kind ->
    [task] task
   *[indicator] indicator
} `{$id}`: `plan show` lists the { $kind ->
    [task] task
   *[indicator] indicator
} ids of plan {$plan}
input-id-is-task = `{$id}` is a task, not an indicator: mark it done with `plan done {$id}` (in an imported file: put it in the task column)
input-id-is-indicator = `{$id}` is an indicator, not a task: record its figures with `plan record {$id} VALUE --period PERIOD` (in an imported file: put it in the indicator column)
input-id-is-derived-indicator = `{$id}` is an indicator, not a task
input-derived = `{$id}` is derived ({$from}): it is computed, never recorded; record its inputs instead
input-derived-ratio = ratio {$num} / {$den}
input-derived-growth = growth of {$of}

input-date-empty = no date given: write YYYY-MM-DD or {$pattern}
input-date-form = `{$text}` is not a date: write YYYY-MM-DD (e.g. 2027-01-15) or {$pattern} (e.g. {$example})
input-date-serial = `{$text}` looks like a spreadsheet's day number, not a date: format the column as a date (YYYY-MM-DD or {$pattern}) before saving
input-date-short-year = `{$text}` has a two-digit year, which is never guessed: write the year in full, as YYYY-MM-DD or {$pattern} (e.g. 2026-04-08 or 08/04/2026)
input-date-year = `{$text}`: year {$year} is before {$first}, most likely a two-digit year padded with zeros: write the year in full (e.g. 2026)
input-date-order = `{$text}` is not a date in {$pattern} order (the plan's `dates`), but is one in {$other} order: to leave no doubt, write it as YYYY-MM-DD, {$iso} (or {$written})
input-date-order-file = `{$text}` is not a date in {$pattern} order (the plan's `dates`), but is one in {$other} order: write {$written} or {$iso}; for a file written month first, import it with --dates
input-date-no-such-day = `{$text}` is not a date: there is no such day in the calendar; check the day and the month
input-date-future = date {$date} is after today ({$today}): a likely typo; only what has already happened is recorded
input-date-before-period = date {$date} is before the period {$period} starts ({$start}): a figure is reported once its period has begun; check the year
input-period-not-begun = period {$period} has not begun (today is {$today}; it starts {$start}): it can have no figure yet
input-date-before-plan = date {$date} is before the plan's first year began ({$first}): check the year
input-today-invalid = PLAN_TODAY=`{$text}` is not a date: expected YYYY-MM-DD with a four-digit year

input-number-empty = empty value: expected a number
input-number-wrong-style = `{$text}` is ambiguous under `{$style}` numbers (they are written like {$example}): write `{$suggestion}`
input-number-ambiguous = `{$text}` is ambiguous under `{$style}` numbers (a decimal or thousands?): write `{$decimal}` or `{$thousands}`
input-number-invalid = `{$text}` is not a number under `{$style}` numbers (e.g. {$example})
input-number-too-large = `{$text}` is too large to be a figure: check the value
input-number-digits = `{$text}` has {$digits} significant digits: at most {$max} are kept exactly; check the value

input-value-percent = `{$text}` ends in `%`, but `{$id}` is counted in {$unit}: write the number alone
input-value-not-finite = not a finite number
input-value-below-min = {$value} is below the smallest valid figure of `{$id}` ({$min}): check the value (a count is never negative)
input-value-above-max = {$value} is above the largest valid figure of `{$id}` ({$max}): check the value
input-value-not-integer = {$value} is not a whole number, but `{$id}` counts whole {$unit}: check the decimal mark

input-period-empty = no period given: expected YYYY, YYYY-H1..H2, YYYY-Q1..Q4 or YYYY-MM (e.g. 2027, 2027-H1, 2027-Q3, 2027-07)
input-period-form = `{$text}` is not a period: expected YYYY, YYYY-H1..H2, YYYY-Q1..Q4 or YYYY-MM (e.g. 2027, 2027-H1, 2027-Q3, 2027-07), or Q3/2027, T7/2027
input-period-short-year = `{$text}` has a two-digit year, which is never guessed: write the year in full (e.g. 2027-Q3, Q3/2027)
input-period-year = `{$text}`: a year before {$first} is most likely a two-digit year padded with zeros: write the year in full (e.g. 2027-Q3)
input-period-is-date = `{$text}` is a date, not a period: a spreadsheet may have turned the period into a date; format the column as text and type the period (e.g. 2027-07 or 2027-Q3)
input-period-cadence = period `{$period}` does not fit `{$id}`, which is reported every { $every ->
    [year] year
    [half] half
    [quarter] quarter
   *[month] month
}: use a period like `{$example}` or a whole year `{$year}`
input-period-outside = period `{$period}` is outside the plan's years {$start}–{$end}

input-text-control = a control character ({$code}, character {$at}) is not allowed: remove it (line breaks, tabs and terminal codes included)
input-text-too-long = {$n} characters: at most {$max}; keep the text short and put the rest in the source document

input-invalid-arg = invalid {$arg}: {$message}
input-reason-empty = empty; say why, e.g. --reason "Số liệu chính thức của Chi cục Thống kê"
input-replaces = replaces #{$entry} ({$period} = {$old})
input-jump = {$value} is { $up ->
    [yes] more than ten times
   *[no] less than a tenth of
} the previous figure ({$period}: {$previous}, #{$entry}): a slipped separator?
input-jump-yes = check the value; if it is right, record it again with --yes

correct-no-ledger = no entry #{$id}: the ledger {$file} has no entries yet
correct-no-entry = no entry #{$id} in the ledger: `plan log` lists the entries
correct-other-plan = entry #{$id} belongs to plan `{$other}`, not `{$plan}`: refusing to change another plan's figures
correct-of-nothing = entry #{$id} is a correction of no entry
correct-a-void = entry #{$id} is a void: it has no value to correct; to bring back #{$target}, { $task ->
    [yes] record `plan done` again
   *[no] record the figure again
}
correct-a-completion = entry #{$id} is a completion of task `{$task}`: it has no value to correct; void it and record `done` again
correct-not-a-figure = entry #{$id} corrects #{$target}, which is not a figure
correct-voided = entry #{$id} was voided by #{$void}: there is nothing to correct; record a new figure instead
void-a-void = entry #{$id} is a void: a void cannot be voided; to bring back #{$target}, { $task ->
    [yes] record `plan done` again
   *[no] record the figure again
}
void-already = entry #{$id} is already voided by #{$void}
input-arg-value = value
input-arg-indicator = indicator
input-arg-task = task
input-arg-entry = entry
input-legacy-font = `{$text}` is typed in a legacy Vietnamese font, {$font}, not Unicode: it reads “{$decoded}”. Convert the file to Unicode with Unikey's converter (Công cụ chuyển mã: source {$unikey}, destination Unicode), save it and import it again
