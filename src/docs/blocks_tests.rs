use super::*;
use crate::docs::layout::Margins;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn org() -> Organisation {
    Organisation {
        parent_body: "UBND TỈNH GIA LAI".into(),
        body: "SỞ CÔNG THƯƠNG".into(),
        abbreviation: "SCT".into(),
        place: "Gia Lai".into(),
        director: "Nguyễn Văn Hùng".into(),
        deputies: vec![],
    }
}

#[test]
fn date_lines_take_leading_zeros_where_the_rule_says() {
    assert_eq!(
        date_line("Gia Lai", d(2027, 1, 5)),
        "Gia Lai, ngày 05 tháng 01 năm 2027"
    );
    assert_eq!(
        date_line("Gia Lai", d(2027, 2, 28)),
        "Gia Lai, ngày 28 tháng 02 năm 2027"
    );
    assert_eq!(
        date_line("Gia Lai", d(2027, 3, 15)),
        "Gia Lai, ngày 15 tháng 3 năm 2027"
    );
    assert_eq!(
        date_line("Gia Lai", d(2026, 12, 5)),
        "Gia Lai, ngày 05 tháng 12 năm 2026"
    );
    assert_eq!(
        date_line(" Gia Lai ", d(2026, 10, 10)),
        "Gia Lai, ngày 10 tháng 10 năm 2026"
    );
    assert_eq!(date_line("", d(2027, 1, 5)), "ngày 05 tháng 01 năm 2027");
    assert_eq!(
        blank_date_line("Gia Lai", 2027),
        "Gia Lai, ngày      tháng      năm 2027"
    );
    assert_eq!(short_date(d(2027, 8, 30)), "30/8/2027");
    assert_eq!(short_date(d(2027, 2, 3)), "03/02/2027");
    assert_eq!(short_date(d(2027, 12, 10)), "10/12/2027");
}

#[test]
fn numbers_are_formatted_with_type_and_body() {
    assert_eq!(document_number(Some(12), "KH", "SCT"), "12/KH-SCT");
    assert_eq!(document_number(Some(3), "QĐ", "SCT"), "3/QĐ-SCT");
    assert_eq!(document_number(Some(145), "TTr", "SCT"), "145/TTr-SCT");
    assert_eq!(document_number(Some(7), "BB", " SCT "), "7/BB-SCT");
    assert_eq!(document_number(None, "TTr", "SCT"), "     /TTr-SCT");
    // A decomposed "Đ" mark comes out composed.
    assert_eq!(document_number(Some(1), "Q\u{110}", "SCT"), "1/QĐ-SCT");
}

#[test]
fn recipients_end_with_semicolons_a_full_stop_and_luu_last() {
    let lines = recipient_lines(&[
        "Lưu: VT, VP".into(),
        "- Như Điều 3;".into(),
        "".into(),
        "Giám đốc Sở.".into(),
    ]);
    assert_eq!(
        lines,
        vec!["- Như Điều 3;", "- Giám đốc Sở;", "- Lưu: VT, VP."]
    );
}

#[test]
fn the_header_sets_both_columns_and_keeps_the_blank_number() {
    let mut flow = Flow::new("t", Margins::default());
    header(
        &mut flow,
        &org(),
        &document_number(None, "KH", "SCT"),
        &blank_date_line("Gia Lai", 2027),
    );
    let doc = flow.finish();
    let lines = doc.page_lines(0);
    assert_eq!(
        lines[0],
        "UBND TỈNH GIA LAI CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    );
    assert_eq!(lines[1], "SỞ CÔNG THƯƠNG Độc lập - Tự do - Hạnh phúc");
    assert_eq!(
        lines[2],
        "Số:      /KH-SCT Gia Lai, ngày      tháng      năm 2027"
    );
    // Two rules: under the body's name (short) and under the motto (as wide as it).
    let rules: Vec<(f32, f32)> = doc.pages[0]
        .items
        .iter()
        .filter(|i| i.text().is_none())
        .map(|i| i.x_range())
        .collect();
    assert_eq!(rules.len(), 2);
    let motto = width(Face::Bold, 14.0, MOTTO);
    assert!(rules.iter().any(|(a, b)| ((b - a) - motto).abs() < 0.5));
    assert!(rules.iter().any(|(a, b)| (b - a) < motto / 1.5));
    let italic = doc.pages[0].items.iter().any(|i| {
        matches!(i, crate::docs::layout::Item::Text { face: Face::Italic, text, .. } if text.starts_with("Gia Lai"))
    });
    assert!(italic, "the date line is italic");
}

#[test]
fn long_names_wrap_inside_the_left_column() {
    let mut o = org();
    o.parent_body = "ỦY BAN NHÂN DÂN TỈNH GIA LAI".into();
    o.body = "SỞ CÔNG THƯƠNG TỈNH GIA LAI VÀ CÁC ĐƠN VỊ TRỰC THUỘC".into();
    let mut flow = Flow::new("t", Margins::default());
    header(
        &mut flow,
        &o,
        "12/KH-SCT",
        "Gia Lai, ngày 05 tháng 01 năm 2027",
    );
    let left_edge = flow.left() + flow.content_width() * LEFT_SHARE;
    let doc = flow.finish();
    for item in &doc.pages[0].items {
        if let Some(t) = item.text()
            && (t.contains("ỦY BAN") || t.contains("SỞ CÔNG"))
        {
            assert!(
                item.x_range().1 <= left_edge + 0.5,
                "{t} crosses into the right column"
            );
        }
    }
    assert!(crate::docs::check::verify(&doc).is_empty());
}

#[test]
fn signature_blocks_of_every_kind() {
    for (sig, lines) in [
        (Signature::director("Nguyễn Văn Hùng"), vec!["GIÁM ĐỐC"]),
        (
            Signature::deputy("Trần Thị Mai"),
            vec!["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"],
        ),
        (Signature::acting("Lê Văn Bình"), vec!["Q. GIÁM ĐỐC"]),
        (
            Signature::on_behalf("HỘI ĐỒNG", "CHỦ TỊCH", "Nguyễn Văn Hùng"),
            vec!["TM. HỘI ĐỒNG", "CHỦ TỊCH"],
        ),
        (
            Signature::by_order("CHÁNH VĂN PHÒNG", "Phạm Thu Hà"),
            vec!["TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG"],
        ),
    ] {
        let mut flow = Flow::new("t", Margins::default());
        closing(&mut flow, &["Như trên".into(), "Lưu: VT".into()], &sig);
        let doc = flow.finish();
        let texts = doc.page_text(0);
        for l in &lines {
            assert!(texts.contains(l), "{l} missing in {texts:?}");
        }
        assert!(texts.contains(&sig.name.as_str()));
        assert!(texts.contains(&"Nơi nhận:"));
        // The name stands on the right half, well below the title (room for the seal).
        let find = |s: &str| {
            doc.pages[0]
                .items
                .iter()
                .find(|i| i.text() == Some(s))
                .unwrap()
                .clone()
        };
        let name = find(&sig.name);
        let title = find(lines.last().unwrap());
        assert!(name.x_range().0 > flow_mid(&doc));
        assert!(name.y_range().0 - title.y_range().1 > 20.0 * MM);
        assert!(find("Nơi nhận:").x_range().1 < flow_mid(&doc));
    }
}

fn flow_mid(doc: &crate::docs::layout::LaidOut) -> f32 {
    doc.margins.left + (doc.pages[0].width - doc.margins.left - doc.margins.right) / 2.0
}

#[test]
fn keep_spaces_only_touches_runs_of_spaces() {
    assert_eq!(keep_spaces("a b"), "a b");
    assert_eq!(keep_spaces("a  b"), "a\u{a0}\u{a0}b");
}

#[test]
fn the_attached_list_heading() {
    let line = attached_to(
        "Quyết định",
        "3/QĐ-SCT",
        Some(d(2027, 1, 12)),
        "Giám đốc Sở Công Thương",
    );
    assert_eq!(
        line,
        "Kèm theo Quyết định số 3/QĐ-SCT ngày 12 tháng 01 năm 2027 của Giám đốc Sở Công Thương"
    );
    let mut flow = Flow::new("t", Margins::default());
    list_heading(
        &mut flow,
        Some("Phụ lục I"),
        "Danh sách cá nhân đạt danh hiệu Lao động tiên tiến năm 2026",
        &line,
    );
    let doc = flow.finish();
    let lines = doc.text_lines();
    assert_eq!(lines[0], "Phụ lục I");
    let all = lines.join(" ");
    assert!(
        all.contains("DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU LAO ĐỘNG TIÊN TIẾN NĂM 2026 (Kèm theo Quyết định số 3/QĐ-SCT ngày 12 tháng 01 năm 2027"),
        "{all}"
    );
    assert!(all.ends_with("Sở Công Thương)"));
    assert!(crate::docs::check::verify(&doc).is_empty());
}
