# dhis2 messages (tiếng Việt). Every key here exists in locales/en/dhis2.ftl.ftl with the same variables.
