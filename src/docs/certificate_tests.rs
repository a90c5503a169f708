use super::*;
use crate::docs::{Item, MM};

fn sample() -> CertificateText {
    CertificateText {
        name: "Nguyễn Thị Thanh Hương".into(),
        unit: "Chuyên viên, Phòng Quản lý công nghiệp".into(),
        achievement: "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2026".into(),
        decision: "Quyết định số 12/QĐ-SCT ngày 12/01/2027".into(),
        date_line: "Gia Lai, ngày 12 tháng 01 năm 2027".into(),
        signer_title: "GIÁM ĐỐC".into(),
        signer_name: "Nguyễn Văn Hùng".into(),
    }
}

/// Where the text `starting` is centred and its baseline, in millimetres.
fn placed(doc: &LaidOut, starting: &str) -> (f32, f32) {
    doc.pages[0]
        .items
        .iter()
        .find_map(|i| match i {
            Item::Text {
                x,
                y,
                face,
                size,
                text,
                ..
            } if text.starts_with(starting) => {
                Some(((x + width(*face, *size, text) / 2.0) / MM, y / MM))
            }
            _ => None,
        })
        .unwrap_or_else(|| panic!("«{starting}» printed"))
}

#[test]
fn the_test_print_puts_the_fields_where_the_clerk_says_over_the_grid() {
    let mut layout = BlankLayout::default();
    let before = placed(&test_blank(&sample(), &layout), "Nguyễn Thị Thanh Hương");
    layout.name.x_mm += 10.0;
    layout.name.y_mm -= 5.0;
    let doc = test_blank(&sample(), &layout);
    let after = placed(&doc, "Nguyễn Thị Thanh Hương");
    assert!(
        (after.0 - before.0 - 10.0).abs() < 0.5,
        "{before:?} {after:?}"
    );
    assert!(
        (after.1 - before.1 + 5.0).abs() < 0.5,
        "{before:?} {after:?}"
    );
    assert!((after.0 - layout.name.x_mm).abs() < 0.5);
    // The grid is there (its 100 mm mark) and every field has its cross.
    let text = doc.page_text(0).join(" ");
    assert!(
        text.contains("100") && text.contains("Quyết định số 12/QĐ-SCT"),
        "{text}"
    );
    let lines = |d: &LaidOut| {
        d.pages[0]
            .items
            .iter()
            .filter(|i| matches!(i, Item::Line { .. }))
            .count()
    };
    assert_eq!(lines(&doc), lines(&calibration_grid()) + 3 * 6);
    assert_eq!(doc.pages.len(), 1);
}

#[test]
fn positions_off_the_sheet_are_refused_in_words() {
    assert!(BlankLayout::default().problems().is_empty());
    let mut layout = BlankLayout::default();
    layout.unit.x_mm = 310.0;
    layout.signer_name.size = 2.0;
    layout.decision.y_mm = f32::NAN;
    let problems = layout.problems();
    assert_eq!(
        problems,
        vec![
            "Chức vụ, đơn vị: vị trí cách mép trái phải từ 0 đến 297 mm.".to_owned(),
            "Số, ngày quyết định: vị trí cách mép trên phải từ 0 đến 210 mm.".to_owned(),
            "Họ tên người ký: cỡ chữ phải từ 6 đến 72 pt.".to_owned(),
        ]
    );
}
