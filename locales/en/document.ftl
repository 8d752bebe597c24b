# document messages (English). Every key here exists in locales/vi/document.ftl.ftl with the same variables.
