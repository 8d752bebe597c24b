# cli messages (tiếng Việt). Every key here exists in locales/en/cli.ftl.ftl with the same variables.
