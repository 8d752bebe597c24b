# tables messages (tiếng Việt). Every key here exists in locales/en/tables.ftl.ftl with the same variables.
