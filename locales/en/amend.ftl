# Amending the plan (SPEC §2.1): plan.toml's amendment keys, orphans,
# plan versions and `plan history`.
amend-formerly-self = `formerly` of `{$id}` names the indicator itself
amend-duplicate = duplicate amendment id `{$id}`: each decision has its own id
amend-unknown = unknown amendment `{$id}`
amend-unknown-help = add an [[amendment]] with id = "{$id}", its date (on) and its decision
amend-retired-live = `{$id}` is retired by an amendment but is still an id of the plan: an id is never both live and retired
amend-retired-twice = `{$id}` is retired twice: name it in one amendment's `retired`
amend-formerly-live = `{$id}` is in a `formerly` list but is still an id of the plan: remove it from one of them
amend-formerly-retired = `{$id}` is both retired and in a `formerly` list: its figures either count for the new id or for none
amend-formerly-twice = the old id `{$id}` is in two `formerly` lists: its figures can count for one indicator only
amend-from-outside = a revision from {$from} is outside the plan's years {$start}–{$end}
amend-from-twice = two revisions of `{$id}` start in {$from}: each year has one revision in force
amend-milestone-outside = the milestone of {$year} is not in a year this revision (from {$from}) is in force
amend-renamed = `{$old}` was renamed `{$new}`: record under `{$new}` (its figures under `{$old}` count for it)
amend-retired-id = `{$id}` was taken out of the plan by {$decision}: nothing more is recorded under it
amend-orphans = {$n ->
    [one] the ledger holds entries of an id the plan no longer has ({$list}): name it in an amendment's `retired` or in a `formerly`
   *[other] the ledger holds entries of {$n} ids the plan no longer has ({$list}): name each in an amendment's `retired` or in a `formerly`
}
amend-orphan-item = `{$id}` ({$n ->
    [one] 1 entry
   *[other] {$n} entries
})
amend-cited = Amendments: {$list}
amend-cited-item = {$decision} ({$on})
amend-plan-version = Plan version {$fingerprint}
amend-plan-version-new = Plan version {$fingerprint} (not recorded yet: the ledger records it at its next write)
amend-correct-plan-version = entry #{$id} is a version of the plan, not a figure or a completion: a plan is changed by editing plan.toml (see plan history)
amend-kind-plan-version = plan version
amend-verify-text-missing = the plan version #{$id}: its text is missing from the ledger
amend-verify-text-edited = the plan version #{$id}: its stored text was changed after it was recorded (its hash no longer matches the record)
amend-verify-plan-differs = the plan file differs from the latest recorded plan version {$version}: the next write records it (plan history lists the versions)
amend-verify-plan-same = plan version {$version} (the plan file as recorded)
amend-history-no-version = there is no plan version {$n} in the ledger: plan history lists the versions and their numbers
amend-history-versions = Plan versions recorded (N, fingerprint, written at, by):
amend-history-no-versions = none yet (the ledger records the plan at its next write)
amend-history-current = the plan file
amend-history-amendments = Amendments:
amend-history-no-amendments = none
amend-history-retired = retired: {$ids}
amend-col-formerly = Formerly
amend-col-revision = Revision
amend-col-added-by = Added by
amend-revision = from {$from}: {$target} by {$by}
amend-verify-text-triggers = the triggers that keep the stored plan versions append-only are missing (dropped outside plan?)
