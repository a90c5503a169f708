//! Reading a worksheet: the workbook is streamed (never loaded as one dense block, so a
//! stray cell at XFD1048576 costs nothing), the header is found among the top rows, and
//! merged cells below the header are filled from their first row.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use calamine::{Reader, SheetType, SheetVisible, Xlsx};

use super::cells::{
    Column, HEADER_SEARCH_ROWS, MAX_COLUMNS, MAX_FILE_MEGABYTES, MAX_ROWS, MAX_UNPACKED_MEGABYTES,
    cell_text, match_columns,
};
use super::{ExchangeError, io_reason};

/// One row of data: its Excel row number, its cells as clean text (index = column), and
/// the cells holding an Excel error such as #REF! (column, error).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SheetRow {
    pub number: usize,
    pub cells: Vec<String>,
    pub errors: Vec<(usize, String)>,
}

/// The sheet an import reads: where its header is, and the rows below it.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub name: String,
    /// Excel row number of the header.
    pub header_row: usize,
    pub headers: Vec<String>,
    /// For each wanted column, its index in the sheet.
    pub columns: Vec<Option<usize>>,
    /// Rows below the header with something in a wanted column, in order.
    pub rows: Vec<SheetRow>,
}

type Book = Xlsx<BufReader<File>>;

/// Open `path` as an .xlsx workbook, telling an unreadable file from one in another format.
pub fn open_xlsx(path: &Path) -> Result<Book, ExchangeError> {
    let open_err = |e: std::io::Error| ExchangeError::Open {
        path: path.to_path_buf(),
        reason: io_reason(&e),
    };
    let not_xlsx = |detail: &str| ExchangeError::NotXlsx {
        path: path.to_path_buf(),
        detail: detail.to_owned(),
    };
    let mut file = File::open(path).map_err(open_err)?;
    let size = file.metadata().map_err(open_err)?.len();
    if size > MAX_FILE_MEGABYTES * 1024 * 1024 {
        return Err(ExchangeError::FileTooBig {
            path: path.to_path_buf(),
            megabytes: size / (1024 * 1024),
            limit: MAX_FILE_MEGABYTES,
        });
    }
    let mut magic = [0u8; 4];
    let read = file.read(&mut magic).map_err(open_err)?;
    match &magic[..read] {
        [] => return Err(not_xlsx("tệp rỗng")),
        b"PK\x03\x04" => {}
        [0xD0, 0xCF, 0x11, 0xE0] => {
            return Err(not_xlsx(
                "đây là tệp Excel 97–2003 (.xls) hoặc tệp .xlsx có đặt mật khẩu",
            ));
        }
        _ => return Err(not_xlsx("nội dung không phải sổ làm việc Excel")),
    }
    file.seek(SeekFrom::Start(0)).map_err(open_err)?;
    let mut reader = BufReader::new(file);
    let unpacked =
        unpacked_bytes(&mut reader).map_err(|e| not_xlsx(&format!("tệp bị hỏng: {e}")))?;
    if unpacked > MAX_UNPACKED_MEGABYTES * 1024 * 1024 {
        return Err(ExchangeError::UnpacksTooBig {
            path: path.to_path_buf(),
            megabytes: unpacked / (1024 * 1024),
            limit: MAX_UNPACKED_MEGABYTES,
        });
    }
    reader.seek(SeekFrom::Start(0)).map_err(open_err)?;
    Xlsx::new(reader).map_err(|e| not_xlsx(&format!("tệp bị hỏng: {e}")))
}

/// The sizes the zip's central directory declares for its parts, added up (saturating).
fn unpacked_bytes<R: Read + Seek>(reader: &mut R) -> Result<u64, zip::result::ZipError> {
    let mut archive = zip::ZipArchive::new(reader)?;
    let mut total = 0u64;
    for i in 0..archive.len() {
        total = total.saturating_add(archive.by_index_raw(i)?.size());
    }
    Ok(total)
}

/// Read the first visible worksheet that has a header with every required column (the
/// first visible worksheet's fault when none has). `progress` hears the rows read so far.
pub fn read_sheet(
    path: &Path,
    wanted: &[Column],
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Sheet, ExchangeError> {
    guarded(path, || read_sheet_unguarded(path, wanted, progress))
}

/// Run the workbook reader so that a panic inside it (calamine overflows on a reversed
/// dimension such as `B2:A1` in a debug build; found by tests/fuzz_mutations.rs) becomes
/// the clerk's message about a damaged file instead of ending the import thread; the
/// detail goes to the log, not the console (see `contain`).
fn guarded<T>(
    path: &Path,
    read: impl FnOnce() -> Result<T, ExchangeError>,
) -> Result<T, ExchangeError> {
    super::contain::contained(read).unwrap_or_else(|| {
        Err(ExchangeError::NotXlsx {
            path: path.to_path_buf(),
            detail: "tệp bị hỏng: cấu trúc trang tính không hợp lệ".into(),
        })
    })
}

fn read_sheet_unguarded(
    path: &Path,
    wanted: &[Column],
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Sheet, ExchangeError> {
    let mut book = open_xlsx(path)?;
    let sheets = book.sheets_metadata();
    let mut names: Vec<String> = sheets
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet && s.visible == SheetVisible::Visible)
        .map(|s| s.name.clone())
        .collect();
    if names.is_empty() {
        names = sheets
            .iter()
            .filter(|s| s.typ == SheetType::WorkSheet)
            .map(|s| s.name.clone())
            .collect();
    }
    let mut first_error = None;
    for name in names {
        let rows = load_rows(&mut book, path, &name, progress)?;
        if rows.is_empty() {
            continue;
        }
        match locate(&name, rows, wanted) {
            Ok(mut sheet) => {
                fill_merged(&mut book, &mut sheet);
                return Ok(sheet);
            }
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    Err(first_error.unwrap_or_else(|| ExchangeError::Empty(path.to_path_buf())))
}

/// Stream one worksheet into its non-empty rows, keyed by 0-based row index.
fn load_rows(
    book: &mut Book,
    path: &Path,
    name: &str,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<BTreeMap<u32, SheetRow>, ExchangeError> {
    let broken = |e: calamine::XlsxError| ExchangeError::NotXlsx {
        path: path.to_path_buf(),
        detail: format!("trang tính \"{name}\" không đọc được: {e}"),
    };
    let mut reader = book.worksheet_cells_reader(name).map_err(broken)?;
    let estimate = reader.dimensions().end.0 as usize + 1;
    let mut rows: BTreeMap<u32, SheetRow> = BTreeMap::new();
    while let Some(cell) = reader.next_cell().map_err(broken)? {
        let (r, c) = cell.get_position();
        let c = c as usize;
        if c >= MAX_COLUMNS {
            continue;
        }
        let (text, error) = match cell_text(cell.get_value()) {
            Ok(t) if t.is_empty() => continue,
            Ok(t) => (t, None),
            Err(e) => (String::new(), Some(e)),
        };
        if !rows.contains_key(&r) && rows.len() >= MAX_ROWS + HEADER_SEARCH_ROWS {
            return Err(ExchangeError::TooLarge(MAX_ROWS));
        }
        let row = rows.entry(r).or_insert_with(|| SheetRow {
            number: r as usize + 1,
            ..SheetRow::default()
        });
        if row.cells.len() <= c {
            row.cells.resize(c + 1, String::new());
        }
        row.cells[c] = text;
        if let Some(e) = error {
            row.errors.push((c, e));
        }
        if rows.len().is_multiple_of(5_000) {
            progress(rows.len(), estimate.max(rows.len()));
        }
    }
    Ok(rows)
}

/// Find the header among the top rows and keep the rows below it.
fn locate(
    name: &str,
    mut rows: BTreeMap<u32, SheetRow>,
    wanted: &[Column],
) -> Result<Sheet, ExchangeError> {
    // (required columns found, columns found), row index, columns.
    type Candidate = ((usize, usize), u32, Vec<Option<usize>>);
    let mut best: Option<Candidate> = None;
    for (&r, row) in rows.iter().take(HEADER_SEARCH_ROWS) {
        let columns = match_columns(&row.cells, wanted);
        let required = wanted
            .iter()
            .zip(&columns)
            .filter(|(w, c)| w.required && c.is_some())
            .count();
        let any = columns.iter().filter(|c| c.is_some()).count();
        if best
            .as_ref()
            .is_none_or(|(score, _, _)| (required, any) > *score)
        {
            best = Some(((required, any), r, columns));
        }
    }
    let Some((_, header_index, columns)) = best else {
        return Err(ExchangeError::Empty(name.into()));
    };
    if let Some((w, _)) = wanted
        .iter()
        .zip(&columns)
        .find(|(w, c)| w.required && c.is_none())
    {
        return Err(ExchangeError::MissingColumn {
            sheet: name.to_owned(),
            column: w.name.to_owned(),
            header_row: header_index as usize + 1,
        });
    }
    let mut data = rows.split_off(&(header_index + 1));
    let headers = rows
        .remove(&header_index)
        .map(|r| r.cells)
        .unwrap_or_default();
    let used = |c: usize| columns.contains(&Some(c));
    data.retain(|_, row| {
        row.cells
            .iter()
            .enumerate()
            .any(|(c, t)| used(c) && !t.is_empty())
            || row.errors.iter().any(|(c, _)| used(*c))
    });
    if data.len() > MAX_ROWS {
        return Err(ExchangeError::TooLarge(MAX_ROWS));
    }
    Ok(Sheet {
        name: name.to_owned(),
        header_row: header_index as usize + 1,
        headers,
        columns,
        rows: data.into_values().collect(),
    })
}

/// Merged cells below the header: each column of a region takes the text of its first row
/// (a unit name merged down a block of people belongs to each of them).
fn fill_merged(book: &mut Book, sheet: &mut Sheet) {
    let Ok(regions) = book.merge_cells_by_sheet_name(&sheet.name) else {
        return;
    };
    let header = sheet.header_row as u32 - 1;
    for region in regions {
        let ((r0, c0), (r1, c1)) = (region.start, region.end);
        if r0 <= header || r1 < r0 || c1 < c0 || c0 as usize >= MAX_COLUMNS {
            continue;
        }
        let (c0, c1) = (c0 as usize, (c1 as usize).min(MAX_COLUMNS - 1));
        let Ok(first) = sheet
            .rows
            .binary_search_by_key(&(r0 as usize + 1), |r| r.number)
        else {
            continue;
        };
        let values: Vec<String> = (c0..=c1)
            .map(|c| sheet.rows[first].cells.get(c).cloned().unwrap_or_default())
            .collect();
        for row in sheet.rows[first + 1..]
            .iter_mut()
            .take_while(|r| r.number <= r1 as usize + 1)
        {
            for (c, v) in (c0..=c1).zip(&values) {
                if row.cells.len() <= c {
                    row.cells.resize(c + 1, String::new());
                }
                if row.cells[c].is_empty() {
                    row.cells[c] = v.clone();
                }
            }
        }
    }
}

/// The non-empty rows of the first visible worksheet, keyed by 0-based row index (for the
/// labelled cells some templates carry above their table).
pub fn first_sheet_rows(path: &Path) -> Result<BTreeMap<u32, SheetRow>, ExchangeError> {
    guarded(path, || first_sheet_rows_unguarded(path))
}

fn first_sheet_rows_unguarded(path: &Path) -> Result<BTreeMap<u32, SheetRow>, ExchangeError> {
    let mut book = open_xlsx(path)?;
    let name = book
        .sheets_metadata()
        .iter()
        .find(|s| s.typ == SheetType::WorkSheet && s.visible == SheetVisible::Visible)
        .map(|s| s.name.clone())
        .ok_or_else(|| ExchangeError::Empty(path.to_path_buf()))?;
    load_rows(&mut book, path, &name, &mut |_, _| {})
}
