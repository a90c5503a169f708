//! The standard blocks of an administrative document (Nghị định 30/2020, Phụ lục I):
//! the two-column header, number and date line, document type and subtitle, "Nơi nhận"
//! with the signature block, and the heading of an attached list.

use chrono::{Datelike, NaiveDate};

use super::fonts::{Face, width};
use super::layout::{Flow, MM, Run, Style};
use crate::domain::settings::Organisation;

/// "12/KH-SCT"; without a number, the blank the clerk fills by hand: "     /KH-SCT".
pub fn document_number(number: Option<u32>, kind: &str, org_abbreviation: &str) -> String {
    match number {
        Some(n) => format!("{n}/{kind}-{org_abbreviation}"),
        None => format!("     /{kind}-{org_abbreviation}"),
    }
}

/// "Gia Lai, ngày 05 tháng 01 năm 2027": days below 10 and months 1–2 take a leading zero.
pub fn date_line(place: &str, date: NaiveDate) -> String {
    let month = if date.month() <= 2 {
        format!("{:02}", date.month())
    } else {
        date.month().to_string()
    };
    format!(
        "{place}, ngày {:02} tháng {month} năm {}",
        date.day(),
        date.year()
    )
}

/// A blank date line for a draft: "Gia Lai, ngày      tháng      năm 2027".
pub fn blank_date_line(place: &str, year: i32) -> String {
    format!("{place}, ngày      tháng      năm {year}")
}

/// How the document is signed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    /// "KT. GIÁM ĐỐC", "TM. HỘI ĐỒNG", "Q. GIÁM ĐỐC"; empty when the head signs.
    pub mark: String,
    /// "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "CHỦ TỊCH".
    pub title: String,
    pub name: String,
}

impl Signature {
    /// The Director signs.
    pub fn director(name: &str) -> Self {
        Self {
            mark: String::new(),
            title: "GIÁM ĐỐC".into(),
            name: name.into(),
        }
    }

    /// A deputy signs for the Director.
    pub fn deputy(name: &str) -> Self {
        Self {
            mark: "KT. GIÁM ĐỐC".into(),
            title: "PHÓ GIÁM ĐỐC".into(),
            name: name.into(),
        }
    }
}

const HEADER_SIZE: f32 = 13.0;

/// The two-column header and, under it, the number (left) and the italic date line (right).
pub fn header(flow: &mut Flow, org: &Organisation, number: &str, date_text: &str) {
    let left_w = flow.content_width() * 0.42;
    let right_x = flow.left() + left_w;
    let right_w = flow.content_width() - left_w;
    let left_center = flow.left() + left_w / 2.0;
    let right_center = right_x + right_w / 2.0;
    let top = flow.y;
    let line = HEADER_SIZE * 1.2;

    // Left: cơ quan chủ quản (upright), cơ quan (bold), short rule.
    flow.text_centered(
        left_center,
        top,
        Face::Regular,
        HEADER_SIZE,
        &org.parent_body.to_uppercase(),
    );
    flow.text_centered(
        left_center,
        top + line,
        Face::Bold,
        HEADER_SIZE,
        &org.body.to_uppercase(),
    );
    let body_w = width(Face::Bold, HEADER_SIZE, &org.body.to_uppercase());
    let rule_w = (body_w / 3.0).max(20.0 * MM).min(body_w);
    flow.rule(
        left_center - rule_w / 2.0,
        top + 2.0 * line + 1.0,
        left_center + rule_w / 2.0,
        0.6,
    );

    // Right: the national name and the motto with a rule as wide as the motto.
    let nation = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    let nation_size = if width(Face::Bold, HEADER_SIZE, nation) > right_w {
        12.0
    } else {
        HEADER_SIZE
    };
    flow.text_centered(right_center, top, Face::Bold, nation_size, nation);
    let motto = "Độc lập - Tự do - Hạnh phúc";
    flow.text_centered(right_center, top + line, Face::Bold, 14.0, motto);
    let motto_w = width(Face::Bold, 14.0, motto);
    flow.rule(
        right_center - motto_w / 2.0,
        top + line + 14.0 * 1.2 + 1.0,
        right_center + motto_w / 2.0,
        0.6,
    );

    // Number and date line.
    let row = top + 2.0 * line + 12.0;
    flow.text_centered(
        left_center,
        row,
        Face::Regular,
        HEADER_SIZE,
        &format!("Số: {number}"),
    );
    let date_w = width(Face::Italic, 14.0, date_text);
    let date_size = if date_w > right_w { 13.0 } else { 14.0 };
    flow.text_centered(right_center, row, Face::Italic, date_size, date_text);
    flow.y = row + line + 14.0;
}

/// The document type ("KẾ HOẠCH", "QUYẾT ĐỊNH") and its subtitle lines in bold, centred,
/// with a short rule under them.
pub fn title(flow: &mut Flow, kind: &str, subtitle: &str) {
    let style = Style::centered(14.0);
    flow.paragraph(&[Run::new(kind.to_uppercase(), Face::Bold)], &style);
    if !subtitle.trim().is_empty() {
        flow.paragraph(&[Run::new(subtitle, Face::Bold)], &style);
    }
    let center = flow.left() + flow.content_width() / 2.0;
    let y = flow.y + 2.0;
    flow.rule(center - 18.0 * MM, y, center + 18.0 * MM, 0.6);
    flow.y += 14.0;
}

/// A section heading ("I. MỤC ĐÍCH, YÊU CẦU"): bold, at the left margin, kept with at
/// least two lines of what follows.
pub fn heading(flow: &mut Flow, text: &str) {
    let style = Style {
        first_indent: 10.0 * MM,
        space_before: 6.0,
        space_after: 6.0,
        ..Style::body()
    };
    flow.ensure(style.size * 1.2 * 3.0 + 12.0);
    flow.paragraph(
        &[Run::new(text, Face::Bold)],
        &Style {
            align: super::layout::Align::Left,
            ..style
        },
    );
}

/// The height the closing block (Nơi nhận + signature) needs.
pub fn closing_height(flow: &Flow, recipients: &[String], signature: &Signature) -> f32 {
    let left_w = flow.content_width() * 0.45;
    let list: f32 = recipients
        .iter()
        .map(|r| {
            flow.measure(
                &[Run::new(format!("- {r}"), Face::Regular)],
                &recipient_style(),
                left_w,
            )
        })
        .sum::<f32>()
        + 12.0 * 1.2;
    let sign_lines = if signature.mark.is_empty() { 1.0 } else { 2.0 };
    let sign = sign_lines * 14.0 * 1.2 + 28.0 * MM + 14.0 * 1.2;
    list.max(sign) + 12.0
}

fn recipient_style() -> Style {
    Style {
        size: 11.0,
        align: super::layout::Align::Left,
        first_indent: 0.0,
        left_indent: 0.0,
        space_before: 0.0,
        space_after: 0.0,
        leading: 1.15,
    }
}

/// "Nơi nhận:" with its list on the left, the signature block on the right; the whole
/// block is kept together on one page.
pub fn closing(flow: &mut Flow, recipients: &[String], signature: &Signature) {
    let need = closing_height(flow, recipients, signature);
    flow.ensure(need);
    flow.y += 6.0;
    let top = flow.y;
    let left_w = flow.content_width() * 0.45;
    let right_x = flow.left() + left_w;
    let right_center = right_x + (flow.content_width() - left_w) / 2.0;
    let x = flow.left();

    flow.text(x, top, Face::BoldItalic, 12.0, "Nơi nhận:");
    flow.y = top + 12.0 * 1.2;
    let count = recipients.len();
    for (i, r) in recipients.iter().enumerate() {
        let end = if i + 1 == count { "." } else { ";" };
        let line = format!("- {}{end}", r.trim_end_matches([';', '.']));
        flow.paragraph_in(
            &[Run::new(line, Face::Regular)],
            &recipient_style(),
            x,
            left_w,
        );
    }
    let list_bottom = flow.y;

    let mut y = top;
    if !signature.mark.is_empty() {
        flow.text_centered(
            right_center,
            y,
            Face::Bold,
            14.0,
            &signature.mark.to_uppercase(),
        );
        y += 14.0 * 1.2;
    }
    flow.text_centered(
        right_center,
        y,
        Face::Bold,
        14.0,
        &signature.title.to_uppercase(),
    );
    y += 14.0 * 1.2 + 28.0 * MM;
    flow.text_centered(right_center, y, Face::Bold, 14.0, &signature.name);
    flow.y = list_bottom.max(y + 14.0 * 1.2) + 6.0;
}

/// The heading of an attached list: optional "Phụ lục I", "DANH SÁCH …" bold upper case,
/// and the italic "(Kèm theo … số … ngày … của …)" line.
pub fn list_heading(flow: &mut Flow, appendix: Option<&str>, title: &str, attached_to: &str) {
    if let Some(a) = appendix {
        flow.paragraph(&[Run::new(a, Face::Bold)], &Style::centered(14.0));
    }
    flow.paragraph(
        &[Run::new(title.to_uppercase(), Face::Bold)],
        &Style::centered(14.0),
    );
    flow.paragraph(
        &[Run::new(format!("({attached_to})"), Face::Italic)],
        &Style {
            space_after: 4.0,
            ..Style::centered(14.0)
        },
    );
    let center = flow.left() + flow.content_width() / 2.0;
    flow.rule(center - 18.0 * MM, flow.y + 2.0, center + 18.0 * MM, 0.6);
    flow.y += 12.0;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
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
    }

    #[test]
    fn numbers_are_formatted_with_type_and_body() {
        assert_eq!(document_number(Some(12), "KH", "SCT"), "12/KH-SCT");
        assert_eq!(document_number(Some(3), "QĐ", "SCT"), "3/QĐ-SCT");
        assert_eq!(document_number(None, "TTr", "SCT"), "     /TTr-SCT");
    }
}
