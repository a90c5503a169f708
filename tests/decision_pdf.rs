//! A decision with a 300-row list read back from its PDF: the decision's articles and
//! total in words, the list's header on every page, totals per group and overall.

use chrono::NaiveDate;
use thidua::docs::check::verify;
use thidua::docs::decision_data::{decision_document, find};
use thidua::docs::render_pdf;
use thidua::domain::decision::{Decision, DecisionEntry, ListOrder};
use thidua::domain::model::{Gender, Person, PersonStatus, Subject, Unit, UnitKind};
use thidua::domain::money::amount_in_words;
use thidua::domain::settings::Organisation;
use thidua::domain::text::group_thousands;
use thidua::store::Store;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn issued(order: ListOrder) -> (Store, Decision) {
    let mut s = Store::open_in_memory().unwrap();
    s.set_organisation(&Organisation {
        parent_body: "UBND TỈNH GIA LAI".into(),
        body: "SỞ CÔNG THƯƠNG".into(),
        abbreviation: "SCT".into(),
        place: "Gia Lai".into(),
        director: "Nguyễn Văn Hùng".into(),
        deputies: vec![],
    })
    .unwrap();
    let units: Vec<i64> = (1..=3)
        .map(|i| {
            s.save_unit(&Unit {
                id: 0,
                name: format!("Phòng số {i}"),
                short_name: String::new(),
                kind: UnitKind::Division,
                sort_order: i,
                active: true,
                dissolved_on: None,
            })
            .unwrap()
        })
        .collect();
    let family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng"];
    let given = [
        "Anh", "Ánh", "Bình", "Châu", "Dũng", "Đức", "Hà", "Hằng", "Lan", "Vũ",
    ];
    let mut people = Vec::new();
    for i in 0..300 {
        let name = format!(
            "{} Văn {} {}",
            family[i % 5],
            ["Minh", "Thu", "Hải"][i % 3],
            given[i % 10]
        );
        people.push(
            s.save_person(&Person {
                id: 0,
                full_name: name,
                gender: Gender::Male,
                birth_date: None,
                unit_id: units[i % 3],
                position: "Chuyên viên".into(),
                position_rank: 50,
                is_department_leader: false,
                recruited_on: None,
                status: PersonStatus::Working,
                status_date: None,
                active: true,
            })
            .unwrap(),
        );
    }
    let cat = s.catalogue().unwrap();
    let id = |c: &str| cat.iter().find(|e| e.code == c).unwrap().id;
    let mut dec = Decision::draft(
        2026,
        "Về việc công nhận danh hiệu thi đua năm 2026",
        "Nguyễn Văn Hùng",
    );
    dec.order = order;
    // 300 LĐTT and 10 CSTĐCS, different people: one subject stands in one group.
    for i in 300..310 {
        people.push(
            s.save_person(&Person {
                id: 0,
                full_name: format!("Võ Thị {}", given[i % 10]),
                gender: Gender::Female,
                birth_date: None,
                unit_id: units[i % 3],
                position: "Chuyên viên chính".into(),
                position_rank: 40,
                is_department_leader: false,
                recruited_on: None,
                status: PersonStatus::Working,
                status_date: None,
                active: true,
            })
            .unwrap(),
        );
    }
    dec.entries = people[..300]
        .iter()
        .map(|p| DecisionEntry {
            subject: Subject::Person(*p),
            catalogue_id: id("LDTT"),
            amount: Some(702_000),
            nomination: None,
        })
        .chain(people[300..].iter().map(|p| DecisionEntry {
            subject: Subject::Person(*p),
            catalogue_id: id("CSTDCS"),
            amount: Some(2_340_000),
            nomination: None,
        }))
        .collect();
    let decision = s.save_decision_draft(&dec).unwrap();
    s.issue_decision(decision, Some(12), d(2027, 1, 12), "SCT")
        .unwrap();
    let dec = s.decision(decision).unwrap();
    (s, dec)
}

#[test]
fn a_300_row_list_keeps_its_header_and_totals() {
    let (s, dec) = issued(ListOrder::ByUnit);
    let (doc, stem) = decision_document(&s, &dec).unwrap();
    assert!(stem.starts_with("QD-12-2027-"), "{stem}");
    assert!(verify(&doc).is_empty(), "{:?}", verify(&doc));
    let list_pages: Vec<usize> = (0..doc.pages.len())
        .filter(|p| {
            doc.page_text(*p)
                .iter()
                .any(|t| t.contains("Chức vụ, đơn vị"))
        })
        .collect();
    assert!(
        list_pages.len() >= 6,
        "the list runs over several pages: {list_pages:?}"
    );
    let first_list = list_pages[0];
    assert_eq!(
        list_pages,
        (first_list..doc.pages.len()).collect::<Vec<_>>(),
        "the header on every list page"
    );
    let total = 300 * 702_000 + 10 * 2_340_000;
    let text = pdf_extract::extract_text_from_mem(&render_pdf(&doc).unwrap()).unwrap();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Số: 12/QĐ-SCT".to_owned(),
        "Gia Lai, ngày 12 tháng 01 năm 2027".to_owned(),
        "Về việc công nhận danh hiệu thi đua năm 2026".to_owned(),
        "Điều 1. Tặng Lao động tiên tiến, Chiến sĩ thi đua cơ sở năm 2026 cho 310 cá nhân (có danh sách kèm theo).".to_owned(),
        format!("Tổng số tiền: {} đồng (Bằng chữ: {})", group_thousands(total), amount_in_words(total)),
        "(Kèm theo Quyết định số 12/QĐ-SCT ngày 12 tháng 01 năm 2027 của Giám đốc Sở Công Thương)".to_owned(),
        format!("Cộng (300 cá nhân) {}", group_thousands(300 * 702_000)),
        format!("Cộng (10 cá nhân) {}", group_thousands(10 * 2_340_000)),
        format!("TỔNG CỘNG {}", group_thousands(total)),
    ] {
        assert!(text.contains(&expected), "missing «{expected}»");
    }
    assert_eq!(amount_in_words(total), "Hai trăm ba mươi bốn triệu đồng");
}

#[test]
fn both_orders_and_the_command_line() {
    let (s, dec) = issued(ListOrder::ByName);
    let (doc, _) = decision_document(&s, &dec).unwrap();
    let lines = doc.text_lines().join("\n");
    // The first group (LĐTT), by name: every "Anh" (first in name order) before any "Bình".
    let start = lines.find("I. Lao động tiên tiến").unwrap();
    let end = lines.find("II. Chiến sĩ thi đua cơ sở").unwrap();
    let group = &lines[start..end];
    let first_binh = group.find(" Bình").unwrap();
    let last_anh = group.rfind(" Anh").unwrap();
    assert!(last_anh < first_binh, "name order");
    let (by_unit, _) =
        decision_document(&issued(ListOrder::ByUnit).0, &issued(ListOrder::ByUnit).1).unwrap();
    let by_unit = by_unit.text_lines().join("\n");
    let group = &by_unit[by_unit.find("I. Lao động tiên tiến").unwrap()..];
    assert!(
        group.find(" Bình").unwrap() < group.rfind(" Anh").unwrap(),
        "by unit, names mix"
    );
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("thi đua.sqlite");
    s.connection()
        .execute("VACUUM INTO ?1", [db.to_str().unwrap()])
        .unwrap();
    let out = dir.path().join("qđ.pdf");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_thidua"))
        .args([
            "--db",
            db.to_str().unwrap(),
            "print",
            "decision",
            "12/2027",
            "--out",
            out.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF"));
    assert!(find(&s, "13/2027").is_err());
}

#[test]
fn certificates_one_per_subject_fields_on_the_blank_and_long_names_shrink() {
    use thidua::docs::certificate::{BlankLayout, fitted_size};
    use thidua::docs::decision_data::certificates;
    use thidua::docs::{Face, Item, MM};
    let (s, dec) = issued(ListOrder::ByUnit);
    let (plain, _) = certificates(&s, &dec, false).unwrap();
    assert_eq!(plain.pages.len(), 310);
    assert!(
        verify(&plain).is_empty(),
        "{:?}",
        verify(&plain)[..3.min(verify(&plain).len())].to_vec()
    );
    let first = plain.page_text(0).join(" ");
    assert!(
        first.contains("GIẤY KHEN") && first.contains("Quyết định số 12/QĐ-SCT ngày 12/01/2027"),
        "{first}"
    );
    let (blank, _) = certificates(&s, &dec, true).unwrap();
    let layout = BlankLayout::default();
    // On a blank only the fields are printed, the name centred where the layout says.
    assert!(!blank.page_text(0).join(" ").contains("GIẤY KHEN"));
    let name = blank.pages[0]
        .items
        .iter()
        .find_map(|i| match i {
            Item::Text {
                x,
                face: Face::Bold,
                size,
                text,
                ..
            } if !text.starts_with("Nguyễn Văn Hùng") => Some((*x, *size, text.clone())),
            _ => None,
        })
        .unwrap();
    let centre = name.0 + thidua::docs::fonts::width(Face::Bold, name.1, &name.2) / 2.0;
    assert!((centre - layout.name.x_mm * MM).abs() < 1.0, "{centre}");
    let long = "Tôn Nữ Hoàng Thị Minh Nguyệt Phương Thảo Quỳnh Anh Ngọc Diệp Bảo Châu";
    let size = fitted_size(Face::Bold, 26.0, long, layout.name.width_mm * MM);
    assert!(
        size < 26.0
            && thidua::docs::fonts::width(Face::Bold, size, long) <= layout.name.width_mm * MM
    );
    assert_eq!(
        fitted_size(Face::Bold, 26.0, "Lê Văn An", layout.name.width_mm * MM),
        26.0
    );
}

#[test]
fn the_list_exports_to_excel_with_text_kept_as_text() {
    use calamine::{Data, Reader, open_workbook_auto};
    let (mut s, dec) = issued(ListOrder::ByUnit);
    // A name that Excel would take for a formula.
    let first = match dec.entries[0].subject {
        Subject::Person(id) => id,
        Subject::Unit(_) => unreachable!(),
    };
    let mut p = s.person(first).unwrap();
    p.full_name = "=Nguyễn Văn An".into();
    s.save_person(&p).unwrap();
    let paper = thidua::docs::decision_data::paper(&s, &dec).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("danh sách.xlsx");
    thidua::exchange::decision_list::export_decision_list(&path, &paper).unwrap();
    let mut book = open_workbook_auto(&path).unwrap();
    let range = book.worksheet_range("Danh sách").unwrap();
    let rows: Vec<_> = range.rows().collect();
    let names: Vec<String> = rows
        .iter()
        .filter_map(|r| match &r[1] {
            Data::String(s) => Some(s.clone()),
            _ => None,
        })
        .collect();
    assert!(
        names.iter().any(|n| n == "=Nguyễn Văn An"),
        "the formula-like name is text"
    );
    let last = rows.last().unwrap();
    assert_eq!(last[1], Data::String("Tổng cộng".into()));
    assert_eq!(
        last[4],
        Data::Float((300 * 702_000 + 10 * 2_340_000) as f64)
    );
    let numbered = rows
        .iter()
        .filter(|r| matches!(r[0], Data::Float(_)))
        .count();
    assert_eq!(numbered, 310);
}

/// Giấy khen, which carry no money, for the three units and 300 of the people.
fn without_money() -> (Store, Decision) {
    let (mut s, money) = issued(ListOrder::ByUnit);
    let cat = s.catalogue().unwrap();
    let id = |c: &str| cat.iter().find(|e| e.code == c).unwrap().id;
    let mut dec = Decision::draft(
        2026,
        "Về việc tặng Giấy khen của Giám đốc Sở Công Thương năm 2026",
        "Nguyễn Văn Hùng",
    );
    dec.entries = s
        .units()
        .unwrap()
        .iter()
        .map(|u| DecisionEntry {
            subject: Subject::Unit(u.id),
            catalogue_id: id("GK_SO_TT"),
            amount: None,
            nomination: None,
        })
        .chain(money.entries.iter().take(300).map(|e| DecisionEntry {
            catalogue_id: id("GK_SO_CN"),
            amount: None,
            ..e.clone()
        }))
        .collect();
    let decision = s.save_decision_draft(&dec).unwrap();
    s.issue_decision(decision, Some(13), d(2027, 1, 12), "SCT")
        .unwrap();
    let dec = s.decision(decision).unwrap();
    (s, dec)
}

#[test]
fn a_list_without_money_counts_each_group_and_the_whole() {
    let (s, dec) = without_money();
    let (doc, _) = decision_document(&s, &dec).unwrap();
    assert!(verify(&doc).is_empty(), "{:?}", verify(&doc));
    let pdf = render_pdf(&doc).unwrap();
    if let Ok(dir) = std::env::var("THIDUA_KEEP_PDF") {
        std::fs::write(
            std::path::Path::new(&dir).join("danh-sach-khong-tien.pdf"),
            &pdf,
        )
        .unwrap();
    }
    let text = pdf_extract::extract_text_from_mem(&pdf).unwrap();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Điều 1. Tặng Giấy khen của Giám đốc Sở năm 2026 cho 03 tập thể và 300 cá nhân (có danh sách kèm theo).",
        "I. Giấy khen của Giám đốc Sở (cá nhân)",
        "II. Giấy khen của Giám đốc Sở (tập thể)",
        "Điều 2. Quyết định có hiệu lực kể từ ngày ký.",
        "Cộng (3 tập thể)",
        "Cộng (300 cá nhân)",
        "TỔNG CỘNG (3 tập thể, 300 cá nhân)",
    ] {
        assert!(text.contains(expected), "missing «{expected}»");
    }
    for absent in ["Số tiền", "Bằng chữ", "tiền thưởng"] {
        assert!(!text.contains(absent), "«{absent}» in a list without money");
    }
    // Each count closes its group: the next line opens a group or is the overall count.
    let lines = doc.text_lines();
    let counts: Vec<usize> = (0..lines.len())
        .filter(|k| lines[*k].starts_with("Cộng ("))
        .collect();
    assert_eq!(counts.len(), 2, "one per group");
    for k in counts {
        let next = lines[k + 1].as_str();
        assert!(
            next.starts_with("II. ") || next.starts_with("TỔNG CỘNG ("),
            "«{}» is followed by «{next}»",
            lines[k]
        );
    }
}
