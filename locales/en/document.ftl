# document messages (English). Every key here exists in locales/vi/document.ftl with the same variables.
# The review as a Word document (SPEC §4.2): `plan report --format docx`.

doc-motto-party = COMMUNIST PARTY OF VIETNAM
doc-motto-state = SOCIALIST REPUBLIC OF VIETNAM
doc-motto-state-2 = Independence - Freedom - Happiness
doc-number-party = No.      -BC/{$suffix}
doc-number-state = No.:      /BC-{$suffix}
doc-number-bare = No.      -BC
doc-number-bare-state = No.:      /BC
doc-place-date = {$place}, {$date}
doc-date = {$day} {$month} {$year}
doc-kind = REPORT
doc-title-year = Results in {$year} of plan No. {$plan}
doc-title-period = Review of {$period} of plan No. {$plan}
doc-title-span = Final review of plan No. {$plan}, {$from}–{$to}
doc-months-q1 = the first quarter of {$year}
doc-months-h1 = the first six months of {$year}
doc-months-9 = the first nine months of {$year}
doc-months-n = the first {$n} months of {$year}
doc-intro = Pursuant to plan No. {$plan}{$issued} on "{$title}", on the figures reported up to {$as_of}, we report the results {$when} as follows:
doc-intro-issued = {" "}of {$by}
doc-when-year = in {$year}
doc-when-period = of {$period}
doc-when-span = from {$from} to {$to}
doc-section-results = II. RESULTS
doc-group-heading = {$n}. {$name}
doc-group-attainment = Average attainment of the indicators with a target for {$year}: {$pct} (over {$count} of {$total} indicators: {$counts}).
doc-group-no-attainment = No attainment can be computed yet: no indicator has both a target for {$year} and a figure.
doc-group-lead = Lead: {$agency}.
doc-ind-value = {$name}: {$value}{$estimate}, {$pct} of {$of} ({$target}); {$status}.
doc-ind-value-final = {$name}: {$value}{$estimate}, {$pct} of the target for {$by} ({$target}); {$year} has no yearly target.
doc-ind-value-only = {$name}: {$value}{$estimate}; {$status}.
doc-ind-value-na = {$name}: cannot be computed ({$why}).
doc-ind-no-data = {$name}: no figure recorded yet.
doc-ind-na = {$name}: {$value}{$estimate}; attainment cannot be computed ({$why}).
doc-ind-last-year = same period last year {$value}, {$pct} of it
doc-estimate = {" "}(estimate)
doc-late-figures = Figures reported late: {$list}.
doc-late-figure = {$name}, {$period} ({$days} late, {$agency})
doc-missing-figures = Figures overdue and not reported: {$list}.
doc-missing-figure = {$name}, {$period} ({$days} overdue, {$agency})
doc-tasks = Tasks: {$done_on_time} done on time, {$done_late} done late, {$open_in_time} open within their deadline, {$open_overdue} open and overdue{$extra}{$rate}.
doc-tasks-no-deadline = , {$n} without a deadline
doc-tasks-none = No task of this group falls in the period.
doc-overdue-tasks = Overdue tasks: {$list}.
doc-overdue-task = {$name} ({$agency}, due {$due}, {$days} overdue)
doc-more = and {$n} more
doc-short-not-met = {$name} reached {$pct} of its target ({$target}).
doc-short-no-data = {$name}: no figure for {$year} yet.
doc-short-missing = {$count} figure(s) of "{$name}" are overdue ({$agency}).
doc-short-task = Task "{$name}" is {$days} overdue ({$agency}).
doc-short-none = No indicator is below target, no figure is overdue and no task is overdue as of {$as_of}.
doc-recipients = Recipients:
doc-appendix = APPENDIX
doc-appendix-title = RESULTS OF THE INDICATORS, {$when}
doc-appendix-attached = (Attached to report No.      of {$issuer})
doc-col-no = No.
doc-col-indicator = Indicator
doc-col-unit = Unit
doc-col-year-target = Target {$year}
doc-col-final-target = Final target
doc-col-value = Result
doc-col-ytd = Year to date
doc-col-pct-year = % of year target
doc-col-last-year = Same period last year
doc-col-vs-last-year = % of same period
doc-col-status = Assessment
doc-estimate-note = (e) Estimate: reported before its period ended.
doc-fingerprint = Data check code: {$head}
doc-fingerprint-empty = Data check code: no figure recorded yet.
doc-none = —
output-binary-terminal = this format is binary and stdout is a terminal: redirect it (`> report.docx`) or use --output FILE
doc-estimate-short = {" "}(e)

# Review of part of a year (pace), span of years, a review not yet over (SPEC §5).
doc-provisional = Provisional figures, up to {$date}.
doc-plan-attainment = Attainment of the whole plan: {$pct}, over {$count} of {$total} indicators ({$counts}).
doc-of-year = the plan for {$year}
doc-of-cumulative = the target cumulative to {$year}
doc-ind-pace = {$name}: {$value}{$estimate}, {$pct} of {$of} ({$target}); the {$months}-month plan is {$expected}{$pace}; {$status}.
doc-pace-pct = , reached at {$pct}
doc-value-year = {" "}(figure of {$year})
doc-ind-series = by year: {$series}
doc-ind-no-data-year = {$name}: no figure for {$year} yet; by year: {$series}.
doc-tasks-rate = ; completion rate {$pct} ({$done} of {$due} tasks come due)
doc-short-behind = {$name} is behind pace: {$value}, against the {$months}-month plan of {$expected} ({$pct}).

# The five parts of the report (SPEC §4.2).
doc-section-leadership = I. LEADERSHIP, DIRECTION AND IMPLEMENTATION
doc-lead-documents = { $count ->
    [one] 1 task was completed in the period
   *[other] { $count } tasks were completed in the period
}, { $cited } of them recorded with a document:
doc-lead-document = {$source} (completed {$date}): {$task}.
doc-lead-none = No task was recorded as completed in the period.
doc-lead-no-documents = { $count ->
    [one] 1 task was completed in the period; no document was recorded with it.
   *[other] { $count } tasks were completed in the period; no document was recorded with them.
}
doc-hint-leadership = The office adds: how the plan was disseminated and rolled out (conferences, dates, participants); the directives issued (number, date, subject); inspection and supervision
doc-done-tasks = Tasks completed: {$list}.
doc-done-product = product: {$product}
doc-done-late = {$days} late
doc-section-assessment = III. OVERALL ASSESSMENT
doc-strengths = 1. Strengths
doc-strengths-indicators = {$count}/{$total} indicators met, exceeded or on track: {$list}.
doc-strengths-none = No indicator has met, exceeded or kept pace with its target yet.
doc-strengths-tasks = {$on_time}/{$done} completed tasks were completed on time.
doc-shortcomings = 2. Shortcomings
doc-causes = 3. Causes
doc-causes-objective = a) Objective causes:
doc-causes-subjective = b) Subjective causes:
doc-hint-objective = The office adds the objective causes of the shortcomings above
doc-hint-subjective = The office adds the subjective causes: the responsibility of the leading agencies
doc-lessons = 4. Lessons learned
doc-hint-lessons = The office adds the lessons learned from carrying out the plan
doc-section-directions = IV. DIRECTIONS AND TASKS FOR THE NEXT PERIOD
doc-directions-tasks = 1. Key tasks
doc-needs-pace = To reach the targets of {$year}, in the {$months} months left:
doc-needs-year = Indicators short of their target, to focus on:
doc-need-more = {$name}: needs {$gap} more to reach {$of} ({$target}).
doc-need-cap = {$name}: now {$value}, to be brought within {$of} ({$target}).
doc-next-tasks = Tasks to complete ({$count}):
doc-next-tasks-none = No task with a deadline comes due next.
doc-next-task = {$name} (led by {$lead}, due {$due}).
doc-next-task-no-lead = {$name} (due {$due}).
doc-next-task-no-due = {$name} (led by {$lead}).
doc-next-figures = Figures coming due:
doc-next-figure = {$period} (due {$due}): {$list}.
doc-solutions = 2. Solutions
doc-hint-solutions = The office adds the main solutions for the tasks ahead
doc-section-proposals = V. PROPOSALS AND RECOMMENDATIONS
doc-hint-proposals = The office adds its proposals to the higher level (if any)
doc-partial-note = (*) Not every period of the year has a figure yet.
