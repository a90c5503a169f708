//! Registration files: each unit's Excel workbook out and back in (good file, bad rows,
//! the same file twice), and the registration documents read back from their PDFs.

mod common;

use std::path::Path;

use chrono::NaiveDate;
use rust_xlsxwriter::Workbook;
use thidua::docs::check::verify;
use thidua::docs::registration_data::{RegistrationDoc, registration_document};
use thidua::docs::render_pdf;
use thidua::domain::model::{Gender, Person, PersonStatus, Subject, Unit, UnitKind};
use thidua::domain::registration::{Cluster, SubjectChoice, SubmissionStatus};
use thidua::exchange::registration_sheet::{
    RegistrationContext, RegistrationImport, SheetLine, read_unit_sheet, write_unit_sheet,
};
use thidua::store::Store;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

struct Fixture {
    store: Store,
    units: Vec<Unit>,
    people: Vec<Person>,
}

fn fixture() -> Fixture {
    let mut store = Store::open_in_memory().unwrap();
    store.set_organisation(&common::gia_lai()).unwrap();
    let mut unit_ids = Vec::new();
    for (i, name) in ["Phòng Quản lý công nghiệp", "Phòng Quản lý thương mại"]
        .iter()
        .enumerate()
    {
        unit_ids.push(
            store
                .save_unit(&Unit {
                    id: 0,
                    name: (*name).into(),
                    short_name: String::new(),
                    kind: UnitKind::Division,
                    sort_order: i as i64 + 1,
                    active: true,
                    dissolved_on: None,
                })
                .unwrap(),
        );
    }
    let staff = [
        ("Nguyễn Thị Lan", 0, "Trưởng phòng", 10),
        ("Trần Văn Bình", 0, "Chuyên viên", 50),
        ("Lê Minh Châu", 0, "Chuyên viên", 50),
        ("Võ Quốc Dũng", 1, "Trưởng phòng", 10),
        ("=Hoàng Thị Én", 1, "Chuyên viên", 50),
    ];
    for (name, unit, position, rank) in staff {
        store
            .save_person(&Person {
                id: 0,
                full_name: name.into(),
                gender: Gender::Female,
                birth_date: Some(d(1985, 5, 5)),
                unit_id: unit_ids[unit],
                position: position.into(),
                position_rank: rank,
                is_department_leader: false,
                recruited_on: Some(d(2012, 1, 1)),
                status: PersonStatus::Working,
                status_date: None,
                active: true,
            })
            .unwrap();
    }
    Fixture {
        units: store.units().unwrap(),
        people: store
            .people()
            .unwrap()
            .into_iter()
            .map(|r| r.person)
            .collect(),
        store,
    }
}

fn read(f: &Fixture, path: &Path) -> RegistrationImport {
    let catalogue = f.store.catalogue().unwrap();
    read_unit_sheet(
        path,
        &RegistrationContext {
            year: 2026,
            units: &f.units,
            people: &f.people,
            catalogue: &catalogue,
        },
    )
    .unwrap()
}

fn commit(f: &mut Fixture, import: &RegistrationImport, today: NaiveDate) -> usize {
    assert!(import.problems.is_empty(), "{:?}", import.problems);
    let choices: Vec<SubjectChoice> = import.choices.iter().map(|(_, c, _)| c.clone()).collect();
    f.store
        .import_unit_registrations(import.year, import.unit, &choices, today)
        .unwrap()
}

#[test]
fn a_filled_workbook_comes_back_in_and_twice_changes_nothing() {
    let mut f = fixture();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("đăng ký thi đua – QLCN.xlsx");
    let unit = f.units[0].clone();
    let lines: Vec<SheetLine> = f
        .people
        .iter()
        .filter(|p| p.unit_id == unit.id)
        .zip(["Chiến sĩ thi đua cơ sở", "Lao động tiên tiến", ""])
        .map(|(p, title)| SheetLine {
            person: p.clone(),
            title: title.into(),
            form: if title.is_empty() {
                String::new()
            } else {
                "Giấy khen của Giám đốc Sở (cá nhân)".into()
            },
        })
        .collect();
    let catalogue = f.store.catalogue().unwrap();
    write_unit_sheet(
        &path,
        2026,
        &unit,
        ("Tập thể lao động xuất sắc", ""),
        &lines,
        &catalogue,
    )
    .unwrap();

    let import = read(&f, &path);
    assert_eq!(import.unit, unit.id);
    assert_eq!(import.choices.len(), 4, "the unit and its three people");
    // 1 unit title + 2 titles + 2 forms + the status set to "sent".
    assert_eq!(commit(&mut f, &import, d(2026, 2, 20)), 6);
    let lan = Subject::Person(lines[0].person.id);
    assert!(f.store.is_registered(lan, 2026, "CSTDCS").unwrap());
    assert!(f.store.is_registered(lan, 2026, "GK_SO_CN").unwrap());
    assert!(
        f.store
            .is_registered(Subject::Unit(unit.id), 2026, "TTLDTT")
            .unwrap()
    );
    assert!(
        !f.store
            .is_registered(Subject::Person(lines[2].person.id), 2026, "LDTT")
            .unwrap()
    );
    let s = f
        .store
        .submissions(2026)
        .unwrap()
        .into_iter()
        .find(|s| s.unit_id == unit.id)
        .unwrap();
    assert_eq!(
        (s.status, s.sent_on),
        (SubmissionStatus::Sent, Some(d(2026, 2, 20)))
    );

    let again = read(&f, &path);
    assert_eq!(commit(&mut f, &again, d(2026, 2, 21)), 0);
    assert_eq!(f.store.registrations_of_year(2026).unwrap().len(), 5);
}

#[test]
fn names_that_look_like_formulas_stay_text() {
    let f = fixture();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tm.xlsx");
    let unit = f.units[1].clone();
    let lines: Vec<SheetLine> = f
        .people
        .iter()
        .filter(|p| p.unit_id == unit.id)
        .map(|p| SheetLine {
            person: p.clone(),
            title: "Lao động tiên tiến".into(),
            form: String::new(),
        })
        .collect();
    let catalogue = f.store.catalogue().unwrap();
    write_unit_sheet(&path, 2026, &unit, ("", ""), &lines, &catalogue).unwrap();
    let import = read(&f, &path);
    assert!(import.problems.is_empty(), "{:?}", import.problems);
    assert!(
        import
            .choices
            .iter()
            .any(|(_, _, line)| line.starts_with("=Hoàng Thị Én"))
    );
}

/// A unit's file typed by hand with faults on purpose.
fn write_bad_sheet(path: &Path, f: &Fixture) {
    let unit = &f.units[0];
    let p = |i: usize| f.people[i].id.to_string();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let rows: Vec<Vec<String>> = vec![
        vec!["BẢN ĐĂNG KÝ THI ĐUA NĂM 2026".into()],
        vec![
            "Đơn vị:".into(),
            String::new(),
            unit.name.clone(),
            String::new(),
            "Mã đơn vị:".into(),
            unit.id.to_string(),
        ],
        vec!["Năm:".into(), String::new(), "2026".into()],
        vec![
            "Danh hiệu tập thể:".into(),
            String::new(),
            "Tập thể lao động tiên tiến".into(),
        ],
        vec![],
        [
            "STT",
            "Mã cá nhân",
            "Họ và tên",
            "Chức vụ",
            "Đăng ký danh hiệu thi đua",
            "Đăng ký hình thức khen thưởng",
        ]
        .map(String::from)
        .to_vec(),
        vec![
            "1".into(),
            p(0),
            "Nguyễn Thị Lan".into(),
            String::new(),
            "Lao động tiên tiến".into(),
        ],
        vec![
            "2".into(),
            "999".into(),
            "Người Lạ".into(),
            String::new(),
            "Lao động tiên tiến".into(),
        ],
        vec![
            "3".into(),
            p(1),
            "Trần Văn Bình".into(),
            String::new(),
            "Xuất sắc lắm".into(),
        ],
        vec![
            "4".into(),
            p(2),
            "Lê Minh Châu".into(),
            String::new(),
            "Tập thể lao động tiên tiến".into(),
        ],
        vec![
            "5".into(),
            p(0),
            "Nguyễn Thị Lan".into(),
            String::new(),
            "Lao động tiên tiến".into(),
        ],
        vec![
            "6".into(),
            p(3),
            "Võ Quốc Dũng".into(),
            String::new(),
            "Lao động tiên tiến".into(),
        ],
        vec![
            "7".into(),
            p(2),
            "Lê Minh Châu".into(),
            String::new(),
            "Giấy khen của Giám đốc Sở (cá nhân)".into(),
        ],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            if !text.is_empty() {
                ws.write_string(r as u32, c as u16, text).unwrap();
            }
        }
    }
    wb.save(path).unwrap();
}

#[test]
fn every_bad_row_is_named_and_nothing_is_written() {
    let f = fixture();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sai.xlsx");
    write_bad_sheet(&path, &f);
    let import = read(&f, &path);
    let problem = |row: usize| -> String {
        import
            .problems
            .iter()
            .find(|(r, _)| *r == row)
            .map(|(_, m)| m.clone())
            .unwrap_or_else(|| panic!("no problem at row {row}: {:?}", import.problems))
    };
    assert!(problem(8).contains("không tìm thấy cá nhân «Người Lạ»"));
    assert!(problem(9).contains("«Xuất sắc lắm» không phải danh hiệu"));
    assert!(problem(10).contains("dành cho tập thể"));
    assert!(problem(11).contains("xuất hiện hai lần"));
    assert!(problem(12).contains("không thuộc Phòng Quản lý công nghiệp"));
    assert!(problem(13).contains("là hình thức khen thưởng"));
    assert_eq!(import.problems.len(), 6, "{:?}", import.problems);
    assert!(f.store.registrations_of_year(2026).unwrap().is_empty());
}

fn pdf_text(f: &Fixture, doc: RegistrationDoc) -> (usize, bool, String) {
    let (laid_out, _) = registration_document(&f.store, 2026, doc, d(2026, 3, 1)).unwrap();
    assert!(verify(&laid_out).is_empty(), "{:?}", verify(&laid_out));
    let pdf = render_pdf(&laid_out).unwrap();
    let text = pdf_extract::extract_text_from_mem(&pdf).unwrap();
    (
        laid_out.pages.len(),
        laid_out.pages[0].is_landscape(),
        text.split_whitespace().collect::<Vec<_>>().join(" "),
    )
}

fn registered(f: &mut Fixture) {
    let catalogue = f.store.catalogue().unwrap();
    let id = |code: &str| catalogue.iter().find(|e| e.code == code).unwrap().id;
    let mut choices: Vec<SubjectChoice> = f
        .people
        .iter()
        .map(|p| SubjectChoice {
            title: Some(id("LDTT")),
            ..SubjectChoice::new(Subject::Person(p.id))
        })
        .collect();
    choices[1].title = Some(id("CSTDCS"));
    choices.push(SubjectChoice {
        title: Some(id("TTLDTT")),
        ..SubjectChoice::new(Subject::Unit(f.units[0].id))
    });
    f.store
        .apply_choices(2026, &choices, d(2026, 2, 10))
        .unwrap();
}

#[test]
fn the_unit_form_reads_back_with_its_table_and_the_heads_signature() {
    let mut f = fixture();
    registered(&mut f);
    let (_, landscape, text) = pdf_text(&f, RegistrationDoc::UnitForm(f.units[0].id));
    assert!(!landscape);
    for expected in [
        "PHÒNG QUẢN LÝ CÔNG NGHIỆP",
        "BẢN ĐĂNG KÝ THI ĐUA NĂM 2026",
        "Danh hiệu thi đua: Tập thể lao động tiên tiến",
        "STT Họ và tên Chức vụ Đăng ký danh hiệu thi đua",
        "1 Nguyễn Thị Lan Trưởng phòng Lao động tiên tiến",
        "Trần Văn Bình Chuyên viên Chiến sĩ thi đua cơ sở",
        "Tổng số 3 người; đăng ký Lao động tiên tiến: 2, Chiến sĩ thi đua cơ sở: 1.",
        "TRƯỞNG PHÒNG",
    ] {
        assert!(text.contains(expected), "missing «{expected}» in {text}");
    }
    assert!(text.ends_with("Nguyễn Thị Lan") || text.contains("TRƯỞNG PHÒNG Nguyễn Thị Lan"));
}

#[test]
fn the_summary_is_landscape_grouped_by_unit_with_totals() {
    let mut f = fixture();
    registered(&mut f);
    let (_, landscape, text) = pdf_text(&f, RegistrationDoc::Summary);
    assert!(landscape);
    let first = text.find("I. Phòng Quản lý công nghiệp").unwrap();
    let second = text.find("II. Phòng Quản lý thương mại").unwrap();
    assert!(first < second);
    assert!(text.contains("Tổng cộng Lao động tiên tiến 4"), "{text}");
    assert!(text.contains("Tổng cộng Chiến sĩ thi đua cơ sở 1"));
    assert!(text.contains("Tổng cộng Tập thể lao động tiên tiến 1"));
}

#[test]
fn the_covenant_lists_members_commitments_and_signatures() {
    let mut f = fixture();
    let id = f
        .store
        .save_cluster(&Cluster {
            id: 0,
            year: 2026,
            name: "Cụm thi đua các phòng quản lý".into(),
            members: f.units.iter().map(|u| u.id).collect(),
            covenant_date: Some(d(2026, 3, 5)),
            covenant_content:
                "Hoàn thành 100% nhiệm vụ được giao\nKhông có cá nhân vi phạm kỷ luật".into(),
        })
        .unwrap();
    let (_, _, text) = pdf_text(&f, RegistrationDoc::Covenant(id));
    for expected in [
        "Gia Lai, ngày 05 tháng 3 năm 2026",
        "GIAO ƯỚC THI ĐUA NĂM 2026",
        "Cụm thi đua các phòng quản lý",
        "- Phòng Quản lý công nghiệp",
        "1. Hoàn thành 100% nhiệm vụ được giao",
        "2. Không có cá nhân vi phạm kỷ luật",
        "Nguyễn Thị Lan",
        "Võ Quốc Dũng",
    ] {
        assert!(text.contains(expected), "missing «{expected}» in {text}");
    }
}

#[test]
fn the_command_line_prints_each_registration_document() {
    let mut f = fixture();
    registered(&mut f);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("thi đua.sqlite");
    f.store
        .connection()
        .execute("VACUUM INTO ?1", [db.to_str().unwrap()])
        .unwrap();
    let unit = f.units[0].id.to_string();
    for (extra, name) in [
        (vec![], "tong hop.pdf"),
        (vec!["--unit", unit.as_str()], "đơn vị.pdf"),
    ] {
        let out = dir.path().join(name);
        let mut args = vec![
            "--db",
            db.to_str().unwrap(),
            "print",
            "registration",
            "2026",
        ];
        args.extend(extra);
        args.extend(["--out", out.to_str().unwrap()]);
        let run = std::process::Command::new(env!("CARGO_BIN_EXE_thidua"))
            .args(&args)
            .output()
            .unwrap();
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        assert!(String::from_utf8_lossy(&run.stdout).contains("Đã in đăng ký thi đua năm 2026"));
        assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF"));
    }
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_thidua"))
        .args([
            "--db",
            db.to_str().unwrap(),
            "print",
            "registration",
            "2026",
            "--unit",
            "999",
            "--out",
        ])
        .arg(dir.path().join("x.pdf"))
        .output()
        .unwrap();
    assert!(!run.status.success());
    assert!(String::from_utf8_lossy(&run.stderr).contains("Không tìm thấy đơn vị số 999"));
}

#[test]
fn a_person_with_two_forms_keeps_both_through_the_workbook() {
    let f = fixture();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hai-hinh-thuc.xlsx");
    let unit = f.units[1].clone();
    let catalogue = f.store.catalogue().unwrap();
    let forms: Vec<&thidua::domain::model::CatalogueEntry> = catalogue
        .iter()
        .filter(|e| {
            e.active
                && e.kind == thidua::domain::model::AwardKind::Commendation
                && e.subject_kind == thidua::domain::model::SubjectKind::Individual
        })
        .take(2)
        .collect();
    assert_eq!(forms.len(), 2);
    let lines: Vec<SheetLine> = f
        .people
        .iter()
        .filter(|p| p.unit_id == unit.id)
        .map(|p| SheetLine {
            person: p.clone(),
            title: String::new(),
            form: format!("{}; {}", forms[0].name, forms[1].name),
        })
        .collect();
    write_unit_sheet(&path, 2026, &unit, ("", ""), &lines, &catalogue).unwrap();
    let import = read(&f, &path);
    assert!(import.problems.is_empty(), "{:?}", import.problems);
    let person = import
        .choices
        .iter()
        .find(|(_, c, _)| matches!(c.subject, thidua::domain::model::Subject::Person(_)))
        .expect("a person's line");
    assert_eq!(
        person.1.forms,
        [forms[0].id, forms[1].id].into_iter().collect()
    );
}
