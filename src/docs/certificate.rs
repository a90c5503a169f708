//! Certificates (Giấy khen), one page per subject of a decision: a full design on plain
//! paper, or only the fields on pre-printed blanks (phôi) at positions calibrated in
//! millimetres; a ruler grid on plain paper helps the calibration. Long names shrink to fit.

use serde::{Deserialize, Serialize};

use super::council::concat;
use super::flow::Flow;
use super::fonts::{Face, width};
use super::layout::{LaidOut, MM, Margins};
use crate::domain::text::nfc;

/// What one certificate says.
#[derive(Debug, Clone, PartialEq)]
pub struct CertificateText {
    pub name: String,
    pub unit: String,
    /// "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2026".
    pub achievement: String,
    /// "Quyết định số 12/QĐ-SCT ngày 12/01/2027".
    pub decision: String,
    /// "Gia Lai, ngày 12 tháng 01 năm 2027".
    pub date_line: String,
    /// "GIÁM ĐỐC", "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC".
    pub signer_title: String,
    pub signer_name: String,
}

/// Where a field goes on a blank: its centre x, its baseline y, the type size and the
/// widest it may be (millimetres and points).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct FieldPos {
    pub x_mm: f32,
    pub y_mm: f32,
    pub size: f32,
    pub width_mm: f32,
}

/// Field positions on the province's blank (landscape A4), set once by the clerk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BlankLayout {
    pub name: FieldPos,
    pub unit: FieldPos,
    pub achievement: FieldPos,
    pub decision: FieldPos,
    pub date_line: FieldPos,
    pub signer_name: FieldPos,
}

impl Default for BlankLayout {
    fn default() -> Self {
        let f = |x_mm, y_mm, size, width_mm| FieldPos {
            x_mm,
            y_mm,
            size,
            width_mm,
        };
        BlankLayout {
            name: f(148.5, 98.0, 26.0, 200.0),
            unit: f(148.5, 112.0, 16.0, 220.0),
            achievement: f(148.5, 126.0, 15.0, 230.0),
            decision: f(70.0, 178.0, 12.0, 110.0),
            date_line: f(215.0, 160.0, 13.0, 120.0),
            signer_name: f(215.0, 192.0, 15.0, 100.0),
        }
    }
}

/// The size at which `text` fits `max_width` points (never below 8 pt).
pub fn fitted_size(face: Face, size: f32, text: &str, max_width: f32) -> f32 {
    let mut s = size;
    while s > 8.0 && width(face, s, text) > max_width {
        s -= 0.5;
    }
    s
}

fn centred(
    flow: &mut Flow,
    face: Face,
    size: f32,
    text: &str,
    center_x: f32,
    baseline_y: f32,
    max_width: f32,
) {
    let text = nfc(text.trim());
    if text.is_empty() {
        return;
    }
    let s = fitted_size(face, size, &text, max_width);
    flow.text_centered(center_x, baseline_y - s * 0.8, face, s, &text);
}

/// A certificate is not an administrative document: its page keeps only a printer's
/// margin of 8 mm (the legal margins of Nghị định 30 do not apply).
fn page() -> Flow {
    let printer = 8.0 * MM;
    let margins = Margins {
        top: printer,
        bottom: printer,
        left: printer,
        right: printer,
    };
    let mut flow = Flow::new("Giấy khen", margins);
    flow.set_landscape(true);
    flow
}

/// The full design on plain paper.
pub fn plain_certificates(list: &[CertificateText], org_body: &str) -> LaidOut {
    let parts = list
        .iter()
        .map(|c| {
            let mut f = page();
            let (w, h) = (f.page_width(), f.page_height());
            // A double border inside the margins.
            for inset in [10.0 * MM, 12.5 * MM] {
                let (x0, y0, x1, y1) = (inset, inset, w - inset, h - inset);
                f.line(x0, y0, x1, y0, 1.2);
                f.line(x1, y0, x1, y1, 1.2);
                f.line(x1, y1, x0, y1, 1.2);
                f.line(x0, y1, x0, y0, 1.2);
            }
            let cx = w / 2.0;
            let wide = w - 60.0 * MM;
            centred(
                &mut f,
                Face::Bold,
                14.0,
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                cx,
                30.0 * MM,
                wide,
            );
            centred(
                &mut f,
                Face::Bold,
                14.0,
                "Độc lập - Tự do - Hạnh phúc",
                cx,
                37.0 * MM,
                wide,
            );
            centred(
                &mut f,
                Face::Bold,
                16.0,
                &format!("GIÁM ĐỐC {}", nfc(org_body).to_uppercase()),
                cx,
                52.0 * MM,
                wide,
            );
            centred(&mut f, Face::Regular, 16.0, "TẶNG", cx, 62.0 * MM, wide);
            centred(&mut f, Face::Bold, 40.0, "GIẤY KHEN", cx, 80.0 * MM, wide);
            centred(&mut f, Face::Bold, 26.0, &c.name, cx, 98.0 * MM, 200.0 * MM);
            centred(
                &mut f,
                Face::Regular,
                16.0,
                &c.unit,
                cx,
                112.0 * MM,
                220.0 * MM,
            );
            centred(
                &mut f,
                Face::Italic,
                15.0,
                &c.achievement,
                cx,
                126.0 * MM,
                230.0 * MM,
            );
            centred(
                &mut f,
                Face::Regular,
                12.0,
                &c.decision,
                70.0 * MM,
                178.0 * MM,
                110.0 * MM,
            );
            centred(
                &mut f,
                Face::Italic,
                13.0,
                &c.date_line,
                215.0 * MM,
                150.0 * MM,
                120.0 * MM,
            );
            centred(
                &mut f,
                Face::Bold,
                14.0,
                &c.signer_title,
                215.0 * MM,
                158.0 * MM,
                120.0 * MM,
            );
            centred(
                &mut f,
                Face::Bold,
                15.0,
                &c.signer_name,
                215.0 * MM,
                190.0 * MM,
                100.0 * MM,
            );
            f.finish()
        })
        .collect();
    concat("Giấy khen", parts)
}

/// Only the fields, for pre-printed blanks.
pub fn blank_certificates(list: &[CertificateText], layout: &BlankLayout) -> LaidOut {
    let parts = list
        .iter()
        .map(|c| {
            let mut f = page();
            for (pos, face, text) in [
                (layout.name, Face::Bold, &c.name),
                (layout.unit, Face::Regular, &c.unit),
                (layout.achievement, Face::Italic, &c.achievement),
                (layout.decision, Face::Regular, &c.decision),
                (layout.date_line, Face::Italic, &c.date_line),
                (layout.signer_name, Face::Bold, &c.signer_name),
            ] {
                centred(
                    &mut f,
                    face,
                    pos.size,
                    text,
                    pos.x_mm * MM,
                    pos.y_mm * MM,
                    pos.width_mm * MM,
                );
            }
            f.finish()
        })
        .collect();
    concat("Giấy khen (in trên phôi)", parts)
}

/// A ruler grid every 10 mm on plain paper, laid over a blank to read field positions.
pub fn calibration_grid() -> LaidOut {
    let mut f = page();
    let (w, h) = (f.page_width(), f.page_height());
    let step = 10.0 * MM;
    let mut x = 10.0 * MM;
    while x < w - 8.0 * MM {
        f.line(x, 8.0 * MM, x, h - 8.0 * MM, 0.2);
        f.text(
            x + 1.0,
            9.0 * MM,
            Face::Regular,
            6.0,
            &format!("{:.0}", x / MM),
        );
        x += step;
    }
    let mut y = 10.0 * MM;
    while y < h - 8.0 * MM {
        f.line(8.0 * MM, y, w - 8.0 * MM, y, 0.2);
        f.text(
            9.0 * MM,
            y + 1.0,
            Face::Regular,
            6.0,
            &format!("{:.0}", y / MM),
        );
        y += step;
    }
    f.finish()
}
