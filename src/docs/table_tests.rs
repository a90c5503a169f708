use super::*;
use crate::docs::check::verify;
use crate::docs::layout::{Item, LaidOut, Margins};

fn columns() -> Vec<Column> {
    vec![
        Column::mm("STT", 12.0, Align::Center),
        Column::new("Họ và tên", 0.35, Align::Left),
        Column::new("Chức vụ, đơn vị", 0.45, Align::Left),
        Column::new("Số tiền", 0.20, Align::Right),
    ]
}

fn award_rows(n: usize) -> Vec<Row> {
    (1..=n)
        .map(|i| {
            Row::new(vec![
                i.to_string(),
                format!("Nguyễn Thị Ánh {i}"),
                if i % 7 == 0 {
                    "Phó Trưởng phòng Quản lý thương mại, phụ trách xúc tiến thương mại và hội chợ triển lãm".into()
                } else {
                    "Chuyên viên, Văn phòng Sở".into()
                },
                "702.000".into(),
            ])
        })
        .collect()
}

fn lay_out(table: &Table, filler: f32) -> LaidOut {
    let mut flow = Flow::new("t", Margins::default());
    flow.y += filler;
    table.place(&mut flow);
    flow.finish()
}

/// The page each text is on, for every text equal to `s`.
fn pages_of(doc: &LaidOut, s: &str) -> Vec<usize> {
    (0..doc.pages.len())
        .flat_map(|p| {
            doc.page_text(p)
                .into_iter()
                .filter(|t| *t == s)
                .map(move |_| p)
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn a_200_row_table_repeats_its_header_and_splits_no_row() {
    let table = Table::new(columns(), award_rows(200));
    // Start the table at several heights so the page breaks fall differently.
    for filler in [0.0, 250.0, 640.0, 680.0, 700.0] {
        let doc = lay_out(&table, filler);
        assert!(verify(&doc).is_empty(), "{:?}", verify(&doc));
        assert!(doc.pages.len() >= 5);
        // One header on every page, and at least one row under it (no orphan header).
        for p in 0..doc.pages.len() {
            let texts = doc.page_text(p);
            assert_eq!(
                texts.iter().filter(|t| **t == "Họ và tên").count(),
                1,
                "page {p}"
            );
            assert!(
                texts.iter().any(|t| t.starts_with("Nguyễn Thị Ánh")),
                "page {p}"
            );
        }
        // Every row's cells stand on one page.
        for i in 1..=200 {
            let name = pages_of(&doc, &format!("Nguyễn Thị Ánh {i}"));
            assert_eq!(name.len(), 1);
            assert!(
                pages_of(&doc, &i.to_string()).contains(&name[0]),
                "row {i} split"
            );
        }
        // The long job titles wrap inside their cell and stay together.
        let wrapped = doc
            .page_text(0)
            .iter()
            .filter(|t| t.starts_with("Phó Trưởng"))
            .count();
        assert!(wrapped >= 1 || filler > 600.0);
    }
}

#[test]
fn widths_mix_millimetres_and_shares() {
    let table = Table::new(columns(), vec![]);
    let w = table.widths(400.0);
    assert!((w[0] - 12.0 * MM).abs() < 0.01);
    assert!((w.iter().sum::<f32>() - 400.0).abs() < 0.01);
    assert!((w[2] / w[1] - 0.45 / 0.35).abs() < 0.01);
    // Fixed columns wider than the page shrink to fit.
    let wide = Table::new(
        vec![
            Column::mm("A", 300.0, Align::Left),
            Column::mm("B", 300.0, Align::Left),
        ],
        vec![],
    );
    assert!((wide.widths(400.0).iter().sum::<f32>() - 400.0).abs() < 0.01);
    let odd = Table::new(
        vec![
            Column::new("A", f32::NAN, Align::Left),
            Column::mm("B", -5.0, Align::Left),
        ],
        vec![],
    );
    assert!(odd.widths(400.0).iter().all(|w| w.is_finite() && *w > 0.0));
}

#[test]
fn totals_are_bold_and_groups_span_the_table() {
    let mut rows = vec![Row::group("I. Văn phòng Sở")];
    rows.extend(award_rows(3));
    rows.push(Row::total(vec![
        String::new(),
        "Tổng cộng".into(),
        String::new(),
        "2.106.000".into(),
    ]));
    let doc = lay_out(&Table::new(columns(), rows), 0.0);
    let face_of = |s: &str| {
        doc.pages[0].items.iter().find_map(|i| match i {
            Item::Text { face, text, .. } if text == s => Some(*face),
            _ => None,
        })
    };
    assert_eq!(face_of("Tổng cộng"), Some(Face::Bold));
    assert_eq!(face_of("2.106.000"), Some(Face::Bold));
    assert_eq!(face_of("I. Văn phòng Sở"), Some(Face::Bold));
    assert_eq!(face_of("702.000"), Some(Face::Regular));
    assert!(verify(&doc).is_empty(), "{:?}", verify(&doc));
}

#[test]
fn a_row_taller_than_a_page_is_cut_between_lines_and_stays_inside() {
    let long = "Thành tích xuất sắc trong phong trào thi đua. ".repeat(200);
    let mut rows = award_rows(2);
    rows.push(Row::new(vec![
        "3".into(),
        "Lê Văn Bình".into(),
        long,
        "1.000".into(),
    ]));
    rows.extend(award_rows(2));
    let doc = lay_out(&Table::new(columns(), rows), 0.0);
    assert!(doc.pages.len() >= 3);
    assert!(verify(&doc).is_empty(), "{:?}", verify(&doc));
    for p in 0..doc.pages.len() {
        assert_eq!(
            pages_of(&doc, "Họ và tên")
                .iter()
                .filter(|x| **x == p)
                .count(),
            1
        );
    }
}

#[test]
fn no_rows_no_columns_and_a_long_word_do_not_panic() {
    let doc = lay_out(&Table::new(columns(), vec![]), 0.0);
    assert_eq!(doc.pages.len(), 1);
    assert_eq!(pages_of(&doc, "Số tiền"), vec![0]);
    let doc = lay_out(&Table::new(vec![], award_rows(3)), 0.0);
    assert!(doc.page_text(0).is_empty());
    let mut rows = award_rows(1);
    rows[0].cells[1] = "X".repeat(500);
    rows[0].cells.truncate(2);
    let doc = lay_out(&Table::new(columns(), rows), 0.0);
    assert!(verify(&doc).is_empty(), "{:?}", verify(&doc));
}

#[test]
fn a_wide_table_goes_on_landscape_pages() {
    let cols: Vec<Column> = (1..=12)
        .map(|i| Column::new(&format!("Cột {i}"), 1.0, Align::Center))
        .collect();
    let rows = (0..60)
        .map(|r| Row::new((1..=12).map(|c| format!("{r}.{c}")).collect()))
        .collect();
    let mut flow = Flow::new("t", Margins::default());
    flow.set_landscape(true);
    Table::new(cols, rows).place(&mut flow);
    let doc = flow.finish();
    assert!(doc.pages.iter().all(|p| p.is_landscape()));
    assert!(doc.pages.len() >= 2);
    assert!(verify(&doc).is_empty(), "{:?}", verify(&doc));
}
