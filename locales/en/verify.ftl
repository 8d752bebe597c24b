# verify messages (English). Every key here exists in locales/vi/verify.ftl.ftl with the same variables.
