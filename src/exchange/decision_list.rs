//! A decision's attached list as .xlsx: the same groups, order and amounts as the PDF;
//! text stays text.

use std::path::Path;

use rust_xlsxwriter::{Format, Workbook};

use super::ExchangeError;
use super::export::{put_text, save, write_headers_at, xlsx_error};
use crate::docs::decision::DecisionPaper;

/// Write the list of `paper` to `path`.
pub fn export_decision_list(path: &Path, paper: &DecisionPaper) -> Result<(), ExchangeError> {
    let err = xlsx_error(path);
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("Danh sách").map_err(&err)?;
    let bold = Format::new().set_bold();
    let title = match &paper.number {
        Some(n) => format!("Danh sách kèm theo Quyết định số {n}"),
        None => "Danh sách kèm theo dự thảo quyết định".to_owned(),
    };
    ws.write_string_with_format(0, 0, title, &bold)
        .map_err(&err)?;
    put_text(ws, 1, 0, &paper.subject_line).map_err(&err)?;
    write_headers_at(
        ws,
        3,
        &[
            ("STT", 6.0),
            ("Họ và tên / Tên tập thể", 30.0),
            ("Chức vụ, đơn vị", 40.0),
            ("Danh hiệu, hình thức", 30.0),
            ("Số tiền (đồng)", 16.0),
        ],
    )
    .map_err(&err)?;
    let money = Format::new().set_num_format("#,##0");
    let mut row = 4u32;
    let mut n = 0;
    for g in &paper.groups {
        ws.write_string_with_format(row, 1, &g.title, &bold)
            .map_err(&err)?;
        row += 1;
        for l in &g.lines {
            n += 1;
            ws.write_number(row, 0, n as f64).map_err(&err)?;
            put_text(ws, row, 1, &l.name).map_err(&err)?;
            put_text(ws, row, 2, &l.position_unit).map_err(&err)?;
            put_text(ws, row, 3, &g.title).map_err(&err)?;
            if let Some(a) = l.amount {
                ws.write_number_with_format(row, 4, a as f64, &money)
                    .map_err(&err)?;
            }
            row += 1;
        }
    }
    ws.write_string_with_format(row, 1, "Tổng cộng", &bold)
        .map_err(&err)?;
    ws.write_number_with_format(row, 4, paper.total() as f64, &money)
        .map_err(&err)?;
    save(book, path)
}
