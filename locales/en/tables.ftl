# tables messages (English). Every key here exists in locales/vi/tables.ftl.ftl with the same variables.
