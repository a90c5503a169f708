//! Templates the clerk fills: a bold header row with a note on each column, one example
//! row (not imported if left unchanged), text-formatted columns (so Excel never turns
//! 05/01/2027 into a US date or 12/01 into a date at all), and dropdown lists for the
//! closed sets, read from a hidden "Danh mục" sheet so they are not limited in length.

use std::path::Path;

use rust_xlsxwriter::{DataValidation, DataValidationErrorStyle, Format, Formula, Note, Workbook};

use super::cells::MAX_ROWS;
use super::export::{put_text, save, write_headers, xlsx_error};
use super::{ExchangeError, Kind};
use crate::domain::model::{CatalogueEntry, Gender, Rating, Unit, UnitKind};

/// A dropdown list, by its column on the hidden sheet.
#[derive(Clone, Copy, PartialEq)]
enum List {
    Genders = 0,
    UnitKinds = 1,
    Ratings = 2,
    Units = 3,
    Titles = 4,
}

struct Col {
    header: &'static str,
    width: f64,
    /// Text-formatted column (everything but plain numbers).
    text: bool,
    example: &'static str,
    note: &'static str,
    list: Option<List>,
}

const fn col(
    header: &'static str,
    width: f64,
    text: bool,
    example: &'static str,
    note: &'static str,
    list: Option<List>,
) -> Col {
    Col {
        header,
        width,
        text,
        example,
        note,
        list,
    }
}

const DATE_NOTE: &str = "Ghi dạng ngày/tháng/năm, ví dụ 05/01/2027.";
const NAME_NOTE: &str = "Họ và tên đầy đủ, có dấu.";
const UNIT_NOTE: &str = "Tên đơn vị đúng như trong phần mềm (hoặc tên viết tắt).";
const YEAR_NOTE: &str = "Năm có 4 chữ số, ví dụ 2026.";

const UNITS: &[Col] = &[
    col(
        "Tên đơn vị",
        40.0,
        true,
        "Phòng Quản lý thương mại",
        "Bắt buộc. Đơn vị đã có (cùng tên) sẽ được cập nhật.",
        None,
    ),
    col(
        "Tên viết tắt",
        14.0,
        true,
        "QLTM",
        "Để trống thì dùng tên đơn vị.",
        None,
    ),
    col(
        "Loại đơn vị",
        22.0,
        true,
        "Phòng chuyên môn",
        "Chọn trong danh sách; để trống là Phòng chuyên môn.",
        Some(List::UnitKinds),
    ),
    col(
        "Thứ tự",
        8.0,
        false,
        "50",
        "Thứ tự trong danh sách chính thức (số nhỏ đứng trước).",
        None,
    ),
];

const PEOPLE: &[Col] = &[
    col("Họ và tên", 28.0, true, "Nguyễn Thị Ánh", NAME_NOTE, None),
    col(
        "Giới tính",
        10.0,
        true,
        "Nữ",
        "Nam hoặc Nữ.",
        Some(List::Genders),
    ),
    col("Ngày sinh", 12.0, true, "12/03/1985", DATE_NOTE, None),
    col(
        "Đơn vị",
        36.0,
        true,
        "Văn phòng",
        UNIT_NOTE,
        Some(List::Units),
    ),
    col(
        "Chức vụ",
        22.0,
        true,
        "Chuyên viên",
        "Ví dụ: Trưởng phòng, Chuyên viên.",
        None,
    ),
    col(
        "Thứ bậc chức vụ",
        12.0,
        false,
        "50",
        "Số nhỏ đứng trước: Giám đốc 1 … Chuyên viên 50.",
        None,
    ),
    col(
        "Lãnh đạo Sở (x)",
        11.0,
        true,
        "",
        "Ghi x nếu là lãnh đạo Sở; để trống nếu không.",
        None,
    ),
    col("Ngày tuyển dụng", 14.0, true, "01/09/2010", DATE_NOTE, None),
];

const RATINGS: &[Col] = &[
    col(
        "Họ và tên",
        28.0,
        true,
        "Nguyễn Thị Ánh",
        "Để trống để ghi xếp loại của đơn vị (tập thể).",
        None,
    ),
    col(
        "Ngày sinh",
        12.0,
        true,
        "12/03/1985",
        "Ghi khi có hai người cùng họ tên. Dạng 05/01/1985.",
        None,
    ),
    col(
        "Đơn vị",
        36.0,
        true,
        "Văn phòng",
        UNIT_NOTE,
        Some(List::Units),
    ),
    col("Năm", 8.0, false, "2025", YEAR_NOTE, None),
    col(
        "Xếp loại",
        12.0,
        true,
        "HTTNV",
        "HTXSNV, HTTNV, HTNV hoặc KHT.",
        Some(List::Ratings),
    ),
];

const HISTORY: &[Col] = &[
    col(
        "Họ và tên hoặc tên tập thể",
        30.0,
        true,
        "Nguyễn Thị Ánh",
        "Họ tên cá nhân, hoặc tên đơn vị khi khen tập thể.",
        None,
    ),
    col(
        "Ngày sinh",
        12.0,
        true,
        "12/03/1985",
        "Ghi khi có hai người cùng họ tên. Dạng 05/01/1985.",
        None,
    ),
    col(
        "Đơn vị",
        30.0,
        true,
        "Văn phòng",
        UNIT_NOTE,
        Some(List::Units),
    ),
    col(
        "Năm",
        8.0,
        false,
        "2025",
        "Năm thành tích, ví dụ 2025.",
        None,
    ),
    col(
        "Danh hiệu, hình thức",
        40.0,
        true,
        "Lao động tiên tiến",
        "Đúng tên trong Danh mục khen thưởng.",
        Some(List::Titles),
    ),
    col("Số quyết định", 14.0, true, "2/QĐ-SCT", "", None),
    col("Ngày quyết định", 14.0, true, "15/01/2026", DATE_NOTE, None),
    col(
        "Cơ quan, người ký",
        26.0,
        true,
        "Giám đốc Sở Công Thương",
        "",
        None,
    ),
    col("Ghi chú", 24.0, true, "", "", None),
];

fn columns(kind: Kind) -> &'static [Col] {
    match kind {
        Kind::Units => UNITS,
        Kind::People => PEOPLE,
        Kind::Ratings => RATINGS,
        Kind::History => HISTORY,
    }
}

/// The example row of a template as (header, text): a row equal to it is not imported.
pub(super) fn example(kind: Kind) -> Vec<(&'static str, &'static str)> {
    columns(kind)
        .iter()
        .map(|c| (c.header, c.example))
        .collect()
}

const LIST_SHEET: &str = "Danh mục";

/// Write the template for `kind`; the dropdowns list the units and the active catalogue
/// entries given.
pub fn write_template(
    kind: Kind,
    path: &Path,
    units: &[Unit],
    catalogue: &[CatalogueEntry],
) -> Result<(), ExchangeError> {
    let e = xlsx_error(path);
    let mut wb = Workbook::new();
    let lists: [Vec<String>; 5] = [
        Gender::ALL.iter().map(|g| g.label().to_owned()).collect(),
        UnitKind::ALL.iter().map(|k| k.label().to_owned()).collect(),
        Rating::ALL.iter().map(|r| r.short().to_owned()).collect(),
        units
            .iter()
            .filter(|u| u.active)
            .map(|u| u.name.clone())
            .collect(),
        catalogue
            .iter()
            .filter(|c| c.active)
            .map(|c| c.name.clone())
            .collect(),
    ];
    let cols = columns(kind);

    let ws = wb.add_worksheet();
    ws.set_name("Mẫu nhập").map_err(&e)?;
    let headers: Vec<(&str, f64)> = cols.iter().map(|c| (c.header, c.width)).collect();
    write_headers(ws, &headers).map_err(&e)?;
    let text = Format::new().set_num_format("@");
    for (i, c) in cols.iter().enumerate() {
        let i = i as u16;
        if c.text {
            ws.set_column_format(i, &text).map_err(&e)?;
        }
        if !c.note.is_empty() {
            let note = Note::new(c.note).add_author_prefix(false);
            ws.insert_note(0, i, &note).map_err(&e)?;
        }
        match c.example.parse::<f64>() {
            Ok(n) if !c.text => ws.write_number(1, i, n).map(|_| ()),
            _ => put_text(ws, 1, i, c.example),
        }
        .map_err(&e)?;
        let Some(list) = c.list else { continue };
        let items = &lists[list as usize];
        if items.is_empty() {
            continue;
        }
        let letter = (b'A' + list as u8) as char;
        let source = format!("'{LIST_SHEET}'!${letter}$2:${letter}${}", items.len() + 1);
        let open = matches!(list, List::Units | List::Titles);
        let dv = DataValidation::new()
            .allow_list_formula(Formula::new(source))
            .set_error_style(if open {
                DataValidationErrorStyle::Warning
            } else {
                DataValidationErrorStyle::Stop
            });
        ws.add_data_validation(1, i, MAX_ROWS as u32, i, &dv)
            .map_err(&e)?;
    }

    let sheet = wb.add_worksheet();
    sheet.set_name(LIST_SHEET).map_err(&e)?;
    let titles = [
        "Giới tính",
        "Loại đơn vị",
        "Xếp loại",
        "Đơn vị",
        "Danh hiệu, hình thức",
    ];
    write_headers(sheet, &titles.map(|t| (t, 30.0))).map_err(&e)?;
    for (col, items) in lists.iter().enumerate() {
        for (row, item) in items.iter().enumerate() {
            put_text(sheet, row as u32 + 1, col as u16, item).map_err(&e)?;
        }
    }
    sheet.set_hidden(true);
    save(wb, path)
}
