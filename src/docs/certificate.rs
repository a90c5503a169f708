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

/// The landscape A4 sheet the blanks are printed on, in millimetres.
pub const SHEET_MM: (f32, f32) = (297.0, 210.0);

impl BlankLayout {
    /// Each field with its name as the clerk reads it.
    pub fn fields(&self) -> [(&'static str, FieldPos); 6] {
        [
            ("Họ và tên (tên tập thể)", self.name),
            ("Chức vụ, đơn vị", self.unit),
            ("Thành tích", self.achievement),
            ("Số, ngày quyết định", self.decision),
            ("Địa danh, ngày tháng", self.date_line),
            ("Họ tên người ký", self.signer_name),
        ]
    }

    /// The same fields, to be changed.
    pub fn fields_mut(&mut self) -> [(&'static str, &mut FieldPos); 6] {
        [
            ("Họ và tên (tên tập thể)", &mut self.name),
            ("Chức vụ, đơn vị", &mut self.unit),
            ("Thành tích", &mut self.achievement),
            ("Số, ngày quyết định", &mut self.decision),
            ("Địa danh, ngày tháng", &mut self.date_line),
            ("Họ tên người ký", &mut self.signer_name),
        ]
    }

    /// What keeps these positions from printing on the sheet, in the clerk's words.
    pub fn problems(&self) -> Vec<String> {
        let (w, h) = SHEET_MM;
        let mut v = Vec::new();
        for (label, f) in self.fields() {
            let inside = |n: f32, max: f32| n.is_finite() && (0.0..=max).contains(&n);
            if !inside(f.x_mm, w) {
                v.push(format!(
                    "{label}: vị trí cách mép trái phải từ 0 đến {w:.0} mm."
                ));
            }
            if !inside(f.y_mm, h) {
                v.push(format!(
                    "{label}: vị trí cách mép trên phải từ 0 đến {h:.0} mm."
                ));
            }
            if !(f.size.is_finite() && (6.0..=72.0).contains(&f.size)) {
                v.push(format!("{label}: cỡ chữ phải từ 6 đến 72 pt."));
            }
            if !(f.width_mm.is_finite() && (10.0..=w).contains(&f.width_mm)) {
                v.push(format!("{label}: độ rộng phải từ 10 đến {w:.0} mm."));
            }
        }
        v
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
            fields(&mut f, c, layout);
            f.finish()
        })
        .collect();
    concat("Giấy khen (in trên phôi)", parts)
}

fn fields(f: &mut Flow, c: &CertificateText, layout: &BlankLayout) {
    for (pos, face, text) in [
        (layout.name, Face::Bold, &c.name),
        (layout.unit, Face::Regular, &c.unit),
        (layout.achievement, Face::Italic, &c.achievement),
        (layout.decision, Face::Regular, &c.decision),
        (layout.date_line, Face::Italic, &c.date_line),
        (layout.signer_name, Face::Bold, &c.signer_name),
    ] {
        centred(
            f,
            face,
            pos.size,
            text,
            pos.x_mm * MM,
            pos.y_mm * MM,
            pos.width_mm * MM,
        );
    }
}

/// A ruler grid every 10 mm on plain paper, laid over a blank to read field positions.
pub fn calibration_grid() -> LaidOut {
    let mut f = page();
    grid(&mut f);
    f.finish()
}

/// A test print on plain paper: the ruler grid and a sample certificate's fields where
/// `layout` puts them, each field's point (centre, baseline) marked with a small cross and
/// its widest extent with a thin rule, to be held against a blank up to the light.
pub fn test_blank(sample: &CertificateText, layout: &BlankLayout) -> LaidOut {
    let mut f = page();
    grid(&mut f);
    for (_, pos) in layout.fields() {
        let (x, y, half) = (pos.x_mm * MM, pos.y_mm * MM, pos.width_mm * MM / 2.0);
        let arm = 2.0 * MM;
        f.line(x - arm, y, x + arm, y, 0.6);
        f.line(x, y - arm, x, y + arm, 0.6);
        f.line(x - half, y + 1.0 * MM, x + half, y + 1.0 * MM, 0.3);
    }
    fields(&mut f, sample, layout);
    let mut doc = f.finish();
    doc.title = "In thử phôi giấy khen".into();
    doc
}

fn grid(f: &mut Flow) {
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
}

#[cfg(test)]
#[path = "certificate_tests.rs"]
mod tests;
