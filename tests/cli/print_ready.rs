//! Print-ready workbooks (issue 23, SPEC §4.2): every sheet of the report
//! A4 landscape, fitted to one page wide, its header row repeated on each
//! page; sheets named in words; numbers shown with at most 2 decimals;
//! each group's headline with what it rests on. Read from the package's
//! own XML (xl/workbook.xml, xl/worksheets/sheetN.xml).

use crate::common::*;
use std::io::Read;

fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip package");
    let mut xml = String::new();
    zip.by_name(name).unwrap_or_else(|_| panic!("{name}")).read_to_string(&mut xml).unwrap();
    xml
}

fn xlsx(env: &Env, args: &[&str]) -> Vec<u8> {
    let out = env.dir.path().join("r.xlsx");
    env.cmd().args(args).args(["--format", "xlsx", "--output"]).arg(&out).assert().success();
    std::fs::read(&out).unwrap()
}

/// The sheet names in order, from xl/workbook.xml.
fn sheet_names(workbook: &str) -> Vec<String> {
    workbook
        .split("<sheet name=\"")
        .skip(1)
        .map(|s| s[..s.find('"').unwrap()].replace("&amp;", "&"))
        .collect()
}

#[test]
fn every_report_sheet_prints_on_a4_landscape_one_page_wide_with_its_header_repeated() {
    let env = Env::shipped();
    let bytes = xlsx(&env, &["report", "--period", "2026-H1", "--as-of", "2026-07-31"]);
    let wb = part(&bytes, "xl/workbook.xml");
    let names = sheet_names(&wb);
    // The summary, one sheet per group named by section and short name
    // (at most 31 characters, whole words, no trailing dash), periods, tasks.
    assert_eq!(
        names,
        [
            "Tổng hợp",
            "II.1 Phát triển kinh tế tư nhân",
            "II.2 Phát triển thương mại",
            "II.3 Điều chỉnh Quy hoạch xã",
            "II.4 Kế hoạch đầu tư công trung",
            "III Tổ chức thực hiện",
            "Các kỳ báo cáo",
            "Nhiệm vụ"
        ]
    );
    for n in &names {
        assert!(n.chars().count() <= 31 && !n.contains(['[', ']', ':', '*', '?', '/', '\\']), "{n}");
    }
    for (k, name) in names.iter().enumerate() {
        let sheet = part(&bytes, &format!("xl/worksheets/sheet{}.xml", k + 1));
        // A4 (paper size 9), landscape, fitted to 1 page wide (fitToWidth
        // defaults to 1), as many pages tall as it takes.
        assert!(sheet.contains(r#"<pageSetUpPr fitToPage="1"/>"#), "{name}: fit to page");
        assert!(
            sheet.contains(r#"<pageSetup paperSize="9" fitToHeight="0" orientation="landscape""#),
            "{name}"
        );
        assert!(sheet.contains("&amp;P / &amp;N"), "{name}: page numbers in the footer");
        // Print titles: the header row repeated on each page.
        let titles = format!(r#"<definedName name="_xlnm.Print_Titles" localSheetId="{k}">'{name}'!$"#);
        assert!(wb.contains(&titles), "{name}: no print titles");
    }
}

#[test]
fn numbers_show_at_most_two_decimals_and_groups_their_headline_with_its_basis() {
    let env = Env::shipped();
    let bytes = xlsx(&env, &["report", "--year", "2026"]);
    let styles = part(&bytes, "xl/styles.xml");
    // No number format with 3 or more decimals.
    assert!(!styles.contains("0.000"), "a format with 3 decimals: {styles}");
    // The group's sheet, second title line block: "Cả nhóm: Tỷ lệ đạt: … (dựa
    // trên k/n chỉ tiêu) · …".
    let strings = part(&bytes, "xl/sharedStrings.xml");
    assert!(strings.contains("Cả nhóm: Tỷ lệ đạt:"), "no group headline");
    assert!(strings.contains("Cả nhóm: Tỷ lệ đạt: ") && strings.contains("chỉ tiêu)"));
}

#[test]
fn html_targets_read_in_words_and_the_footer_names_no_software() {
    let env = Env::shipped();
    let out = env
        .cmd()
        .args(["report", "--period", "2026-H1", "--as-of", "2026-07-31", "--format", "html"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let html = String::from_utf8(out.stdout).unwrap();
    // so_dn has no 2026 target; its final target `> 120` (plan.toml) is
    // written as the tables write it: "trên 120", never "> 120".
    let row = &html[html.find("so_dn").expect("so_dn's row")..];
    let cell = &row[row.find("<td class=\"target\">").unwrap()..];
    let cell = &cell[..cell.find("</td>").unwrap()];
    assert!(cell.contains("trên 120"), "{cell}");
    assert!(!html.contains("&gt; 120") && !html.contains("&lt;= "), "a target in symbols");
    let footer = &html[html.find("<footer>").unwrap()..];
    for word in ["tự chứa", "không tải gì từ mạng", "công cụ plan"] {
        assert!(!footer.contains(word), "{word:?} in the footer");
    }
}

/// Headless Chromium lays the HTML report out at 1280 px and in print:
/// no target cell is wider than its column (text running under the badges
/// and charts beside it). Skipped, saying why, without Chromium.
#[test]
fn html_nothing_overlaps_at_1280_px_in_chromium() {
    let Some(chromium) = ["chromium", "chromium-browser", "google-chrome"].into_iter().find(|c| {
        std::process::Command::new("sh")
            .args(["-c", &format!("command -v {c}")])
            .output()
            .is_ok_and(|o| o.status.success())
    }) else {
        eprintln!("skipped: Chromium is not installed (apt-get install chromium)");
        return;
    };
    let env = Env::shipped();
    // A sơ kết and a tổng kết (a point per year in the trend charts).
    for review in [&["--period", "2026-H1", "--as-of", "2026-07-31"][..], &["--years", "2026-2030"]] {
        let path = env.dir.path().join("r.html");
        env.cmd()
            .arg("report")
            .args(review)
            .args(["--format", "html", "--output"])
            .arg(&path)
            .assert()
            .success();
        // A script that writes, into the page's title, the target cells whose
        // content overflows their box; --dump-dom prints the DOM after it ran.
        let mut html = std::fs::read_to_string(&path).unwrap();
        html = html.replace(
            "</body>",
            "<script>document.title = 'overflow:' + [...document.querySelectorAll('td.target, td.att')]\
         .filter(td => td.scrollWidth > td.clientWidth + 1).length;</script></body>",
        );
        std::fs::write(&path, html).unwrap();
        let profile = tempfile::tempdir().unwrap();
        let out = std::process::Command::new(chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--no-first-run",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,900",
                "--dump-dom",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg(format!("file://{}", path.display()))
            .output()
            .expect("run chromium");
        let dom = String::from_utf8_lossy(&out.stdout);
        assert!(dom.contains("<title>overflow:0</title>"), "{review:?}: {}", &dom[..dom.len().min(400)]);
    }
}

/// A department head's round trip (issue 23): the template of a quarter,
/// filled in, imported without edits, and the review lists the figures.
/// The quarter holds July–September of the monthly indicator.
#[test]
fn a_quarters_template_filled_in_imports_and_the_review_lists_it() {
    use calamine::{Data, Reader};
    let env = Env::with_repo_plan("plan.toml").today("2026-11-26");
    let blank = env.dir.path().join("mau-2026-Q3.xlsx");
    env.cmd()
        .args(["template", "--period", "2026-Q3", "--format", "xlsx", "--output"])
        .arg(&blank)
        .assert()
        .success();
    let bytes = std::fs::read(&blank).unwrap();
    // Print-ready like every workbook, its header row repeated.
    let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(
        sheet.contains(r#"orientation="landscape""#) && sheet.contains(r#"<pageSetUpPr fitToPage="1"/>"#)
    );
    // viec_lam (integer, min 0) takes only whole numbers from 0 up; an
    // indicator without `integer` takes decimals.
    assert!(
        sheet.contains(
            r#"<dataValidation type="whole" allowBlank="1" showInputMessage="1" showErrorMessage="1""#
        ),
        "{sheet}"
    );
    assert!(sheet.contains("<formula1>0</formula1>"));
    assert!(sheet.contains(r#"type="decimal""#));
    let mut src = crate::workbook::workbook(bytes);
    let range = src.worksheet_range("Số liệu").unwrap();
    let header = range.rows().position(|r| r.first() == Some(&Data::String("STT".into()))).unwrap();
    let head = &range.rows().nth(header).unwrap().to_vec();
    let col = |name: &str| head.iter().position(|c| c == &Data::String(name.into())).unwrap();
    let (value, period) = (col("Giá trị"), col("Kỳ báo cáo"));
    // Fill each row: 10 in the value cell, as the head of department would.
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Số liệu").unwrap();
    let mut months = Vec::new();
    for (r, row) in range.rows().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            match cell {
                Data::String(s) => ws.write_string(r as u32, c as u16, s).map(|_| ()).unwrap(),
                Data::Float(x) => ws.write_number(r as u32, c as u16, *x).map(|_| ()).unwrap(),
                _ => {}
            }
        }
        if r > header {
            ws.write_number(r as u32, value as u16, 10.0).unwrap();
            if row[1] == Data::String("viec_lam".into()) {
                months.push(row[period].to_string());
            }
        }
    }
    assert_eq!(months, ["Tháng 7/2026", "Tháng 8/2026", "Tháng 9/2026"]);
    let filled = env.dir.path().join("da-dien.xlsx");
    wb.save(&filled).unwrap();
    env.cmd().arg("import").arg(&filled).assert().success();
    // viec_lam in the 9 months: July + August + September = 10 + 10 + 10 = 30.
    let r = env.report_json(&["--period", "2026-Q3"]);
    let viec_lam = r["groups"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["indicators"].as_array().unwrap())
        .find(|i| i["id"] == "viec_lam")
        .unwrap();
    assert_eq!(viec_lam["ytd"], 30.0);
}
