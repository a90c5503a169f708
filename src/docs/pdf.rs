//! Rendering a laid-out document with printpdf: the four serif faces embedded and subset,
//! every string NFC (decomposed marks would print in the wrong place).

use printpdf::{
    Color, Line, LinePoint, Mm, Op, ParsedFont, PdfDocument, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Pt, Rgb, TextItem,
};

use std::sync::OnceLock;

use super::fonts::Face;
use super::layout::{Item, LaidOut};
use crate::domain::text::nfc;

/// What can go wrong making a document, in words for the clerk.
#[derive(Debug, thiserror::Error)]
pub enum DocError {
    #[error("Không nạp được phông chữ văn bản. Hãy cài lại phần mềm.")]
    Font,
    #[error("Không tạo được tệp PDF: {0}")]
    Pdf(String),
    #[error(
        "Không ghi được tệp PDF {path}: {reason}. Hãy kiểm tra quyền ghi và dung lượng ổ đĩa, và tệp không đang mở ở chương trình khác."
    )]
    Write { path: String, reason: String },
}

const PT_PER_MM: f32 = 72.0 / 25.4;

/// The four faces parsed for printpdf, once per process.
fn parsed_fonts() -> Result<&'static [ParsedFont], DocError> {
    static FONTS: OnceLock<Option<Vec<ParsedFont>>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut warnings = Vec::new();
            Face::ALL
                .iter()
                .map(|f| ParsedFont::from_bytes(f.bytes(), 0, &mut warnings))
                .collect()
        })
        .as_deref()
        .ok_or(DocError::Font)
}

/// The PDF bytes of a laid-out document.
pub fn render_pdf(doc: &LaidOut) -> Result<Vec<u8>, DocError> {
    render(doc, &mut |_, _| {})
}

/// The PDF bytes of a laid-out document; `progress(done_pages, total_pages)` after each
/// page (for long lists).
pub fn render_pdf_with_progress(
    doc: &LaidOut,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Vec<u8>, DocError> {
    render(doc, progress)
}

/// The PDF bytes of a laid-out document; `progress(done, total)` after each page.
pub fn render(doc: &LaidOut, progress: &mut dyn FnMut(usize, usize)) -> Result<Vec<u8>, DocError> {
    if doc.pages.is_empty() {
        return Err(DocError::Pdf("văn bản không có trang nào".into()));
    }
    let parsed = parsed_fonts()?;
    let mut pdf = PdfDocument::new(&nfc(&doc.title));
    let fonts: Vec<_> = parsed.iter().map(|f| pdf.add_font(f)).collect();
    let total = doc.pages.len();
    let mut pages = Vec::with_capacity(total);
    for (n, page) in doc.pages.iter().enumerate() {
        let mut ops = Vec::with_capacity(page.items.len() * 5);
        let black = Color::Rgb(Rgb {
            r: 0.0,
            g: 0.0,
            b: 0.0,
            icc_profile: None,
        });
        ops.push(Op::SetFillColor { col: black.clone() });
        ops.push(Op::SetOutlineColor { col: black });
        // Font and line width are graphics state: set them only when they change.
        let mut font_now: Option<(Face, f32)> = None;
        let mut thickness_now: Option<f32> = None;
        for item in &page.items {
            let (x0, x1) = item.x_range();
            let (y0, y1) = item.y_range();
            if ![x0, x1, y0, y1].iter().all(|v| v.is_finite()) {
                return Err(DocError::Pdf(format!(
                    "vị trí không hợp lệ ở trang {}",
                    n + 1
                )));
            }
            match item {
                Item::Text {
                    x,
                    y,
                    face,
                    size,
                    text,
                    ..
                } => {
                    ops.push(Op::StartTextSection);
                    if font_now != Some((*face, *size)) {
                        ops.push(Op::SetFont {
                            font: PdfFontHandle::External(fonts[face.index()].clone()),
                            size: Pt(*size),
                        });
                        font_now = Some((*face, *size));
                    }
                    ops.push(Op::SetTextCursor {
                        pos: Point {
                            x: Pt(*x),
                            y: Pt(page.height - y),
                        },
                    });
                    ops.push(Op::ShowText {
                        items: vec![TextItem::Text(nfc(text))],
                    });
                    ops.push(Op::EndTextSection);
                }
                Item::Line {
                    x1,
                    y1,
                    x2,
                    y2,
                    width,
                } => {
                    if thickness_now != Some(*width) {
                        ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                        thickness_now = Some(*width);
                    }
                    ops.push(Op::DrawLine {
                        line: Line {
                            points: vec![
                                LinePoint {
                                    p: Point {
                                        x: Pt(*x1),
                                        y: Pt(page.height - y1),
                                    },
                                    bezier: false,
                                },
                                LinePoint {
                                    p: Point {
                                        x: Pt(*x2),
                                        y: Pt(page.height - y2),
                                    },
                                    bezier: false,
                                },
                            ],
                            is_closed: false,
                        },
                    });
                }
            }
        }
        pages.push(PdfPage::new(
            Mm(page.width / PT_PER_MM),
            Mm(page.height / PT_PER_MM),
            ops,
        ));
        progress(n + 1, total);
    }
    let options = PdfSaveOptions {
        subset_fonts: true,
        ..Default::default()
    };
    let mut save_warnings = Vec::new();
    Ok(pdf.with_pages(pages).save(&options, &mut save_warnings))
}

/// Write the PDF to `path` through a temporary file, so a failure never leaves a
/// complete-looking document behind.
pub fn write(bytes: &[u8], path: &std::path::Path) -> Result<(), DocError> {
    let err = |e: std::io::Error| DocError::Write {
        path: path.display().to_string(),
        reason: crate::store::io_reason(&e),
    };
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    let tmp = std::path::PathBuf::from(tmp);
    if let Some(dir) = path.parent()
        && !dir.as_os_str().is_empty()
    {
        std::fs::create_dir_all(dir).map_err(err)?;
    }
    let result = (|| {
        use std::io::Write;
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(err(e));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::docs::flow::Flow;
    use crate::docs::layout::{Margins, Style, plain};

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        let mut doc = Flow::new("t", Margins::default()).finish();
        doc.pages.clear();
        let e = render_pdf(&doc).unwrap_err();
        assert!(e.to_string().starts_with("Không tạo được tệp PDF"), "{e}");

        let mut flow = Flow::new("t", Margins::default());
        flow.text(f32::NAN, 100.0, Face::Regular, 13.0, "x");
        assert!(matches!(render_pdf(&flow.finish()), Err(DocError::Pdf(_))));
    }

    #[test]
    fn progress_reaches_the_last_page() {
        let mut flow = Flow::new("t", Margins::default());
        for i in 0..100 {
            flow.paragraph(&plain(format!("Đoạn {i}")), &Style::body());
        }
        let doc = flow.finish();
        let mut seen = Vec::new();
        let bytes = render_pdf_with_progress(&doc, &mut |d, t| seen.push((d, t))).unwrap();
        let n = doc.pages.len();
        assert_eq!(seen.last(), Some(&(n, n)));
        assert_eq!(seen.len(), n);
        assert!(bytes.starts_with(b"%PDF-"));
    }

    #[test]
    fn writing_goes_through_a_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kế hoạch.pdf");
        write(b"%PDF-1.7", &path).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"%PDF-1.7");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "no temporary file is left behind");
        // A file standing where the folder should be.
        let e = write(b"x", &path.join("b.pdf")).unwrap_err();
        assert!(e.to_string().starts_with("Không ghi được tệp PDF"), "{e}");
    }
}
