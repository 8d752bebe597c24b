# dhis2 messages (English). Every key here exists in locales/vi/dhis2.ftl.ftl with the same variables.
