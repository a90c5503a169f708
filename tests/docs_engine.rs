//! The document engine read back from real PDF bytes, as a clerk would check a printout:
//! the header blocks, the number and date line, exact Vietnamese, page numbers from page 2,
//! a long table's header on every page, fonts embedded and subset, no panic on odd input.

use chrono::NaiveDate;
use thidua::docs::blocks::{self, Signature, attached_to, date_line, document_number};
use thidua::docs::check::{ProblemKind, fonts_embedded, verify, verify_pdf};
use thidua::docs::{
    Align, Column, Flow, LaidOut, Margins, Row, Run, Style, Table, plain, render_pdf,
    render_pdf_with_progress,
};
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

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn pages_of(pdf: &[u8]) -> Vec<String> {
    pdf_extract::extract_text_from_mem_by_pages(pdf).expect("the PDF reads back")
}

/// A short decision: header, title, body, closing.
fn decision(paragraphs: usize) -> LaidOut {
    let mut flow = Flow::new("Quyết định", Margins::default());
    let date = NaiveDate::from_ymd_opt(2027, 1, 5).unwrap();
    blocks::header(
        &mut flow,
        &org(),
        &document_number(Some(12), "QĐ", "SCT"),
        &date_line("Gia Lai", date),
    );
    blocks::title(
        &mut flow,
        "Quyết định",
        "Về việc tặng danh hiệu Lao động tiên tiến năm 2026",
    );
    for i in 0..paragraphs {
        flow.paragraph(
            &[
                Run::regular(format!("Điều {}. ", i + 1)),
                Run::bold("Khen thưởng"),
                Run::regular(
                    " các cá nhân có thành tích xuất sắc trong phong trào thi đua yêu nước, góp phần hoàn thành nhiệm vụ chính trị của ngành Công Thương.",
                ),
            ],
            &Style::body(),
        );
    }
    blocks::closing(
        &mut flow,
        &["Như Điều 3".into(), "Lưu: VT, VP".into()],
        &Signature::director("Nguyễn Văn Hùng"),
    );
    flow.finish()
}

#[test]
fn the_header_blocks_read_back_exactly() {
    let doc = decision(3);
    assert!(verify(&doc).is_empty(), "{:?}", verify(&doc));
    let pdf = render_pdf(&doc).unwrap();
    assert!(verify_pdf(&pdf).is_empty());
    let text = squash(&pages_of(&pdf).join("\n"));
    for expected in [
        "UBND TỈNH GIA LAI",
        "SỞ CÔNG THƯƠNG",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 12/QĐ-SCT",
        "Gia Lai, ngày 05 tháng 01 năm 2027",
        "QUYẾT ĐỊNH",
        "Về việc tặng danh hiệu Lao động tiên tiến năm 2026",
        "Khen thưởng",
        "thưởng",
        "Nơi nhận:",
        "- Như Điều 3;",
        "- Lưu: VT, VP.",
        "GIÁM ĐỐC",
        "Nguyễn Văn Hùng",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    let pos = |s: &str| text.find(s).unwrap();
    assert!(pos("CỘNG HÒA") < pos("QUYẾT ĐỊNH"));
    assert!(pos("QUYẾT ĐỊNH") < pos("Điều 1."));
    assert!(pos("Điều 3.") < pos("Nơi nhận:"));
}

#[test]
fn page_numbers_start_on_page_two_at_the_top() {
    let doc = decision(40);
    assert!(doc.pages.len() >= 3, "{} pages", doc.pages.len());
    assert!(verify(&doc).is_empty(), "{:?}", verify(&doc));
    let pages = pages_of(&render_pdf(&doc).unwrap());
    assert_eq!(pages.len(), doc.pages.len());
    assert!(squash(&pages[0]).starts_with("UBND TỈNH GIA LAI"));
    for (i, page) in pages.iter().enumerate().skip(1) {
        // The number is the first thing on the page: it sits in the top margin.
        let first = page.split_whitespace().next().unwrap_or_default();
        assert_eq!(first, (i + 1).to_string(), "page {}", i + 1);
    }
}

#[test]
fn a_200_row_table_has_its_header_on_every_page_in_the_pdf() {
    let mut flow = Flow::new("Danh sách", Margins::default());
    blocks::list_heading(
        &mut flow,
        Some("Phụ lục I"),
        "Danh sách cá nhân đạt danh hiệu Lao động tiên tiến năm 2026",
        &attached_to(
            "Quyết định",
            "12/QĐ-SCT",
            NaiveDate::from_ymd_opt(2027, 1, 5),
            "Giám đốc Sở Công Thương",
        ),
    );
    let mut rows: Vec<Row> = (1..=200)
        .map(|i| {
            Row::new(vec![
                i.to_string(),
                format!("Lê Văn An {i}"),
                if i % 9 == 0 {
                    "Phó Trưởng phòng Quản lý thương mại, phụ trách xúc tiến thương mại".into()
                } else {
                    "Chuyên viên, Văn phòng Sở".into()
                },
                "702.000".into(),
            ])
        })
        .collect();
    rows.push(Row::total(vec![
        String::new(),
        "Tổng cộng".into(),
        String::new(),
        "140.400.000".into(),
    ]));
    Table::new(
        vec![
            Column::mm("STT", 12.0, Align::Center),
            Column::new("Họ và tên", 0.32, Align::Left),
            Column::new("Chức vụ, đơn vị", 0.45, Align::Left),
            Column::new("Số tiền (đồng)", 0.23, Align::Right),
        ],
        rows,
    )
    .place(&mut flow);
    let doc = flow.finish();
    assert!(verify(&doc).is_empty(), "{:?}", verify(&doc));
    assert!(
        (5..=15).contains(&doc.pages.len()),
        "{} pages for 200 rows",
        doc.pages.len()
    );
    let pdf = render_pdf(&doc).unwrap();
    let pages = pages_of(&pdf);
    assert_eq!(pages.len(), doc.pages.len());
    for (i, page) in pages.iter().enumerate() {
        assert_eq!(page.matches("Họ và tên").count(), 1, "page {}", i + 1);
        assert!(page.contains("Lê Văn An"), "page {} has rows", i + 1);
    }
    let all = squash(&pages.join("\n"));
    assert!(all.contains("Lê Văn An 200"));
    assert!(all.contains("Tổng cộng"));
    assert!(all.contains(
        "(Kèm theo Quyết định số 12/QĐ-SCT ngày 05 tháng 01 năm 2027 của Giám đốc Sở Công Thương)"
    ));
}

#[test]
fn fonts_are_embedded_and_subset() {
    let pdf = render_pdf(&decision(3)).unwrap();
    assert!(fonts_embedded(&pdf));
    // Four faces in full would be about 1.5 MB; subset they are a small part of that.
    assert!(pdf.len() < 120_000, "{} bytes", pdf.len());
    assert_eq!(
        verify_pdf(b"%PDF-1.7 no fonts")[0].kind,
        ProblemKind::FontsNotEmbedded
    );
}

#[test]
fn decomposed_input_comes_out_composed() {
    let mut flow = Flow::new("Thu\u{31b}o\u{31b}\u{309}ng", Margins::default());
    // "Khen thưởng Nguyễn Thị Ánh" typed with combining marks (NFD).
    let nfd = "Khen thu\u{31b}o\u{31b}\u{309}ng Nguye\u{302}\u{303}n Thi\u{323} A\u{301}nh";
    flow.paragraph(&plain(nfd), &Style::body());
    let text = pdf_extract::extract_text_from_mem(&render_pdf(&flow.finish()).unwrap()).unwrap();
    assert!(text.contains("Khen thưởng Nguyễn Thị Ánh"), "{text}");
    assert!(!text.chars().any(|c| ('\u{300}'..='\u{36f}').contains(&c)));
}

#[test]
fn odd_input_never_panics() {
    let mut flow = Flow::new("", Margins::from_mm(f32::NAN, 0.0, 100.0, 17.0));
    assert!(flow.margins.is_legal());
    blocks::header(&mut flow, &Organisation::default(), "", "");
    blocks::title(&mut flow, "", "");
    flow.paragraph(&plain(""), &Style::body());
    flow.paragraph(&plain("A".repeat(3000)), &Style::body());
    flow.item("+", &plain("Đ".repeat(500)), &Style::body());
    Table::new(vec![Column::new("", 1.0, Align::Left)], vec![]).place(&mut flow);
    Table::new(vec![], vec![Row::new(vec![])]).place(&mut flow);
    blocks::closing(&mut flow, &[], &Signature::director(""));
    let doc = flow.finish();
    assert!(verify(&doc).is_empty(), "{:?}", verify(&doc));
    let mut calls = 0;
    let pdf = render_pdf_with_progress(&doc, &mut |_, _| calls += 1).unwrap();
    assert_eq!(calls, doc.pages.len());
    assert!(
        pdf_extract::extract_text_from_mem(&pdf)
            .unwrap()
            .contains("AAAA")
    );
}

#[test]
fn a_three_page_document_stays_small() {
    let doc = decision(40);
    let pdf = render_pdf(&doc).unwrap();
    println!("{} pages: {} bytes", doc.pages.len(), pdf.len());
    assert!(pdf.len() < 150_000, "{} bytes", pdf.len());
}
