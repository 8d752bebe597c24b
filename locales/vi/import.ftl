# import messages (tiếng Việt). Every key here exists in locales/en/import.ftl.ftl with the same variables.
