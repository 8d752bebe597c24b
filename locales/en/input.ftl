# input messages (English). Every key here exists in locales/vi/input.ftl.ftl with the same variables.
