# verify messages (tiếng Việt). Every key here exists in locales/en/verify.ftl.ftl with the same variables.
