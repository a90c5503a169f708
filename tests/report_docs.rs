//! The period reports read back as the clerk would check them: the tally PDF and .xlsx on
//! a known history, the results against the plan's targets, and a subject's history.

mod common;

use calamine::{Data, Reader, open_workbook_auto};
use chrono::NaiveDate;
use thidua::docs::check::{verify, verify_pdf};
use thidua::docs::render_pdf;
use thidua::docs::report_data::{history_document, results_document, tally_document};
use thidua::domain::model::*;
use thidua::store::Store;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 1, 8).unwrap()
}

fn unit(name: &str, order: i64) -> Unit {
    Unit {
        id: 0,
        name: name.into(),
        short_name: String::new(),
        kind: UnitKind::Division,
        sort_order: order,
        active: true,
        dissolved_on: None,
    }
}

fn person(name: &str, unit_id: UnitId) -> Person {
    Person {
        id: 0,
        full_name: name.into(),
        gender: Gender::Female,
        birth_date: NaiveDate::from_ymd_opt(1985, 3, 12),
        unit_id,
        position: "Chuyên viên".into(),
        position_rank: 50,
        is_department_leader: false,
        recruited_on: None,
        status: PersonStatus::Working,
        status_date: None,
        active: true,
    }
}

/// Two units of 3 people; 2022–2026: the province's Bằng khen to 2 units and 3 people,
/// LĐTT to 5 people in 2026, a clerk-added form whose name starts with "=".
fn store() -> (Store, Vec<PersonId>, UnitId) {
    let mut s = Store::open_in_memory().unwrap();
    s.set_organisation(&common::gia_lai()).unwrap();
    let u1 = s.save_unit(&unit("Văn phòng Sở", 1)).unwrap();
    let u2 = s.save_unit(&unit("Phòng Quản lý thương mại", 2)).unwrap();
    let mut people: Vec<PersonId> = Vec::new();
    for (i, n) in [
        "Nguyễn Thị Ánh",
        "Trần Văn Bình",
        "Lê Thị Cúc",
        "Phạm Văn Dũng",
        "Hoàng Thị Én",
        "Võ Văn Phúc",
    ]
    .iter()
    .enumerate()
    {
        let u = if i < 3 { u1 } else { u2 };
        people.push(s.save_person(&person(n, u)).unwrap());
    }
    let mut odd = builtin_catalogue()[9].clone();
    odd.code = "GK_LA".into();
    odd.name = "=Giấy khen chuyên đề (tập thể)".into();
    odd.builtin = false;
    odd.sort_order = 500;
    s.save_catalogue_entry(&odd).unwrap();
    let cat = s.catalogue().unwrap();
    let id = |code: &str| cat.iter().find(|c| c.code == code).unwrap().id;
    let mut award = |subject, year, code: &str| {
        s.save_award(&AwardRecord {
            id: 0,
            subject,
            year,
            catalogue_id: id(code),
            decision_number: format!("{}/QĐ-UBND", 100 + year),
            decision_date: NaiveDate::from_ymd_opt(year + 1, 3, 18),
            issuer: "Chủ tịch UBND tỉnh".into(),
            note: String::new(),
            cancelled_by: None,
        })
        .unwrap();
    };
    award(Subject::Unit(u1), 2023, "BK_TINH_TT");
    award(Subject::Unit(u2), 2025, "BK_TINH_TT");
    for (i, p) in people.iter().take(3).enumerate() {
        award(Subject::Person(*p), 2022 + i as i32, "BK_TINH_CN");
    }
    for p in people.iter().take(5) {
        award(Subject::Person(*p), 2026, "LDTT");
    }
    award(Subject::Unit(u1), 2026, "GK_LA");
    award(Subject::Person(people[0]), 2021, "CSTDCS");
    (s, people, u1)
}

fn text_of(doc: &thidua::docs::LaidOut) -> String {
    assert!(verify(doc).is_empty(), "{:?}", verify(doc));
    let pdf = render_pdf(doc).unwrap();
    assert!(verify_pdf(&pdf).is_empty());
    let text = pdf_extract::extract_text_from_mem(&pdf).expect("the PDF reads back");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_tally_report_reads_back_with_its_counts() {
    let (s, _, _) = store();
    let (doc, stem) = tally_document(&s, 2026, 2022, today()).unwrap();
    assert_eq!(stem, "tong-hop-khen-thuong-2022-2026");
    let text = text_of(&doc);
    for expected in [
        "UBND TỈNH GIA LAI",
        "Số: /BC-SCT",
        "Gia Lai, ngày 08 tháng 01 năm 2027",
        "BÁO CÁO",
        "Tổng hợp kết quả khen thưởng giai đoạn 2022–2026",
        "Lao động tiên tiến: 05 cá nhân; Bằng khen của Chủ tịch UBND tỉnh: 02 tập thể và 03 cá nhân; =Giấy khen chuyên đề: 01 tập thể.",
        "STT Danh hiệu, hình thức Tập thể Cá nhân",
        "Tổng cộng 03 08",
        "2. Số lượt khen thưởng theo năm và theo cấp",
        "Cấp Sở",
        "2026 06 – – – 06",
        "GIÁM ĐỐC",
        "Nguyễn Văn Hùng",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    // 2021's CSTĐCS is outside the period.
    assert!(!text.contains("Chiến sĩ thi đua cơ sở"), "{text}");
}

#[test]
fn the_tally_as_xlsx_keeps_counts_as_numbers_and_names_as_text() {
    let (s, _, _) = store();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("tổng hợp.xlsx");
    let report = s.period_report(2022, 2026).unwrap();
    thidua::exchange::report_sheet::export_tally(&out, &report).unwrap();
    let mut wb = open_workbook_auto(&out).unwrap();
    let range = wb.worksheet_range("Tổng hợp khen thưởng").unwrap();
    let row = |r: usize| -> Vec<Data> { range.rows().nth(r).unwrap().to_vec() };
    assert_eq!(row(3)[1], Data::String("Danh hiệu, hình thức".into()));
    assert_eq!(
        row(5)[1],
        Data::String("Bằng khen của Chủ tịch UBND tỉnh".into())
    );
    assert_eq!(row(5)[2], Data::Float(2.0));
    assert_eq!(row(5)[3], Data::Float(3.0));
    // The formula-like name is text, not a formula.
    assert_eq!(row(6)[1], Data::String("=Giấy khen chuyên đề".into()));
    let formulas = wb.worksheet_formula("Tổng hợp khen thưởng").unwrap();
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()));
    assert_eq!(row(7)[2], Data::Float(3.0));
    assert_eq!(row(7)[3], Data::Float(8.0));
    let levels = wb.worksheet_range("Theo năm và cấp").unwrap();
    let y2026: Vec<Data> = levels.rows().nth(5).unwrap().to_vec();
    assert_eq!(y2026[0], Data::Float(2026.0));
    assert_eq!(
        y2026[1],
        Data::Float(6.0),
        "LĐTT and the Giấy khen are cấp Sở"
    );
}

#[test]
fn results_against_the_plan_and_a_missing_plan_is_named() {
    let (mut s, _, _) = store();
    let err = results_document(&s, 2026, today()).unwrap_err().to_string();
    assert!(err.contains("kế hoạch thi đua năm 2026"), "{err}");
    let plan = thidua::domain::plan::demo_plan(2026, "Trần Thị Mai");
    s.save_plan_draft(2026, 0, None, &serde_json::to_string(&plan).unwrap())
        .unwrap();
    let (doc, _) = results_document(&s, 2026, today()).unwrap();
    let text = text_of(&doc);
    for expected in [
        "Kết quả thực hiện chỉ tiêu thi đua năm 2026",
        "Toàn Sở",
        "Lao động tiên tiến 90% 5/6 83,3% Chưa đạt",
        "I. Văn phòng Sở",
        "Lao động tiên tiến 90% 3/3 100,0% Đạt",
        "II. Phòng Quản lý thương mại",
        "Lao động tiên tiến 90% 2/3 66,7% Chưa đạt",
        "Chỉ tiêu chưa đạt: Lao động tiên tiến",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
}

#[test]
fn a_persons_history_prints_every_record_with_its_decision() {
    let (s, people, u1) = store();
    let (doc, stem) = history_document(&s, Subject::Person(people[0]), today()).unwrap();
    assert_eq!(stem, "qua-trinh-khen-thuong-nguyen-thi-anh");
    let text = text_of(&doc);
    for expected in [
        "QUÁ TRÌNH KHEN THƯỞNG",
        "Nguyễn Thị Ánh",
        "Đơn vị: Văn phòng Sở",
        "2021 Chiến sĩ thi đua cơ sở",
        "Quyết định số 2122/QĐ-UBND ngày 18/03/2023 của Chủ tịch UBND tỉnh",
        "Tóm tắt: Lao động tiên tiến 2026; Chiến sĩ thi đua cơ sở 2021; Bằng khen của Chủ tịch UBND tỉnh (cá nhân) 2022",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    let (unit_doc, _) = history_document(&s, Subject::Unit(u1), today()).unwrap();
    assert!(text_of(&unit_doc).contains("Tập thể Văn phòng Sở"));
}
