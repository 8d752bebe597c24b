# Words of tables (English): targets and periods in words, measures,
# cadences, bases, statuses, task classes, column headers of show, log and
# check. Every key exists in locales/vi/tables.ftl with the same variables.

## Targets in words: {$x}, {$a}, {$b} are numbers already in the plan's style,
## followed by the unit when there is one.
tables-target-at-least = at least {$x}
tables-target-above = more than {$x}
tables-target-at-most = at most {$x}
tables-target-below = less than {$x}
tables-target-range = {$a} to {$b}
tables-target-about = about {$x}

## Periods in words ({$year} as text: never grouped).
tables-period-year = {$year}
tables-period-half = { $index ->
    [1] H1 {$year}
   *[2] H2 {$year}
}
tables-period-quarter = Q{$index} {$year}
tables-period-month = { $index ->
    [1] Jan {$year}
    [2] Feb {$year}
    [3] Mar {$year}
    [4] Apr {$year}
    [5] May {$year}
    [6] Jun {$year}
    [7] Jul {$year}
    [8] Aug {$year}
    [9] Sep {$year}
    [10] Oct {$year}
    [11] Nov {$year}
   *[12] Dec {$year}
}

## How often an indicator is reported.
tables-every-year = yearly
tables-every-half = half-yearly
tables-every-quarter = quarterly
tables-every-month = monthly

## What a figure measures.
tables-measure-level = level at a date
tables-measure-flow = amount over the period
tables-measure-rate = rate

## How a year's value is held against the target.
tables-basis-end = value reached by the target year
tables-basis-year = every year
tables-basis-average = average over the years
tables-basis-compound = average yearly growth
tables-basis-cumulative = total since the plan began

## Statuses of an indicator.
tables-status-exceeded = Exceeded
tables-status-met = Met
tables-status-not-met = Not met
tables-status-no-data = No data
tables-status-no-target = No target
tables-status-tracked = Tracked only
tables-status-on-track = On track
tables-status-behind = Behind pace
tables-status-in-progress = In progress

## Statuses of one period's figure.
tables-period-on-time = on time
tables-period-late = late
tables-period-missing = missing, overdue
tables-period-not-yet-due = not yet due

## The four classes of task tracking, and tasks without a deadline.
tables-task-done-on-time = Done on time
tables-task-done-late = Done late
tables-task-open-in-time = Open, within deadline
tables-task-open-overdue = Open, overdue
tables-task-no-deadline = No deadline

## Kinds of ledger entries.
tables-kind-figure = figure
tables-kind-completion = completion
tables-kind-correction = correction
tables-kind-void = void

tables-derived = derived
tables-derived-ratio = {$num} / {$den} × 100
tables-derived-growth = growth of {$of} against the year before
tables-no-deadline = no deadline
tables-by-year = by {$year}
tables-estimate = est.

## Column headers and titles.
tables-col-group = Group
tables-col-task-group = Task group
tables-col-section = Section
tables-col-name = Name
tables-col-lead = Lead
tables-col-partners = Partners
tables-col-indicator = Indicator
tables-col-indicators = Indicators
tables-col-task = Task
tables-col-tasks = Tasks
tables-col-unit = Unit
tables-col-target = Target
tables-col-reported = Reported
tables-col-due = Due
tables-col-product = Product
tables-col-field = Field
tables-col-id = Id
tables-col-value = Value
tables-col-content = Value
tables-col-measure = Measure
tables-col-basis = Basis
tables-col-derived-from = Derived from
tables-col-by = Target year
tables-col-baseline = Baseline
tables-col-milestones = Milestones
tables-col-weight = Weight
tables-col-note = Note
tables-col-group-goal = Group goal
tables-col-funding = Funding
tables-col-entry = #
tables-col-kind = Kind
tables-col-item = Indicator / task
tables-col-period = Period
tables-col-date = Date
tables-col-details = By, source, note
tables-col-status = Status
tables-title-groups = Task groups
tables-title-indicators = Indicators
tables-title-tasks = Tasks
tables-title-period = {$start}–{$end}

## The six "rõ" (SPEC §2).
tables-ro-work = 1. Work
tables-ro-executor = 2. Executor
tables-ro-responsibility = 3. Responsibility
tables-ro-timeline = 4. Timeline
tables-ro-product = 5. Product
tables-ro-supervision = 6. Supervision
tables-ro-with = with {$partners}

## What became of a ledger entry (log).
tables-log-voids = voids #{$entry}
tables-log-corrects = corrects #{$entry}
tables-log-voided-by = voided by #{$entry}
tables-log-superseded-by = superseded by #{$entry}
tables-log-corrected-by = corrected by #{$entry}
tables-log-backdated = back-dated {$days}
tables-log-redates = re-dates #{$entry}: reported {$date}
tables-log-redated-by = re-dated by #{$entry}
tables-log-future = reported after today (clock ahead?): not counted
