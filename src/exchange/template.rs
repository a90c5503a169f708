//! Templates the clerk fills: a header row, one example row, dropdowns for closed sets.

use std::path::Path;

use rust_xlsxwriter::{DataValidation, Workbook, XlsxError};

use super::export::{save, write_headers};
use super::{ExchangeError, Kind};
use crate::domain::model::{CatalogueEntry, Gender, Rating, Unit, UnitKind};

/// Write the template for `kind`; dropdowns list the units and catalogue entries given.
pub fn write_template(
    kind: Kind,
    path: &Path,
    units: &[Unit],
    catalogue: &[CatalogueEntry],
) -> Result<(), ExchangeError> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let e = |err: XlsxError| ExchangeError::Write {
        path: path.to_path_buf(),
        reason: err.to_string(),
    };
    let (headers, example): (&[(&str, f64)], &[&str]) = match kind {
        Kind::Units => (
            &[
                ("Tên đơn vị", 40.0),
                ("Tên viết tắt", 14.0),
                ("Loại đơn vị", 22.0),
                ("Thứ tự", 8.0),
            ],
            &["Phòng Quản lý thương mại", "QLTM", "Phòng chuyên môn", "50"],
        ),
        Kind::People => (
            &[
                ("Họ và tên", 28.0),
                ("Giới tính", 10.0),
                ("Ngày sinh", 12.0),
                ("Đơn vị", 36.0),
                ("Chức vụ", 22.0),
                ("Thứ bậc chức vụ", 12.0),
                ("Lãnh đạo Sở", 11.0),
                ("Ngày tuyển dụng", 14.0),
            ],
            &[
                "Nguyễn Thị Ánh",
                "Nữ",
                "12/03/1985",
                "Văn phòng",
                "Chuyên viên",
                "50",
                "",
                "01/09/2010",
            ],
        ),
        Kind::Ratings => (
            &[
                ("Họ và tên", 28.0),
                ("Ngày sinh", 12.0),
                ("Đơn vị", 36.0),
                ("Năm", 8.0),
                ("Xếp loại", 12.0),
            ],
            &["Nguyễn Thị Ánh", "12/03/1985", "Văn phòng", "2025", "HTTNV"],
        ),
        Kind::History => (
            &[
                ("Họ và tên hoặc tên tập thể", 30.0),
                ("Ngày sinh", 12.0),
                ("Đơn vị", 30.0),
                ("Năm", 8.0),
                ("Danh hiệu, hình thức", 40.0),
                ("Số quyết định", 14.0),
                ("Ngày quyết định", 14.0),
                ("Cơ quan, người ký", 26.0),
                ("Ghi chú", 24.0),
            ],
            &[
                "Nguyễn Thị Ánh",
                "12/03/1985",
                "Văn phòng",
                "2025",
                "Lao động tiên tiến",
                "2/QĐ-SCT",
                "15/01/2026",
                "Giám đốc Sở Công Thương",
                "",
            ],
        ),
    };
    ws.set_name("Mẫu nhập").map_err(e)?;
    write_headers(ws, headers).map_err(e)?;
    for (col, text) in example.iter().enumerate() {
        ws.write_string(1, col as u16, *text).map_err(e)?;
    }
    let list = |items: Vec<String>| -> Result<Option<DataValidation>, XlsxError> {
        // Excel limits an inline list to 255 characters; longer lists stay free text.
        if items.is_empty() || items.iter().map(|s| s.chars().count() + 1).sum::<usize>() > 255 {
            return Ok(None);
        }
        DataValidation::new().allow_list_strings(&items).map(Some)
    };
    let columns: Vec<(u16, Vec<String>)> = match kind {
        Kind::Units => vec![(
            2,
            UnitKind::ALL.iter().map(|k| k.label().to_owned()).collect(),
        )],
        Kind::People => vec![
            (
                1,
                Gender::ALL.iter().map(|g| g.label().to_owned()).collect(),
            ),
            (
                3,
                units
                    .iter()
                    .filter(|u| u.active)
                    .map(|u| u.name.clone())
                    .collect(),
            ),
        ],
        Kind::Ratings => vec![(
            4,
            Rating::ALL.iter().map(|r| r.short().to_owned()).collect(),
        )],
        Kind::History => vec![(
            4,
            catalogue
                .iter()
                .filter(|c| c.active)
                .map(|c| c.name.clone())
                .collect(),
        )],
    };
    for (col, items) in columns {
        if let Some(dv) = list(items).map_err(e)? {
            ws.add_data_validation(1, col, 5_000, col, &dv).map_err(e)?;
        }
    }
    save(wb, path)
}
