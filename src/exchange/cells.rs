//! Cells and headers: every value becomes clean NFC text, dates become dd/mm/yyyy, and
//! headers are matched without regard to case, accents, punctuation or order.

use calamine::DataRef;
use chrono::{Datelike, NaiveDate};

use crate::domain::text::{clean, fold};
use crate::domain::validate::format_date;

/// The most data rows one import reads.
pub const MAX_ROWS: usize = 200_000;
/// Columns after this one are ignored (no template has more than a dozen).
pub const MAX_COLUMNS: usize = 128;
/// The header is looked for among this many rows at the top of the sheet.
pub const HEADER_SEARCH_ROWS: usize = 30;
/// Files larger than this are refused before they are unpacked.
pub const MAX_FILE_MEGABYTES: u64 = 100;
/// Files whose parts would unpack to more than this are refused before any part is read
/// (a "zip bomb" of a few megabytes can unpack to gigabytes of shared strings). The zip
/// reader also stops at each part's declared size, so the declared sizes bound the memory.
pub const MAX_UNPACKED_MEGABYTES: u64 = 600;

/// A column a kind of file reads: its name as in the template, other names it may carry,
/// and whether a file without it is refused.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    pub required: bool,
}

/// A required column.
pub const fn req(name: &'static str, aliases: &'static [&'static str]) -> Column {
    Column {
        name,
        aliases,
        required: true,
    }
}

/// An optional column.
pub const fn opt(name: &'static str, aliases: &'static [&'static str]) -> Column {
    Column {
        name,
        aliases,
        required: false,
    }
}

/// A cell as clean text, or the Excel error it holds (#REF!, #VALUE! …).
pub fn cell_text(cell: &DataRef<'_>) -> Result<String, String> {
    Ok(match cell {
        DataRef::Empty => String::new(),
        DataRef::Error(e) => return Err(e.to_string()),
        DataRef::String(s) => clean(s),
        DataRef::SharedString(s) => clean(s),
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) => number_text(*f),
        DataRef::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        DataRef::DateTime(d) => match d.as_datetime() {
            Some(dt) if d.is_datetime() => {
                format!("{:02}/{:02}/{}", dt.day(), dt.month(), dt.year())
            }
            _ => number_text(d.as_f64()),
        },
        DataRef::DateTimeIso(s) => clean(s.split('T').next().unwrap_or("")),
        DataRef::DurationIso(s) => clean(s),
    })
}

fn number_text(f: f64) -> String {
    if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        f.to_string()
    }
}

/// A header as compared: folded, without parenthesised hints such as "(x)", punctuation
/// as spaces. "Lãnh đạo Sở (x)" and "lanh dao so" give the same key.
pub fn header_key(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in fold(text).chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            c if c.is_alphanumeric() => out.push(c),
            _ => {
                if !out.is_empty() && !out.ends_with(' ') {
                    out.push(' ');
                }
            }
        }
    }
    out.trim_end().to_owned()
}

/// The index of each wanted column in `headers` (by name or alias).
pub fn match_columns(headers: &[String], wanted: &[Column]) -> Vec<Option<usize>> {
    let keys: Vec<String> = headers.iter().map(|h| header_key(h)).collect();
    wanted
        .iter()
        .map(|w| {
            std::iter::once(w.name)
                .chain(w.aliases.iter().copied())
                .find_map(|n| {
                    let key = header_key(n);
                    keys.iter().position(|k| *k == key)
                })
        })
        .collect()
}

/// Date text from a date column: an Excel date serial number typed or pasted as a number
/// (45296) becomes 05/01/2024; anything else is left for `parse_date` to judge. Numbers
/// below 10000 (before 1927) are left alone, so a bare year is refused, not misread.
pub fn date_text(text: &str) -> String {
    let numeric = !text.is_empty()
        && text.chars().all(|c| c.is_ascii_digit() || c == '.')
        && text.chars().filter(|&c| c == '.').count() <= 1;
    if numeric
        && let Ok(v) = text.parse::<f64>()
        && (10_000.0..=109_574.0).contains(&v)
        && let Some(d) = NaiveDate::from_ymd_opt(1899, 12, 30)
            .and_then(|base| base.checked_add_signed(chrono::Duration::days(v.floor() as i64)))
    {
        return format_date(d);
    }
    text.to_owned()
}

/// The Excel letter of a 0-based column: 0 → A, 27 → AB.
pub fn column_letter(mut index: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters.iter().rev().map(|&b| b as char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_match_without_accents_case_or_hints() {
        assert_eq!(header_key("Lãnh đạo Sở (x)"), "lanh dao so");
        assert_eq!(
            header_key("  DANH HIỆU,  hình thức "),
            "danh hieu hinh thuc"
        );
        let headers: Vec<String> = ["STT", "ho va ten", "Đơn vị (*)"]
            .map(String::from)
            .to_vec();
        let cols = match_columns(
            &headers,
            &[
                req("Đơn vị", &[]),
                req("Họ và tên", &[]),
                opt("Ngày sinh", &[]),
            ],
        );
        assert_eq!(cols, vec![Some(2), Some(1), None]);
    }

    #[test]
    fn cells_become_clean_text() {
        assert_eq!(
            cell_text(&DataRef::String("  Nguye\u{302}\u{303}n  Văn ".into())),
            Ok("Nguyễn Văn".into())
        );
        assert_eq!(
            cell_text(&DataRef::SharedString("Thi\u{323} Ha\u{300}")),
            Ok("Thị Hà".into())
        );
        assert_eq!(cell_text(&DataRef::Float(50.0)), Ok("50".into()));
        assert_eq!(cell_text(&DataRef::Float(1.5)), Ok("1.5".into()));
        assert_eq!(cell_text(&DataRef::Float(f64::NAN)), Ok("NaN".into()));
        assert_eq!(
            cell_text(&DataRef::Error(calamine::CellErrorType::Ref)),
            Err("#REF!".into())
        );
        assert_eq!(
            cell_text(&DataRef::DateTimeIso("2027-01-05T00:00:00".into())),
            Ok("2027-01-05".into())
        );
    }

    #[test]
    fn date_serials_become_dates_but_years_do_not() {
        assert_eq!(date_text("45296"), "05/01/2024");
        assert_eq!(date_text("45296.75"), "05/01/2024");
        assert_eq!(date_text("1985"), "1985");
        assert_eq!(date_text("05.01.2027"), "05.01.2027");
        assert_eq!(date_text("99999999999"), "99999999999");
        assert_eq!(date_text(""), "");
    }

    #[test]
    fn column_letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }
}
