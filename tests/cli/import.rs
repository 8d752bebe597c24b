//! Tests of `plan import`: formats (BOM, CRLF, delimiters, number styles,
//! Vietnamese headers), all-or-nothing on bad rows, the same-file check,
//! unchanged rows, and the dry run.

use crate::common::*;
use predicates::prelude::*;
use serde_json::Value;

/// The shipped plan (vi numbers) on a day after the seed's last figure.
fn vi_env() -> Env {
    Env::with_repo_plan("plan.toml").today("2026-11-26")
}

/// Entries of `kind` as `plan log --format json` prints them.
fn entries(env: &Env, kind: &str) -> Vec<Value> {
    env.log_json().into_iter().filter(|e| e["kind"] == kind).collect()
}

fn figure<'a>(log: &'a [Value], indicator: &str, period: &str) -> &'a Value {
    log.iter()
        .rfind(|e| e["indicator"] == indicator && e["period"] == period)
        .unwrap_or_else(|| panic!("no figure {indicator} {period} in {log:#?}"))
}

/// Runs a rejected import: exit 1, stderr containing every `needles`, the
/// ledger unchanged. Returns stderr.
fn rejected(env: &Env, args: &[&str], needles: &[&str]) -> String {
    let before = env.ledger_fingerprint();
    let out = env.cmd().arg("import").args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "stderr:\n{stderr}");
    for n in needles {
        assert!(stderr.contains(n), "expected {n:?} in stderr:\n{stderr}");
    }
    assert_eq!(env.ledger_fingerprint(), before, "the ledger changed");
    stderr
}

/// One figure recorded by hand, so that the ledger exists and is not empty.
fn with_one_entry(env: &Env) {
    env.cmd().args(["record", "firms", "90", "--period", "2026-H1"]).assert().success();
}

#[test]
fn vietnamese_spreadsheet_csv() {
    let env = vi_env();
    // As a spreadsheet in a Vietnamese locale saves it: BOM, CRLF, `;`,
    // decimal comma, `.` grouping thousands, a quoted cell with `;` in it.
    let mut csv = b"\xEF\xBB\xBF".to_vec();
    csv.extend_from_slice(
        "Chỉ tiêu;Kỳ;Giá trị;Ngày;Người nhập;Nguồn;Ghi chú;Nhiệm vụ\r\n\
         so_dn;2026-H1;2.000;2026-07-10;Nguyễn Thị Hoa;Báo cáo 91/BC-UBND;\"số liệu; tạm\";\r\n\
         thu_ns;2026-Q1;1.234,5;2026-04-08;Nguyễn Thị Hoa;;;\r\n\
         thu_ktn;2026-Q2;742,3;2026-07-20;;;;\r\n\
         chi_khcn;2026-q3;1.234.567;;;;;\r\n\
         ;;;2026-06-25;Lê Thị Thu Hà;KH 79/KH-UBND;;ktn_kh\r\n\
         ;;;;;;;\r\n"
            .as_bytes(),
    );
    let path = env.file("so-lieu.csv", &csv);
    env.cmd().arg("import").arg(&path).assert().success().stdout(predicate::str::contains(
        "5 dòng, lô #1: thêm 5, không đổi 0; 1 dòng ghi ngày hôm nay (không có ngày)",
    ));
    let log = env.log_json();
    assert_eq!(log.len(), 5, "{log:#?}");
    let so_dn = figure(&log, "so_dn", "2026-H1");
    assert_eq!(so_dn["value"], 2000.0);
    assert_eq!(so_dn["value_text"], "2.000");
    assert_eq!(so_dn["by"], "Nguyễn Thị Hoa");
    assert_eq!(so_dn["source"], "Báo cáo 91/BC-UBND");
    assert_eq!(so_dn["note"], "số liệu; tạm");
    assert_eq!(so_dn["date"], "2026-07-10");
    assert_eq!(figure(&log, "thu_ns", "2026-Q1")["value"], 1234.5);
    let ktn = figure(&log, "thu_ktn", "2026-Q2");
    assert_eq!(ktn["value"], 742.3);
    assert_eq!(ktn["by"], "tester", "an empty `by` is the OS user");
    assert_eq!(ktn["source"], Value::Null);
    // A lower-case period is stored as written canonically; no date = today.
    let khcn = figure(&log, "chi_khcn", "2026-Q3");
    assert_eq!(khcn["value"], 1_234_567.0);
    assert_eq!(khcn["date"], "2026-11-26");
    let done: Vec<&Value> = log.iter().filter(|e| e["kind"] == "completion").collect();
    assert_eq!(done.len(), 1);
    assert_eq!(done[0]["task"], "ktn_kh");
    assert_eq!(done[0]["date"], "2026-06-25");
    assert!(log.iter().all(|e| e["batch"] == 1));
}

#[test]
fn shipped_seed_imports_cleanly() {
    let env = vi_env();
    let seed = repo_file("seeds/illustrative-figures.csv");
    env.cmd()
        .arg("import")
        .arg(&seed)
        .assert()
        .success()
        .stdout(predicate::str::contains("24 dòng, lô #1: thêm 24, không đổi 0"))
        .stdout(predicate::str::contains("viec_lam  thêm 9, không đổi 0"));
    let log = env.log_json();
    assert_eq!(log.len(), 24);
    assert_eq!(entries(&env, "completion").len(), 2);
    assert_eq!(figure(&log, "thu_ns", "2026-Q1")["value"], 6850.5);
    assert_eq!(figure(&log, "chi_nsdp", "2026-Q2")["value"], 11480.7);
    assert_eq!(figure(&log, "viec_lam", "2026-05")["by"], "Trần Văn Nam");
    env.cmd().arg("verify").assert().success();
}

#[test]
fn comma_and_tab_delimiters_lf_and_crlf() {
    let env = Env::with_plan(MINI_PLAN);
    let comma = env.file("a.csv", "indicator,period,value,date\nrevenue,2026-Q1,\"1,234.5\",2026-04-05\n");
    env.cmd().arg("import").arg(&comma).assert().success();
    let tab = env.file("b.tsv", "task\tdate\tsource\r\nsetup\t2026-12-01\tDecision 4\r\n\r\n");
    env.cmd()
        .arg("import")
        .arg(&tab)
        .assert()
        .success()
        .stdout(predicate::str::contains("1 row as batch #2"));
    let semi = env.file("c.csv", "indicator;period;value\nrevenue;2026-Q2;2,000\n");
    env.cmd().arg("import").arg(&semi).assert().success();
    let log = env.log_json();
    assert_eq!(figure(&log, "revenue", "2026-Q1")["value"], 1234.5);
    assert_eq!(figure(&log, "revenue", "2026-Q2")["value"], 2000.0);
    assert_eq!(entries(&env, "completion")[0]["source"], "Decision 4");
}

#[test]
fn forced_delimiter() {
    let env = Env::with_plan(MINI_PLAN);
    let pipes = env.file("p.csv", "indicator|period|value\nrevenue|2026-Q1|12.5\n");
    // Detected as `,`, the header is one unknown column.
    rejected(&env, &[pipes.to_str().unwrap()], &["p.csv:1: unknown column `indicator|period|value`"]);
    env.cmd().arg("import").arg(&pipes).args(["--delimiter", "|"]).assert().success();
    let tabs = env.file("t.csv", "indicator\tperiod\tvalue\nrevenue\t2026-Q2\t1,5\n");
    // Forcing `;` on a tab file: one unknown column again.
    rejected(&env, &[tabs.to_str().unwrap(), "--delimiter", ";"], &["unknown column"]);
    for tab in ["tab", "\\t"] {
        env.cmd()
            .arg("import")
            .arg(&tabs)
            .args(["--delimiter", tab, "--dry-run", "--numbers", "vi"])
            .assert()
            .success();
    }
    env.cmd()
        .arg("import")
        .arg(&tabs)
        .args(["--delimiter", "ab"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("error: invalid --delimiter: invalid delimiter `ab`: expected one"));
    // Checked by clap, as every malformed value (exit 2, the shared form).
    env.cmd()
        .args(["--lang", "vi", "import"])
        .arg(&tabs)
        .args(["--delimiter", "ab"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("lỗi: --delimiter không hợp lệ: invalid delimiter `ab`"));
    assert_eq!(env.log_json().len(), 1);
}

#[test]
fn numbers_override() {
    let env = Env::with_plan(MINI_PLAN);
    let vi = env.file("vi.csv", "indicator;period;value\nrevenue;2026-Q1;1.234,5\n");
    rejected(
        &env,
        &[vi.to_str().unwrap()],
        &["vi.csv:2: value: `1.234,5` is ambiguous under `en` numbers", "write `1,234.5`"],
    );
    assert!(!env.ledger.exists(), "a rejected import created the ledger");
    env.cmd().arg("import").arg(&vi).args(["--numbers", "vi"]).assert().success();
    assert_eq!(figure(&env.log_json(), "revenue", "2026-Q1")["value"], 1234.5);
}

#[test]
fn reads_standard_input() {
    let env = Env::with_plan(MINI_PLAN);
    env.cmd()
        .args(["import", "-"])
        .write_stdin("indicator,period,value\nspend,2026-01,7\nspend,2026-02,8\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("<stdin>: 2 rows as batch #1: 2 added"));
    assert_eq!(env.log_json().len(), 2);
    rejected(&env, &["-"], &["<stdin>:1: the file is empty"]);
}

/// `rows` valid figures of MINI_PLAN (en numbers), with `bad` replacing
/// data row `i` (0-based) for each (i, bad).
fn many_rows(rows: usize, bad: &[(usize, &str)]) -> String {
    let mut s = String::with_capacity(rows * 40);
    s.push_str("indicator,period,value,date\n");
    for i in 0..rows {
        if let Some((_, b)) = bad.iter().find(|(j, _)| *j == i) {
            s.push_str(b);
        } else {
            // Rows of one month repeat its value (two values for one
            // period would be refused).
            s.push_str(&format!(
                "spend,2026-{:02},{}.{},2027-01-{:02}",
                i % 12 + 1,
                i % 12 + 5,
                i % 12 % 10,
                i % 28 + 1
            ));
        }
        s.push('\n');
    }
    s
}

#[test]
fn one_bad_row_among_100000_imports_nothing() {
    let env = Env::with_plan(MINI_PLAN);
    // Line = data row + 2 (the header is line 1).
    let path = env.file("big.csv", many_rows(100_000, &[(99_990, "spend,2026-13,5,2027-01-02")]));
    with_one_entry(&env);
    let err = rejected(
        &env,
        &[path.to_str().unwrap()],
        &["big.csv:99992: period: `2026-13` is not a period", "1 bad row of 100,000; nothing imported"],
    );
    assert_eq!(err.lines().count(), 2, "{err}");
    assert_eq!(env.log_json().len(), 1);
}

#[test]
fn every_bad_row_is_listed() {
    let env = Env::with_plan(MINI_PLAN);
    with_one_entry(&env);
    let csv = "indicator,period,value,date,task\n\
               spend,2026-01,5,2027-01-05,\n\
               spnd,2026-02,5,,\n\
               share,2026,5,,\n\
               firms,2026-Q1,5,,\n\
               revenue,2031-Q1,5,,\n\
               revenue,2026-Q3,abc,2027-07-01,\n\
               ,,,,setpu\n\
               ,,,,setup\n\
               spend,2026-03,5,,setup\n\
               revenue,2026-Q4,\"9,5\",31/12/2026,\n";
    let path = env.file("bad.csv", csv);
    rejected(
        &env,
        &[path.to_str().unwrap()],
        &[
            "bad.csv:3: indicator: unknown indicator `spnd`: did you mean `spend`?",
            "bad.csv:4: indicator: `share` is derived",
            "bad.csv:5: period: period `2026-Q1` does not fit `firms`, which is reported every half",
            "bad.csv:6: period: period `2031-Q1` is outside the plan's years 2026–2028",
            "bad.csv:7: value: `abc` is not a number under `en` numbers",
            "bad.csv:7: date: date 2027-07-01 is after today (2027-06-30)",
            "bad.csv:8: task: unknown task `setpu`: did you mean `setup`?",
            "bad.csv:9: date: no date given: a task completion needs the date",
            "bad.csv:10: task: a row is either a figure",
            "bad.csv:11: value: `9,5` is ambiguous under `en` numbers",
            "9 bad rows of 10; nothing imported",
        ],
    );
}

#[test]
fn more_than_fifty_bad_rows_are_counted() {
    let env = Env::with_plan(MINI_PLAN);
    let bad: Vec<(usize, String)> = (0..60).map(|i| (i * 2, format!("nope,2026-01,{i},"))).collect();
    let bad_refs: Vec<(usize, &str)> = bad.iter().map(|(i, s)| (*i, s.as_str())).collect();
    let path = env.file("many.csv", many_rows(200, &bad_refs));
    let err = rejected(
        &env,
        &[path.to_str().unwrap()],
        &["many.csv:2: indicator: unknown indicator `nope`", "… and 10 more bad rows", "60 bad rows of 200"],
    );
    assert_eq!(err.lines().filter(|l| l.contains("many.csv:")).count(), 50, "{err}");
    assert!(err.contains("many.csv:100:") && !err.contains("many.csv:102:"), "{err}");
}

#[test]
fn vi_numbers_refuse_an_english_decimal() {
    let env = vi_env();
    let path = env.file("x.csv", "chi_tieu;ky;gia_tri\r\nthu_ns;2026-Q1;9.5\r\n");
    rejected(
        &env,
        &[path.to_str().unwrap()],
        &["x.csv:2: gia_tri: `9.5` không rõ nghĩa theo kiểu số `vi`", "viết `9,5`"],
    );
}

#[test]
fn the_same_file_twice_is_refused_unless_forced() {
    let env = Env::with_plan(MINI_PLAN);
    let path = env.file("q.csv", "indicator,period,value\nrevenue,2026-Q1,10\nrevenue,2026-Q2,20\n");
    env.cmd().arg("import").arg(&path).assert().success();
    rejected(
        &env,
        &[path.to_str().unwrap()],
        &["q.csv was already imported as batch #1 (file q.csv,", "by tester); use --force to import again"],
    );
    // --dry-run says the same.
    rejected(&env, &[path.to_str().unwrap(), "--dry-run"], &["already imported as batch #1"]);
    // A later figure changed Q1; forcing brings the file's Q1 back.
    env.cmd().args(["record", "revenue", "11", "--period", "2026-Q1"]).assert().success();
    env.cmd()
        .arg("import")
        .arg(&path)
        .arg("--force")
        .assert()
        .success()
        .stdout(predicate::str::contains("2 rows as batch #2: 1 added, 1 unchanged"));
    let log = env.log_json();
    assert_eq!(log.len(), 4);
    assert_eq!(figure(&log, "revenue", "2026-Q1")["value"], 10.0);
    assert_eq!(figure(&log, "revenue", "2026-Q1")["batch"], 2);
}

#[test]
fn overlapping_reexports_count_unchanged_rows() {
    let env = Env::with_plan(MINI_PLAN);
    let first = env.file(
        "jan.csv",
        "indicator,period,value,date,task\n\
         spend,2026-01,7,2026-02-03,\n\
         spend,2026-02,8,2026-03-03,\n\
         revenue,2026-Q1,\"1,000\",2026-04-03,\n\
         ,,,2026-05-01,setup\n",
    );
    env.cmd().arg("import").arg(&first).assert().success();
    // The next export repeats the old rows (one written differently but
    // equal, one revised) and adds new ones; within the file, a repeated
    // row counts once.
    let second = env.file(
        "feb.csv",
        "indicator,period,value,date,task\n\
         spend,2026-01,7.0,2026-02-03,\n\
         spend,2026-02,9,2026-03-20,\n\
         revenue,2026-Q1,1000,2026-04-03,\n\
         spend,2026-03,6,2026-04-03,\n\
         spend,2026-03,6,2026-04-04,\n\
         ,,,2026-05-02,setup\n",
    );
    env.cmd()
        .arg("import")
        .arg(&second)
        .assert()
        .success()
        .stdout(predicate::str::contains("6 rows as batch #2: 2 added, 4 unchanged"))
        .stdout(predicate::str::contains("spend    2 added, 2 unchanged"))
        .stdout(predicate::str::contains("revenue  0 added, 1 unchanged"))
        .stdout(predicate::str::contains("setup    0 added, 1 unchanged"));
    let log = env.log_json();
    assert_eq!(log.len(), 6);
    assert_eq!(figure(&log, "spend", "2026-02")["value"], 9.0);
    // Nothing new at all: nothing written, not even a batch.
    let third = env.file("mar.csv", "indicator,period,value\nspend,2026-03,6\n");
    let before = env.ledger_fingerprint();
    env.cmd()
        .arg("import")
        .arg(&third)
        .assert()
        .success()
        .stdout(predicate::str::contains("0 added, 1 unchanged; nothing new, nothing written"));
    assert_eq!(env.ledger_fingerprint(), before);
}

#[test]
fn dry_run_writes_nothing() {
    let env = Env::with_plan(MINI_PLAN);
    let path = env.file("d.csv", "indicator,period,value\nspend,2026-01,7\nspend,2026-01,7\n");
    env.cmd().arg("import").arg(&path).arg("--dry-run").assert().success().stdout(predicate::str::contains(
        "2 rows: 1 added, 1 unchanged; 1 dated today (no date given) (dry run: nothing written)",
    ));
    assert!(!env.ledger.exists(), "a dry run created the ledger");
    with_one_entry(&env);
    let before = env.ledger_fingerprint();
    env.cmd().arg("import").arg(&path).arg("--dry-run").assert().success();
    assert_eq!(env.ledger_fingerprint(), before);
    // A bad file is refused in a dry run too.
    let bad = env.file("e.csv", "indicator,period,value\nspend,2026-01,x\n");
    rejected(&env, &[bad.to_str().unwrap(), "--dry-run"], &["e.csv:2: value:"]);
}

#[test]
fn unknown_and_missing_columns() {
    let env = Env::with_plan(MINI_PLAN);
    with_one_entry(&env);
    let typo = env.file("u.csv", "indicator,periode,value,nguon,comment\nspend,2026-01,7,,\n");
    rejected(
        &env,
        &[typo.to_str().unwrap()],
        &[
            "u.csv:1: unknown column `periode`: did you mean `period`?",
            "u.csv:1: unknown column `comment`: expected indicator, period, value",
            "u.csv:1: missing column `period`",
            "has no usable header row; nothing imported",
        ],
    );
    let missing = env.file("m.csv", "indicator,value\nspend,7\n");
    rejected(&env, &[missing.to_str().unwrap()], &["m.csv:1: missing column `period`"]);
    let no_date = env.file("n.csv", "nhiem_vu;nguon\nsetup;QĐ 1\n");
    rejected(&env, &[no_date.to_str().unwrap()], &["n.csv:1: missing column `date` (Ngày)"]);
    let twice = env.file("t.csv", "indicator,chi_tieu,period,value\n");
    rejected(&env, &[twice.to_str().unwrap()], &["column `chi_tieu` repeats column 1 `indicator`"]);
    let empty = env.file("empty.csv", "");
    rejected(&env, &[empty.to_str().unwrap()], &["empty.csv:1: the file is empty"]);
    rejected(&env, &["nowhere.csv"], &["cannot read nowhere.csv"]);
}

#[test]
fn malformed_rows_are_errors_not_panics() {
    let env = Env::with_plan(MINI_PLAN);
    with_one_entry(&env);
    // A byte that is not UTF-8 (Windows-1252 `é`): the file is refused in
    // one line that says what it looks like and how to save it.
    let bytes = b"indicator,period,value,note\nspend,2026-01,7,caf\xE9\n";
    let path = env.file("w1252.csv", bytes);
    let err =
        rejected(&env, &[path.to_str().unwrap()], &["w1252.csv: this file is not UTF-8 text", "CSV UTF-8"]);
    assert_eq!(err.lines().count(), 1, "{err}");
    let bytes = b"indicator,period,value,note\nspend,2026-01,7,cafe\nspend,2026-02,7\nspend,2026-03,7,a,b\n";
    let path = env.file("w.csv", bytes);
    rejected(
        &env,
        &[path.to_str().unwrap()],
        &[
            "w.csv:3: this row has 3 fields but the header has 4",
            "w.csv:4: this row has 5 fields but the header has 4: quote values that contain the delimiter `,`",
        ],
    );
    // A character split across two cells: valid bytes together, neither
    // cell valid alone.
    // (Far into the file, past what is looked at first, it is the cells
    // that say so.)
    let mut far = String::from("indicator;period;value;note;source\n");
    for m in 1..=12 {
        far.push_str(&format!("spend;2026-{m:02};7;{};\n", "x".repeat(6000)));
    }
    let mut far = far.into_bytes();
    far.extend_from_slice(b"spend;2026-04;7;caf\xC3;\xA9x\n");
    let split = env.file("s.csv", far);
    rejected(
        &env,
        &[split.to_str().unwrap()],
        &[
            "s.csv:14: note: not UTF-8 text (invalid byte 0xC3 at position 4)",
            "s.csv:14: source: not UTF-8 text (invalid byte 0xA9 at position 1)",
        ],
    );
    // A quote never closed swallows the rest of the file: an error, not a
    // silently longer note.
    let open = env.file("q.csv", "indicator,period,value,note\nspend,2026-05,7,\"oops\nspend,2026-06,8,x\n");
    rejected(&env, &[open.to_str().unwrap()], &["q.csv:2: a quote `\"` opened on this line is never closed"]);
    // Cells under an unnamed column must be empty.
    let unnamed = env.file("x.csv", "indicator,period,value,\nspend,2026-05,7,\nspend,2026-06,7,oops\n");
    rejected(
        &env,
        &[unnamed.to_str().unwrap()],
        &["x.csv:3: column 4: a value under no header: name column 4 or empty it"],
    );
}

#[test]
fn a_quote_never_closed_is_reported_on_the_line_of_its_row() {
    let env = Env::with_plan(MINI_PLAN);
    with_one_entry(&env);
    // Line 3 opens a quote that nothing closes: it swallows line 4 and the
    // file ends inside the quoted cell, with no line break of its own.
    let csv = "indicator,period,value,note\n\
               spend,2026-01,7,fine\n\
               spend,2026-02,8,\"unclosed\n\
               spend,2026-03,9,x";
    let path = env.file("open.csv", csv);
    let err = rejected(
        &env,
        &[path.to_str().unwrap()],
        &[
            "open.csv:3: a quote `\"` opened on this line is never closed: the rest of the file was read as one cell",
            "1 bad row of 2; nothing imported",
        ],
    );
    assert_eq!(err.lines().count(), 2, "{err}");
    assert_eq!(env.log_json().len(), 1, "the good row on line 2 was imported");
    // When the row started on an earlier line (a quoted cell spanning lines
    // 2-3 comes first), the message names the quote's own line.
    let csv = "indicator,period,value,source,note\r\n\
               spend,2026-01,7,\"two\r\nlines\",\"unclosed\r\n\
               spend,2026-03,9,,x\r\n";
    let path = env.file("later.csv", csv);
    rejected(
        &env,
        &[path.to_str().unwrap()],
        &["later.csv:2: a quote `\"` opened on line 3 is never closed", "1 bad row of 1; nothing imported"],
    );
    // An even number of quotes, the first a literal one inside a cell: a
    // count of them takes every quote for closed, and the swallowed row,
    // a valid note, would be imported silently.
    let path = env.file(
        "even.csv",
        "indicator,period,value,source,note\nspend,2026-01,7,5\" disk,\"oops\nspend,2026-03,9,,x\n",
    );
    rejected(
        &env,
        &[path.to_str().unwrap()],
        &["even.csv:2: a quote `\"` opened on this line is never closed"],
    );
}

#[test]
fn a_quote_inside_a_cell_is_a_literal_one() {
    let env = Env::with_plan(MINI_PLAN);
    // The file's one quote is in the middle of a cell: the csv reader reads
    // it as a character; nothing is left open.
    let path = env.file("inch.csv", "indicator,period,value,note\nspend,2026-01,7,a 5\" screen\n");
    env.cmd()
        .arg("import")
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("1 row as batch #1: 1 added, 0 unchanged"));
    assert_eq!(figure(&env.log_json(), "spend", "2026-01")["note"], "a 5\" screen");
}

#[test]
fn a_file_with_only_a_header_adds_nothing() {
    let env = Env::with_plan(MINI_PLAN);
    let path = env.file("h.csv", "\u{feff}indicator,period,value\r\n");
    env.cmd()
        .arg("import")
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("0 rows: 0 added, 0 unchanged; nothing new, nothing written"));
    assert!(!env.ledger.exists());
}

#[test]
fn a_ledger_of_another_plan_is_refused() {
    let env = Env::with_plan(MINI_PLAN);
    let other = Env::with_repo_plan("plan.toml").today("2026-11-26");
    let seed = repo_file("seeds/illustrative-figures.csv");
    other.cmd().arg("import").arg(&seed).assert().success();
    std::fs::copy(&other.ledger, &env.ledger).unwrap();
    let path = env.file("a.csv", "indicator,period,value\nspend,2026-01,7\n");
    rejected(&env, &[path.to_str().unwrap()], &["belongs to plan `66-KH/ĐU`, not `TEST-1`"]);
}

/// Issue #22, fault 3: names and sources typed in `.VnTime` (TCVN3) or
/// VNI fonts are refused by cell, saying what they read and how to
/// convert; a header typed so is named by column. Nothing is written.
#[test]
fn legacy_font_text_is_refused_by_cell() {
    let env = vi_env();
    env.cmd().args(["record", "so_dn", "90", "--period", "2026-H1"]).assert().success();
    let csv = "chi_tieu;ky;gia_tri;ngay;nguoi_nhap;nguon\n\
               so_dn;2026-H1;104;2026-07-10;NguyÔn V¨n An;Báo cáo 91/BC-UBND\n\
               thu_ns;2026-Q1;1.234,5;2026-04-08;Nguyễn Văn An;B¸o c¸o sè 9\n\
               thu_ktn;2026-Q2;742,3;2026-07-20;Nguyeãn Vaên An;\n\
               thu_ktn;2026-Q1;700;2026-04-20;René Müller;Zoë Noël\n";
    let path = env.file("phong-cu.csv", csv);
    let err = rejected(
        &env,
        &[path.to_str().unwrap()],
        &[
            "phong-cu.csv:2: nguoi_nhap: `NguyÔn V¨n An` được gõ bằng phông chữ cũ TCVN3 (ABC, .VnTime), \
             không phải Unicode: đọc đúng là “Nguyễn Văn An”",
            "Unikey (Công cụ chuyển mã: nguồn TCVN3 (ABC), đích Unicode)",
            "phong-cu.csv:3: nguon: `B¸o c¸o sè 9`",
            "phong-cu.csv:4: nguoi_nhap: `Nguyeãn Vaên An` được gõ bằng phông chữ cũ VNI (VNI-Times)",
            "nguồn VNI Windows",
            "3 dòng lỗi",
        ],
    );
    // French and German names are no legacy font.
    assert!(!err.contains("phong-cu.csv:5"), "{err}");

    // A header typed in TCVN3: each column named, nothing read.
    let header = env.file("tieu-de.csv", "ChØ tiªu;Kú;Gi¸ trÞ\nso_dn;2026-H1;104\n");
    rejected(
        &env,
        &["--lang", "en", header.to_str().unwrap()],
        &["tieu-de.csv:1: column 1: `ChØ tiªu` is typed in a legacy Vietnamese font", "“Giá trị”"],
    );
}

/// SPEC §4.1: CR line ends (old Mac Excel) read like LF and CRLF, and the
/// lines of errors count them.
#[test]
fn cr_line_ends_are_lines() {
    let env = Env::with_plan(MINI_PLAN);
    let cr = env.file("mac.csv", "indicator;period;value\r\rrevenue;2026-Q1;5\rrevenue;2026-Q2;x\r");
    // Line 1 the header, 2 blank, 3 good, 4 bad.
    rejected(&env, &["--lang", "en", cr.to_str().unwrap()], &["mac.csv:4: value: ", "1 bad row of 2"]);
    let good = env.file("mac2.csv", "indicator;period;value\rrevenue;2026-Q1;5\rrevenue;2026-Q2;6");
    env.cmd().arg("import").arg(&good).assert().success().stdout(predicate::str::contains("2 rows"));
    assert_eq!(figure(&env.log_json(), "revenue", "2026-Q2")["value"], 6.0);
}

/// SPEC §4.1: at most 50 errors listed, then a count, for the header's
/// problems too.
#[test]
fn the_error_cap_holds_for_the_header() {
    let env = Env::with_plan(MINI_PLAN);
    let mut header = String::from("indicator;period;value");
    for i in 0..60 {
        header.push_str(&format!(";extra{i}"));
    }
    let path = env.file("wide.csv", format!("{header}\nrevenue;2026-Q1;5\n"));
    let err = rejected(
        &env,
        &["--lang", "en", path.to_str().unwrap()],
        &["… and 10 more problems with the header"],
    );
    // 60 unknown columns: 50 listed.
    assert_eq!(err.matches("wide.csv:1: unknown column").count(), 50, "{err}");
}

/// Issue #22, fault 9: date-times with seconds and a UTC offset, as
/// ODK/KoboToolbox export, are the date written, in their own offset.
#[test]
fn odk_date_times_are_their_own_date() {
    let env = Env::with_plan(MINI_PLAN);
    let csv = "indicator,period,value,date\n\
               revenue,2026-Q1,\"1,234.5\",2026-04-05T00:15:30+07:00\n\
               revenue,2026-Q2,1200,2026-07-10T10:15:30.000-05:00\n";
    let path = env.file("odk.csv", csv);
    env.cmd().arg("import").arg(&path).assert().success();
    let log = env.log_json();
    // 00:15 at +07:00 on 5 April is 4 April in UTC: the date is 5 April.
    assert_eq!(figure(&log, "revenue", "2026-Q1")["date"], "2026-04-05");
    assert_eq!(figure(&log, "revenue", "2026-Q2")["date"], "2026-07-10");
}
