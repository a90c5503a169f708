//! Reading cells: every value becomes clean NFC text; dates become dd/mm/yyyy; headers are
//! matched without regard to case or accents.

use std::path::Path;

use calamine::{Data, Reader, open_workbook_auto};
use chrono::Datelike;

use super::ExchangeError;
use crate::domain::text::{clean, fold};

/// The most rows one import reads.
pub const MAX_ROWS: usize = 200_000;

/// The first sheet with data: its header row and its data rows (as text), each with its
/// Excel row number.
pub struct Sheet {
    pub headers: Vec<String>,
    pub rows: Vec<(usize, Vec<String>)>,
}

pub fn read_first_sheet(path: &Path) -> Result<Sheet, ExchangeError> {
    let open_err = |reason: String| ExchangeError::Open {
        path: path.to_path_buf(),
        reason,
    };
    let mut workbook = open_workbook_auto(path).map_err(|e| open_err(e.to_string()))?;
    let range = workbook
        .worksheet_range_at(0)
        .ok_or_else(|| ExchangeError::Empty(path.to_path_buf()))?
        .map_err(|e| open_err(e.to_string()))?;
    let (height, _) = range.get_size();
    if height > MAX_ROWS + 1 {
        return Err(ExchangeError::TooLarge(height - 1));
    }
    let start_row = range.start().map(|(r, _)| r as usize).unwrap_or(0);
    let mut rows = range.rows().enumerate();
    let headers = rows
        .next()
        .map(|(_, r)| r.iter().map(cell_text).collect())
        .ok_or_else(|| ExchangeError::Empty(path.to_path_buf()))?;
    let rows = rows
        .map(|(i, r)| {
            (
                start_row + i + 1,
                r.iter().map(cell_text).collect::<Vec<_>>(),
            )
        })
        .filter(|(_, r)| r.iter().any(|c| !c.is_empty()))
        .collect();
    Ok(Sheet { headers, rows })
}

/// A cell as clean text.
pub fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) => clean(s),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => {
            if *b {
                "x".into()
            } else {
                String::new()
            }
        }
        Data::DateTime(d) => d
            .as_datetime()
            .map(|dt| format!("{:02}/{:02}/{}", dt.day(), dt.month(), dt.year()))
            .unwrap_or_default(),
        Data::DateTimeIso(s) | Data::DurationIso(s) => clean(s.split('T').next().unwrap_or("")),
    }
}

/// The column index of each wanted header (folded comparison). Missing required headers
/// are an error; optional ones are `None`.
pub fn find_columns(
    headers: &[String],
    wanted: &[(&str, bool)],
) -> Result<Vec<Option<usize>>, ExchangeError> {
    let folded: Vec<String> = headers.iter().map(|h| fold(h)).collect();
    wanted
        .iter()
        .map(|(name, required)| {
            let target = fold(name);
            match folded.iter().position(|h| *h == target) {
                Some(i) => Ok(Some(i)),
                None if *required => Err(ExchangeError::MissingColumn((*name).to_owned())),
                None => Ok(None),
            }
        })
        .collect()
}

/// The text of a column in a row ("" when the column is absent or the row is short).
pub fn get(row: &[String], column: Option<usize>) -> &str {
    column
        .and_then(|i| row.get(i))
        .map(String::as_str)
        .unwrap_or("")
}
