# workbook messages (English). Every key here exists in locales/vi/workbook.ftl.ftl with the same variables.
