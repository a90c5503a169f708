//! Exports: the people list in Vietnamese name order, and one subject's history. Dates are
//! real dates shown dd/mm/yyyy; text is always text, and text that Excel would take for a
//! formula (=, +, -, @ at the start) is also marked with a quote prefix, so it stays text
//! even when the clerk edits the cell.

use std::path::Path;

use rust_xlsxwriter::{Format, FormatBorder, Workbook, Worksheet, XlsxError};

use super::{ExchangeError, io_reason};
use crate::domain::collation::person_name_key;
use crate::domain::model::{AwardRecord, CatalogueEntry};
use crate::store::PersonRow;

pub(super) fn header_format() -> Format {
    Format::new()
        .set_bold()
        .set_border(FormatBorder::Thin)
        .set_background_color(0xDDEBF7)
        .set_text_wrap()
}

pub(super) fn date_format() -> Format {
    Format::new().set_num_format("dd/mm/yyyy")
}

/// Header cells in bold on the first row, with their column widths; the row stays in view.
pub(super) fn write_headers(ws: &mut Worksheet, headers: &[(&str, f64)]) -> Result<(), XlsxError> {
    write_headers_at(ws, 0, headers)
}

pub(super) fn write_headers_at(
    ws: &mut Worksheet,
    row: u32,
    headers: &[(&str, f64)],
) -> Result<(), XlsxError> {
    let bold = header_format();
    for (col, (title, width)) in headers.iter().enumerate() {
        ws.write_string_with_format(row, col as u16, *title, &bold)?;
        ws.set_column_width(col as u16, *width)?;
    }
    ws.set_freeze_panes(row + 1, 0)?;
    Ok(())
}

/// Whether Excel would read `text` typed into a cell as a formula.
pub(super) fn looks_like_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// Write `text` as a text cell (nothing for empty text).
pub(super) fn put_text(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    text: &str,
) -> Result<(), XlsxError> {
    if text.is_empty() {
        return Ok(());
    }
    if looks_like_formula(text) {
        let quoted = Format::new().set_quote_prefix();
        ws.write_string_with_format(row, col, text, &quoted)?;
    } else {
        ws.write_string(row, col, text)?;
    }
    Ok(())
}

/// A writer error as an [`ExchangeError::Write`] for `path`.
pub(super) fn xlsx_error(path: &Path) -> impl Fn(XlsxError) -> ExchangeError + '_ {
    move |e| ExchangeError::Write {
        path: path.to_path_buf(),
        reason: match &e {
            XlsxError::IoError(io) => io_reason(io),
            _ => e.to_string(),
        },
    }
}

/// Save through a temporary file beside the target, so a failed write never leaves half a
/// workbook under the clerk's file name.
pub(super) fn save(mut workbook: Workbook, path: &Path) -> Result<(), ExchangeError> {
    let bytes = workbook.save_to_buffer().map_err(xlsx_error(path))?;
    let write_err = |e: std::io::Error| ExchangeError::Write {
        path: path.to_path_buf(),
        reason: io_reason(&e),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "xuat.xlsx".into());
    let temp = path.with_file_name(format!(".{name}.tmp"));
    if let Err(e) = std::fs::write(&temp, &bytes) {
        let _ = std::fs::remove_file(&temp);
        return Err(write_err(e));
    }
    std::fs::rename(&temp, path).map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        write_err(e)
    })
}

/// The people list, in Vietnamese name order (tên, họ, đệm; then unit and birth date).
pub fn export_people(
    path: &Path,
    rows: &[PersonRow],
    progress: &mut dyn FnMut(usize, usize),
) -> Result<(), ExchangeError> {
    let mut sorted: Vec<&PersonRow> = rows.iter().collect();
    sorted.sort_by_cached_key(|r| {
        (
            person_name_key(&r.person.full_name),
            r.unit_order,
            r.unit_name.clone(),
            r.person.birth_date,
            r.person.id,
        )
    });
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let e = xlsx_error(path);
    ws.set_name("Cá nhân").map_err(&e)?;
    write_headers(
        ws,
        &[
            ("STT", 6.0),
            ("Họ và tên", 28.0),
            ("Giới tính", 9.0),
            ("Ngày sinh", 12.0),
            ("Đơn vị", 34.0),
            ("Chức vụ", 24.0),
            ("Lãnh đạo Sở", 11.0),
            ("Ngày tuyển dụng", 14.0),
            ("Tình trạng", 16.0),
        ],
    )
    .map_err(&e)?;
    let date = date_format();
    let total = sorted.len();
    for (i, r) in sorted.iter().enumerate() {
        let row = i as u32 + 1;
        let p = &r.person;
        ws.write_number(row, 0, (i + 1) as f64).map_err(&e)?;
        put_text(ws, row, 1, &p.full_name).map_err(&e)?;
        put_text(ws, row, 2, p.gender.label()).map_err(&e)?;
        if let Some(d) = p.birth_date {
            ws.write_date_with_format(row, 3, d, &date).map_err(&e)?;
        }
        put_text(ws, row, 4, &r.unit_name).map_err(&e)?;
        put_text(ws, row, 5, &p.position).map_err(&e)?;
        let leader = if p.is_department_leader { "x" } else { "" };
        put_text(ws, row, 6, leader).map_err(&e)?;
        if let Some(d) = p.recruited_on {
            ws.write_date_with_format(row, 7, d, &date).map_err(&e)?;
        }
        put_text(ws, row, 8, p.status.label()).map_err(&e)?;
        if i.is_multiple_of(1_000) {
            progress(i, total);
        }
    }
    if total > 0 {
        ws.autofilter(0, 0, total as u32, 8).map_err(&e)?;
    }
    save(wb, path)?;
    progress(total, total);
    Ok(())
}

/// One subject's award history, by year and catalogue order, under a title line.
pub fn export_history(
    path: &Path,
    subject_title: &str,
    records: &[AwardRecord],
    catalogue: &[CatalogueEntry],
) -> Result<(), ExchangeError> {
    let entry = |id| catalogue.iter().find(|c| c.id == id);
    let mut sorted: Vec<&AwardRecord> = records.iter().collect();
    sorted.sort_by_key(|r| (r.year, entry(r.catalogue_id).map(|c| c.sort_order), r.id));
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let e = xlsx_error(path);
    ws.set_name("Lịch sử khen thưởng").map_err(&e)?;
    let title = Format::new().set_bold().set_font_size(13);
    let heading = format!("Lịch sử khen thưởng: {subject_title}");
    ws.write_string_with_format(0, 0, heading, &title)
        .map_err(&e)?;
    write_headers_at(
        ws,
        2,
        &[
            ("Năm", 8.0),
            ("Danh hiệu, hình thức", 44.0),
            ("Số quyết định", 16.0),
            ("Ngày quyết định", 14.0),
            ("Cơ quan, người ký", 28.0),
            ("Ghi chú", 30.0),
        ],
    )
    .map_err(&e)?;
    let date = date_format();
    for (i, r) in sorted.iter().enumerate() {
        let row = i as u32 + 3;
        ws.write_number(row, 0, r.year as f64).map_err(&e)?;
        let name = entry(r.catalogue_id).map(|c| c.name.as_str()).unwrap_or("");
        put_text(ws, row, 1, name).map_err(&e)?;
        put_text(ws, row, 2, &r.decision_number).map_err(&e)?;
        if let Some(d) = r.decision_date {
            ws.write_date_with_format(row, 3, d, &date).map_err(&e)?;
        }
        put_text(ws, row, 4, &r.issuer).map_err(&e)?;
        put_text(ws, row, 5, &r.note).map_err(&e)?;
    }
    save(wb, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_like_text_is_recognised() {
        for t in ["=SUM(A1)", "+84 912", "-1", "@x", "\tA"] {
            assert!(looks_like_formula(t), "{t}");
        }
        for t in ["Nguyễn Văn A", "12/QĐ-SCT", ""] {
            assert!(!looks_like_formula(t), "{t}");
        }
    }

    #[test]
    fn a_write_to_a_missing_folder_says_so_in_vietnamese() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("khong-co").join("x.xlsx");
        let err = export_people(&path, &[], &mut |_, _| {}).unwrap_err();
        let text = err.to_string();
        assert!(text.starts_with("Không ghi được tệp"), "{text}");
        assert!(text.contains("không tìm thấy tệp hoặc thư mục"), "{text}");
        assert!(!path.exists());
    }
}
