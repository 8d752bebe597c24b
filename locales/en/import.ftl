# import messages (English). Every key here exists in locales/vi/import.ftl.ftl with the same variables.
