# The command line (English): help of every command and argument, examples
# (built with ids of the plan in use), usage errors. Every key exists in
# locales/vi/cli.ftl with the same variables.

cli-about = A KPI ledger for public action plans held to the "6 rõ" principle
cli-usage-heading = Usage:
cli-usage-options = [OPTIONS]
cli-heading-arguments = Arguments
cli-heading-options = Options
cli-heading-commands = Commands
cli-value-command = COMMAND
cli-placeholder-indicator = INDICATOR
cli-placeholder-task = TASK
cli-placeholder-group = GROUP

## Examples: {$indicator}, {$task}, {$group} are ids of the plan in use;
## {$period} a period of the indicator; {$value} a number in the plan's style.
cli-examples =
      plan check
      plan show {$indicator}
      plan record {$indicator} {$value} --period {$period} --source "Report 15/BC-UBND"
      plan record                      (asks for each field)
      plan done {$task}
      plan report --year {$year}
cli-examples-heading = Examples:
cli-environment = Environment: PLAN_FILE, PLAN_LEDGER, PLAN_TODAY (YYYY-MM-DD, stands for today), NO_COLOR, COLUMNS (width of tables).
cli-check-examples =
      plan check
      plan check --strict
      plan check --format json
cli-show-examples =
      plan show
      plan show {$indicator}
      plan show {$group} --format md
cli-record-examples =
      plan record {$indicator} {$value} --period {$period} --source "Report 15/BC-UBND"
      plan record {$indicator} {$value} --period {$year} --date {$date}
      plan record                      (asks for each field)
cli-done-examples =
      plan done {$task} --source "Decision 45/QĐ-UBND"
      plan done                        (asks for each field)
cli-import-examples =
      plan import figures.csv
      plan import figures.csv --dry-run
      cat export.csv | plan import - --numbers en
      plan import figures.xlsx --sheet "Q3"
      plan import figures.xlsx --hidden skip    (leave hidden rows and columns out)
cli-correct-examples =
      plan correct 42 {$value} --reason "Official figure of the Statistics Office"
cli-void-examples =
      plan void 42 --reason "Recorded under the wrong indicator"
cli-log-examples =
      plan log
      plan log --indicator {$indicator} --year {$year}
      plan log --format json
cli-report-examples =
      plan report --year {$year}
      plan report --year {$year} --detail
      plan report --group {$group} --format json
      plan report --format html > report.html
      plan report --format xlsx --output report.xlsx
      plan report --period {$year}-H1
      plan report --period {$year}-Q3 --format docx --output report.docx
      plan report --period {$year}-H1 --format docx --notes notes.md --output review.docx
      plan report --years {$year}-{$end}
cli-template-examples =
      plan template --format xlsx > figures-due.xlsx
      plan template --period {$period} --format xlsx --output {$period}.xlsx
      plan template > figures-due.csv
cli-verify-examples =
      plan verify
cli-history-examples =
      plan history
      plan history --show 1
      plan history --format json
cli-completions-examples =
      plan completions bash > /etc/bash_completion.d/plan
      plan completions zsh > ~/.zfunc/_plan

## What each command does.
cli-check-about = Validate plan.toml and audit the six "rõ" of each task group
cli-show-about = Show groups, indicators, tasks and targets: the ids to type
cli-record-about = Record a figure (no arguments on a terminal: asks for each field)
cli-done-about = Mark a task done (no arguments on a terminal: asks for each field)
cli-import-about = Load figures and completions from a file (all or nothing)
cli-correct-about = Correct an entry's value (a new entry that supersedes it)
cli-void-about = Withdraw an entry (a new entry that voids it)
cli-log-about = The audit trail of entries
cli-report-about = Attainment and lateness per task group for a year
cli-template-about = A sheet to fill in with the figures due, ready to import
cli-verify-about = Check the ledger: integrity, schema, hash chain, unknown ids
cli-history-about = The plan versions the ledger recorded, and the plan's amendments
cli-history-show = Print the text of plan version N (N as plan history lists it)
cli-history-format = Output: table or json (default: table)
cli-completions-about = Print shell completions

## Arguments shared by commands (cli-arg-ID), and those whose meaning
## depends on the command (cli-COMMAND-ID).
cli-arg-help = Print help
cli-arg-version = Print the version
cli-arg-plan = The plan file (else PLAN_FILE, else ./plan.toml)
cli-arg-ledger = The ledger (else PLAN_LEDGER, else [plan] ledger, else ledger.db beside the plan)
cli-arg-lang = Language of messages and tables: vi or en (else the plan's lang)
cli-arg-format = Output: table, csv, json or md (default: table)
cli-report-format = Output: table, csv, json, md, html, docx or xlsx (default: table)
cli-log-format = Output: table, csv, json, md or xlsx (default: table)
cli-template-format = Output: csv or xlsx (default: csv)
cli-template-period = The period to fill in: every period of every indicator inside it, e.g. 2026-Q3 holds July, August and September (default: every period due and still without a figure)
cli-arg-sheet = The sheet of a workbook (default: the first visible worksheet; a hidden or chart sheet only when named)
cli-arg-hidden = Hidden or filtered-out rows and columns of a workbook: skip (leave them out) or include (read them); without it they are refused and listed
cli-arg-output = Write to this file instead of standard output (docx and xlsx never go to a terminal)
cli-arg-strict = Treat gaps in the six "rõ" as errors
cli-arg-id = A group, indicator or task id to show in full
cli-arg-indicator = Indicator id (see `plan show`)
cli-log-indicator = Only the entries of this indicator
cli-arg-value = The value, in the plan's number style (vi: 1.234,5; en: 1,234.5)
cli-correct-value = The right value, in the plan's number style
cli-arg-period = The period: 2027, 2027-H1, 2027-Q3 or 2027-07
cli-arg-date = The date it was reported ({$order} or YYYY-MM-DD; default: today)
cli-arg-by = Who reports it (default: the account logged in)
cli-arg-source = Source document, e.g. "Report 15/BC-UBND"
cli-arg-note = A note
cli-arg-task = Task id (see `plan show`)
cli-log-task = Only the entries of this task
cli-arg-file = The file (CSV, xlsx, xls, ods), or - for standard input
cli-arg-dry_run = Check and summarise; write nothing
cli-arg-delimiter = Field delimiter (default: found from the header: , ; or tab)
cli-arg-numbers = Number style of the file: vi or en (default: the plan's)
cli-arg-force = Import even if the same file was imported before
cli-arg-entry = The entry number (see `plan log`)
cli-arg-reason = Why
cli-arg-year = Only the entries of this year
cli-report-year = The plan year (default: the current year)
cli-arg-group = Only this task group
cli-arg-as_of = Review date ({$order} or YYYY-MM-DD): entries reported after it are left out (default: today)
cli-arg-notes = The office's own text for the Word report (--format docx): a Markdown file of `## KEY` sections — lanh_dao, uu_diem, han_che, nguyen_nhan_khach_quan, nguyen_nhan_chu_quan, bai_hoc, phuong_huong, giai_phap, de_xuat, ket_luan or a task group's id — each filling its [placeholder]
cli-arg-detail = A line per period, and the task list
cli-arg-yes = Record a value more than tenfold off the previous figure
cli-import-yes = Import rows more than tenfold off the previous figure
cli-correct-yes = Correct to a value more than tenfold off the value it corrects
cli-arg-reported_on = Re-date the entry: the day it was really reported ({$order} or YYYY-MM-DD); the old date stays in the log
cli-arg-clock_ok = Write even though the computer's clock is behind the ledger's latest write (the write records it)
cli-arg-dates = Order of slashed dates in the file: dmy or mdy (default: the plan's dates)
cli-arg-head = Fail unless the chain still holds this entry with this hash (the fingerprint a report printed: ID:HEX)
cli-value-head = ID:HEX
cli-value-dates = ORDER
cli-arg-shell = The shell: bash, zsh, fish, elvish or powershell

## Names of values in usage lines.
cli-value-plan = FILE
cli-value-ledger = FILE
cli-value-lang = LANG
cli-value-format = FORMAT
cli-value-id = ID
cli-value-indicator = INDICATOR
cli-value-value = VALUE
cli-value-period = PERIOD
cli-value-date = DATE
cli-value-by = WHO
cli-value-source = DOCUMENT
cli-value-note = TEXT
cli-value-task = TASK
cli-value-file = FILE
cli-value-entry = ENTRY
cli-value-reason = TEXT
cli-value-year = YEAR
cli-value-group = GROUP
cli-value-as_of = DATE
cli-value-reported_on = DATE
cli-value-shell = SHELL
cli-value-sheet = NAME
cli-value-hidden = WHAT
cli-value-output = FILE
cli-value-delimiter = CHAR
cli-value-numbers = STYLE
cli-value-years = A-B
cli-value-notes = FILE
cli-value-show = N

## Usage errors (exit 2).
cli-error-unknown-argument = unknown argument `{$arg}`
cli-error-unknown-command = unknown command `{$command}`
cli-error-missing-value = `{$arg}` needs a value
cli-error-invalid-value = invalid value `{$value}` for `{$arg}`
cli-error-invalid-choice = invalid value `{$value}` for `{$arg}`: expected one of {$valid}
cli-error-missing-argument = missing: {$arg}
cli-error-missing-command = which command? `plan --help` lists them
cli-error-conflict = `{$arg}` cannot be used with `{$other}`
cli-error-values = wrong number of values for `{$arg}`
cli-did-you-mean = did you mean `{$suggestion}`?
cli-usage = Usage: {$usage}
cli-more-help = For more, try `--help`.
