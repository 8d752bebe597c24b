# cli messages (English). Every key here exists in locales/vi/cli.ftl.ftl with the same variables.
