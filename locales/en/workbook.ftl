# workbook messages (English). Every key here exists in locales/vi/workbook.ftl.ftl with the same variables.

workbook-no-sheet = there is no sheet `{ $sheet }` in this workbook; its sheets are: { $sheets }
workbook-empty = the workbook has no sheets
workbook-no-header = no header row found in sheet { $sheet }: expected a row of column names such as chi_tieu, ky, gia_tri, ngay (or indicator, period, value, date)
workbook-unreadable = cannot read it as a workbook ({ $detail }): open it in Excel or LibreOffice and save it again (.xlsx), or save the sheet as CSV UTF-8

## Exported workbooks: sheet names, title lines, column headers.
workbook-sheet-summary = Summary
workbook-sheet-periods = Periods
workbook-sheet-tasks = Tasks
workbook-sheet-log = Log
workbook-group-totals = Whole group
workbook-lead-line = Lead: { $lead }
workbook-whole-plan = Whole plan
workbook-partial = partial
workbook-col-section = Section
workbook-col-group = Task group
workbook-col-group-id = Group
workbook-col-id = Id
workbook-col-lead = Lead
workbook-col-attainment = Attainment
workbook-col-exceeded = Exceeded
workbook-col-met = Met
workbook-col-not-met = Not met
workbook-col-no-data = No data
workbook-col-no-target = No target
workbook-col-on-time = Figures on time
workbook-col-late = Figures late
workbook-col-missing = Figures missing
workbook-col-done-on-time = Tasks done on time
workbook-col-done-late = Tasks done late
workbook-col-open-in-time = Tasks open, in time
workbook-col-open-overdue = Tasks overdue
workbook-col-completion-rate = Task completion rate
workbook-col-stt = No.
workbook-col-indicator = Indicator
workbook-col-unit = Unit
workbook-col-value = Value
workbook-col-target = Target
workbook-col-status = Status
workbook-col-partial = Partial year
workbook-col-days-late = Days late
workbook-col-days-overdue = Days overdue
workbook-col-period = Period
workbook-col-reported-on = Reported on
workbook-col-due = Due
workbook-col-days = Days
workbook-col-task = Task
workbook-col-deliverable = Deliverable
workbook-col-done-on = Done on
workbook-col-entry = Entry
workbook-col-kind = Kind
workbook-col-item = Indicator / task
workbook-col-value-text = Value as typed
workbook-col-recorded-at = Recorded at (UTC)
workbook-col-by = By
workbook-col-source = Source
workbook-col-note = Note
workbook-col-batch = Import batch
workbook-col-progress = Progress to the final target

## plan template
workbook-template-outside = period { $period } is outside the plan's years { $start }–{ $end }
workbook-template-none-for-period = no recorded indicator is reported by periods like { $period }: nothing to fill in
workbook-template-none-missing = every figure due by { $date } is in: nothing to fill in
workbook-sheet-template = Figures
workbook-template-title = Figures to report — plan { $plan }
workbook-template-period = Period: { $period }
workbook-template-missing = Periods due and still without a figure on { $date }
workbook-template-how = Fill in value (and date, by, source), then: plan import FILE
workbook-sheet-not-workbook = --sheet is for workbooks (.xlsx, .xls, .ods), and { $file } is not one
workbook-validate-title = Not a number or a date
workbook-validate-number = Type a number, with the separators of this spreadsheet (e.g. 1234.5 or 1.234,5).
workbook-validate-date = Type a date, e.g. 31/12/2027 or 2027-12-31.

# Report: what attainment rests on, pace (SPEC §5).
workbook-col-rollup-count = Indicators the attainment rests on
workbook-col-indicator-count = Indicators in all
workbook-col-tracked = Tracked only
workbook-col-on-track = On track
workbook-col-behind = Behind pace
workbook-col-in-progress = In progress
workbook-col-tasks-done = Tasks come due and done
workbook-col-tasks-due = Tasks come due
workbook-col-expected = Plan to date (pace)
workbook-col-pace-attainment = % of the plan to date
workbook-upcoming = Coming due
