use super::*;
use crate::docs::check::verify;
use crate::docs::layout::{BODY_INDENT, plain};

const SENTENCE: &str = "Các tập thể và cá nhân không đăng ký thi đua, cuối năm sẽ không được xét công nhận các danh hiệu thi đua. ";

/// A text run on a line: (x_start, x_end, text).
type Span = (f32, f32, String);

/// Text items of a page grouped by baseline: (y, runs).
fn rows(doc: &LaidOut, page: usize) -> Vec<(f32, Vec<Span>)> {
    let mut out: Vec<(f32, Vec<Span>)> = Vec::new();
    for item in &doc.pages[page].items {
        if let Item::Text {
            y,
            text,
            page_number: false,
            ..
        } = item
        {
            let (a, b) = item.x_range();
            match out.iter_mut().find(|(ry, _)| (ry - y).abs() < 0.1) {
                Some((_, v)) => v.push((a, b, text.clone())),
                None => out.push((*y, vec![(a, b, text.clone())])),
            }
        }
    }
    out.sort_by(|a, b| a.0.total_cmp(&b.0));
    out
}

#[test]
fn justified_lines_reach_the_right_margin_and_the_last_line_does_not() {
    let mut flow = Flow::new("t", Margins::default());
    flow.paragraph(&plain(SENTENCE.repeat(4)), &Style::body());
    let right = flow.right();
    let left = flow.left();
    let doc = flow.finish();
    let lines = rows(&doc, 0);
    assert!(lines.len() >= 4);
    for (i, (_, runs)) in lines.iter().enumerate() {
        let start = runs.iter().map(|r| r.0).fold(f32::MAX, f32::min);
        let end = runs.iter().map(|r| r.1).fold(0.0, f32::max);
        let expected_start = if i == 0 { left + BODY_INDENT } else { left };
        assert!(
            (start - expected_start).abs() < 0.01,
            "line {i} starts at {start}"
        );
        if i + 1 < lines.len() {
            assert!(
                (end - right).abs() < 0.05,
                "line {i} ends at {end}, margin {right}"
            );
        } else {
            assert!(end < right - 20.0, "the last line is not stretched");
        }
    }
}

#[test]
fn bold_and_italic_runs_keep_their_faces_inside_a_paragraph() {
    let mut flow = Flow::new("t", Margins::default());
    let runs = [
        Run::regular("Chủ đề: "),
        Run::bold_italic("Kỷ cương, trách nhiệm"),
        Run::regular(", đổi mới."),
    ];
    flow.paragraph(&runs, &Style::body());
    let doc = flow.finish();
    let faces: Vec<(Face, &str)> = doc.pages[0]
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Text { face, text, .. } => Some((*face, text.as_str())),
            Item::Line { .. } => None,
        })
        .collect();
    assert_eq!(
        faces,
        vec![
            (Face::Regular, "Chủ đề:"),
            (Face::BoldItalic, "Kỷ cương, trách nhiệm"),
            (Face::Regular, ", đổi mới."),
        ]
    );
    // No space is invented between "nhiệm" and ",".
    let x = |i: usize| doc.pages[0].items[i].x_range();
    assert!((x(1).1 - x(2).0).abs() < 0.01);
}

#[test]
fn pages_break_and_numbers_start_on_page_two() {
    let mut flow = Flow::new("t", Margins::default());
    for i in 0..120 {
        flow.paragraph(
            &plain(format!("Đoạn văn số {i} của văn bản.")),
            &Style::body(),
        );
    }
    let doc = flow.finish();
    assert!(doc.pages.len() >= 3);
    let numbered = |p: &Page| p.items.iter().any(Item::is_page_number);
    assert!(!numbered(&doc.pages[0]));
    assert!(doc.pages[1..].iter().all(numbered));
    assert!(doc.page_text(1).contains(&"2"));
    assert!(verify(&doc).is_empty(), "{:?}", verify(&doc));
}

#[test]
fn no_lone_first_or_last_line_at_a_page_break() {
    // Paragraphs of 1–6 lines after a filler of every height: whenever a paragraph is
    // split, at least two of its lines stand on each side.
    let lh = Style::body().line_height();
    for lines in 2..=6usize {
        for filler in 0..40 {
            let mut flow = Flow::new("t", Margins::default());
            flow.y += filler as f32 * lh / 3.0 + 600.0;
            let text = SENTENCE
                .repeat(lines)
                .chars()
                .take(lines * 85)
                .collect::<String>();
            let runs = plain(&text);
            let n = flow
                .lines(&runs, &Style::body(), flow.content_width())
                .len();
            flow.paragraph(&runs, &Style::body());
            let doc = flow.finish();
            if doc.pages.len() == 2 {
                let first = rows(&doc, 0).len();
                let second = rows(&doc, 1).len();
                assert_eq!(first + second, n);
                assert!(
                    first == 0 || (first >= 2 && second >= 2),
                    "{n} lines split {first}+{second}"
                );
            }
        }
    }
}

#[test]
fn a_kept_block_moves_whole_to_the_next_page() {
    let mut flow = Flow::new("t", Margins::default());
    let style = Style::body();
    while flow.y < flow.limit() - 3.0 * style.line_height() {
        flow.paragraph(&plain("Đoạn văn."), &style);
    }
    flow.keep_together(|f| {
        for i in 0..5 {
            f.paragraph(&plain(format!("Dòng giữ cùng trang {i}")), &style);
        }
    });
    let doc = flow.finish();
    assert_eq!(doc.pages.len(), 2);
    let second = doc.page_text(1);
    for i in 0..5 {
        let line = format!("Dòng giữ cùng trang {i}");
        assert!(second.contains(&line.as_str()), "{second:?}");
    }
    assert!(!doc.page_text(0).iter().any(|t| t.contains("Dòng giữ")));

    // A block taller than a page flows on instead of looping.
    let mut flow = Flow::new("t", Margins::default());
    flow.paragraph(&plain("Mở đầu."), &style);
    flow.keep_together(|f| {
        for i in 0..100 {
            f.paragraph(&plain(format!("Dòng {i}")), &style);
        }
    });
    let doc = flow.finish();
    assert!(doc.pages.len() >= 4);
    assert_eq!(
        doc.page_text(0),
        vec!["Mở đầu."],
        "the block starts on a fresh page"
    );
    assert!(verify(&doc).is_empty(), "{:?}", verify(&doc));
}

#[test]
fn items_hang_after_their_marker() {
    let mut flow = Flow::new("t", Margins::default());
    flow.item("-", &plain(SENTENCE.repeat(3)), &Style::body());
    flow.item("+", &plain("Ngắn."), &Style::body());
    let left = flow.left();
    let doc = flow.finish();
    let lines = rows(&doc, 0);
    let (_, first) = &lines[0];
    assert_eq!(first[0].2, "-");
    assert!((first[0].0 - (left + BODY_INDENT)).abs() < 0.01);
    let text_x = first[1].0;
    for (_, runs) in &lines[1..lines.len() - 1] {
        assert!(
            (runs[0].0 - text_x).abs() < 0.01,
            "continuation at {}",
            runs[0].0
        );
    }
    let (_, last) = lines.last().unwrap();
    assert_eq!(last[0].2, "+");
    assert_eq!(last[1].2, "Ngắn.");
}

#[test]
fn landscape_pages_are_wider_and_empty_pages_are_dropped() {
    let mut flow = Flow::new("t", Margins::default());
    flow.paragraph(&plain("Dọc"), &Style::body());
    let portrait = flow.content_width();
    flow.set_landscape(true);
    assert!(flow.content_width() > portrait + 200.0);
    flow.paragraph(&plain("Ngang"), &Style::body());
    flow.new_page();
    flow.new_page();
    let doc = flow.finish();
    assert_eq!(doc.pages.len(), 2);
    assert!(!doc.pages[0].is_landscape());
    assert!(doc.pages[1].is_landscape());
    assert!(verify(&doc).is_empty(), "{:?}", verify(&doc));
}

#[test]
fn decomposed_input_is_composed_and_empty_input_is_harmless() {
    let mut flow = Flow::new("t", Margins::default());
    flow.paragraph(&plain("Thu\u{31b}o\u{31b}\u{309}ng"), &Style::body());
    flow.paragraph(&plain(""), &Style::body());
    flow.item("-", &[], &Style::body());
    flow.text(100.0, 100.0, Face::Regular, 13.0, "   ");
    let doc = flow.finish();
    assert_eq!(doc.page_text(0), vec!["Thưởng", "-"]);
}
