//! Documents read back as a clerk would check them: the header blocks, the number, the
//! date line, section order, the signature; a 200-row table repeats its header on every
//! page and splits no row; everything stays inside the margins; fonts are embedded.

use chrono::NaiveDate;
use thidua::docs::blocks::{self, Signature};
use thidua::docs::check::{fonts_embedded, verify};
use thidua::docs::layout::{Flow, Item, Margins};
use thidua::docs::plan::plan_document;
use thidua::docs::table::{Column, Row, Table};
use thidua::docs::{Align, render};
use thidua::domain::plan::demo_plan;
use thidua::domain::settings::Organisation;

fn org() -> Organisation {
    Organisation {
        parent_body: "UBND TỈNH GIA LAI".into(),
        body: "SỞ CÔNG THƯƠNG".into(),
        abbreviation: "SCT".into(),
        place: "Gia Lai".into(),
        director: "Nguyễn Văn Hùng".into(),
        deputies: vec!["Trần Thị Mai".into()],
    }
}

fn text_of(pdf: &[u8]) -> String {
    pdf_extract::extract_text_from_mem(pdf).expect("the PDF reads back")
}

#[test]
fn the_plan_reads_back_with_its_blocks_in_order() {
    let mut plan = demo_plan(2027, "Trần Thị Mai");
    plan.number = Some(12);
    plan.issued_on = NaiveDate::from_ymd_opt(2027, 1, 5);
    let doc = plan_document(&plan, &org());
    assert!(verify(&doc).is_empty(), "{:?}", verify(&doc));
    let pdf = render(&doc, &mut |_, _| {}).unwrap();
    assert!(fonts_embedded(&pdf));
    let text = text_of(&pdf);
    let squashed: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "UBND TỈNH GIA LAI",
        "SỞ CÔNG THƯƠNG",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 12/KH-SCT",
        "Gia Lai, ngày 05 tháng 01 năm 2027",
        "KẾ HOẠCH",
        "Phát động phong trào thi đua năm 2027",
        "Nơi nhận:",
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "Trần Thị Mai",
        "90% công chức, viên chức, người lao động đạt danh hiệu Lao động tiên tiến",
    ] {
        assert!(
            squashed.contains(expected),
            "missing {expected:?} in:\n{squashed}"
        );
    }
    let pos = |s: &str| squashed.find(s).unwrap_or_else(|| panic!("{s} missing"));
    assert!(pos("I. MỤC ĐÍCH, YÊU CẦU") < pos("II. NỘI DUNG THI ĐUA"));
    assert!(pos("II. NỘI DUNG THI ĐUA") < pos("III. TỔ CHỨC THỰC HIỆN"));
    assert!(pos("III. TỔ CHỨC THỰC HIỆN") < pos("Nơi nhận:"));
}

#[test]
fn decomposed_input_prints_composed() {
    let mut plan = demo_plan(2027, "Tra\u{302}\u{300}n Thi\u{323} Mai");
    plan.theme = "Thi đua \u{0111}o\u{302}\u{309}i mo\u{31B}\u{301}i".into();
    let pdf = render(&plan_document(&plan, &org()), &mut |_, _| {}).unwrap();
    let text = text_of(&pdf);
    assert!(text.contains("Trần Thị Mai"));
    assert!(text.contains("đổi mới"));
    assert!(!text.contains('\u{302}'));
}

#[test]
fn a_200_row_table_repeats_its_header_on_every_page_and_splits_no_row() {
    let mut flow = Flow::new("Danh sách", Margins::default());
    blocks::header(
        &mut flow,
        &org(),
        "3/QĐ-SCT",
        "Gia Lai, ngày 12 tháng 01 năm 2027",
    );
    blocks::list_heading(
        &mut flow,
        None,
        "Danh sách cá nhân đạt danh hiệu Lao động tiên tiến năm 2026",
        "Kèm theo Quyết định số 3/QĐ-SCT ngày 12 tháng 01 năm 2027 của Giám đốc Sở Công Thương",
    );
    let rows = (1..=200)
        .map(|i| {
            Row::new(vec![
                i.to_string(),
                format!("Lê Văn An {i}"),
                if i % 7 == 0 {
                    "Phó Trưởng phòng Quản lý thương mại, phụ trách xúc tiến thương mại và hội chợ"
                        .into()
                } else {
                    "Chuyên viên, Văn phòng".into()
                },
                "702.000".into(),
            ])
        })
        .collect();
    let table = Table {
        columns: vec![
            Column::new("STT", 0.08, Align::Center),
            Column::new("Họ và tên", 0.32, Align::Left),
            Column::new("Chức vụ, đơn vị", 0.42, Align::Left),
            Column::new("Số tiền", 0.18, Align::Right),
        ],
        rows,
        size: 13.0,
    };
    table.place(&mut flow);
    blocks::closing(
        &mut flow,
        &["Như Điều 3".into(), "Lưu: VT, VP".into()],
        &Signature::director("Nguyễn Văn Hùng"),
    );
    let doc = flow.finish();
    assert!(verify(&doc).is_empty(), "{:?}", verify(&doc));
    assert!(doc.pages.len() >= 5);
    let mut table_pages = 0;
    for (n, _) in doc.pages.iter().enumerate() {
        let texts = doc.page_text(n);
        let is_table_page = texts.iter().any(|t| t.starts_with("Lê Văn An"));
        if is_table_page {
            table_pages += 1;
            assert_eq!(
                texts.iter().filter(|t| **t == "Họ và tên").count(),
                1,
                "page {} lacks its header",
                n + 1
            );
        }
    }
    // Every row's number and name stand on the same page (no row is split).
    for i in 1..=200 {
        let name = format!("Lê Văn An {i}");
        let page = doc
            .pages
            .iter()
            .position(|p| {
                p.items
                    .iter()
                    .any(|it| matches!(it, Item::Text { text, .. } if *text == name))
            })
            .unwrap();
        assert!(
            doc.page_text(page).contains(&i.to_string().as_str()),
            "row {i} split"
        );
    }
    let pdf = render(&doc, &mut |_, _| {}).unwrap();
    let text = text_of(&pdf);
    assert!(table_pages >= 4);
    assert_eq!(
        text.matches("Họ và tên").count(),
        table_pages,
        "one header per table page in the PDF"
    );
    assert!(text.contains("Lê Văn An 200"));
}

#[test]
fn the_checker_catches_text_outside_the_margins() {
    let mut flow = Flow::new("t", Margins::default());
    flow.text(
        5.0,
        100.0,
        thidua::docs::fonts::Face::Regular,
        13.0,
        "Tràn lề",
    );
    let doc = flow.finish();
    let problems = verify(&doc);
    assert!(
        problems.iter().any(|p| p.contains("tràn lề")),
        "{problems:?}"
    );
}
