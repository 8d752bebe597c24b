//! Tests of `plan report --format docx` (issue 15, SPEC §4.2): the .docx is
//! read back (unzip + XML) and checked for the heading, the title, one
//! section per group, sentences with hand-worked figures, every indicator
//! in the appendix, escaping of plan text, and the ledger's fingerprint.

use crate::common::*;
use quick_xml::Reader;
use quick_xml::events::Event;
use std::io::Read;

/// A State body's plan (Nghị định 30/2020 heading) with text that needs
/// escaping in XML.
pub const STATE_PLAN: &str = r#"
[plan]
id = "12/KH-UBND"
title = "Kế hoạch <thử> & \"kiểm tra\""
issued_by = "UBND xã Bình An"
start = 2026
end = 2030
lang = "vi"
numbers = "vi"

[report]
style = "state"
parent = "UBND HUYỆN AN LÃO"
issuer = "UBND XÃ BÌNH AN"
place = "Bình An"
signer_title = ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
signer = "Nguyễn Văn An"
recipients = ["UBND huyện (để báo cáo)", "Lưu: VT"]

[agencies]
vp = "Văn phòng <HĐND & UBND>"
kt = "Phòng Kinh tế"

[reporting.due_days]
year = 15
quarter = 10

[[group]]
id = "kinh_te"
name = "Kinh tế <tư nhân> & dịch vụ"
lead = "kt"

[[group.indicator]]
id = "dn"
name = "Doanh nghiệp hoạt động"
unit = "doanh nghiệp"
measure = "level"
every = "year"
target = ">= 100"
basis = "year"

[[group.indicator]]
id = "ocop"
name = "Sản phẩm OCOP"
unit = "sản phẩm"
measure = "flow"
every = "year"
target = ">= 1"
basis = "year"

[[group.indicator]]
id = "von"
name = "Vốn đầu tư"
unit = "tỷ đồng"
measure = "flow"
every = "quarter"
target = ">= 1.000"
basis = "year"

[[group]]
id = "hanh_chinh"
name = "Cải cách hành chính"
lead = "vp"

[[group.indicator]]
id = "hs"
name = "Hồ sơ giải quyết đúng hạn"
unit = "%"
measure = "rate"
every = "year"
target = ">= 95"
basis = "year"

[[group.task]]
id = "so_hoa"
name = "Số hóa hồ sơ một cửa"
lead = "vp"
deliverable = "Kho hồ sơ số"
due = 2026-06-30
"#;

/// The visible text of each paragraph of `word/document.xml`, in order.
/// Parsing it with an XML reader also proves the part is well-formed.
pub fn paragraphs(docx: &[u8]) -> Vec<String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip package");
    let mut xml = String::new();
    zip.by_name("word/document.xml").expect("word/document.xml").read_to_string(&mut xml).unwrap();
    let mut reader = Reader::from_str(&xml);
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut in_text = false;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) if e.name().as_ref() == "w:t" => in_text = true,
            Event::End(e) if e.name().as_ref() == "w:t" => in_text = false,
            Event::Text(t) if in_text => cur.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if in_text => {
                if let Some(c) = r.resolve_char_ref().expect("a valid character reference") {
                    cur.push(c);
                    continue;
                }
                cur.push_str(match r.as_ref() {
                    "lt" => "<",
                    "gt" => ">",
                    "amp" => "&",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("unexpected entity &{other};"),
                });
            }
            Event::End(e) if e.name().as_ref() == "w:p" => out.push(std::mem::take(&mut cur)),
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

fn docx(env: &Env, args: &[&str]) -> Vec<u8> {
    let out = env.cmd().args(["report", "--format", "docx"]).args(args).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stdout.starts_with(b"PK"), "a zip package");
    out.stdout
}

fn find<'a>(paras: &'a [String], needle: &str) -> &'a str {
    paras
        .iter()
        .find(|p| p.contains(needle))
        .unwrap_or_else(|| panic!("no paragraph with {needle:?}:\n{paras:#?}"))
}

fn state_env() -> Env {
    let env = Env::with_plan(STATE_PLAN).today("2027-01-20");
    // dn 2026 = 85 (on time: due 15/01/2027); hs 2026 = 97,5; ocop: nothing.
    env.import(
        env.file("so-lieu.csv", "chi_tieu;ky;gia_tri;ngay\ndn;2026;85;10/01/2027\nhs;2026;97,5;12/01/2027\n"),
    );
    env
}

#[test]
fn state_style_heading_title_sections_and_sentences() {
    let env = state_env();
    let p = paragraphs(&docx(&env, &["--year", "2026", "--as-of", "2027-01-20"]));
    // Heading of Nghị định 30/2020: governing body over the issuer, number
    // line left blank, national name and motto, place and date (01: a month
    // below 3 takes a leading zero).
    for line in [
        "UBND HUYỆN AN LÃO",
        "UBND XÃ BÌNH AN",
        "Số:      /BC-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Bình An, ngày 20 tháng 01 năm 2027",
        "BÁO CÁO",
        "Kết quả thực hiện Kế hoạch số 12/KH-UBND năm 2026",
    ] {
        assert!(p.iter().any(|x| x == line), "heading line {line:?} missing:\n{p:#?}");
    }
    assert!(!p.iter().any(|x| x.contains("ĐẢNG CỘNG SẢN")), "a state document has no Party motto");
    // Plan text comes through escaped and intact (the XML parsed above).
    assert!(find(&p, "Thực hiện Kế hoạch số 12/KH-UBND").contains("Kế hoạch <thử> & \"kiểm tra\""));
    // One section per group, numbered.
    assert!(p.iter().any(|x| x == "1. Kinh tế <tư nhân> & dịch vụ"));
    assert!(p.iter().any(|x| x == "2. Cải cách hành chính"));
    // dn: 85 of >= 100 is 85 %, not met.
    let dn = find(&p, "- Doanh nghiệp hoạt động:");
    assert!(dn.contains("85 doanh nghiệp, đạt 85 % kế hoạch năm 2026"), "{dn}");
    assert!(dn.contains("chưa đạt"), "{dn}");
    // hs: 97,5 of >= 95 is 102,6 % (97.5 / 95 = 1.0263), exceeded.
    let hs = find(&p, "- Hồ sơ giải quyết đúng hạn:");
    assert!(hs.contains("97,5 %, đạt 102,6 % kế hoạch năm 2026"), "{hs}");
    // ocop has no figure: the document says so and invents nothing.
    assert_eq!(find(&p, "- Sản phẩm OCOP"), "- Sản phẩm OCOP: chưa có số liệu.");
    // Group 1 rests on its three indicators, ocop and von (no figure, due)
    // counting 0: (85 + 0 + 0) / 3 = 28,3 %.
    assert_eq!(
        find(&p, "Tỷ lệ đạt bình quân"),
        "Tỷ lệ đạt bình quân các chỉ tiêu có mục tiêu năm 2026: 28,3 % (tính trên 3/3 chỉ tiêu: 1 chưa đạt, \
         2 chưa có số liệu)."
    );
    // The overdue task with its agency (escaped) and days: 30/06/2026 →
    // 20/01/2027 is 184 + 20 = 204 days.
    let t = find(&p, "Nhiệm vụ quá hạn:");
    assert!(
        t.contains("Số hóa hồ sơ một cửa (Văn phòng <HĐND & UBND>, hạn 30/06/2026, quá 204 ngày)"),
        "{t}"
    );
    // III.2 names what is short.
    assert!(p.iter().any(|x| x == "2. Hạn chế, tồn tại"));
    assert!(find(&p, "mới đạt").contains("Doanh nghiệp hoạt động mới đạt 85 %"));
    // Recipients and signature from [report].
    assert!(p.iter().any(|x| x == "Nơi nhận:"));
    assert!(p.iter().any(|x| x == "- UBND huyện (để báo cáo),"));
    assert!(p.iter().any(|x| x == "- Lưu: VT."));
    assert!(p.iter().any(|x| x == "TM. ỦY BAN NHÂN DÂN"));
    assert!(p.iter().any(|x| x == "Nguyễn Văn An"));
}

#[test]
fn the_appendix_lists_every_indicator_with_its_figures() {
    let env = state_env();
    let p = paragraphs(&docx(&env, &["--year", "2026", "--as-of", "2027-01-20"]));
    let at = p.iter().position(|x| x == "PHỤ LỤC").expect("an appendix");
    let table = &p[at..];
    // Cells are paragraphs in reading order: name, unit, target, value, %;
    // a number never breaks in its cell (a no-break space before "%").
    for (name, unit, value, pct) in [
        ("Doanh nghiệp hoạt động", "doanh nghiệp", "85", "85\u{a0}%"),
        ("Sản phẩm OCOP", "sản phẩm", "—", "—"),
        ("Hồ sơ giải quyết đúng hạn", "%", "97,5", "102,6\u{a0}%"),
    ] {
        let i = table.iter().position(|x| x == name).unwrap_or_else(|| panic!("{name} not in the appendix"));
        assert_eq!(table[i + 1], unit, "{name}");
        assert_eq!(table[i + 3], value, "{name}");
        assert_eq!(table[i + 4], pct, "{name}");
    }
}

#[test]
fn the_document_ends_with_the_ledgers_head_fingerprint() {
    let env = state_env();
    let p = paragraphs(&docx(&env, &["--year", "2026", "--as-of", "2027-01-20"]));
    let conn = rusqlite::Connection::open(&env.ledger).unwrap();
    let (id, hex): (i64, String) = conn
        .query_row("SELECT id, lower(hex(hash)) FROM entry ORDER BY id DESC LIMIT 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    let head = format!("{id}:{}", &hex[..16]);
    let last = p.iter().rev().find(|x| !x.is_empty()).unwrap();
    assert!(last.contains(&head), "{last} does not pin {head}");
}

#[test]
fn party_style_of_the_shipped_plan() {
    let env = Env::shipped();
    let p = paragraphs(&docx(&env, &["--year", "2026", "--as-of", "2026-11-26"]));
    for line in [
        "ĐẢNG BỘ XÃ NGHI DƯƠNG",
        "BAN THƯỜNG VỤ ĐẢNG ỦY",
        "*",
        "Số      -BC/ĐU",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Nghi Dương, ngày 26 tháng 11 năm 2026",
        "T/M BAN THƯỜNG VỤ",
        "PHÓ BÍ THƯ",
        "Lê Văn Dũng",
        "- Lưu Văn phòng Đảng ủy.",
    ] {
        assert!(p.iter().any(|x| x == line), "{line:?} missing");
    }
    // Every group a section, every indicator a sentence and an appendix row.
    let r = env.report_json(&["--year", "2026", "--as-of", "2026-11-26"]);
    let appendix = p.iter().position(|x| x == "PHỤ LỤC").unwrap();
    for (n, g) in r["groups"].as_array().unwrap().iter().enumerate() {
        let heading = format!("{}. {}", n + 1, g["name"].as_str().unwrap());
        assert!(p[..appendix].contains(&heading), "{heading}");
        for i in g["indicators"].as_array().unwrap() {
            let name = i["name"].as_str().unwrap();
            assert!(
                p[..appendix].iter().any(|x| x.starts_with(&format!("- {name}:"))),
                "sentence for {name}"
            );
            assert!(p[appendix..].iter().any(|x| x == name), "appendix row for {name}");
        }
    }
}

#[test]
fn english_plans_get_an_english_document() {
    let env = Env::with_plan(&STATE_PLAN.replace("lang = \"vi\"", "lang = \"en\"")).today("2027-01-20");
    let p = paragraphs(&docx(&env, &["--year", "2026", "--as-of", "2027-01-20"]));
    assert!(p.iter().any(|x| x == "REPORT"));
    assert!(p.iter().any(|x| x == "Results in 2026 of plan No. 12/KH-UBND"));
    assert!(p.iter().any(|x| x == "Bình An, 20 January 2027"));
    assert_eq!(find(&p, "- Sản phẩm OCOP"), "- Sản phẩm OCOP: no figure recorded yet.");
}

#[test]
fn output_goes_to_a_file_with_output() {
    let env = state_env();
    let path = env.dir.path().join("bao-cao.docx");
    env.cmd()
        .args(["report", "--year", "2026", "--as-of", "2027-01-20", "--format", "docx", "--output"])
        .arg(&path)
        .assert()
        .success()
        .stdout("");
    let bytes = std::fs::read(&path).unwrap();
    assert!(paragraphs(&bytes).iter().any(|x| x == "BÁO CÁO"));
}

#[test]
fn a_six_month_review_with_an_estimate_and_the_same_period_last_year() {
    let env = Env::with_plan(STATE_PLAN).today("2027-07-20");
    // von, a quarterly flow: 2026 Q1 + Q2 = 200 + 200 = 400 (last year's
    // H1); 2027 Q1 = 300 (official), Q2 = 250 dated 25/06, before the
    // quarter ends: an estimate. Year to date 550 = 55 % of >= 1.000;
    // 550 / 400 = 137,5 % of the same period last year.
    env.import(env.file(
        "von.csv",
        "chi_tieu;ky;gia_tri;ngay\nvon;2026-Q1;200;05/04/2026\nvon;2026-Q2;200;05/07/2026\n\
         von;2027-Q1;300;05/04/2027\nvon;2027-Q2;250;25/06/2027\n",
    ));
    let p = paragraphs(&docx(&env, &["--period", "2027-H1", "--as-of", "2027-07-20"]));
    assert!(p.iter().any(|x| x == "Sơ kết 6 tháng đầu năm 2027 thực hiện Kế hoạch số 12/KH-UBND"), "{p:#?}");
    assert!(p.iter().any(|x| x == "Bình An, ngày 20 tháng 7 năm 2027"));
    let von = find(&p, "- Vốn đầu tư:");
    // Judged by pace: at mid-year the plan is 1.000 × 6/12 = 500; 550 /
    // 500 = 110 %: on track, never "chưa đạt".
    assert_eq!(
        von,
        "- Vốn đầu tư: 550 tỷ đồng (ước thực hiện), đạt 55 % kế hoạch năm 2027 (từ 1.000 trở lên); \
         kế hoạch 6 tháng là 500 tỷ đồng, đạt 110 %; đạt tiến độ; cùng kỳ năm trước 400 tỷ đồng, bằng 137,5 %."
    );
    let at = p.iter().position(|x| x == "PHỤ LỤC").unwrap();
    let t = &p[at..];
    assert!(t.iter().any(|x| x == "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU 6 THÁNG ĐẦU NĂM 2027"), "{t:#?}");
    assert!(t.iter().any(|x| x == "Lũy kế"));
    let i = t.iter().position(|x| x == "Vốn đầu tư").unwrap();
    // The estimate's mark "(ư)" on a line of its own under the number.
    assert_eq!(
        &t[i + 1..i + 8],
        ["tỷ đồng", "từ 1.000 trở lên", "550", "(ư)", "55\u{a0}%", "400", "137,5\u{a0}%"]
    );
}

#[test]
fn a_span_review_shows_every_year() {
    let env = state_env().today("2027-07-20");
    let p = paragraphs(&docx(&env, &["--years", "2026-2027", "--as-of", "2027-07-20"]));
    assert!(
        p.iter().any(|x| x == "Tổng kết thực hiện Kế hoạch số 12/KH-UBND giai đoạn 2026 - 2027"),
        "{p:#?}"
    );
    let at = p.iter().position(|x| x == "PHỤ LỤC").unwrap();
    let t = &p[at..];
    assert!(t.iter().any(|x| x == "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU GIAI ĐOẠN 2026 - 2027"), "{t:#?}");
    // Columns: indicator, unit, final target, 2026, 2027, status.
    let i = t.iter().position(|x| x == "Doanh nghiệp hoạt động").unwrap();
    assert_eq!(&t[i + 1..i + 5], ["doanh nghiệp", "từ 100 trở lên (2030)", "85", "—"]);
    let i = t.iter().position(|x| x == "Hồ sơ giải quyết đúng hạn").unwrap();
    assert_eq!(&t[i + 3..i + 5], ["97,5", "—"]);
}

#[test]
fn a_value_that_cannot_be_computed_says_why() {
    let text = std::fs::read_to_string(repo_file("plan.toml")).unwrap();
    let env = Env::with_plan(&format!("{text}{}", crate::language::NA_INDICATORS)).today("2026-11-26");
    env.import(repo_file("seeds/illustrative-figures.csv"));
    env.import(
        env.file("na.csv", "chi_tieu;ky;gia_tri;ngay\nmoi;2026;3;2026-11-20\nlop;2026;0;2026-11-20\n"),
    );
    let paras = paragraphs(&docx(&env, &["--year", "2026"]));
    // A ratio over a denominator of 0: no value, and why (not "no figure yet").
    let ratio = find(&paras, "Lao động có việc làm mới trên mỗi lớp:");
    assert!(ratio.contains("không tính được (chỉ tiêu `lop` năm 2026 bằng 0)"), "{ratio}");
    // A value against a target of 0: the value, and why there is no share.
    let zero = find(&paras, "Số mô hình mới:");
    assert!(zero.contains("không tính được tỷ lệ đạt (mục tiêu bằng 0)"), "{zero}");
}

#[test]
fn without_report_the_style_follows_the_plans_number() {
    // tests/fixtures/other_plan.toml has no [report] and the number
    // DHO-2025/07: not a Party document's (66-KH/ĐU), so the State format,
    // with the number line left bare rather than a made-up suffix.
    let env = Env::with_repo_plan("tests/fixtures/other_plan.toml").today("2026-11-29");
    let p = paragraphs(&docx(&env, &["--year", "2026"]));
    assert!(p.iter().any(|x| x == "SOCIALIST REPUBLIC OF VIETNAM"), "{p:#?}");
    assert!(!p.iter().any(|x| x.contains("COMMUNIST PARTY")), "{p:#?}");
    assert!(p.iter().any(|x| x.trim_end() == "No.:      /BC"), "{p:#?}");
    // A Party-numbered plan without [report] keeps the Party format.
    let text = std::fs::read_to_string(repo_file("plan.toml")).unwrap();
    let start = text.find("[report]").unwrap();
    let end = start + 1 + text[start + 1..].find("\n[").unwrap();
    let env = Env::with_plan(&format!("{}{}", &text[..start], &text[end..])).today("2026-11-26");
    let p = paragraphs(&docx(&env, &["--year", "2026"]));
    assert!(p.iter().any(|x| x == "ĐẢNG CỘNG SẢN VIỆT NAM"), "{p:#?}");
    assert!(p.iter().any(|x| x.starts_with("Số") && x.ends_with("-BC/ĐU")), "{p:#?}");
}
