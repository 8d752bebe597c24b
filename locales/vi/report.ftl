# report messages (tiếng Việt). Every key here exists in locales/en/report.ftl.ftl with the same variables.
