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

/// The hand-made ledger: figures by import (entries 1 to 7), then a
/// correction (8) of entry 1 and a void (9) of entry 4.
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
        .args(["correct", "1", "99", "--reason", "Số chính thức", "--date", "2027-01-20", "--by", "Lan"])
        .assert()
        .success();
    env.cmd().args(["void", "4", "--reason", "Nhập nhầm", "--date", "2027-04-20"]).assert().success();
    env
}

/// `plan export ARGS`: stdout, stderr; it must succeed.
fn export(env: &Env, args: &[&str]) -> (String, String) {
    let out = env.cmd().arg("export").args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "stderr:\n{stderr}");
    (String::from_utf8(out.stdout).unwrap(), stderr)
}

/// What counts as of 2027-12-31: entry 1 as corrected by 8 (99, by Lan, its
/// reason as the comment, created on the figure's date, updated on the
/// correction's), entry 2, entry 3, entry 5; not entry 4 (voided), not
/// entry 6 (reported after), not entry 7 (no code).
const EXPECTED_JSON: &str = r#"{
  "dataSet": "KH66",
  "orgUnit": "XA_ND",
  "dataValues": [
    {
      "dataElement": "DN_HOAT_DONG",
      "period": "2026S2",
      "orgUnit": "XA_ND",
      "value": "99",
      "storedBy": "Lan",
      "created": "2027-01-12",
      "lastUpdated": "2027-01-20",
      "comment": "Số chính thức",
      "followup": false
    },
    {
      "dataElement": "DN_HOAT_DONG",
      "period": "2027S1",
      "orgUnit": "XA_ND",
      "value": "104",
      "storedBy": "Hoa",
      "created": "2027-07-10",
      "lastUpdated": "2027-07-10",
      "followup": false
    },
    {
      "dataElement": "THU_NS",
      "period": "2027Q2",
      "orgUnit": "XA_ND",
      "value": "900",
      "storedBy": "Nam",
      "created": "2027-07-08",
      "lastUpdated": "2027-07-08",
      "followup": false
    },
    {
      "dataElement": "THU_NS",
      "period": "2027Q3",
      "orgUnit": "XA_ND",
      "value": "1234.5",
      "storedBy": "Nam",
      "created": "2027-10-05",
      "lastUpdated": "2027-10-05",
      "comment": "ước",
      "followup": false
    }
  ]
}
"#;

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
        r#"{
  "dataSet": "KH66",
  "period": "2027Q3",
  "orgUnit": "XA_ND",
  "dataValues": [
    {
      "dataElement": "THU_NS",
      "period": "2027Q3",
      "orgUnit": "XA_ND",
      "value": "1234.5",
      "storedBy": "Nam",
      "created": "2027-10-05",
      "lastUpdated": "2027-10-05",
      "comment": "ước",
      "followup": false
    }
  ]
}
"#
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
    assert_eq!(json, "{\n  \"dataSet\": \"KH66\",\n  \"orgUnit\": \"XA_ND\",\n  \"dataValues\": []\n}\n");
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
    refused(&env, &["export", "--format", "dhis2-json", "--period", "2027W3"], 1, &["2027W3", "2027Q3"]);
    refused(
        &env,
        &["export", "--format", "dhis2-json", "--as-of", "31/12/27"],
        1,
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
