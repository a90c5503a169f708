//! Rendering a laid-out document with printpdf: the four serif faces embedded and subset,
//! every string NFC (decomposed marks would print in the wrong place).

use printpdf::{
    Color, Line, LinePoint, Mm, Op, ParsedFont, PdfDocument, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Pt, Rgb, TextItem,
};

use super::fonts::Face;
use super::layout::{Item, LaidOut};
use crate::domain::text::nfc;

#[derive(Debug, thiserror::Error)]
pub enum DocError {
    #[error("Không nạp được phông chữ văn bản. Hãy cài lại phần mềm.")]
    Font,
    #[error(
        "Không ghi được tệp PDF {path}: {reason}. Hãy kiểm tra quyền ghi và dung lượng ổ đĩa, và tệp không đang mở ở chương trình khác."
    )]
    Write { path: String, reason: String },
}

const PT_PER_MM: f32 = 72.0 / 25.4;

/// The PDF bytes of a laid-out document; `progress(done, total)` after each page.
pub fn render(doc: &LaidOut, progress: &mut dyn FnMut(usize, usize)) -> Result<Vec<u8>, DocError> {
    let mut pdf = PdfDocument::new(&doc.title);
    let mut warnings = Vec::new();
    let mut fonts = Vec::new();
    for face in Face::ALL {
        let parsed =
            ParsedFont::from_bytes(face.bytes(), 0, &mut warnings).ok_or(DocError::Font)?;
        fonts.push(pdf.add_font(&parsed));
    }
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
        for item in &page.items {
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
                    ops.push(Op::SetFont {
                        font: PdfFontHandle::External(fonts[face.index()].clone()),
                        size: Pt(*size),
                    });
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
                    ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
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
        reason: e.to_string(),
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
