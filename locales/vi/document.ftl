# document messages (tiếng Việt). Every key here exists in locales/en/document.ftl.ftl with the same variables.
