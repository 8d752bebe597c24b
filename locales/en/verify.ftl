# verify messages (English), and the ledger's own (waiting for another
# writer). Every key here exists in locales/vi/verify.ftl with the same
# variables.

verify-no-ledger = {$file}: no ledger yet (nothing recorded): nothing to verify
verify-head-no-ledger = {$file}: no ledger yet, so it cannot hold the entry given with --head
verify-cannot-read = cannot read ledger {$file} to the end
verify-chain-intact = chain intact
verify-chain-broken = chain BROKEN
verify-summary = {$file}: {$entries} entries, {$chain}, schema {$schema}
verify-head = {$file}: head {$head}
verify-failed = { $n ->
    [one] 1 problem
   *[other] {$n} problems
} found in {$file}
verify-head-form = `{$text}` is not a head fingerprint: expected ID:HEX as reports print it (e.g. 1234:9f2c4e01a7b3d5e6)
verify-head-missing = entry #{$id} of the head given ({$id}:{$hex}) is no longer in the ledger (entries cut off?)
verify-head-differs = entry #{$id}'s hash starts {$stored}, not {$hex} as the head given: the ledger is not the one that fingerprint pinned
verify-integrity = SQLite integrity check: {$problem}
verify-integrity-failed = SQLite integrity check failed: {$error}
verify-schema = schema version {$found}, expected {$expected}
verify-triggers = the append-only triggers are missing (dropped outside plan?): entries can be edited
verify-report-refused = no report from the ledger {$file}: {$problem}. Run `plan verify` to see where it was changed; use a report only once the ledger is restored from a backup
verify-other-plan = the ledger belongs to plan `{$id}`, not `{$plan}` (the plan file given)
verify-ids-jump = entry #{$id}: ids jump from #{$prev} to #{$id} (entries deleted or inserted outside plan?)
verify-hash = entry #{$id}: hash does not match its content (edited outside plan?)
verify-target-after = entry #{$id}: targets #{$target}, which does not precede it
verify-target-none = entry #{$id}: a {$kind} without a target entry
verify-unreadable = entry after #{$prev}: cannot be read ({$error}; edited outside plan?)
verify-unreadable-short = entry after #{$prev} cannot be read
verify-later-breaks = { $n ->
    [one] 1 later entry also fails
   *[other] {$n} later entries also fail
}
verify-entries-other-plan = { $n ->
    [one] 1 entry
   *[other] {$n} entries
} of another plan `{$id}` (first #{$first})
verify-entries-no-subject = { $n ->
    [one] 1 entry
   *[other] {$n} entries
} with neither indicator nor task (first #{$first})
verify-entries-unknown = { $n ->
    [one] 1 entry
   *[other] {$n} entries
} of { $kind ->
    [task] task
   *[indicator] indicator
} `{$id}`, which the plan no longer has (first #{$first})
verify-batch-lost = { $n ->
    [one] 1 entry
   *[other] {$n} entries
} of batch #{$batch}, which is not in the ledger (first #{$first}; deleted outside plan?)
verify-batch-count = batch #{$batch} wrote {$recorded} entries but {$found} carry it now (entries cut off or added outside plan?)

ledger-waiting = another plan command is writing to the ledger; waiting for it to finish…
ledger-busy = the ledger {$path} stayed locked by another plan command for {$seconds} s; nothing written: try again when it has finished

# Opening a ledger.
ledger-cannot-open = cannot open the ledger {$path}: check that its folder exists and is writable, or point --ledger at the right file
ledger-not-a-ledger = {$path} is not a plan ledger (not a readable SQLite database): point --ledger at the right file
ledger-newer = the ledger {$path} has schema version {$version}, newer than this plan knows ({$known}): upgrade plan to read it
ledger-read-only-upgrade = the ledger {$path} has schema version {$version} and is read-only here: run any plan command once with write access to upgrade it to version {$known}
ledger-other-plan-read = the ledger {$path} belongs to plan `{$other}`, not `{$plan}`: use --ledger to point at this plan's ledger
ledger-other-plan-write = the ledger {$path} belongs to plan `{$other}`, not `{$plan}`: refusing to write another plan's figures into it
ledger-upgrade-failed = cannot upgrade the ledger {$path} from schema version {$version} to {$known}; it is left as it was
ledger-upgrading = upgrading the ledger {$path} ({$entries} entries) from schema version {$version} to {$known}, once: this takes a few seconds
ledger-migration-step = the step to schema version {$version}
ledger-foreign-tables = the database has tables of its own
ledger-dangling-row = a row of `{$table}` refers to a row that is not there
ledger-cannot-write = cannot write to the ledger {$path}
ledger-read-only = the ledger {$path} is in a read-only place (a locked USB stick, a read-only share or folder): nothing was written. Copy the ledger to a folder you can write to, or unlock the stick, and run the command again; reading commands (report, log, verify, export, template) work there as it is
ledger-disk-full = the disk holding the ledger {$path} is full: nothing was written (the ledger is as it was). Free some space and run the command again
ledger-io = the disk holding the ledger {$path} failed to read or write (full, removed or damaged?): nothing was written. Check the disk, then run `plan verify`
ledger-missing = there is no ledger {$path}: reading commands never create one. Check the path (--ledger, PLAN_LEDGER or the plan's `ledger`); a new ledger is created by the first `plan record`, `plan done` or `plan import`
ledger-none-yet = note: no ledger yet at {$path} (nothing recorded): every figure is shown as missing
ledger-unmerged-wal = the ledger {$path} is on a read-only place with writes not yet merged into it (its -wal file): reading it there could miss them. Copy the ledger with its -wal file to a folder you can write to, or run any plan command on it where it can be written
ledger-clock-behind = the computer's clock looks wrong: it says {$now}, earlier than the ledger's latest write ({$latest}); nothing was written. Set the computer's date and time; if you are sure the clock is right now (the earlier write was made while it ran ahead), run the command again with --clock-ok
file-cannot-write = cannot write {$path}: check that the folder exists and is writable
