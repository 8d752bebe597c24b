# commands messages (tiếng Việt). Every key here exists in locales/en/commands.ftl.ftl with the same variables.
