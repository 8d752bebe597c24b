# commands messages (English). Every key here exists in locales/vi/commands.ftl.ftl with the same variables.
