//! Language of messages (SPEC §4 "Language"): under `lang = "vi"` every
//! error path prints Vietnamese (no English sentence, no catalogue key);
//! under `lang = "en"` everything is English, `--help` included.

use crate::common::{COMMANDS, Env, MINI_PLAN, english_lines, keys_in, repo_file};
use crate::report::ind;

/// Runs `args` and checks that it fails with stderr in Vietnamese.
fn vietnamese_failure(env: &Env, args: &[&str]) {
    let out = env.cmd().env("LANG", "C").env_remove("LC_ALL").args(args).output().expect("run plan");
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(!out.status.success(), "{args:?} should fail:\n{err}");
    assert!(!err.trim().is_empty(), "{args:?}: no message");
    let english = english_lines(&err);
    assert!(english.is_empty(), "{args:?}: English in stderr: {english:#?}\n\n{err}");
    let keys = keys_in(&err);
    assert!(keys.is_empty(), "{args:?}: catalogue keys in stderr: {keys:?}\n\n{err}");
}

/// The shipped plan (`lang = "vi"`) with the illustrative figures.
fn shipped() -> Env {
    Env::shipped()
}

#[test]
fn usage_errors_are_vietnamese() {
    let env = shipped();
    for args in [
        &["--foo"][..],
        &["nonsense"],
        &["show", "--format", "xml"],
        &["report", "--year"],
        &["void", "1"],
        &["log", "--year", "hai"],
        &[],
        // Not on a terminal, `record` and `done` without arguments cannot ask.
        &["record"],
        &["record", "viec_lam"],
        &["record", "viec_lam", "5"],
        &["done"],
    ] {
        vietnamese_failure(&env, args);
    }
}

#[test]
fn show_log_and_done_errors_are_vietnamese() {
    let env = shipped();
    for args in [
        &["show", "viec_lm"][..],
        &["show", "khong_co_gi_giong"],
        &["log", "--indicator", "viec_lm"],
        &["log", "--task", "khong_co"],
        &["log", "--format", "html"],
    ] {
        vietnamese_failure(&env, args);
    }
    let ok = env.cmd().args(["done", "th_ke_hoach", "--date", "2026-05-01"]).output().unwrap();
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
    let stdout = String::from_utf8_lossy(&ok.stdout);
    assert!(english_lines(&stdout).is_empty(), "{stdout}");
    vietnamese_failure(&env, &["done", "th_ke_hoach"]);
}

#[test]
fn a_missing_plan_says_where_it_looked_and_the_three_ways_once() {
    let env = Env::with_plan(MINI_PLAN);
    let bare = |lang: &str| {
        let mut c = assert_cmd::Command::cargo_bin("plan").unwrap();
        c.current_dir(env.dir.path())
            .env("LANG", lang)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("PLAN_FILE")
            .args(["--plan", "khong-co/plan.toml", "show"]);
        c
    };
    let out = bare("vi_VN.UTF-8").output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(1));
    let dir = env.dir.path().join("khong-co");
    let dir = std::path::absolute(&dir).unwrap().display().to_string();
    assert_eq!(
        err,
        format!(
            "lỗi: không có tệp kế hoạch `plan.toml` trong thư mục {dir}; hãy chỉ ra tệp kế hoạch bằng --plan \
             TỆP, bằng biến môi trường PLAN_FILE, hoặc chạy plan trong thư mục có plan.toml\n"
        )
    );
    // In English (no `vi` in the environment), and said once: no OS error
    // repeated after it.
    let out = bare("C").output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("error: no plan file `plan.toml` in the folder "), "{err}");
    assert!(err.contains("--plan FILE") && err.contains("PLAN_FILE") && !err.contains("os error"), "{err}");
}

#[test]
fn a_plan_without_lang_follows_the_environment() {
    let text = MINI_PLAN.replace("lang = \"en\"\n", "");
    let env = Env::with_plan(&text);
    let run = |lang: &str| {
        let out = env
            .cmd()
            .env("LANG", lang)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .args(["show", "nope"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stderr).to_string()
    };
    assert!(run("vi_VN.UTF-8").starts_with("lỗi: không có mã `nope`"), "{}", run("vi_VN.UTF-8"));
    assert!(run("en_US.UTF-8").starts_with("error: unknown id `nope`"), "{}", run("en_US.UTF-8"));
    // --lang wins over the environment.
    let out = env.cmd().env("LANG", "vi_VN.UTF-8").args(["--lang", "en", "show", "nope"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("error: unknown id"));
}

#[test]
fn help_is_in_the_plans_language_with_its_ids() {
    let env = shipped();
    for args in [&["--help"][..], &["record", "--help"], &["report", "--help"], &["done", "--help"]] {
        let out = env.cmd().env("LANG", "C").args(args).output().unwrap();
        assert!(out.status.success());
        let text = String::from_utf8_lossy(&out.stdout).to_string();
        let english = english_lines(&text);
        assert!(english.is_empty(), "{args:?}: English in help: {english:#?}\n\n{text}");
        assert!(text.contains("Cách dùng: plan"), "{text}");
    }
    let out = env.cmd().arg("--help").output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    // Examples use ids of the plan in use: its first recorded indicator and
    // task, a period of that indicator's cadence.
    // so_dn counts enterprises (integer): the example value is whole; the
    // period is the latest ended by today (2026-11-26: the first half).
    assert!(text.contains("plan record so_dn 1.234 --period 2026-H1"), "{text}");
    assert!(text.contains("plan done hoi_doanh_nhan") || text.contains("plan done "), "{text}");
}

#[test]
fn an_english_plan_is_english_throughout() {
    let env = Env::with_repo_plan("tests/fixtures/other_plan.toml").today("2026-06-30");
    let out = env.cmd().env("LANG", "vi_VN.UTF-8").arg("--help").output().unwrap();
    let help = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(help.starts_with("A KPI ledger"), "{help}");
    assert!(help.contains("Usage: plan [OPTIONS] <COMMAND>"), "{help}");
    assert!(help.contains("Commands:") && help.contains("Options:") && help.contains("Examples:"), "{help}");
    assert!(!help.chars().any(|c| "ảạấầẩẫậắằẳẵặẻẽẹếềểễệỉịỏọốồổỗộớờởỡợủụứừửữựỳỵỷỹđ".contains(c)), "{help}");
    for args in [&["show"][..], &["check"], &["show", "nope"], &["log", "--task", "nope"], &["report"]] {
        let out = env.cmd().env("LANG", "vi_VN.UTF-8").args(args).output().unwrap();
        let all = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        let vi: Vec<&str> = all
            .lines()
            .filter(|l| l.chars().any(|c| "ảạấầẩẫậắằẳẵặẻẽẹếềểễệỉịỏọốồổỗộớờởỡợủụứừửữựđư".contains(c)))
            .collect();
        assert!(vi.is_empty(), "{args:?}: Vietnamese in an English plan's output: {vi:#?}");
    }
    // The fixture exists where the issue says.
    assert!(repo_file("tests/fixtures/other_plan.toml").exists());
}

// ---------------------------------------------------------------------------
// Areas whose messages are not in the catalogue yet (TODO of issue #12).

#[test]
fn record_input_errors_are_vietnamese() {
    let env = shipped();
    for args in [
        &["record", "viec_lm", "5", "--period", "2026-01"][..],
        &["record", "viec_lam", "abc", "--period", "2026-01"],
        &["record", "viec_lam", "9.5", "--period", "2026-01"],
        &["record", "viec_lam", "5", "--period", "2026-Q1"],
        &["record", "viec_lam", "5", "--period", "2040-01"],
        &["record", "viec_lam", "5", "--period", "2026-01", "--date", "2027-01-01"],
        &["record", "tl_thu_ktn", "5", "--period", "2026"],
        &["done", "khong_co"],
    ] {
        vietnamese_failure(&env, args);
    }
}

#[test]
fn a_derived_indicator_is_told_in_the_plans_words() {
    let vi = shipped();
    let other = Env::with_repo_plan("tests/fixtures/other_plan.toml").today("2026-06-30");
    for (env, lang, id, words) in [
        (&vi, "vi", "tl_thu_ktn", "`tl_thu_ktn` là chỉ tiêu tính toán (tỷ lệ thu_ktn / thu_ns)"),
        (&other, "vi", "opd_growth", "`opd_growth` là chỉ tiêu tính toán (tốc độ tăng của opd_visits)"),
        (&other, "en", "opd_growth", "`opd_growth` is derived (growth of opd_visits)"),
        (&other, "en", "anc4_coverage", "`anc4_coverage` is derived (ratio anc4_visits / pregnancies)"),
    ] {
        let out = env.cmd().args(["--lang", lang, "record", id, "5", "--period", "2026"]).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(words), "{err}");
    }
}

/// The names of values a `--help` line may show: those of the catalogue.
fn value_names(lang: &str) -> Vec<String> {
    let text = std::fs::read_to_string(repo_file(&format!("locales/{lang}/cli.ftl"))).unwrap();
    text.lines()
        .filter(|l| l.starts_with("cli-value-"))
        .filter_map(|l| l.split_once(" = ").map(|(_, v)| v.trim().to_string()))
        .collect()
}

#[test]
fn every_value_name_of_every_help_is_in_the_plans_language() {
    for (env, lang) in
        [(shipped(), "vi"), (Env::with_repo_plan("tests/fixtures/other_plan.toml").today("2026-06-30"), "en")]
    {
        let names = value_names(lang);
        let top: &[&str] = &[];
        for args in std::iter::once(top.to_vec()).chain(COMMANDS.iter().map(|c| vec![*c])) {
            let args: Vec<&str> = args.into_iter().chain(["--help"]).collect();
            let out = env.cmd().env("COLUMNS", "200").args(&args).output().unwrap();
            let help = String::from_utf8_lossy(&out.stdout);
            for (_, rest) in
                help.lines().flat_map(|l| l.match_indices('<').map(move |(i, _)| (i, &l[i + 1..])))
            {
                let Some((name, _)) = rest.split_once('>') else { continue };
                assert!(
                    names.iter().any(|n| n == name),
                    "{lang} {args:?}: `<{name}>` is not in the catalogue"
                );
            }
        }
    }
}

#[test]
fn date_help_names_both_forms_the_plan_reads() {
    let help = |env: &Env, args: &[&str]| {
        let out = env.cmd().env("COLUMNS", "400").args(args).output().unwrap();
        String::from_utf8_lossy(&out.stdout).to_string()
    };
    let vi = shipped();
    for sub in ["record", "done", "correct", "void"] {
        let text = help(&vi, &[sub, "--help"]);
        assert!(
            text.contains("Ngày báo cáo (DD/MM/YYYY hoặc YYYY-MM-DD; mặc định: hôm nay)"),
            "{sub}: {text}"
        );
    }
    for sub in ["report", "export"] {
        assert!(help(&vi, &[sub, "--help"]).contains("DD/MM/YYYY hoặc YYYY-MM-DD"), "{sub}");
    }
    let en = Env::with_repo_plan("tests/fixtures/other_plan.toml");
    let text = help(&en, &["record", "--help"]);
    assert!(text.contains("The date it was reported (DD/MM/YYYY or YYYY-MM-DD; default: today)"), "{text}");
    // A plan that writes month first.
    let mdy = Env::with_plan(&MINI_PLAN.replace("numbers = \"en\"\n", "numbers = \"en\"\ndates = \"mdy\"\n"));
    let text = help(&mdy, &["done", "--help"]);
    assert!(text.contains("(MM/DD/YYYY or YYYY-MM-DD; default: today)"), "{text}");
    assert!(help(&mdy, &["report", "--help"]).contains("Review date (MM/DD/YYYY or YYYY-MM-DD)"));
}

#[test]
fn one_word_for_an_entry_and_one_for_the_ledger() {
    // The catalogue: "bút toán" for an entry, "sổ cái" for the ledger.
    for f in std::fs::read_dir(repo_file("locales/vi")).unwrap() {
        let path = f.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.starts_with("cli-about =")) {
            for other in ["bản ghi", "sổ số liệu", "sổ theo dõi", "Tệp sổ ("] {
                assert!(!line.contains(other), "{}:{}: `{other}` in {line}", path.display(), i + 1);
            }
        }
    }
    let env = shipped();
    let help = String::from_utf8(env.cmd().args(["void", "--help"]).output().unwrap().stdout).unwrap();
    assert!(help.contains("Số thứ tự bút toán") && help.contains("Tệp sổ cái"), "{help}");
    let out = env.cmd().args(["correct", "999", "5", "--reason", "x"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bút toán #999") && err.contains("sổ cái"), "{err}");
    // A task done tomorrow: no figure is involved, none is mentioned.
    let out = env.cmd().args(["done", "ktn_kh", "--date", "2026-11-27"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("ngày 27/11/2026 sau hôm nay (26/11/2026)") && !err.contains("số liệu"), "{err}");
}

#[test]
fn plan_file_errors_are_vietnamese() {
    let env = Env::with_plan("[plan]\nid = \"x\"\nlang = \"vi\"\nstart = 2026\nend = 2020\ntypo = 1\n");
    vietnamese_failure(&env, &["check"]);
    vietnamese_failure(&env, &["show"]);
    // Five mistakes of another kind: unknown key, milestone year, agency,
    // target, duplicate id.
    let env = Env::with_plan(&std::fs::read_to_string(repo_file("tests/fixtures/bad_plan.toml")).unwrap());
    vietnamese_failure(&env, &["check"]);
}

#[test]
fn other_commands_errors_are_vietnamese() {
    let env = shipped();
    let bad = env.file("xau.csv", "chi_tieu;ky;gia_tri\nviec_lam;2026-13;abc\n");
    for args in [
        &["correct", "999", "5", "--reason", "x"][..],
        &["void", "999", "--reason", "x"],
        &["import", "khong-co.csv"],
        &["import", bad.to_str().unwrap()],
        &["report", "--group", "khong_co"],
        &["report", "--as-of", "26/11/26"],
    ] {
        vietnamese_failure(&env, args);
    }
    std::fs::write(&env.ledger, "not a database").unwrap();
    vietnamese_failure(&env, &["log"]);
}

#[test]
fn dates_and_periods_in_vietnamese_refusals_read_as_a_clerk_writes_them() {
    // The shipped plan runs as of 26/11/2026; a Q1 figure dated in 2025.
    let env = shipped();
    let out = env
        .cmd()
        .args(["record", "thu_ns", "5", "--period", "2026-Q1", "--date", "2025-01-01"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("ngày 01/01/2025 trước khi kỳ Quý 1/2026 bắt đầu (01/01/2026)"), "{err}");
    let out = env
        .cmd()
        .args(["record", "thu_ns", "5", "--period", "2026-Q4", "--date", "2027-01-01"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("ngày 01/01/2027 sau hôm nay (26/11/2026)"), "{err}");
}

#[test]
fn periods_in_tenfold_and_replacement_lines_read_as_a_clerk_writes_them() {
    // viec_lam has 48 for October 2026; 500 for November is over tenfold.
    let env = shipped();
    let out = env.cmd().args(["record", "viec_lam", "500", "--period", "2026-11"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{err}");
    assert!(err.contains("số liệu trước (Tháng 10/2026: 48, #"), "{err}");
    assert!(!err.contains("2026-10"), "{err}");

    // Import: a tenfold row, then two rows for one period, both refused.
    let jump = env.file("jump.csv", "chi_tieu;ky;gia_tri;ngay\nviec_lam;2026-01;350;2026-02-10\n");
    let out = env.cmd().arg("import").arg(&jump).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("số liệu trước (Tháng 1/2026: 34)"), "{err}");
    let two = env.file(
        "two.csv",
        "chi_tieu;ky;gia_tri;ngay\nviec_lam;2026-02;27;2026-03-04\nviec_lam;2026-02;28;2026-03-04\n",
    );
    let out = env.cmd().arg("import").arg(&two).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("viec_lam Tháng 2/2026: dòng này ghi 28"), "{err}");

    // With --yes the replacement is listed, its period in words.
    let out = env.cmd().arg("import").arg(&jump).arg("--yes").output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(text.contains("viec_lam Tháng 1/2026: 34 → 350 (thay cho #"), "{text}");
}

#[test]
fn a_toml_syntax_error_is_told_in_vietnamese_with_its_line_and_column() {
    // The shipped plan (`lang = "vi"`) with `=` typed twice on its `start` line.
    let text = std::fs::read_to_string(repo_file("plan.toml")).unwrap();
    let line = text.lines().position(|l| l.starts_with("start = ")).unwrap() + 1;
    let broken = text.replacen("start = ", "start = = ", 1);
    let env = Env::with_plan(&broken);
    for args in [&["show"][..], &["check"]] {
        let out = env.cmd().env("LANG", "C").env_remove("LC_ALL").args(args).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?}: {err}");
        let sentence = format!("plan.toml sai cú pháp TOML ở dòng {line}, cột 9 (");
        assert!(err.contains(&sentence), "{args:?}: no `{sentence}` in:\n{err}");
        // The toml crate's own words only inside the parentheses.
        let first = err.lines().next().unwrap();
        assert!(first.contains("tệp ") && first.contains("): hãy sửa chỗ được đánh dấu bên dưới"), "{first}");
        assert!(keys_in(&err).is_empty(), "{err}");
    }
}

/// Indicators appended to the shipped plan's last group that make
/// attainment n/a: a target of 0 (`moi`) and a ratio over a denominator of
/// 0 (`lop`).
pub(crate) const NA_INDICATORS: &str = r#"
[[group.indicator]]
id = "moi"
name = "Số mô hình mới"
measure = "level"
every = "year"
target = ">= 0"
basis = "year"

[[group.indicator]]
id = "lop"
name = "Số lớp học mở mới"
measure = "flow"
every = "year"

[[group.indicator]]
id = "viec_lam_lop"
name = "Lao động có việc làm mới trên mỗi lớp"
ratio = ["viec_lam", "lop"]
target = ">= 30"
basis = "year"
"#;

#[test]
fn n_a_reasons_are_vietnamese_in_the_report_and_english_in_json() {
    let text = std::fs::read_to_string(repo_file("plan.toml")).unwrap();
    let env = Env::with_plan(&format!("{text}{NA_INDICATORS}")).today("2026-11-26");
    env.import(repo_file("seeds/illustrative-figures.csv"));
    env.import(
        env.file("na.csv", "chi_tieu;ky;gia_tri;ngay\nmoi;2026;3;2026-11-20\nlop;2026;0;2026-11-20\n"),
    );
    let out = env.cmd().env("COLUMNS", "200").args(["report", "--year", "2026"]).output().unwrap();
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(table.contains("3 ước [không tính được: mục tiêu bằng 0]"), "{table}");
    assert!(table.contains("không tính được (chỉ tiêu `lop` năm 2026 bằng 0)"), "{table}");
    for english in ["n/a", "target is 0", "is 0 in"] {
        assert!(!table.contains(english), "`{english}` in:\n{table}");
    }
    assert!(english_lines(&table).is_empty(), "{table}");
    assert!(keys_in(&table).is_empty(), "{table}");
    // JSON keeps a code word whatever the language (§5a), the input that
    // is 0 beside it.
    let json = env.report_json(&["--year", "2026"]);
    assert_eq!(ind(&json, "moi")["attainment_note"], "target_zero");
    assert_eq!(ind(&json, "viec_lam_lop")["attainment_note"], "input_zero");
    assert_eq!(
        ind(&json, "viec_lam_lop")["attainment_note_input"],
        serde_json::json!({"id": "lop", "year": 2026})
    );
}

/// Whether `text` holds a date written `YYYY-MM-DD`.
fn has_iso_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.windows(10).any(|w| {
        w.iter().enumerate().all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() })
    })
}

#[test]
fn dates_in_done_import_and_check_refusals_read_as_a_clerk_writes_them() {
    let env = shipped();
    let ok = env.cmd().args(["done", "th_ke_hoach", "--date", "2026-05-01"]).output().unwrap();
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
    // Done again: the earlier completion's date as the clerk wrote it.
    let out = env.cmd().args(["done", "th_ke_hoach"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{err}");
    assert!(err.contains("báo cáo ngày 01/05/2026;"), "{err}");
    assert!(!has_iso_date(&err), "{err}");
    // The same file again: the day of the first import (the real clock's).
    let out = env.cmd().arg("import").arg(repo_file("seeds/illustrative-figures.csv")).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{err}");
    assert!(err.contains("đã được nhập thành lô #1"), "{err}");
    assert!(!has_iso_date(&err), "{err}");
    // A task due after the plan's years, in `plan check`.
    let text = std::fs::read_to_string(repo_file("plan.toml")).unwrap();
    let env = Env::with_plan(&text.replacen("due = 2027-12-31", "due = 2031-01-01", 1));
    let out = env.cmd().arg("check").output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("hạn 01/01/2031 nằm ngoài các năm của kế hoạch"), "{err}");
}

/// The words of a help example line, double-quoted words kept whole.
fn example_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ' ' if !quoted => {
                if !cur.is_empty() {
                    words.push(std::mem::take(&mut cur));
                }
            }
            c => cur.push(c),
        }
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    words
}

#[test]
fn the_record_examples_of_help_are_taken_by_record() {
    // A plan whose first indicator is a count, one whose first is not, and
    // one whose first has a maximum below the usual example value.
    let capped = MINI_PLAN.replace("target = \">= 100\"", "target = \">= 10\"\nmax = 50\ninteger = true");
    let envs = [
        Env::with_repo_plan("plan.toml").today("2027-06-30"),
        Env::with_repo_plan("tests/fixtures/other_plan.toml").today("2026-06-30"),
        Env::with_plan(&capped).today("2027-06-30"),
    ];
    for env in envs {
        let out = env.cmd().args(["record", "--help"]).output().unwrap();
        let help = String::from_utf8_lossy(&out.stdout).to_string();
        let examples: Vec<Vec<String>> = help
            .lines()
            .map(str::trim)
            .filter(|l| l.starts_with("plan record ") && !l.contains('('))
            .map(example_words)
            .collect();
        assert_eq!(examples.len(), 2, "{help}");
        for words in examples {
            let out = env.cmd().args(&words[1..]).output().unwrap();
            assert!(
                out.status.success(),
                "{words:?} from --help is refused: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
}

/// The plan's `dates` order reaches every slashed date of the command
/// line, now that the plan file is read for it only when a slashed date is
/// met (an ISO date never asks): `record --date` month first under
/// `dates = "mdy"`, day first without it, and `report --as-of` likewise.
#[test]
fn a_slashed_date_on_the_command_line_reads_in_the_plans_order() {
    let date_of = |env: &Env| -> String {
        let log = env.log_json();
        log.last().unwrap()["date"].as_str().unwrap().to_string()
    };
    let mdy = Env::with_plan(&MINI_PLAN.replace("numbers = \"en\"\n", "numbers = \"en\"\ndates = \"mdy\"\n"))
        .today("2026-12-31");
    mdy.cmd()
        .args(["record", "revenue", "12.5", "--period", "2026-Q1", "--date", "04/05/2026"])
        .assert()
        .success();
    assert_eq!(date_of(&mdy), "2026-04-05");
    let dmy = Env::with_plan(MINI_PLAN).today("2026-12-31");
    dmy.cmd()
        .args(["record", "revenue", "12.5", "--period", "2026-Q1", "--date", "04/05/2026"])
        .assert()
        .success();
    assert_eq!(date_of(&dmy), "2026-05-04");
    // An ISO date reads the same under both.
    mdy.cmd()
        .args(["record", "revenue", "13", "--period", "2026-Q2", "--date", "2026-07-03"])
        .assert()
        .success();
    assert_eq!(date_of(&mdy), "2026-07-03");
    // --as-of: month first, the cut-off day of the review.
    let out = mdy
        .cmd()
        .args(["report", "--year", "2026", "--as-of", "06/30/2026", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["as_of"], "2026-06-30");
}
