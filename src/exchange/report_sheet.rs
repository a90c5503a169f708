//! The period tally as .xlsx: the same lines and totals as the PDF (STT | Danh hiệu, hình
//! thức | Tập thể | Cá nhân), then the awards of each year by level. Counts are numbers;
//! text stays text (a name starting with =, +, - or @ is never a formula).

use std::path::Path;

use rust_xlsxwriter::{Format, Workbook};

use super::ExchangeError;
use super::export::{put_text, save, write_headers_at, xlsx_error};
use crate::domain::model::AwardLevel;
use crate::store::reports::PeriodReport;

/// Write the tally of `report` to `path` (through a temporary file beside it).
pub fn export_tally(path: &Path, report: &PeriodReport) -> Result<(), ExchangeError> {
    let err = xlsx_error(path);
    let tally = &report.tally;
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("Tổng hợp khen thưởng").map_err(&err)?;
    let bold = Format::new().set_bold();
    let title = if tally.from == tally.to {
        format!("Tổng hợp kết quả khen thưởng năm {}", tally.from)
    } else {
        format!("Tổng hợp kết quả khen thưởng giai đoạn {}", tally.period())
    };
    ws.write_string_with_format(0, 0, title, &bold)
        .map_err(&err)?;
    put_text(ws, 1, 0, &tally.sentence()).map_err(&err)?;
    write_headers_at(
        ws,
        3,
        &[
            ("STT", 6.0),
            ("Danh hiệu, hình thức", 48.0),
            ("Tập thể", 12.0),
            ("Cá nhân", 12.0),
        ],
    )
    .map_err(&err)?;
    let mut row = 4u32;
    for (i, l) in tally.lines.iter().enumerate() {
        ws.write_number(row, 0, (i + 1) as f64).map_err(&err)?;
        put_text(ws, row, 1, &l.name).map_err(&err)?;
        ws.write_number(row, 2, l.collectives as f64)
            .map_err(&err)?;
        ws.write_number(row, 3, l.individuals as f64)
            .map_err(&err)?;
        row += 1;
    }
    ws.write_string_with_format(row, 1, "Tổng cộng", &bold)
        .map_err(&err)?;
    ws.write_number_with_format(row, 2, tally.total_collectives() as f64, &bold)
        .map_err(&err)?;
    ws.write_number_with_format(row, 3, tally.total_individuals() as f64, &bold)
        .map_err(&err)?;

    let levels = book.add_worksheet();
    levels.set_name("Theo năm và cấp").map_err(&err)?;
    let mut headers: Vec<(&str, f64)> = vec![("Năm", 8.0)];
    headers.extend(AwardLevel::ALL.iter().map(|l| (l.label(), 14.0)));
    headers.push(("Tổng", 10.0));
    write_headers_at(levels, 0, &headers).map_err(&err)?;
    for (i, y) in report.years.iter().enumerate() {
        let r = i as u32 + 1;
        levels.write_number(r, 0, y.year as f64).map_err(&err)?;
        for (c, level) in AwardLevel::ALL.iter().enumerate() {
            levels
                .write_number(r, c as u16 + 1, y.count(*level) as f64)
                .map_err(&err)?;
        }
        levels
            .write_number(r, AwardLevel::ALL.len() as u16 + 1, y.total() as f64)
            .map_err(&err)?;
    }
    save(book, path)
}
