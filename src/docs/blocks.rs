//! The standard blocks of an administrative document (Nghị định 30/2020, Phụ lục I):
//! the two-column header, number and date line, document type and subtitle, headings,
//! "Nơi nhận" with the signature block, and the heading of an attached list.

use chrono::{Datelike, NaiveDate};

use super::flow::Flow;
use super::fonts::{Face, width};
use super::layout::{Align, MM, Run, Style};
use crate::domain::settings::Organisation;
use crate::domain::text::nfc;

/// "12/KH-SCT" ("QĐ", "KH", "TTr", "BB", "BC", "TB" …); without a number, the blank the
/// clerk fills by hand: "     /KH-SCT".
pub fn document_number(number: Option<u32>, kind_abbrev: &str, org_abbrev: &str) -> String {
    let (kind, org) = (nfc(kind_abbrev.trim()), nfc(org_abbrev.trim()));
    match number {
        Some(n) => format!("{n}/{kind}-{org}"),
        None => format!("     /{kind}-{org}"),
    }
}

/// Day and month as printed: a day below 10 and the months 1–2 take a leading zero
/// ("05", "01", "02"); the other months do not ("3" … "12").
fn day_month(date: NaiveDate) -> (String, String) {
    let month = if date.month() <= 2 {
        format!("{:02}", date.month())
    } else {
        date.month().to_string()
    };
    (format!("{:02}", date.day()), month)
}

/// "ngày 05 tháng 01 năm 2027".
pub fn date_words(date: NaiveDate) -> String {
    let (d, m) = day_month(date);
    format!("ngày {d} tháng {m} năm {}", date.year())
}

fn with_place(place: &str, rest: String) -> String {
    let place = nfc(place.trim());
    if place.is_empty() {
        rest
    } else {
        format!("{place}, {rest}")
    }
}

/// "Gia Lai, ngày 05 tháng 01 năm 2027": days below 10 and months 1–2 take a leading zero.
pub fn date_line(place: &str, date: NaiveDate) -> String {
    with_place(place, date_words(date))
}

/// A blank date line for a draft: "Gia Lai, ngày      tháng      năm 2027".
pub fn blank_date_line(place: &str, year: i32) -> String {
    with_place(place, format!("ngày      tháng      năm {year}"))
}

/// A date inside the text, with the same zeros as the date line: "05/01/2027",
/// "30/8/2027", "10/12/2027".
pub fn short_date(date: NaiveDate) -> String {
    let (d, m) = day_month(date);
    format!("{d}/{m}/{}", date.year())
}

/// Runs of spaces left for handwriting ("Số:      /KH-SCT", "ngày      tháng") are kept:
/// they become non-breaking spaces, which the line breaker neither collapses nor breaks.
pub fn keep_spaces(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let next = chars.get(i + 1) == Some(&' ');
            let prev = i > 0 && chars[i - 1] == ' ';
            if c == ' ' && (next || prev) {
                '\u{a0}'
            } else {
                c
            }
        })
        .collect()
}

/// How the document is signed (Nghị định 30/2020, Điều 13 and Phụ lục I).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    /// "KT. GIÁM ĐỐC", "TM. HỘI ĐỒNG", "TL. GIÁM ĐỐC"; empty when the signer signs in
    /// their own right.
    pub mark: String,
    /// "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Q. GIÁM ĐỐC", "CHỦ TỊCH", "CHÁNH VĂN PHÒNG".
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

    /// A deputy signs for the Director: "KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC".
    pub fn deputy(name: &str) -> Self {
        Self {
            mark: "KT. GIÁM ĐỐC".into(),
            title: "PHÓ GIÁM ĐỐC".into(),
            name: name.into(),
        }
    }

    /// The acting head signs: "Q. GIÁM ĐỐC".
    pub fn acting(name: &str) -> Self {
        Self {
            mark: String::new(),
            title: "Q. GIÁM ĐỐC".into(),
            name: name.into(),
        }
    }

    /// For a collective: "TM. HỘI ĐỒNG" / "CHỦ TỊCH".
    pub fn on_behalf(collective: &str, position: &str, name: &str) -> Self {
        Self {
            mark: format!("TM. {}", collective.trim()),
            title: position.into(),
            name: name.into(),
        }
    }

    /// By order of the Director: "TL. GIÁM ĐỐC" / "CHÁNH VĂN PHÒNG".
    pub fn by_order(position: &str, name: &str) -> Self {
        Self {
            mark: "TL. GIÁM ĐỐC".into(),
            title: position.into(),
            name: name.into(),
        }
    }
}

const HEADER_SIZE: f32 = 13.0;
const MOTTO_SIZE: f32 = 14.0;
const NATION: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";
/// The left header column's share of the content width.
const LEFT_SHARE: f32 = 0.4;

fn header_style(size: f32) -> Style {
    Style {
        leading: 1.2,
        ..Style::centered(size)
    }
}

/// The two-column header and, under it, the number (left) and the italic date line
/// (right). Long names wrap inside their column.
pub fn header(flow: &mut Flow, org: &Organisation, number: &str, date_text: &str) {
    let left_w = flow.content_width() * LEFT_SHARE;
    let (left_x, right_x) = (flow.left(), flow.left() + left_w);
    let right_w = flow.content_width() - left_w;
    let left_center = left_x + left_w / 2.0;
    let right_center = right_x + right_w / 2.0;
    let top = flow.y;
    let style = header_style(HEADER_SIZE);

    // Left: cơ quan chủ quản (upright), cơ quan (bold), a short rule under it.
    let mut y = top;
    let parent = nfc(org.parent_body.trim()).to_uppercase();
    if !parent.is_empty() {
        y = flow.block_at(&[Run::regular(&parent)], &style, left_x, left_w, y);
    }
    // The body's name shares its baseline with the motto (set 1 pt larger) when the
    // parent body takes one line.
    if (y - top - style.line_height()).abs() < 0.1 {
        y += (MOTTO_SIZE - HEADER_SIZE) * 0.8;
    }
    let body = [Run::bold(nfc(org.body.trim()).to_uppercase())];
    let body_w = flow
        .lines(&body, &style, left_w)
        .iter()
        .map(|l| l.natural)
        .fold(0.0, f32::max);
    y = flow.block_at(&body, &style, left_x, left_w, y);
    let rule_w = (body_w / 3.0).max(20.0 * MM).min(left_w);
    let left_rule = y + 2.5;
    flow.rule(
        left_center - rule_w / 2.0,
        left_rule,
        left_center + rule_w / 2.0,
        0.6,
    );

    // Right: the national name and the motto, with a rule as wide as the motto.
    let nation_size = if width(Face::Bold, HEADER_SIZE, NATION) <= right_w {
        HEADER_SIZE
    } else {
        12.0
    };
    let ry = flow.block_at(
        &[Run::bold(NATION)],
        &header_style(nation_size),
        right_x,
        right_w,
        top,
    );
    let motto_size = if width(Face::Bold, MOTTO_SIZE, MOTTO) <= right_w {
        MOTTO_SIZE
    } else {
        HEADER_SIZE
    };
    let ry = flow.block_at(
        &[Run::bold(MOTTO)],
        &header_style(motto_size),
        right_x,
        right_w,
        ry,
    );
    let motto_w = width(Face::Bold, motto_size, MOTTO).min(right_w);
    let right_rule = ry + 2.5;
    flow.rule(
        right_center - motto_w / 2.0,
        right_rule,
        right_center + motto_w / 2.0,
        0.6,
    );

    // The number and the date line on one row under both rules.
    let row = left_rule.max(right_rule) + 8.0;
    let date_size = if width(Face::Italic, 14.0, date_text) <= right_w {
        14.0
    } else {
        HEADER_SIZE
    };
    // The number (13 pt) sits on the date line's baseline.
    // A document without a number (a report, a form) has no "Số:" line.
    let number_bottom = if number.is_empty() {
        row
    } else {
        flow.block_at(
            &[Run::regular(format!(
                "Số: {}",
                keep_spaces(number.trim_end())
            ))],
            &style,
            left_x,
            left_w,
            row + (date_size - HEADER_SIZE) * 0.8,
        )
    };
    let date_bottom = flow.block_at(
        &[Run::italic(keep_spaces(date_text))],
        &header_style(date_size),
        right_x,
        right_w,
        row,
    );
    flow.y = number_bottom.max(date_bottom) + 14.0;
}

/// The authority that decides, centred in bold under a decision's title: "GIÁM ĐỐC SỞ …".
pub fn decision_authority(flow: &mut Flow, org: &Organisation) {
    flow.paragraph(
        &[Run::bold(format!(
            "GIÁM ĐỐC {}",
            nfc(&org.body).to_uppercase()
        ))],
        &Style {
            space_after: 8.0,
            ..Style::centered(14.0)
        },
    );
}

/// The document type ("KẾ HOẠCH", "QUYẾT ĐỊNH") and its subtitle ("Về việc …") in bold,
/// centred, with a short rule under them.
pub fn title(flow: &mut Flow, kind: &str, subtitle: &str) {
    let style = header_style(14.0);
    let kind = [Run::bold(nfc(kind.trim()).to_uppercase())];
    let subtitle = [Run::bold(subtitle.trim())];
    let has_subtitle = !subtitle[0].text.is_empty();
    let w = flow.content_width();
    let mut need = flow.measure(&kind, &style, w);
    if has_subtitle {
        need += flow.measure(&subtitle, &style, w);
    }
    // The title stays with its rule and the first lines of the text.
    flow.ensure(need + 16.0 + 3.0 * 14.0 * 1.2);
    flow.paragraph(&kind, &style);
    if has_subtitle {
        flow.paragraph(&subtitle, &style);
    }
    let center = flow.left() + w / 2.0;
    let half = 15.0 * MM;
    flow.rule(center - half, flow.y + 2.0, center + half, 0.6);
    flow.y += 16.0;
}

/// A section heading ("I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích"): bold, at the first-line
/// indent, kept with at least two lines of what follows.
pub fn heading(flow: &mut Flow, text: &str) {
    heading_with(flow, &[Run::bold(text)]);
}

/// Headings that follow each other ("II. NỘI DUNG THI ĐUA", "1. Chủ đề, khẩu hiệu"),
/// kept together and with the first two lines of what follows.
pub fn headings(flow: &mut Flow, texts: &[&str]) {
    let runs: Vec<Vec<Run>> = texts.iter().map(|t| vec![Run::bold(t)]).collect();
    headings_with(flow, &runs);
}

/// A heading or lead-in made of runs, kept with the first two lines of what follows.
pub fn heading_with(flow: &mut Flow, runs: &[Run]) {
    headings_with(flow, &[runs.to_vec()]);
}

/// Headings made of runs, kept together and with the first two lines of what follows.
pub fn headings_with(flow: &mut Flow, headings: &[Vec<Run>]) {
    let style = heading_style();
    let w = flow.content_width();
    let need: f32 = headings
        .iter()
        .map(|runs| flow.measure(runs, &style, w))
        .sum::<f32>()
        + 2.0 * style.line_height();
    flow.ensure(need);
    for runs in headings {
        flow.paragraph(runs, &style);
    }
}

/// The style of headings: body size, left-aligned, at the first-line indent.
pub fn heading_style() -> Style {
    Style {
        align: Align::Left,
        space_before: 3.0,
        ..Style::body()
    }
}

/// The style of the recipients list (11 pt).
fn recipient_style() -> Style {
    Style {
        leading: 1.1,
        ..Style::left(11.0)
    }
}

/// The "Nơi nhận" lines: "- …;" each, the last ending in "."; a "Lưu: …" line goes last.
pub fn recipient_lines(recipients: &[String]) -> Vec<String> {
    let mut list: Vec<String> = recipients
        .iter()
        .map(|r| {
            nfc(r.trim().trim_start_matches(['-', '+']).trim())
                .trim_end_matches([';', '.', ','])
                .to_owned()
        })
        .filter(|r| !r.is_empty())
        .collect();
    if let Some(i) = list.iter().position(|r| r.starts_with("Lưu")) {
        let keep = list.remove(i);
        list.push(keep);
    }
    let n = list.len();
    list.into_iter()
        .enumerate()
        .map(|(i, r)| format!("- {r}{}", if i + 1 == n { "." } else { ";" }))
        .collect()
}

/// Room for the signature and the seal.
const SIGN_SPACE: f32 = 28.0 * MM;
/// The share of the content width the recipients list takes.
const RECIPIENTS_SHARE: f32 = 0.45;

fn sign_style() -> Style {
    header_style(14.0)
}

/// "Nơi nhận:" with its list on the left, the signature block on the right, kept together
/// on one page.
pub fn closing(flow: &mut Flow, recipients: &[String], signature: &Signature) {
    flow.keep_together(|f| closing_block(f, recipients, signature));
}

fn closing_block(flow: &mut Flow, recipients: &[String], signature: &Signature) {
    flow.y += 6.0;
    let top = flow.y;
    let left_w = flow.content_width() * RECIPIENTS_SHARE;
    let right_x = flow.left() + left_w;
    let right_w = flow.content_width() - left_w;
    let x = flow.left();

    let mut y = top;
    let lines = recipient_lines(recipients);
    if !lines.is_empty() {
        flow.text(x, top, Face::BoldItalic, 12.0, "Nơi nhận:");
        y = top + 12.0 * 1.2;
        // "- " hangs: a long recipient wraps under its own text, not under the dash.
        let hang = width(Face::Regular, 11.0, "- ");
        let style = Style {
            left_indent: hang,
            first_indent: -hang,
            ..recipient_style()
        };
        for line in lines {
            y = flow.block_at(&[Run::regular(line)], &style, x, left_w, y);
        }
    }
    let list_bottom = y;

    let style = sign_style();
    let mut y = top;
    for t in [&signature.mark, &signature.title] {
        let upper = nfc(t.trim()).to_uppercase();
        if !upper.is_empty() {
            y = flow.block_at(&[Run::bold(upper)], &style, right_x, right_w, y);
        }
    }
    y += SIGN_SPACE;
    y = flow.block_at(
        &[Run::bold(signature.name.trim())],
        &style,
        right_x,
        right_w,
        y,
    );
    let bottom = list_bottom.max(y);
    // The block is drawn in one go: when it runs past the bottom margin, a new page tells
    // `keep_together` (in `closing`) to set it again at the top of a page.
    if bottom > flow.limit() + 0.01 {
        flow.new_page();
    } else {
        flow.y = bottom + 6.0;
    }
}

/// "Kèm theo Quyết định số 3/QĐ-SCT ngày 12 tháng 01 năm 2027 của Giám đốc Sở Công Thương".
pub fn attached_to(kind: &str, number: &str, date: Option<NaiveDate>, issuer: &str) -> String {
    let date = date.map_or_else(|| "ngày … tháng … năm …".to_owned(), date_words);
    format!("Kèm theo {kind} số {number} {date} của {issuer}")
}

/// The heading of an attached list: optional "Phụ lục I", "DANH SÁCH …" bold upper case,
/// and the italic "(Kèm theo … số … ngày … của …)" line.
pub fn list_heading(flow: &mut Flow, appendix: Option<&str>, title: &str, attached: &str) {
    let style = header_style(14.0);
    if let Some(a) = appendix.filter(|a| !a.trim().is_empty()) {
        flow.paragraph(&[Run::bold(a.trim())], &style);
    }
    flow.paragraph(&[Run::bold(nfc(title.trim()).to_uppercase())], &style);
    let attached = attached
        .trim()
        .trim_start_matches('(')
        .trim_end_matches(')');
    if !attached.is_empty() {
        flow.paragraph(&[Run::italic(format!("({attached})"))], &style);
    }
    let center = flow.left() + flow.content_width() / 2.0;
    flow.rule(center - 15.0 * MM, flow.y + 2.0, center + 15.0 * MM, 0.6);
    flow.y += 14.0;
}

#[cfg(test)]
#[path = "blocks_tests.rs"]
mod tests;
