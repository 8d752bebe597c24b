use super::rows::iso_date;
use super::seal::push_date;
use super::*;

fn figure(ind: &str, period: &str, v: f64) -> NewEntry {
    NewEntry {
        kind: Kind::Figure,
        indicator: Some(ind.into()),
        task: None,
        period: Some(period.into()),
        year: period[..4].parse().unwrap(),
        value_text: Some(v.to_string()),
        value: Some(v),
        reported_on: "2027-01-10".parse().unwrap(),
        by: "test".into(),
        source: None,
        note: None,
        target_entry: None,
    }
}

#[test]
fn counting_entries_come_one_indicator_at_a_time_in_the_order_asked() {
    let mut l = Ledger::in_memory().unwrap();
    let mut late = figure("b", "2027-Q1", 3.0);
    late.note = Some("n".into());
    late.reported_on = "2027-04-05".parse().unwrap();
    l.append(
        "P",
        &[
            figure("b", "2028-Q1", 1.0),
            figure("a", "2027-Q2", 2.0),
            late,
            figure("a", "2026", 4.0),
            figure("b", "2029", 5.0),
        ],
    )
    .unwrap();
    let mut got = Vec::new();
    l.for_each_indicator_counting_entries(&["a", "b"], 2027, 2028, |ind, es| {
        got.push((ind.to_string(), es.iter().map(|e| (e.id, e.value, e.year)).collect::<Vec<_>>()));
        Ok(())
    })
    .unwrap();
    // 2026 and 2029 are outside; within an indicator, by year, then ledger order.
    assert_eq!(
        got,
        vec![
            ("a".to_string(), vec![(2, Some(2.0), 2027)]),
            ("b".to_string(), vec![(3, Some(3.0), 2027), (1, Some(1.0), 2028)]),
        ]
    );
    let mut notes = Vec::new();
    l.for_each_indicator_counting_entries(&["a", "b"], 2027, 2027, |_, es| {
        notes.extend(es.into_iter().map(|e| (e.note, e.reported_on.to_string(), e.by, e.indicator)));
        Ok(())
    })
    .unwrap();
    assert_eq!(
        notes,
        vec![
            (None, "2027-01-10".into(), "test".into(), Some("a".into())),
            (Some("n".into()), "2027-04-05".into(), "test".into(), Some("b".into())),
        ]
    );
    assert_eq!(iso_date("2027-02-29"), None);
    assert_eq!(iso_date("2028-02-29"), NaiveDate::from_ymd_opt(2028, 2, 29));
}

#[test]
fn migrate_twice_is_harmless() {
    let mut l = Ledger::in_memory().unwrap();
    assert_eq!(l.schema_version().unwrap(), VERSION);
    l.migrate().unwrap();
    assert_eq!(l.schema_version().unwrap(), VERSION);
}

#[test]
fn appends_chain_and_refuse_edits() {
    let mut l = Ledger::in_memory().unwrap();
    let ids = l.append("P", &[figure("a", "2026", 1.0), figure("a", "2027", 2.0)]).unwrap();
    assert_eq!(ids, vec![1, 2]);
    let e1 = l.entry(1).unwrap().unwrap();
    let e2 = l.entry(2).unwrap().unwrap();
    assert_eq!(recompute_hash(GENESIS, &e1), e1.hash);
    assert_eq!(recompute_hash(&e1.hash, &e2), e2.hash);
    assert!(l.conn.execute("UPDATE entry SET value = 9 WHERE id = 1", []).is_err());
    assert!(l.conn.execute("DELETE FROM entry WHERE id = 1", []).is_err());
    assert_eq!(l.indicator_entries("a", 2027, 2027).unwrap().len(), 1);
}

/// A ledger as version 1 wrote it: hashes as hex, with `prev_hash`.
fn version_1_ledger(path: &Path, values: &[f64]) {
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(schema::MIGRATIONS[0]).unwrap();
    conn.pragma_update(None, "user_version", 1).unwrap();
    conn.execute("INSERT INTO meta (key, value) VALUES ('plan_id', 'P')", []).unwrap();
    conn.execute(
        "INSERT INTO batch (id, file, sha256, rows, by, imported_at) VALUES (1, 'a.csv', 'x', 1, 'b', 't')",
        [],
    )
    .unwrap();
    let mut prev = GENESIS.to_string();
    for (i, v) in values.iter().enumerate() {
        let id = i as i64 + 1;
        let target = (id > 1).then_some(1);
        let c = hash::Content {
            id,
            kind: if id > 1 { "correction" } else { "figure" },
            indicator: Some("a"),
            task: None,
            period: Some("2026"),
            year: 2026,
            value_text: Some("v"),
            value: Some(*v),
            reported_on: "2026-05-01",
            recorded_at: "2026-05-02T00:00:00.000Z",
            by: "b",
            source: None,
            note: None,
            target_entry: target,
            batch: Some(1),
            plan_id: "P",
        };
        let h = hex::encode(hash::entry_hash(&prev, &c));
        conn.execute(
            "INSERT INTO entry (id, kind, indicator, period, year, value_text, value, reported_on,
                 recorded_at, by, target_entry, batch, plan_id, prev_hash, hash)
             VALUES (?1, ?2, 'a', '2026', 2026, 'v', ?3, '2026-05-01', '2026-05-02T00:00:00.000Z',
                 'b', ?4, 1, 'P', ?5, ?6)",
            params![id, c.kind, v, target, prev, h],
        )
        .unwrap();
        prev = h;
    }
}

#[test]
fn version_1_ledgers_migrate_with_their_chain_intact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.db");
    version_1_ledger(&path, &[1.0, 2.0, 3.0]);
    let mut l = Ledger::open(&path).unwrap();
    assert_eq!(l.schema_version().unwrap(), VERSION);
    assert!(l.triggers_present().unwrap());
    let entries = l.entries(None, None, None).unwrap();
    assert_eq!(entries.len(), 3);
    let mut prev = GENESIS.to_string();
    for e in &entries {
        assert_eq!(recompute_hash(&prev, e), e.hash, "entry #{}", e.id);
        prev.clone_from(&e.hash);
    }
    assert_eq!(entries[2].target_entry, Some(1));
    // The chain goes on from the migrated tip.
    l.append("P", &[figure("a", "2027", 4.0)]).unwrap();
    let e4 = l.entry(4).unwrap().unwrap();
    assert_eq!(recompute_hash(&prev, &e4), e4.hash);
    assert!(l.conn.execute("DELETE FROM entry WHERE id = 1", []).is_err());
}

#[test]
fn a_read_only_old_ledger_asks_for_an_upgrade() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.db");
    version_1_ledger(&path, &[1.0]);
    let conn = Connection::open_with_flags(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let err = Ledger::init(conn, &path, false).err().expect("a read-only v1 ledger cannot be read");
    assert!(err.to_string().contains("schema version 1 and is read-only here"), "{err}");
}

#[test]
fn a_hash_edited_into_garbage_survives_the_migration_as_garbage() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.db");
    version_1_ledger(&path, &[1.0, 2.0]);
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch("DROP TRIGGER entry_no_update; UPDATE entry SET hash = 'not hex' WHERE id = 2;")
        .unwrap();
    drop(conn);
    let l = Ledger::open(&path).unwrap();
    let e2 = l.entry(2).unwrap().unwrap();
    assert_eq!(e2.hash, hex::encode("not hex"));
    assert_ne!(recompute_hash(&l.entry(1).unwrap().unwrap().hash, &e2), e2.hash);
}

proptest::proptest! {
    #[test]
    fn dates_are_pushed_as_displayed(days in -4_000_000i32..4_000_000) {
        let d = NaiveDate::from_num_days_from_ce_opt(days).unwrap();
        let mut s = String::from("x");
        push_date(&mut s, d);
        proptest::prop_assert_eq!(s, format!("x{d}"));
    }
}

#[test]
fn sealed_entries_must_follow_the_tip() {
    let mut l = Ledger::in_memory().unwrap();
    let mut w = l.writer("P").unwrap();
    let mut sealer = w.sealer();
    let first = sealer.seal(&figure("a", "2026", 1.0));
    let second = sealer.seal(&figure("a", "2027", 2.0));
    let err = w.insert(std::slice::from_ref(&second)).unwrap_err();
    assert!(err.to_string().contains("does not follow"), "{err}");
    w.insert(&[first, second]).unwrap();
    w.commit().unwrap();
    let e2 = l.entry(2).unwrap().unwrap();
    assert_eq!(recompute_hash(&l.entry(1).unwrap().unwrap().hash, &e2), e2.hash);
}

#[test]
fn bound_to_one_plan() {
    let mut l = Ledger::in_memory().unwrap();
    l.append("P", &[figure("a", "2026", 1.0)]).unwrap();
    let err = l.append("Q", &[figure("a", "2026", 1.0)]).unwrap_err();
    assert!(err.to_string().contains("belongs to plan `P`"), "{err}");
    assert_eq!(l.entries(None, None, None).unwrap().len(), 1);
}

#[test]
fn uncommitted_writer_writes_nothing() {
    let mut l = Ledger::in_memory().unwrap();
    {
        let mut w = l.writer("P").unwrap();
        w.push(&figure("a", "2026", 1.0)).unwrap();
    }
    assert!(l.entries(None, None, None).unwrap().is_empty());
}

/// One recorded entry, then a batch of two: what schema version 5
/// stores once (the batch's time, the ledger's plan).
fn recorded_then_imported(l: &mut Ledger) {
    l.append("P", &[figure("a", "2026", 1.0)]).unwrap();
    let mut w = l.writer("P").unwrap();
    w.open_batch("b").unwrap();
    w.push(&figure("a", "2027", 2.0)).unwrap();
    w.push(&figure("a", "2028", 3.0)).unwrap();
    w.close_batch("f.csv", "sha", 2).unwrap();
    w.commit().unwrap();
}

fn stored_time_and_plan(l: &Ledger) -> Vec<(Option<String>, Option<String>)> {
    let mut stmt = l.conn.prepare("SELECT recorded_at, plan_id FROM entry ORDER BY id").unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().collect::<rusqlite::Result<_>>().unwrap()
}

fn chain_holds(l: &Ledger) -> bool {
    let mut prev = GENESIS.to_string();
    l.entries(None, None, None).unwrap().iter().all(|e| {
        let ok = recompute_hash(&prev, e) == e.hash;
        prev.clone_from(&e.hash);
        ok
    })
}

#[test]
fn a_batch_time_and_the_plan_id_are_stored_once_and_read_with_every_entry() {
    let mut l = Ledger::in_memory().unwrap();
    recorded_then_imported(&mut l);
    let stored = stored_time_and_plan(&l);
    assert!(stored[0].0.is_some(), "a recorded entry keeps its own time");
    assert_eq!(stored[1..], [(None, None), (None, None)]);
    assert!(stored.iter().all(|(_, plan)| plan.is_none()));
    let entries = l.entries(None, None, None).unwrap();
    let imported_at: String = l.conn.query_row("SELECT imported_at FROM batch", [], |r| r.get(0)).unwrap();
    assert_eq!(entries[1].recorded_at, imported_at);
    assert_eq!(entries[2].recorded_at, imported_at);
    assert!(entries.iter().all(|e| e.plan_id == "P"));
    assert!(chain_holds(&l));
    // The hash still covers the batch's time: an edit shows.
    l.conn.execute_batch("DROP TRIGGER batch_no_update; UPDATE batch SET imported_at = 'x'").unwrap();
    let e2 = l.entry(2).unwrap().unwrap();
    assert_ne!(recompute_hash(&l.entry(1).unwrap().unwrap().hash, &e2), e2.hash);
}

#[test]
fn an_edited_plan_id_breaks_the_first_entry() {
    let mut l = Ledger::in_memory().unwrap();
    recorded_then_imported(&mut l);
    l.conn.execute("UPDATE meta SET value = 'Q' WHERE key = 'plan_id'", []).unwrap();
    assert!(!chain_holds(&l));
    assert_ne!(recompute_hash(GENESIS, &l.entry(1).unwrap().unwrap()), l.entry(1).unwrap().unwrap().hash);
}

/// An empty ledger file at schema `version`, as that version created it.
fn schema_at(path: &Path, version: usize) -> Connection {
    let conn = Connection::open(path).unwrap();
    for sql in &schema::MIGRATIONS[..version] {
        conn.execute_batch(sql).unwrap();
    }
    conn.pragma_update(None, "user_version", version as i64).unwrap();
    conn
}

/// `mem`'s entries, batches and meta written into a new file at `path` as
/// schema `version` (5 or 6) stored them: every field a text, an
/// imported entry's time and every plan id NULL in the row.
fn written_as_schema(mem: &Ledger, path: &Path, version: usize) {
    drop(schema_at(path, version));
    mem.conn.execute("ATTACH DATABASE ?1 AS old", [path.to_str().unwrap()]).unwrap();
    mem.conn
        .execute_batch(
            "INSERT INTO old.meta SELECT * FROM main.meta;
             INSERT INTO old.batch SELECT * FROM main.batch;
             INSERT INTO old.entry
             SELECT id, kind, indicator, task, period, year, value_text, value, reported_on,
                    CASE WHEN batch IS NULL THEN recorded_at END, by, source, note, target_entry,
                    batch, NULL, hash
             FROM main.entry_content;",
        )
        .unwrap();
    mem.conn.execute("DETACH DATABASE old", []).unwrap();
}

#[test]
fn version_4_ledgers_store_each_shared_field_once_after_the_migration() {
    let mut mem = Ledger::in_memory().unwrap();
    recorded_then_imported(&mut mem);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v4.db");
    drop(schema_at(&path, 4));
    // Every field written out in full, as schema version 4 stored it.
    mem.conn.execute("ATTACH DATABASE ?1 AS old", [path.to_str().unwrap()]).unwrap();
    mem.conn
        .execute_batch(
            "INSERT INTO old.meta SELECT * FROM main.meta;
             INSERT INTO old.batch SELECT * FROM main.batch;
             INSERT INTO old.entry SELECT * FROM main.entry_content;",
        )
        .unwrap();
    let full: i64 = mem
        .conn
        .query_row("SELECT count(*) FROM old.entry WHERE recorded_at <> '' AND plan_id = 'P'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(full, 3);
    mem.conn.execute("DETACH DATABASE old", []).unwrap();
    let l = Ledger::open(&path).unwrap();
    assert_eq!(l.schema_version().unwrap(), VERSION);
    assert_eq!(stored_time_and_plan(&l), stored_time_and_plan(&mem));
    let (before, after) = (mem.entries(None, None, None).unwrap(), l.entries(None, None, None).unwrap());
    assert_eq!(format!("{before:?}"), format!("{after:?}"));
    assert!(chain_holds(&l));
    assert!(l.triggers_present().unwrap());
}

#[test]
fn a_failed_upgrade_says_so_and_leaves_the_ledger_as_it_was() {
    crate::i18n::set_lang(crate::settings::Lang::En);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v4.db");
    {
        let conn = schema_at(&path, 4);
        // A correction of an entry that is not there (edited in).
        conn.pragma_update(None, "foreign_keys", false).unwrap();
        conn.execute(
            "INSERT INTO entry (id, kind, indicator, period, year, reported_on, recorded_at, by,
                 target_entry, plan_id, hash)
             VALUES (1, 'correction', 'a', '2026', 2026, '2026-05-01', 't', 'b', 9, 'P', x'00')",
            [],
        )
        .unwrap();
    }
    let err = format!("{:#}", Ledger::open(&path).err().expect("the upgrade cannot finish"));
    assert!(err.contains("cannot upgrade the ledger"), "{err}");
    let expected = format!("from schema version 4 to {VERSION}; it is left as it was");
    assert!(err.contains(&expected), "{err}");
    assert!(err.contains("a row of `entry` refers to a row that is not there"), "{err}");
    let conn = Connection::open(&path).unwrap();
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    let plan_id: String = conn.query_row("SELECT plan_id FROM entry", [], |r| r.get(0)).unwrap();
    assert_eq!((version, plan_id.as_str()), (4, "P"));
}

#[test]
fn a_version_5_ledger_migrates_losslessly_and_then_records_plan_versions() {
    // A ledger as schema 5 wrote it: three entries, one batch.
    let mut mem = Ledger::in_memory().unwrap();
    recorded_then_imported(&mut mem);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v5.db");
    written_as_schema(&mem, &path, 5);
    let mut l = Ledger::open(&path).unwrap();
    assert_eq!(l.schema_version().unwrap(), VERSION);
    // The same entries, the same head: nothing rewritten.
    let (before, after) = (mem.entries(None, None, None).unwrap(), l.entries(None, None, None).unwrap());
    assert_eq!(format!("{before:?}"), format!("{after:?}"));
    assert_eq!(l.head().unwrap(), mem.head().unwrap());
    assert!(chain_holds(&l) && l.triggers_present().unwrap());
    assert!(
        l.plan_versions().unwrap().is_empty(),
        "a migrated ledger records its first version at its next write"
    );
    // The next write under a plan text records it first: #4 the
    // version, #5 the figure; a second write under the same text does
    // not record it again (#6).
    l.set_plan_text("[plan]\nid = \"P\"\n");
    l.append("P", &[figure("a", "2029", 4.0)]).unwrap();
    l.append("P", &[figure("a", "2030", 5.0)]).unwrap();
    let versions = l.plan_versions().unwrap();
    assert_eq!(versions.iter().map(|v| v.n).collect::<Vec<_>>(), vec![4]);
    assert_eq!(l.entry(4).unwrap().unwrap().kind, Kind::PlanVersion);
    assert_eq!(l.head().unwrap().unwrap().id, 6);
    assert!(chain_holds(&l));
    assert_eq!(l.plan_version_text(4).unwrap().as_deref(), Some("[plan]\nid = \"P\"\n"));
    assert!(l.check_plan_texts(&[(4, versions[0].content_hash.clone())]).unwrap().is_empty());
    // A plan version is no figure: the index of what counts skips it.
    assert_eq!(l.counted_figures("a", 2026, 2030, "2031-01-01".parse().unwrap()).unwrap().len(), 5);
    // The CHECK on `kind` still refuses any other kind.
    let bogus = l.conn.execute(
        "INSERT INTO entry (id, kind, year, reported_on, by, hash) VALUES (99, 9, 0, 20260101, 'x', x'00')",
        [],
    );
    assert!(bogus.unwrap_err().to_string().contains("CHECK"));
    // Reopened by a new connection, the CHECK still admits the kind.
    drop(l);
    let mut l = Ledger::open(&path).unwrap();
    l.set_plan_text("[plan]\nid = \"P\"\ntitle = \"v2\"\n");
    l.append("P", &[figure("a", "2026", 6.0)]).unwrap();
    assert_eq!(l.plan_versions().unwrap().iter().map(|v| v.n).collect::<Vec<_>>(), vec![4, 7]);
    // A stored text edited behind plan's back no longer hashes to its record.
    l.conn
        .execute_batch(
            "DROP TRIGGER plan_text_no_update; UPDATE plan_text SET text = text || ' ' WHERE entry = 7",
        )
        .unwrap();
    let records: Vec<(i64, String)> =
        l.plan_versions().unwrap().into_iter().map(|v| (v.n, v.content_hash)).collect();
    assert_eq!(l.check_plan_texts(&records).unwrap(), vec![TextProblem::Edited { entry: 7 }]);
}

/// A ledger as schema 6 wrote it (every field a text), with values typed
/// in each way a clerk types them, periods and dates in and out of their
/// own spelling, an import's `by` and another: schema 7 stores what it
/// can as codes, keeps the rest as typed, and reads back every entry the
/// same, with the same head.
#[test]
fn a_version_6_ledger_migrates_to_the_compact_row_losslessly() {
    let mut mem = Ledger::in_memory().unwrap();
    let typed = |ind: &str, period: &str, text: &str, v: f64| NewEntry {
        value_text: Some(text.into()),
        ..figure(ind, period, v)
    };
    mem.append("P", &[typed("so_dn", "2026", "239", 239.0), typed("so_dn", "2026-H1", "1.234,5", 1234.5)])
        .unwrap();
    let mut w = mem.writer("P").unwrap();
    w.open_batch("test").unwrap();
    for e in [
        typed("thu_nhap", "2026-Q3", "1,234.5", 1234.5),
        typed("thu_nhap", "2026-07", "1234,5", 1234.5),
        NewEntry { by: "Nguyễn Thị Hoa".into(), ..typed("ocop", "2027-1", "-0,5", -0.5) },
        NewEntry { value_text: None, ..typed("ocop", "2027", "", 3.0) },
    ] {
        w.push(&e).unwrap();
    }
    w.close_batch("f.csv", "sha", 4).unwrap();
    w.commit().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v6.db");
    written_as_schema(&mem, &path, 6);
    let l = Ledger::open(&path).unwrap();
    assert_eq!(l.schema_version().unwrap(), VERSION);
    let (before, after) = (mem.entries(None, None, None).unwrap(), l.entries(None, None, None).unwrap());
    assert_eq!(format!("{before:?}"), format!("{after:?}"));
    assert_eq!(l.head().unwrap(), mem.head().unwrap());
    assert!(chain_holds(&l));
    // What the rows hold, worked out by hand from the rules of `stored`:
    // "239" is 239's plain rendering (NULL), "1.234,5" Vietnamese (1),
    // "1,234.5" English (2), "1234,5" and "-0,5" kept as typed, no text
    // beside 3 is 0; periods 2026 → 202600, 2026-H1 → 202611, 2026-Q3 →
    // 202623, 2026-07 → 202637, "2027-1" kept, 2027 → 202700; the
    // `by` NULL when it is the batch's ("test"), Nguyễn Thị Hoa's kept.
    let rows: Vec<(String, String, String, Option<String>)> = l
        .conn
        .prepare("SELECT quote(value_text), quote(period), quote(reported_on), by FROM entry ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let want = [
        ("NULL", "202600", "test"),
        ("1", "202611", "test"),
        ("2", "202623", ""),
        ("'1234,5'", "202637", ""),
        ("'-0,5'", "'2027-1'", "Nguyễn Thị Hoa"),
        ("0", "202700", ""),
    ];
    for (row, (text, period, by)) in rows.iter().zip(want) {
        assert_eq!((row.0.as_str(), row.1.as_str(), row.2.as_str()), (text, period, "20270110"));
        assert_eq!(row.3.as_deref().unwrap_or(""), by);
    }
    assert_eq!(rows.len(), want.len());
    // The view gives every text back, as the entries do.
    let through_view: Vec<(String, Option<String>, String)> = l
        .conn
        .prepare("SELECT period, value_text, by FROM entry_content ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let from_entries: Vec<_> =
        after.iter().map(|e| (e.period.clone().unwrap(), e.value_text.clone(), e.by.clone())).collect();
    assert_eq!(through_view, from_entries);
}
