# report messages (English). Every key here exists in locales/vi/report.ftl.ftl with the same variables.
