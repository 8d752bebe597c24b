# import messages (English). Every key here exists in locales/vi/import.ftl
# with the same variables.

import-file-empty = the file is empty: expected a header row such as `indicator;period;value;date`
import-file-unreadable = cannot read the file
import-header-unreadable = cannot read the header row
import-no-header = error: {$file} has no usable header row; nothing imported
import-cannot-read = cannot read {$file}
import-changed = {$file} changed while it was being read; nothing imported
import-directory = {$file} is a directory: expected a CSV file
import-progress = importing {$file}

import-file-utf32 = this file is UTF-32 text, which is not read: save it as CSV UTF-8 (in Excel: File › Save As › CSV UTF-8) or as Unicode Text
import-file-utf16-no-bom = this file looks like UTF-16 text without its byte order mark: save it as CSV UTF-8 (in Excel: File › Save As › CSV UTF-8) or as Unicode Text
import-file-binary = this file is not text (it holds NUL bytes): save the sheet as CSV UTF-8 (in Excel: File › Save As › CSV UTF-8)
import-file-codepage = this file is not UTF-8 text: it looks saved in a legacy code page such as Windows-1258 (Vietnamese ANSI), TCVN3 or Windows-1252; save it as CSV UTF-8 (in Excel: File › Save As › CSV UTF-8; in LibreOffice: Save As › Text CSV, character set Unicode (UTF-8))
import-file-workbook = this file is a workbook ({$kind}), not CSV text: import it as a .{$kind} file, or save the sheet as CSV UTF-8 (File › Save As › CSV UTF-8)
import-file-xls = this file is an old Excel workbook (.xls, OLE2): import it as a .xls file, or save the sheet as CSV UTF-8 (File › Save As › CSV UTF-8)
import-file-document = this file is a text document (a zip of Word or OpenDocument text), not a sheet: copy the table into a spreadsheet and save it as CSV UTF-8
import-file-zip = this file is a zip archive that is not a workbook: unpack it and import the CSV inside, or save the sheet as CSV UTF-8
import-file-pdf = this file is a PDF, which holds no figures to read: import the spreadsheet the report was made from, saved as CSV UTF-8
import-file-rtf = this file is a Rich Text document, not a sheet: copy the table into a spreadsheet and save it as CSV UTF-8

import-comma-vi = the columns are separated by `,`, but under `vi` numbers a `,` is the decimal mark (an unquoted 742,3 would split in two): save the file with `;` or tabs between columns, or import with --delimiter , if every decimal is quoted
import-header-not-utf8 = column {$n} of the header is not UTF-8 text: save the file as CSV UTF-8
import-header-repeated = column `{$name}` repeats column {$n} `{$other}`: keep one of them
import-header-unknown-suggest = unknown column `{$name}`: did you mean `{$suggestion}`?
import-header-unknown = unknown column `{$name}`: expected indicator, period, value, date, by, source, note, task (or Chỉ tiêu, Kỳ, Giá trị, Ngày, Người nhập, Nguồn, Ghi chú, Nhiệm vụ; STT, Tên and Đơn vị are ignored)
import-header-missing-figure = missing { $n ->
    [one] column
   *[other] columns
} {$columns}: figures need indicator, period and value (Chỉ tiêu, Kỳ, Giá trị)
import-header-missing-date = missing column `date` (Ngày): task completions need the date each task was done
import-header-missing = missing columns: expected indicator, period, value for figures (Chỉ tiêu, Kỳ, Giá trị) and/or task, date for completions (Nhiệm vụ, Ngày)
import-column-n = column {$n}

import-cell-not-utf8 = not UTF-8 text (invalid byte {$byte} at position {$at}): save the file as CSV UTF-8
import-cell-unnamed = a value under no header: name column {$n} or empty it
import-row-ragged = this row has {$len} fields but the header has {$expected}: quote values that contain the delimiter {$delimiter}
import-quote-never-closed = a quote `"` opened { $same ->
    [yes] on this line
   *[no] on line {$line}
} is never closed: the rest of the file was read as { $into ->
    [header] the header row
   *[cell] one cell
}
import-row-both = a row is either a figure (indicator, period, value) or a task completion (task, date), not both: put them on two rows
import-completion-extra = a task completion takes no period or value: put a figure on its own row, with its indicator
import-completion-no-date = no date given: a task completion needs the date the task was done (YYYY-MM-DD)
import-value-date = a date ({$date}) where a value was expected: format the column as numbers
import-row-conflict = {$indicator} {$period}: this row gives {$value}, row {$other} gives {$other_value}: two values for one period; keep the right one
import-row-jump = {$value} is { $up ->
    [yes] more than ten times
   *[no] less than a tenth of
} the previous figure ({$period}: {$previous}): a slipped separator? check it, or import with --yes if it is right

import-more-bad-rows = … and {$n} more bad rows
import-bad-rows = {$bad} bad { $n ->
    [one] row
   *[other] rows
} of {$rows}; nothing imported
import-same-file = {$file} was already imported as batch #{$batch} (file {$name}, {$date} by {$by}); use --force to import again
import-summary = {$file}: {$rows} { $n ->
    [one] row
   *[other] rows
}: {$added} added, {$unchanged} unchanged
import-summary-batch = {$file}: {$rows} { $n ->
    [one] row
   *[other] rows
} as batch #{$batch}: {$added} added, {$unchanged} unchanged
import-summary-replaced = {$n} replaced (listed below)
import-summary-skipped = {$n} skipped (value cell empty)
import-summary-dated-today = {$n} dated today (no date given)
import-summary-jumps = {$n} more than tenfold off the previous figure, imported with --yes
import-dry-run = {" "}(dry run: nothing written)
import-nothing-new = ; nothing new, nothing written
import-tally = {$added} added, {$unchanged} unchanged
import-replacement = {$indicator} {$period}: {$old} → {$new} (replaces #{$entry}; {$at})
import-more-replacements = … and {$n} more replacements
import-cannot-create-ledger = cannot create ledger {$file}
import-cannot-finish = cannot finish the new ledger {$file}; nothing imported
import-writer-stopped = the ledger writer stopped early
import-stdin-temp = cannot create a file in {$dir} to hold standard input
import-header-column = column {$n}: {$message}
import-more-header-problems = … and {$n} more problems with the header
import-file-sheet = {$file} (sheet {$sheet})
import-summary-hidden = {$n} hidden rows left out (--hidden skip)
import-file-encrypted = this workbook is password-protected (encrypted), so it cannot be read: open it in Excel or LibreOffice with its password, save a copy without one (File › Info › Protect Workbook › Encrypt with Password: clear it), and import the copy
import-file-html = this file is a web page (HTML), not a sheet of figures (web portals export tables so, often named .xls): open it in Excel or LibreOffice and save it as .xlsx (Excel Workbook) or as CSV UTF-8, then import that
import-file-mhtml = this file is a saved web page (MHTML, "Single File Web Page"), not a workbook: open it in Excel and save it as .xlsx (Excel Workbook) or as CSV UTF-8, then import that
import-file-spreadsheetml = this file is an Excel 2003 XML spreadsheet, not a workbook plan reads, although it may be named .xls: open it in Excel or LibreOffice and save it as .xlsx (Excel Workbook) or as CSV UTF-8, then import that
import-file-xml-workbook = this file is XML, not a workbook, although it is named as one: open it in Excel or LibreOffice and save it as .xlsx (Excel Workbook) or as CSV UTF-8, then import that
