//! Exports: the people list in Vietnamese name order, and one subject's history.

use std::path::Path;

use rust_xlsxwriter::{Format, FormatBorder, Workbook, Worksheet, XlsxError};

use super::ExchangeError;
use crate::domain::collation::compare_person_names;
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

pub(super) fn write_headers(ws: &mut Worksheet, headers: &[(&str, f64)]) -> Result<(), XlsxError> {
    let bold = header_format();
    for (col, (title, width)) in headers.iter().enumerate() {
        ws.write_string_with_format(0, col as u16, *title, &bold)?;
        ws.set_column_width(col as u16, *width)?;
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

pub(super) fn save(mut workbook: Workbook, path: &Path) -> Result<(), ExchangeError> {
    workbook.save(path).map_err(|e| ExchangeError::Write {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })
}

fn xlsx(path: &Path) -> impl Fn(XlsxError) -> ExchangeError + '_ {
    move |e| ExchangeError::Write {
        path: path.to_path_buf(),
        reason: e.to_string(),
    }
}

/// The people list, in Vietnamese name order (tên, họ, đệm). Text is always written as
/// text: "=SUM(A1)" stays a name, never a formula.
pub fn export_people(
    path: &Path,
    rows: &[PersonRow],
    progress: &mut dyn FnMut(usize, usize),
) -> Result<(), ExchangeError> {
    let mut sorted: Vec<&PersonRow> = rows.iter().collect();
    sorted.sort_by(|a, b| compare_person_names(&a.person.full_name, &b.person.full_name));
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let e = xlsx(path);
    ws.set_name("Cá nhân").map_err(&e)?;
    write_headers(
        ws,
        &[
            ("STT", 6.0),
            ("Họ và tên", 28.0),
            ("Giới tính", 9.0),
            ("Ngày sinh", 12.0),
            ("Đơn vị", 34.0),
            ("Chức vụ", 22.0),
            ("Lãnh đạo Sở", 11.0),
            ("Ngày tuyển dụng", 14.0),
            ("Tình trạng", 16.0),
        ],
    )
    .map_err(&e)?;
    let date = date_format();
    for (i, r) in sorted.iter().enumerate() {
        let row = i as u32 + 1;
        let p = &r.person;
        ws.write_number(row, 0, (i + 1) as f64).map_err(&e)?;
        ws.write_string(row, 1, &p.full_name).map_err(&e)?;
        ws.write_string(row, 2, p.gender.label()).map_err(&e)?;
        if let Some(d) = p.birth_date {
            ws.write_date_with_format(row, 3, d, &date).map_err(&e)?;
        }
        ws.write_string(row, 4, &r.unit_name).map_err(&e)?;
        ws.write_string(row, 5, &p.position).map_err(&e)?;
        ws.write_string(row, 6, if p.is_department_leader { "x" } else { "" })
            .map_err(&e)?;
        if let Some(d) = p.recruited_on {
            ws.write_date_with_format(row, 7, d, &date).map_err(&e)?;
        }
        ws.write_string(row, 8, p.status.label()).map_err(&e)?;
        if i % 1_000 == 0 {
            progress(i, sorted.len());
        }
    }
    progress(sorted.len(), sorted.len());
    save(wb, path)
}

/// One subject's award history, by year.
pub fn export_history(
    path: &Path,
    subject_title: &str,
    records: &[AwardRecord],
    catalogue: &[CatalogueEntry],
) -> Result<(), ExchangeError> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let e = xlsx(path);
    ws.set_name("Lịch sử khen thưởng").map_err(&e)?;
    let title = Format::new().set_bold().set_font_size(13);
    ws.write_string_with_format(
        0,
        0,
        format!("Lịch sử khen thưởng: {subject_title}"),
        &title,
    )
    .map_err(&e)?;
    let bold = header_format();
    for (col, (t, w)) in [
        ("Năm", 8.0),
        ("Danh hiệu, hình thức", 44.0),
        ("Số quyết định", 16.0),
        ("Ngày quyết định", 14.0),
        ("Cơ quan, người ký", 28.0),
        ("Ghi chú", 30.0),
    ]
    .iter()
    .enumerate()
    {
        ws.write_string_with_format(2, col as u16, *t, &bold)
            .map_err(&e)?;
        ws.set_column_width(col as u16, *w).map_err(&e)?;
    }
    let date = date_format();
    for (i, r) in records.iter().enumerate() {
        let row = i as u32 + 3;
        let name = catalogue
            .iter()
            .find(|c| c.id == r.catalogue_id)
            .map(|c| c.name.as_str())
            .unwrap_or("");
        ws.write_number(row, 0, r.year as f64).map_err(&e)?;
        ws.write_string(row, 1, name).map_err(&e)?;
        ws.write_string(row, 2, &r.decision_number).map_err(&e)?;
        if let Some(d) = r.decision_date {
            ws.write_date_with_format(row, 3, d, &date).map_err(&e)?;
        }
        ws.write_string(row, 4, &r.issuer).map_err(&e)?;
        ws.write_string(row, 5, &r.note).map_err(&e)?;
    }
    save(wb, path)
}
