# workbook messages (tiếng Việt). Every key here exists in locales/en/workbook.ftl.ftl with the same variables.
