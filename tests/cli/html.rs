//! Tests of `plan report --format html` (issue 6): one self-contained
//! file, escaped text, the plan's language and number style, no NaN, and
//! fine with an empty ledger. Structural checks on the HTML text.

use crate::common::*;

fn html(env: &Env, args: &[&str]) -> String {
    let out = env.cmd().args(["report", "--format", "html"]).args(args).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8 html")
}

fn count(hay: &str, needle: &str) -> usize {
    hay.matches(needle).count()
}

/// `word` standing alone (not inside a longer word), e.g. "inf" but not "info".
fn has_word(hay: &str, word: &str) -> bool {
    hay.match_indices(word).any(|(i, _)| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Checks every report must pass: one document, nothing from the network,
/// no script, no NaN or infinity.
#[track_caller]
fn self_contained(h: &str) {
    assert!(h.starts_with("<!DOCTYPE html>"), "{}", &h[..h.len().min(200)]);
    assert_eq!(count(h, "<html"), 1);
    assert!(h.contains(r#"<meta charset="utf-8">"#));
    assert!(h.contains("<style>"));
    for bad in ["http://", "https://", "<script", "<link", "<img", "<iframe", "@import", "src="] {
        assert!(!h.contains(bad), "found {bad:?}");
    }
    assert!(!has_word(h, "NaN") && !has_word(h, "inf") && !has_word(h, "Infinity"));
    assert!(h.trim_end().ends_with("</html>"));
}

#[test]
fn shipped_plan_html_has_a_section_per_group_and_every_indicator() {
    let env = Env::shipped();
    let args = ["--year", "2026", "--as-of", "2026-11-26"];
    let h = html(&env, &args);
    self_contained(&h);
    let r = env.report_json(&args);
    let groups = r["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 5);
    assert_eq!(count(&h, r#"<section class="group""#), groups.len());
    for g in groups {
        assert!(h.contains(&format!("({})", g["id"].as_str().unwrap())), "group {}", g["id"]);
        for i in g["indicators"].as_array().unwrap() {
            let id = i["id"].as_str().unwrap();
            assert!(h.contains(&format!("<code>{id}</code>")), "indicator {id} missing");
        }
    }
    // Title block: plan id, issuer, year, as-of date (vi style).
    assert!(h.contains("66-KH/ĐU"));
    assert!(h.contains("Ban Thường vụ Đảng ủy xã Nghi Dương"));
    assert!(h.contains("năm 2026"));
    assert!(h.contains("26/11/2026"));
    // What plan.toml says of itself, carried in the Report (issued_on =
    // 2026-03-30, implements = "…16-CTr/TU…").
    assert!(h.contains("kế hoạch ban hành ngày 30/03/2026"));
    assert!(h.contains(
        "Thực hiện: Chương trình hành động số 16-CTr/TU ngày 12/02/2026 của Ban Thường vụ Thành ủy"
    ));
    // Charts are inline SVG: the group bars, a trend per indicator, the
    // task bars with their patterns.
    assert!(h.contains(r#"class="chart bars""#));
    let n_ind: usize = groups.iter().map(|g| g["indicators"].as_array().unwrap().len()).sum();
    assert_eq!(count(&h, r#"class="chart trend""#), n_ind, "one trend chart per indicator with numbers");
    assert!(h.contains(r#"id="pat-overdue""#) && h.contains("url(#pat-overdue)"));
    // viec_lam is partial: hollow point, and its 95,5 % in vi style.
    assert!(h.contains(r#"class="pt partial""#));
    assert!(h.contains("95,5 %"));
    assert!(h.contains("2.459,9"), "thu_ktn in vi number style");
    // Groups without indicators (quy_hoach, tchuc) say so, not "0/0".
    assert!(!h.contains("0/0 chỉ tiêu"), "a 0/0 basis in the html");
    assert!(h.contains("không có chỉ tiêu định lượng"));
    // Print CSS for A4.
    assert!(h.contains("@page { size: A4; margin: 15mm; }"));
    assert!(h.contains("break-before: page"));
}

#[test]
fn shipped_plan_html_lists_missing_figures_and_overdue_tasks() {
    let env = Env::shipped();
    let h = html(&env, &["--year", "2026", "--as-of", "2026-11-26"]);
    // viec_lam 2026-08 was never reported: due 05/09/2026, 82 days overdue,
    // the group's lead answers for it.
    let missing = h.split("Số liệu chưa báo cáo, đã quá hạn").nth(1).unwrap();
    let missing = &missing[..missing.find("</table>").unwrap()];
    assert!(missing.contains("Tháng 8/2026"), "{missing}");
    assert!(missing.contains("05/09/2026"));
    assert!(missing.contains("82 ngày"));
    assert!(missing.contains("Phòng Kinh tế"));
    // th_quan_triet was due 30/09/2026 and is still open: 57 days.
    assert!(h.contains("th_quan_triet"));
    assert!(h.contains("57 ngày"));
    assert!(h.contains("Chưa hoàn thành, quá hạn"));
}

#[test]
fn vietnamese_labels_for_a_vietnamese_plan() {
    let env = Env::shipped();
    let h = html(&env, &["--year", "2026"]);
    assert!(h.contains(r#"<html lang="vi">"#));
    for word in
        ["Tỷ lệ đạt", "Chưa đạt", "Chưa có số liệu", "Hoàn thành đúng hạn", "Toàn kế hoạch", "Chủ trì"]
    {
        assert!(h.contains(word), "missing {word:?}");
    }
    for word in ["Attainment", "Missing figures", "Done on time"] {
        assert!(!h.contains(word), "English {word:?} in a vi report");
    }
}

/// MINI_PLAN (English, en numbers) with a few figures.
fn mini() -> Env {
    let env = Env::with_plan(MINI_PLAN).today("2027-06-30");
    let csv = env.file(
        "figures.csv",
        "indicator,period,value,date,task\n\
         firms,2026-H1,98,2026-07-10,\n\
         firms,2026-H2,\"1,234.5\",2027-01-12,\n\
         revenue,2026-Q1,200,2026-04-08,\n\
         spend,2026-01,7,2026-02-03,\n",
    );
    // 98 then 1,234.5 firms: more than tenfold, imported on purpose.
    env.cmd().args(["import", "--yes"]).arg(&csv).assert().success();
    env
}

#[test]
fn english_labels_and_numbers_for_an_english_plan() {
    let env = mini();
    let h = html(&env, &["--year", "2026"]);
    self_contained(&h);
    assert!(h.contains(r#"<html lang="en">"#));
    for word in
        ["Attainment", "Missing figures", "Done on time", "Open, overdue", "Lead agency", "The Office"]
    {
        assert!(h.contains(word), "missing {word:?}");
    }
    for word in ["Tỷ lệ đạt", "Chưa đạt", "Hoàn thành"] {
        assert!(!h.contains(word), "Vietnamese {word:?} in an en report");
    }
    assert_eq!(count(&h, r#"<section class="group""#), 1);
    // en number style; attainment over 100 % is drawn capped, with the mark.
    assert!(h.contains("1,234.5"));
    assert!(h.contains("1,234.5 %"));
    assert!(h.contains(r#"d="M92 3 L98 7 L92 11 Z""#));
    // The task `setup` (due 2026-12-31) is open: 181 days overdue at 2027-06-30.
    assert!(h.contains("2026-12-31"));
    assert!(h.contains("181 days"));
}

#[test]
fn plan_text_is_escaped() {
    let plan = MINI_PLAN
        .replace(r#"title = "Test plan""#, r#"title = "Test <script>alert(1)</script> plan""#)
        .replace(r#"name = "Group one""#, r#"name = "Group <script>alert(1)</script> & co""#)
        .replace(r#"name = "Firms""#, r#"name = "Firms \"quoted\" <b>bold</b>""#);
    let env = Env::with_plan(&plan).today("2027-06-30");
    let h = html(&env, &["--year", "2026"]);
    self_contained(&h);
    assert!(!h.contains("<script"));
    assert!(!h.contains("<b>bold</b>"));
    assert!(h.contains("Test &lt;script&gt;alert(1)&lt;/script&gt; plan"));
    assert!(h.contains("Group &lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
    assert!(h.contains("&lt;b&gt;bold&lt;/b&gt;"));
}

#[test]
fn empty_ledger_renders_every_group() {
    let env = Env::with_repo_plan("plan.toml").today("2026-11-26");
    for year in ["2026", "2027", "2030"] {
        let h = html(&env, &["--year", year, "--as-of", "2026-11-26"]);
        self_contained(&h);
        assert_eq!(count(&h, r#"<section class="group""#), 5);
        assert!(!h.contains(r#"class="pt"#), "no value points without figures");
    }
    // With nothing recorded, the overdue periods are all listed as missing.
    let h = html(&env, &["--year", "2026", "--as-of", "2026-11-26"]);
    assert!(h.contains("Tháng 10/2026"));
    assert!(!env.ledger.exists(), "a report never creates the ledger");
}

#[test]
fn english_plan_with_an_empty_ledger_and_one_group() {
    let env = Env::with_plan(MINI_PLAN).today("2026-03-01");
    let h = html(&env, &["--year", "2026", "--group", "g1"]);
    self_contained(&h);
    assert_eq!(count(&h, r#"<section class="group""#), 1);
    assert!(h.contains("No figure is overdue.") || h.contains("Missing figures"));
}
