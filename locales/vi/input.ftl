# input messages (tiếng Việt). Every key here exists in locales/en/input.ftl.ftl with the same variables.
