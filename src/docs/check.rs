//! The engine checks what it produced: text inside the margins, page numbers where they
//! belong, no empty page; and on the saved file, fonts embedded.

use super::fonts::width;
use super::layout::{Item, LaidOut};

/// What is wrong with a laid-out document, in words.
pub fn verify(doc: &LaidOut) -> Vec<String> {
    let mut problems = Vec::new();
    let m = doc.margins;
    for (i, page) in doc.pages.iter().enumerate() {
        let n = i + 1;
        let body = page.items.iter().filter(|it| {
            !matches!(
                it,
                Item::Text {
                    page_number: true,
                    ..
                }
            )
        });
        if body.clone().next().is_none() {
            problems.push(format!("trang {n} trống"));
        }
        for item in body {
            let (x0, x1) = item.x_range();
            if x0 < m.left - 0.5 || x1 > page.width - m.right + 0.5 {
                problems.push(format!(
                    "trang {n}: nội dung tràn lề trái/phải ({x0:.1}–{x1:.1} pt): {item:?}"
                ));
            }
            let (top, bottom) = match item {
                Item::Text { y, size, .. } => (y - size * 0.8, y + size * 0.25),
                Item::Line { y1, y2, .. } => (y1.min(*y2), y1.max(*y2)),
            };
            if top < m.top - 0.5 || bottom > page.height - m.bottom + 0.5 {
                problems.push(format!(
                    "trang {n}: nội dung tràn lề trên/dưới ({top:.1}–{bottom:.1} pt)"
                ));
            }
        }
        let numbers: Vec<&Item> = page
            .items
            .iter()
            .filter(|it| {
                matches!(
                    it,
                    Item::Text {
                        page_number: true,
                        ..
                    }
                )
            })
            .collect();
        match (n, numbers.as_slice()) {
            (1, []) => {}
            (1, _) => problems.push("trang 1 không được đánh số".into()),
            (
                _,
                [
                    Item::Text {
                        text,
                        y,
                        x,
                        size,
                        face,
                        ..
                    },
                ],
            ) => {
                if *text != n.to_string() {
                    problems.push(format!("trang {n} mang số {text}"));
                }
                if *y > m.top || *y < 0.0 {
                    problems.push(format!("số trang {n} không nằm trong lề trên"));
                }
                let center = x + width(*face, *size, text) / 2.0;
                let body_center = m.left + (page.width - m.left - m.right) / 2.0;
                if (center - body_center).abs() > 2.0 {
                    problems.push(format!("số trang {n} không ở giữa"));
                }
            }
            _ => problems.push(format!("trang {n} thiếu số trang hoặc có nhiều số trang")),
        }
    }
    problems
}

/// True when the PDF bytes embed TrueType font programs.
pub fn fonts_embedded(pdf: &[u8]) -> bool {
    pdf.windows(b"/FontFile2".len()).any(|w| w == b"/FontFile2")
}
