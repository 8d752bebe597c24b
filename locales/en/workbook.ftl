# workbook messages (English). Every key here exists in locales/vi/workbook.ftl.ftl with the same variables.

workbook-no-sheet = there is no sheet `{ $sheet }` in this workbook; its sheets are: { $sheets }
workbook-empty = the workbook has no sheets
workbook-no-header = no header row found in sheet { $sheet }: expected a row of column names such as chi_tieu, ky, gia_tri, ngay (or indicator, period, value, date)
workbook-unreadable = cannot read the workbook: { $detail }
workbook-period-is-date = the spreadsheet turned this period into the date { $date }: format the column as Text and type the period again (2027, 2027-Q3, Q3/2027, 2027-07)
