# Words and messages shared by every command. Keys are kebab-case, prefixed
# by the area of the program (common-, input-, import-, report-, …).
# Every key exists in locales/vi too, with the same variables.

# Printed before a message when a command fails: "error: …"
common-error = error: {$message}
common-warning = warning: {$message}
common-hint = hint: {$message}
common-days = { $n ->
    [one] {$n} day
   *[other] {$n} days
}
common-cancelled = cancelled, nothing written
common-yes = yes
common-no = no

# Why a file could not be read (the operating system's own words are English).
common-io-not-found = the file does not exist
common-io-permission-denied = no permission to read it
common-io-is-a-directory = it is a folder, not a file
common-io-invalid-data = it is not UTF-8 text
common-io-other = {$detail}
