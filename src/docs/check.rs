//! The engine checks what it produced: text inside the margins (page numbers inside the
//! top margin), page numbers on every page but the first, no empty page, no character
//! the fonts cannot print; and on the saved file, fonts embedded.

use std::fmt;

use super::fonts::{missing, width};
use super::layout::{Item, LaidOut};

/// What kind of fault a [`Problem`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemKind {
    /// Something is drawn outside the body area (or a page number outside the top margin).
    OutsideMargins,
    /// A page without content.
    EmptyPage,
    /// Page 2 or later has no page number, or has several.
    PageNumberMissing,
    /// Page 1 carries a page number.
    PageNumberOnFirstPage,
    /// A page number with the wrong value or off centre.
    PageNumberWrong,
    /// A character the document fonts have no glyph for.
    MissingGlyph,
    /// The saved file is not a PDF, or does not embed its fonts.
    FontsNotEmbedded,
}

/// A fault found by the self-check, with a Vietnamese description.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// 1-based page, or 0 for the whole file.
    pub page: usize,
    pub kind: ProblemKind,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.page > 0 {
            write!(f, "Trang {}: {}", self.page, self.message)
        } else {
            f.write_str(&self.message)
        }
    }
}

fn problem(page: usize, kind: ProblemKind, message: String) -> Problem {
    Problem {
        page,
        kind,
        message,
    }
}

/// Tolerance for rounding, points.
const EPS: f32 = 0.5;

/// Everything wrong with a laid-out document (empty when it is fine).
pub fn verify(doc: &LaidOut) -> Vec<Problem> {
    use ProblemKind::*;
    let mut problems = Vec::new();
    let m = doc.margins;
    for (i, page) in doc.pages.iter().enumerate() {
        // Page n of the file; its number within its own part is what it must carry.
        let n = i + 1;
        let in_part = doc.number_in_part(i);
        let (left, right) = (m.left - EPS, page.width - m.right + EPS);
        let (top, bottom) = (m.top - EPS, page.height - m.bottom + EPS);
        let mut empty = true;
        let mut numbers = Vec::new();
        for item in &page.items {
            let (x0, x1) = item.x_range();
            let (y0, y1) = item.y_range();
            let finite = [x0, x1, y0, y1].iter().all(|v| v.is_finite());
            if item.is_page_number() {
                numbers.push(item);
                if !finite || x0 < left || x1 > right || y0 < 0.0 || y1 > m.top + EPS {
                    problems.push(problem(
                        n,
                        OutsideMargins,
                        "số trang không nằm trong lề trên".into(),
                    ));
                }
                continue;
            }
            empty = false;
            let what = item
                .text()
                .map_or_else(|| "đường kẻ".to_owned(), |t| format!("\"{t}\""));
            if !finite || x0 < left || x1 > right {
                problems.push(problem(
                    n,
                    OutsideMargins,
                    format!("{what} tràn lề trái/phải ({x0:.1}–{x1:.1} pt)"),
                ));
            }
            if !finite || y0 < top || y1 > bottom {
                problems.push(problem(
                    n,
                    OutsideMargins,
                    format!("{what} tràn lề trên/dưới ({y0:.1}–{y1:.1} pt)"),
                ));
            }
            if let Item::Text { face, text, .. } = item {
                let gone = missing(*face, text);
                if !gone.is_empty() {
                    problems.push(problem(
                        n,
                        MissingGlyph,
                        format!("phông chữ không có ký tự {gone:?} trong {what}"),
                    ));
                }
            }
        }
        if empty {
            problems.push(problem(n, EmptyPage, "trang trống".into()));
        }
        match (in_part, numbers.as_slice()) {
            (1, []) => {}
            (1, _) => problems.push(problem(
                n,
                PageNumberOnFirstPage,
                "trang đầu không được đánh số".into(),
            )),
            (
                _,
                [
                    Item::Text {
                        text,
                        x,
                        size,
                        face,
                        ..
                    },
                ],
            ) => {
                if *text != in_part.to_string() {
                    problems.push(problem(n, PageNumberWrong, format!("mang số trang {text}")));
                }
                let center = x + width(*face, *size, text) / 2.0;
                let body_center = m.left + (page.width - m.left - m.right) / 2.0;
                if (center - body_center).abs() > 2.0 {
                    problems.push(problem(n, PageNumberWrong, "số trang không ở giữa".into()));
                }
            }
            _ => problems.push(problem(
                n,
                PageNumberMissing,
                "thiếu số trang hoặc có nhiều số trang".into(),
            )),
        }
    }
    problems
}

/// True when the PDF bytes embed TrueType font programs.
pub fn fonts_embedded(pdf: &[u8]) -> bool {
    let needle = b"/FontFile2";
    pdf.windows(needle.len()).any(|w| w == needle)
}

/// Checks on the saved file: a PDF, with its fonts embedded.
pub fn verify_pdf(pdf: &[u8]) -> Vec<Problem> {
    let message = if !pdf.starts_with(b"%PDF-") {
        "tệp không phải là PDF"
    } else if !fonts_embedded(pdf) {
        "phông chữ không được nhúng vào tệp PDF"
    } else {
        return Vec::new();
    };
    vec![problem(0, ProblemKind::FontsNotEmbedded, message.into())]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::docs::flow::Flow;
    use crate::docs::fonts::Face;
    use crate::docs::layout::{Margins, Style, plain};

    fn kinds(doc: &LaidOut) -> Vec<ProblemKind> {
        verify(doc).into_iter().map(|p| p.kind).collect()
    }

    fn three_pages() -> LaidOut {
        let mut flow = Flow::new("t", Margins::default());
        for i in 0..80 {
            flow.paragraph(&plain(format!("Đoạn {i} của văn bản.")), &Style::body());
        }
        flow.finish()
    }

    #[test]
    fn a_clean_document_passes() {
        let doc = three_pages();
        assert!(doc.pages.len() >= 3);
        assert!(verify(&doc).is_empty(), "{:?}", verify(&doc));
    }

    #[test]
    fn each_part_numbers_its_own_pages() {
        let joined = crate::docs::council::concat("t", vec![three_pages(), three_pages()]);
        assert_eq!(joined.part_starts, vec![three_pages().pages.len()]);
        assert!(verify(&joined).is_empty(), "{:?}", verify(&joined));
        // Numbered straight through, the second part's first page would carry a number.
        let mut straight = joined.clone();
        straight.part_starts.clear();
        assert!(kinds(&straight).contains(&ProblemKind::PageNumberMissing));
    }

    #[test]
    fn a_planted_run_outside_the_margins_is_caught() {
        let mut flow = Flow::new("t", Margins::default());
        flow.paragraph(&plain("Nội dung"), &Style::body());
        flow.text(5.0, 100.0, Face::Regular, 13.0, "Tràn lề");
        let doc = flow.finish();
        let problems = verify(&doc);
        assert_eq!(kinds(&doc), vec![ProblemKind::OutsideMargins]);
        assert_eq!(problems[0].page, 1);
        assert!(problems[0].to_string().contains("Tràn lề"), "{problems:?}");

        let mut flow = Flow::new("t", Margins::default());
        flow.text(100.0, 830.0, Face::Regular, 13.0, "Dưới lề");
        assert_eq!(kinds(&flow.finish()), vec![ProblemKind::OutsideMargins]);
    }

    #[test]
    fn page_numbers_empty_pages_and_missing_glyphs_are_caught() {
        let mut doc = three_pages();
        // Take the number off page 2 and put it on page 1; empty page 3.
        let number = doc.pages[1].items.remove(0);
        assert!(number.is_page_number());
        doc.pages[0].items.push(number);
        doc.pages[2].items.retain(Item::is_page_number);
        let k = kinds(&doc);
        assert!(k.contains(&ProblemKind::PageNumberOnFirstPage), "{k:?}");
        assert!(k.contains(&ProblemKind::PageNumberMissing), "{k:?}");
        assert!(k.contains(&ProblemKind::EmptyPage), "{k:?}");

        let mut flow = Flow::new("t", Margins::default());
        flow.paragraph(&plain("Khen thưởng \u{1F3C6}"), &Style::body());
        assert_eq!(kinds(&flow.finish()), vec![ProblemKind::MissingGlyph]);
    }

    #[test]
    fn bytes_without_fonts_are_caught() {
        assert_eq!(verify_pdf(b"hello").len(), 1);
        assert_eq!(
            verify_pdf(b"%PDF-1.7 /Type /Font /Subtype /Type1")[0].kind,
            ProblemKind::FontsNotEmbedded
        );
        assert!(verify_pdf(b"%PDF-1.7 /FontFile2 12 0 R").is_empty());
    }
}
