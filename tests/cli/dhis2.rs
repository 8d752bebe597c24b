//! Tests of `plan export --format dhis2-json|dhis2-csv|adx` and of `plan
//! import` of DHIS2 data value sets (SPEC §4.1 last bullet, §4.3).
//!
//! The expected files are written out by hand from DHIS2's documented
//! shapes:
//! - data value sets (JSON field names, DHIS2's CSV columns, the ADX
//!   namespace, group attributes and ISO periods, `/api/dataValueSets`
//!   import parameters): DHIS2 Web API, "Data values" and "ADX data format",
//!   https://docs.dhis2.org/master/en/developer/html/webapi_data_values.html
//!   (source: github.com/dhis2/dhis2-docs, src/developer/web-api/data.md);
//! - period codes `2027`, `2027S1`, `2027Q3`, `202707`: "Date and period
//!   format",
//!   https://docs.dhis2.org/archive/en/2.25/developer/html/webapi_date_perid_format.html
//!   (source: src/developer/web-api/overview.md).

use crate::common::*;

/// A commune's plan: two coded indicators (a level every half, a flow
/// every quarter), one recorded without a code, one derived.
const PLAN: &str = r#"
[plan]
id = "KH-ND"
title = "Kế hoạch xã Nghi Dương"
start = 2026
end = 2030
lang = "en"
numbers = "vi"

[export.dhis2]
org_unit = "XA_ND"
data_set = "KH66"

[[group]]
id = "ktn"
name = "Kinh tế"

[[group.indicator]]
id = "so_dn"
name = "Doanh nghiệp hoạt động"
unit = "doanh nghiệp"
measure = "level"
every = "half"
dhis2 = "DN_HOAT_DONG"

[[group.indicator]]
id = "thu_ns"
name = "Thu ngân sách"
unit = "triệu đồng"
measure = "flow"
every = "quarter"
dhis2 = "THU_NS"

[[group.indicator]]
id = "viec_lam"
name = "Việc làm mới"
unit = "người"
measure = "flow"
every = "month"

[[group.indicator]]
id = "thu_moi_dn"
name = "Thu ngân sách trên một doanh nghiệp"
unit = "triệu đồng"
ratio = ["thu_ns", "so_dn"]
"#;

/// The hand-made ledger: the plan version (entry 1), figures by import
/// (entries 2 to 8), then a correction (9) of entry 2 and a void (10) of
/// entry 5.
fn ledger() -> Env {
    let env = Env::with_plan(PLAN).today("2028-01-15");
    let csv = env.file(
        "so-lieu.csv",
        "chi_tieu;ky;gia_tri;ngay;nguoi_nhap;ghi_chu\n\
         so_dn;2026-H2;98;2027-01-12;Hoa;\n\
         so_dn;2027-H1;104;2027-07-10;Hoa;\n\
         thu_ns;2027-Q2;900;2027-07-08;Nam;\n\
         thu_ns;2027-Q1;800;2027-04-06;Nam;\n\
         thu_ns;2027-Q3;1.234,5;2027-10-05;Nam;ước\n\
         thu_ns;2027-Q4;1000;2028-01-08;Nam;\n\
         viec_lam;2027-07;12;2027-08-03;Hà;\n",
    );
    env.cmd().arg("import").arg(&csv).assert().success();
    env.cmd()
        .args(["correct", "2", "99", "--reason", "Số chính thức", "--date", "2027-01-20", "--by", "Lan"])
        .assert()
        .success();
    env.cmd().args(["void", "5", "--reason", "Nhập nhầm", "--date", "2027-04-20"]).assert().success();
    env
}

/// `plan export ARGS`: stdout, stderr; it must succeed.
fn export(env: &Env, args: &[&str]) -> (String, String) {
    let out = env.cmd().arg("export").args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "stderr:\n{stderr}");
    (String::from_utf8(out.stdout).unwrap(), stderr)
}

/// What counts as of 2027-12-31: entry 2 as corrected by 9 (99, by Lan, its
/// reason as the comment, created on the figure's date, updated on the
/// correction's), entry 3, entry 4, entry 6; not entry 5 (voided), not
/// entry 7 (reported after), not entry 8 (no code).
/// DHIS2's JSON is written compact (one line); here one value per line.
const EXPECTED_JSON: &str = concat!(
    r#"{"dataSet":"KH66","orgUnit":"XA_ND","dataValues":["#,
    r#"{"dataElement":"DN_HOAT_DONG","period":"2026S2","orgUnit":"XA_ND","value":"99","storedBy":"Lan","#,
    r#""created":"2027-01-12","lastUpdated":"2027-01-20","comment":"Số chính thức","followup":false},"#,
    r#"{"dataElement":"DN_HOAT_DONG","period":"2027S1","orgUnit":"XA_ND","value":"104","storedBy":"Hoa","#,
    r#""created":"2027-07-10","lastUpdated":"2027-07-10","followup":false},"#,
    r#"{"dataElement":"THU_NS","period":"2027Q2","orgUnit":"XA_ND","value":"900","storedBy":"Nam","#,
    r#""created":"2027-07-08","lastUpdated":"2027-07-08","followup":false},"#,
    r#"{"dataElement":"THU_NS","period":"2027Q3","orgUnit":"XA_ND","value":"1234.5","storedBy":"Nam","#,
    r#""created":"2027-10-05","lastUpdated":"2027-10-05","comment":"ước","followup":false}"#,
    "]}\n"
);

const EXPECTED_CSV: &str = "\
dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,followup
DN_HOAT_DONG,2026S2,XA_ND,,,99,Lan,2027-01-20,Số chính thức,false
DN_HOAT_DONG,2027S1,XA_ND,,,104,Hoa,2027-07-10,,false
THU_NS,2027Q2,XA_ND,,,900,Nam,2027-07-08,,false
THU_NS,2027Q3,XA_ND,,,1234.5,Nam,2027-10-05,ước,false
";

/// `exported` is midnight of PLAN_TODAY (2028-01-15).
const EXPECTED_ADX: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<adx xmlns="urn:ihe:qrph:adx:2015" exported="2028-01-15T00:00:00Z">
  <group orgUnit="XA_ND" period="2026-07-01/P6M" dataSet="KH66">
    <dataValue dataElement="DN_HOAT_DONG" value="99"/>
  </group>
  <group orgUnit="XA_ND" period="2027-01-01/P6M" dataSet="KH66">
    <dataValue dataElement="DN_HOAT_DONG" value="104"/>
  </group>
  <group orgUnit="XA_ND" period="2027-04-01/P3M" dataSet="KH66">
    <dataValue dataElement="THU_NS" value="900"/>
  </group>
  <group orgUnit="XA_ND" period="2027-07-01/P3M" dataSet="KH66">
    <dataValue dataElement="THU_NS" value="1234.5"/>
  </group>
</adx>
"#;

#[test]
fn export_json_csv_and_adx_of_a_hand_made_ledger() {
    let env = ledger();
    let as_of = ["--as-of", "2027-12-31"];
    let (json, stderr) = export(&env, &[&["--format", "dhis2-json"][..], &as_of].concat());
    assert_eq!(json, EXPECTED_JSON);
    assert!(stderr.contains("viec_lam") && stderr.contains("dhis2"), "{stderr}");
    assert!(!stderr.contains("thu_moi_dn"), "a derived indicator is not named: {stderr}");
    let (csv, _) = export(&env, &[&["--format", "dhis2-csv"][..], &as_of].concat());
    assert_eq!(csv, EXPECTED_CSV);
    let (adx, _) = export(&env, &[&["--format", "adx"][..], &as_of].concat());
    assert_eq!(adx, EXPECTED_ADX);
    // --as-of also in the plan's order, as its help says (and as report takes it).
    let (json, _) = export(&env, &["--format", "dhis2-json", "--as-of", "31/12/2027"]);
    assert_eq!(json, EXPECTED_JSON);
}

#[test]
fn export_as_of_today_and_by_year_or_period() {
    let env = ledger();
    // As of today (2028-01-15), entry 6 (2027-Q4, reported 2028-01-08) counts.
    let (csv, _) = export(&env, &["--format", "dhis2-csv", "--year", "2027"]);
    assert_eq!(
        csv,
        "dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,followup\n\
         DN_HOAT_DONG,2027S1,XA_ND,,,104,Hoa,2027-07-10,,false\n\
         THU_NS,2027Q2,XA_ND,,,900,Nam,2027-07-08,,false\n\
         THU_NS,2027Q3,XA_ND,,,1234.5,Nam,2027-10-05,ước,false\n\
         THU_NS,2027Q4,XA_ND,,,1000,Nam,2028-01-08,,false\n"
    );
    // One period: its values only, and the set's `period` at the top.
    let (json, _) = export(&env, &["--format", "dhis2-json", "--period", "2027-Q3"]);
    assert_eq!(
        json,
        concat!(
            r#"{"dataSet":"KH66","period":"2027Q3","orgUnit":"XA_ND","dataValues":["#,
            r#"{"dataElement":"THU_NS","period":"2027Q3","orgUnit":"XA_ND","value":"1234.5","storedBy":"Nam","#,
            r#""created":"2027-10-05","lastUpdated":"2027-10-05","comment":"ước","followup":false}]}"#,
            "\n"
        )
    );
    // A half covers its quarters; DHIS2's own code is understood too.
    let (adx, _) = export(&env, &["--format", "adx", "--period", "2026S2"]);
    assert_eq!(
        adx,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<adx xmlns="urn:ihe:qrph:adx:2015" exported="2028-01-15T00:00:00Z">
  <group orgUnit="XA_ND" period="2026-07-01/P6M" dataSet="KH66">
    <dataValue dataElement="DN_HOAT_DONG" value="99"/>
  </group>
</adx>
"#
    );
    // --output writes the file and says so on stderr.
    let out = env.dir.path().join("q.json");
    let (stdout, stderr) =
        export(&env, &["--format", "dhis2-json", "--as-of", "2027-12-31", "--output", "q.json"]);
    assert!(stdout.is_empty());
    assert_eq!(std::fs::read_to_string(out).unwrap(), EXPECTED_JSON);
    assert!(stderr.contains("4 data values") && stderr.contains("XA_ND"), "{stderr}");
}

#[test]
fn an_empty_ledger_exports_an_empty_set() {
    let env = Env::with_plan(PLAN).today("2028-01-15");
    let (json, _) = export(&env, &["--format", "dhis2-json"]);
    assert_eq!(json, "{\"dataSet\":\"KH66\",\"orgUnit\":\"XA_ND\",\"dataValues\":[]}\n");
    let (csv, _) = export(&env, &["--format", "dhis2-csv"]);
    assert_eq!(
        csv,
        "dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,followup\n"
    );
    assert!(!env.ledger.exists(), "export created a ledger");
}

/// Runs a refused `plan ARGS`: exit `code`, stderr containing every
/// `needles`, nothing on stdout, the ledger unchanged.
fn refused(env: &Env, args: &[&str], code: i32, needles: &[&str]) -> String {
    let before = env.ledger_fingerprint();
    let out = env.cmd().args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(code), "stderr:\n{stderr}");
    assert!(out.stdout.is_empty(), "stdout: {}", String::from_utf8_lossy(&out.stdout));
    for n in needles {
        assert!(stderr.contains(n), "expected {n:?} in stderr:\n{stderr}");
    }
    assert_eq!(env.ledger_fingerprint(), before, "the ledger changed");
    stderr
}

#[test]
fn export_refusals_say_what_to_set() {
    let env = ledger();
    // No [export.dhis2]: which key to set.
    std::fs::write(
        &env.plan,
        PLAN.replace("[export.dhis2]\norg_unit = \"XA_ND\"\ndata_set = \"KH66\"\n", ""),
    )
    .unwrap();
    refused(&env, &["export", "--format", "dhis2-json"], 1, &["[export.dhis2]", "org_unit"]);
    // ADX needs the data set.
    std::fs::write(&env.plan, PLAN.replace("data_set = \"KH66\"\n", "")).unwrap();
    refused(&env, &["export", "--format", "adx"], 1, &["data_set", "[export.dhis2]"]);
    export(&env, &["--format", "dhis2-csv"]);
    std::fs::write(&env.plan, PLAN).unwrap();
    refused(&env, &["export", "--format", "dhis2-json", "--year", "2031"], 1, &["--year 2031", "2026–2030"]);
    // Malformed: a usage error, as in every command that takes a period.
    refused(
        &env,
        &["export", "--format", "dhis2-json", "--period", "2027W3"],
        2,
        &["invalid --period: `2027W3`"],
    );
    refused(
        &env,
        &["export", "--format", "dhis2-json", "--as-of", "31/12/27"],
        2,
        &["31/12/27", "YYYY-MM-DD"],
    );
    refused(
        &env,
        &["export", "--format", "dhis2-json", "--year", "2027", "--period", "2027-Q3"],
        2,
        &["--period"],
    );
    refused(&env, &["export", "--format", "xml"], 2, &["dhis2-json"]);
}

#[test]
fn plan_check_refuses_bad_dhis2_keys() {
    let bad = PLAN
        .replace("ratio = [\"thu_ns\", \"so_dn\"]", "ratio = [\"thu_ns\", \"so_dn\"]\ndhis2 = \"TY_LE\"")
        .replace("every = \"month\"", "every = \"month\"\ndhis2 = \"THU_NS\"")
        .replace("org_unit = \"XA_ND\"", "orgunit = \"XA_ND\"")
        .replace("dhis2 = \"DN_HOAT_DONG\"", "dhis2 = \" DN \"");
    let env = Env::with_plan(&bad);
    let out = env.cmd().arg("check").output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    for needle in [
        "unknown key `orgunit` in [export.dhis2]",
        "missing key `org_unit` in [export.dhis2]",
        "`dhis2` = \" DN \" is not a DHIS2 identifier",
        "DHIS2 data element `THU_NS` is already the code of `thu_ns`",
        "`thu_moi_dn` is derived",
    ] {
        assert!(stderr.contains(needle), "expected {needle:?} in:\n{stderr}");
    }
}

/// `plan import FILE` (with `args`), which must succeed: stdout.
fn import(env: &Env, file: &std::path::Path, args: &[&str]) -> String {
    let out = env.cmd().arg("import").arg(file).args(args).output().unwrap();
    assert!(out.status.success(), "stderr:\n{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// (data element, period, value) of every line of a DHIS2 CSV export.
fn values_of(csv: &str) -> Vec<String> {
    csv.lines()
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            format!("{} {} {}", f[0], f[1], f[5])
        })
        .collect()
}

#[test]
fn each_export_imports_back_to_the_same_counted_figures() {
    let env = ledger();
    for (name, expected) in [("e.json", EXPECTED_JSON), ("e.csv", EXPECTED_CSV), ("e.xml", EXPECTED_ADX)] {
        // Into the ledger it came from: every value is the one that counts.
        let file = env.file(name, expected);
        let before = env.ledger_fingerprint();
        let out = import(&env, &file, &[]);
        assert!(out.contains("4 rows: 0 added, 4 unchanged; nothing new, nothing written"), "{name}: {out}");
        assert_eq!(env.ledger_fingerprint(), before, "{name}");
        // Into a new ledger: the same figures count there.
        let fresh = Env::with_plan(PLAN).today("2028-01-15");
        let file = fresh.file(name, expected);
        let out = import(&fresh, &file, &[]);
        assert!(out.contains("4 rows as batch #1: 4 added, 0 unchanged"), "{name}: {out}");
        let (csv, _) = export(&fresh, &["--format", "dhis2-csv"]);
        assert_eq!(
            values_of(&csv),
            [
                "DN_HOAT_DONG 2026S2 99",
                "DN_HOAT_DONG 2027S1 104",
                "THU_NS 2027Q2 900",
                "THU_NS 2027Q3 1234.5"
            ],
            "{name}"
        );
        if name == "e.json" {
            // JSON keeps who, the note and the first report's date.
            let (json, _) = export(&fresh, &["--format", "dhis2-json"]);
            assert_eq!(
                json,
                EXPECTED_JSON.replace(r#""lastUpdated":"2027-01-20""#, r#""lastUpdated":"2027-01-12""#)
            );
        }
    }
}

#[test]
fn a_dhis2_value_that_differs_replaces_the_figure() {
    let env = ledger();
    // DHIS2's own export shape: timestamps, the default combination's UID,
    // a CSV header of an older version (by position all the same).
    let csv = env.file(
        "tu-dhis2.csv",
        "\"dataelement\",\"period\",\"orgunit\",\"categoryoptioncombo\",\"attributeoptioncombo\",\"value\",\"storedby\",\"lastupdated\",\"comment\",\"followup\"\n\
         \"THU_NS\",\"2027Q2\",\"XA_ND\",\"HllvX50cXC0\",\"HllvX50cXC0\",\"950\",\"admin\",\"2027-11-02T09:30:00.000\",\"Số của huyện\",\"false\"\n\
         \"THU_NS\",\"202707\",\"XA_ND\",\"HllvX50cXC0\",\"HllvX50cXC0\",\"\",\"admin\",\"2027-11-02T09:30:00.000\",\"\",\"false\"\n",
    );
    let out = import(&env, &csv, &["--dry-run"]);
    assert!(out.contains("950") && out.contains("900") && out.contains("dry run"), "{out}");
    let out = import(&env, &csv, &[]);
    assert!(out.contains("1 added"), "{out}");
    let (json, _) = export(&env, &["--format", "dhis2-json", "--period", "2027-Q2"]);
    assert!(json.contains(r#""value":"950","storedBy":"admin","created":"2027-11-02""#), "{json}");
    assert!(json.contains(r#""comment":"Số của huyện""#), "{json}");
}

/// A refused import: exit 1, every needle on stderr, the ledger unchanged.
fn import_refused(env: &Env, name: &str, content: &str, needles: &[&str]) {
    let file = env.file(name, content);
    let file = file.to_str().unwrap();
    refused(env, &["import", file], 1, needles);
}

#[test]
fn values_that_do_not_map_are_refused_with_their_row_named() {
    let env = ledger();
    let bad_json = r#"{"dataSet": "KH66", "orgUnit": "XA_ND", "dataValues": [
      {"dataElement": "THU_NS", "period": "2027Q2", "value": "905"},
      {"dataElement": "THU_NS", "period": "2027Q3", "orgUnit": "XA_KHAC", "value": "7"},
      {"dataElement": "DN_HOAT_DONGG", "period": "2027S1", "value": "104"},
      {"dataElement": "THU_NS", "period": "2027W30", "value": "1,5"},
      {"dataElement": "THU_NS", "period": "2027S1", "value": "5"},
      {"dataElement": "THU_NS", "period": "2027Q2", "value": "906"}
    ]}"#;
    import_refused(
        &env,
        "bad.json",
        bad_json,
        &[
            "bad.json:dataValues[1]: orgUnit: a value for organisation unit `XA_KHAC`, but this office is `XA_ND`",
            "bad.json:dataValues[2]: dataElement: data element `DN_HOAT_DONGG` is not the `dhis2` code of any indicator: did you mean `DN_HOAT_DONG`?",
            "bad.json:dataValues[3]: period: `2027W30` is not a DHIS2 period",
            "bad.json:dataValues[3]: value: `1,5` is not a number as DHIS2 writes them",
            "bad.json:dataValues[4]: period:",
            "bad.json:dataValues[5]: value: thu_ns 2027-Q2: this row gives 906, row dataValues[0] gives 905",
            "5 bad rows of 6; nothing imported",
        ],
    );
    let csv = "dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,followup\n\
               THU_NS,2027Q3,XA_ND,,,1234.5,Nam,2027-10-05,,false\n\
               VIEC_LAM,202707,XA_ND,,,12,Hà,2027-08-03,,false\n\
               THU_NS,2027Q1,XA_ND,NAM,,3,Nam,2027-04-06,,false\n\
               THU_NS,2027Q4,XA_ND,,,9,Nam,2029-01-01,,false\n";
    import_refused(
        &env,
        "bad.csv",
        csv,
        &[
            "bad.csv:3: dataelement: data element `VIEC_LAM` is not the `dhis2` code of any indicator of plan KH-ND",
            "bad.csv:4: catoptcombo: data element `THU_NS` comes with two category option combinations (`default` and `NAM`)",
            "bad.csv:5: lastupdated:",
            "3 bad rows of 4; nothing imported",
        ],
    );
    let adx = r#"<adx xmlns="urn:ihe:qrph:adx:2015" exported="2028-01-15T00:00:00Z">
  <group orgUnit="XA_ND" period="2027-07-01/P3M" dataSet="KH66">
    <dataValue dataElement="THU_NS" value="1234.5"/>
    <dataValue dataElement="DN_HOAT_DONG" GENDER="FMLE" value="3"/>
  </group>
  <group orgUnit="XA_ND" period="2027-07-02/P1M" dataSet="KH66">
    <dataValue dataElement="THU_NS" value="1"/>
  </group>
</adx>"#;
    import_refused(
        &env,
        "bad.xml",
        adx,
        &[
            "bad.xml:dataValue 2: categoryOptionCombo: a value broken down by `GENDER=FMLE`",
            "bad.xml:dataValue 3: period: `2027-07-02/P1M` is not an ADX period",
        ],
    );
    import_refused(&env, "broken.json", "{\"dataValues\": [", &["broken.json: not valid JSON at line 1"]);
    import_refused(&env, "other.json", "{\"rows\": []}", &["other.json: not a DHIS2 data value set"]);
    import_refused(
        &env,
        "page.xml",
        "<html xmlns=\"http://www.w3.org/1999/xhtml\"/>",
        // A web page is named as one, with no DHIS2 hint (issue #22).
        &["page.xml: this file is a web page (HTML)"],
    );
    // Without [export.dhis2], a data value set cannot be mapped.
    std::fs::write(
        &env.plan,
        PLAN.replace("[export.dhis2]\norg_unit = \"XA_ND\"\ndata_set = \"KH66\"\n", ""),
    )
    .unwrap();
    import_refused(&env, "e.json", EXPECTED_JSON, &["[export.dhis2]", "org_unit"]);
}

/// Issue #22 fault 9: a machine number with a float's tail (a program's
/// 930.0000000000001) is stored at the 15 digits a spreadsheet shows.
#[test]
fn a_machine_float_is_stored_at_15_digits() {
    let env = ledger();
    let csv = env.file(
        "may.csv",
        "dataelement,period,orgunit,catoptcombo,attroptcombo,value\n\
         THU_NS,2027Q3,XA_ND,,,930.0000000000001\n",
    );
    import(&env, &csv, &[]);
    let last = env.log_json().pop().unwrap();
    assert_eq!(
        (&last["period"], &last["value"], &last["value_text"]),
        (&"2027-Q3".into(), &930.0.into(), &"930".into())
    );
}

/// An ADX export of more values than are sorted in memory (4,096): 18
/// monthly indicators × 240 months (2026-2045) = 4,320 values, which go
/// through the temporary files (issue #25). Expected, by the rule of ADX
/// (SPEC §4.3, one group per period): the months in order, 2026-01 to
/// 2045-12, each with the 18 data elements in plan order (the order they
/// are exported). Indicator i's value in month m of year y is
/// 100 + (i × 37 + y × 11 + m × 7) mod 800, plus .5 in odd months (never
/// under a tenth of the one before, which import would question). With TMPDIR
/// a folder that does not exist: exit 1, the folder and TMPDIR named,
/// no file written, the ledger unchanged.
#[test]
fn a_large_adx_export_goes_through_temporary_files() {
    let mut plan = String::from(
        "[plan]\nid = \"KH-THANG\"\ntitle = \"t\"\nstart = 2026\nend = 2045\nlang = \"en\"\nnumbers = \"en\"\n\
         [export.dhis2]\norg_unit = \"XA_1\"\ndata_set = \"DS_THANG\"\n\
         [[group]]\nid = \"g\"\nname = \"g\"\n",
    );
    for i in 1..=18 {
        plan.push_str(&format!(
            "[[group.indicator]]\nid = \"ct_{i:02}\"\nname = \"c {i}\"\nmeasure = \"flow\"\nevery = \"month\"\n\
             dhis2 = \"CT_{i:02}\"\n"
        ));
    }
    let env = Env::with_plan(&plan).today("2046-06-30");
    let value = |i: u32, y: u32, m: u32| {
        let n = 100 + (i * 37 + y * 11 + m * 7) % 800;
        if m % 2 == 1 { format!("{n}.5") } else { n.to_string() }
    };
    let mut csv = String::from("indicator;period;value;date;by;note\n");
    for i in 1..=18 {
        for y in 2026..=2045 {
            for m in 1..=12 {
                let (dy, dm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
                csv.push_str(&format!("ct_{i:02};{y}-{m:02};{};{dy}-{dm:02}-05;Hoa;\n", value(i, y, m)));
            }
        }
    }
    let figures = env.file("so-lieu.csv", csv);
    env.import(&figures);
    let mut expected = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <adx xmlns=\"urn:ihe:qrph:adx:2015\" exported=\"2046-06-30T00:00:00Z\">\n",
    );
    for y in 2026..=2045 {
        for m in 1..=12 {
            expected.push_str(&format!(
                "  <group orgUnit=\"XA_1\" period=\"{y}-{m:02}-01/P1M\" dataSet=\"DS_THANG\">\n"
            ));
            for i in 1..=18 {
                expected.push_str(&format!(
                    "    <dataValue dataElement=\"CT_{i:02}\" value=\"{}\"/>\n",
                    value(i, y, m)
                ));
            }
            expected.push_str("  </group>\n");
        }
    }
    expected.push_str("</adx>\n");
    // 18 × 240 = 4,320 data values; the first of 2026-01 is CT_01's,
    // 100 + (37 + 22286 + 7) mod 800 = 100 + 22330 mod 800 = 100 + 730,
    // .5 (January): 830.5.
    assert_eq!(expected.matches("<dataValue ").count(), 4320);
    assert!(expected.contains("period=\"2026-01-01/P1M\" dataSet=\"DS_THANG\">\n    <dataValue dataElement=\"CT_01\" value=\"830.5\"/>"));
    let (adx, _) = export(&env, &["--format", "adx"]);
    assert_eq!(adx, expected);

    let missing = env.dir.path().join("no-such-folder");
    let out = env.dir.path().join("thang.xml");
    for args in [&["export", "--format", "adx"][..], &["export", "--format", "adx", "--output", "thang.xml"]]
    {
        let before = env.ledger_fingerprint();
        let run = env.cmd().env("TMPDIR", &missing).args(args).output().unwrap();
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(1), "{stderr}");
        assert!(run.stdout.is_empty());
        assert!(
            stderr.contains(&format!("{}, and that failed: the folder does not exist", missing.display()))
                && stderr.contains("Point TMPDIR"),
            "{stderr}"
        );
        assert!(!stderr.contains("thang.xml"), "the output is not what failed: {stderr}");
        assert_eq!(env.ledger_fingerprint(), before, "the ledger changed");
    }
    assert!(!out.exists(), "a file was written");
}
