# Words and messages shared by every command. Keys are kebab-case, prefixed
# by the area of the program (common-, input-, import-, report-, …).
# Every key exists in locales/vi too, with the same variables.

# Printed before a message when a command fails: "error: …"
common-error = error: {$message}
common-hint = hint: {$message}
common-days = { $n ->
    [one] {$n} day
   *[other] {$n} days
}
common-cancelled = cancelled, nothing written
common-yes = yes
common-no = no
