//! Excel exchange: templates, imports with a preview that names every bad row, all-or-
//! nothing commits, and exports.
//!
//! Every cell read is normalised to NFC; dates are accepted as real Excel dates, as text
//! (05/01/2027) or as date serial numbers; headers are matched without regard to case,
//! accents or order. Every text cell is written as text, so a name can never become a
//! formula. Reading is streamed and bounded ([`cells::MAX_ROWS`]).

pub mod batch;
pub mod cells;
mod commit;
mod contain;
pub mod decision_list;
mod export;
#[doc(hidden)]
pub mod fuzzing;
mod history;
pub mod package;
mod people;
mod ratings;
mod read;
pub mod registration_sheet;
pub mod report_sheet;
mod sheet;
mod template;
mod units;

use std::path::PathBuf;

pub use commit::commit;
pub use export::{export_history, export_people};
pub use read::{Context, read, read_with_progress};
pub use template::write_template;

use crate::domain::model::{AwardRecord, Person, PersonId, Rating, Unit, UnitId};
use crate::store::StoreError;

/// What a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Units,
    People,
    Ratings,
    History,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Units, Kind::People, Kind::Ratings, Kind::History];

    pub fn label(self) -> &'static str {
        match self {
            Kind::Units => "đơn vị",
            Kind::People => "cá nhân",
            Kind::Ratings => "xếp loại hằng năm",
            Kind::History => "lịch sử khen thưởng",
        }
    }

    pub fn file_stem(self) -> &'static str {
        match self {
            Kind::Units => "mau-don-vi",
            Kind::People => "mau-ca-nhan",
            Kind::Ratings => "mau-xep-loai",
            Kind::History => "mau-lich-su-khen-thuong",
        }
    }
}

/// One row that will be written.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// A new unit, or an update when its id is set.
    Unit(Unit),
    /// A new person, or an update when their id is set.
    Person(Person),
    /// A person's rating for a year (added, or replacing the one stored).
    PersonRating {
        person: PersonId,
        year: i32,
        rating: Rating,
    },
    /// A unit's rating for a year (added, or replacing the one stored).
    UnitRating {
        unit: UnitId,
        year: i32,
        rating: Rating,
    },
    /// A new award record, or an update of a stored one when its id is set.
    Award(AwardRecord),
    /// The same data is already stored: nothing to do.
    Unchanged,
    /// The example row of the template, left in the file: not imported.
    Skipped,
}

/// A file read and checked, waiting for the clerk's confirmation.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    pub kind: Kind,
    pub file: PathBuf,
    /// (Excel row number, change, a Vietnamese line describing it), in row order.
    pub changes: Vec<(usize, Change, String)>,
    /// (Excel row number as Excel shows it, what is wrong in Vietnamese), in row order.
    /// One entry per bad row; several faults of a row are joined in one text.
    pub problems: Vec<(usize, String)>,
}

impl Preview {
    pub fn is_clean(&self) -> bool {
        self.problems.is_empty()
    }

    /// Rows that will write something (not unchanged, not skipped).
    pub fn writes(&self) -> usize {
        self.changes
            .iter()
            .filter(|(_, c, _)| !matches!(c, Change::Unchanged | Change::Skipped))
            .count()
    }
}

/// What a commit wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Template example rows left in the file.
    pub skipped: usize,
}

impl Summary {
    pub fn describe(&self) -> String {
        let mut text = format!(
            "thêm {} dòng, cập nhật {} dòng, {} dòng không thay đổi",
            self.added, self.updated, self.unchanged
        );
        if self.skipped > 0 {
            text.push_str(&format!(", bỏ qua {} dòng ví dụ của tệp mẫu", self.skipped));
        }
        text
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ExchangeError {
    #[error(
        "Không mở được tệp {path}: {reason}. Hãy kiểm tra tệp có đang mở trong Excel không (đóng Excel rồi thử lại) và đường dẫn tệp còn đúng."
    )]
    Open { path: PathBuf, reason: String },
    #[error(
        "Tệp {path} không phải tệp Excel .xlsx ({detail}). Hãy mở tệp bằng Excel, chọn Lưu thành (Save As) → \"Sổ làm việc Excel (*.xlsx)\", bỏ mật khẩu nếu có, rồi nhập lại."
    )]
    NotXlsx { path: PathBuf, detail: String },
    #[error(
        "Tệp {path} quá lớn ({megabytes} MB; giới hạn {limit} MB). Hãy chia nhỏ tệp rồi nhập từng phần."
    )]
    FileTooBig {
        path: PathBuf,
        megabytes: u64,
        limit: u64,
    },
    #[error(
        "Tệp {path} khi giải nén lớn tới {megabytes} MB (giới hạn {limit} MB): tệp bị hỏng hoặc chứa quá nhiều dữ liệu. Hãy mở tệp bằng Excel, chỉ giữ trang tính cần nhập, lưu lại rồi nhập lại."
    )]
    UnpacksTooBig {
        path: PathBuf,
        megabytes: u64,
        limit: u64,
    },
    #[error(
        "Tệp {0} không có trang tính nào có dữ liệu. Hãy điền dữ liệu vào trang tính đầu tiên của tệp mẫu rồi nhập lại."
    )]
    Empty(PathBuf),
    #[error(
        "Trang tính \"{sheet}\" thiếu cột \"{column}\" (tìm ở hàng tiêu đề, dòng {header_row}). Hãy dùng tệp mẫu của phần mềm (nút \"Tải mẫu Excel\") hoặc thêm cột này."
    )]
    MissingColumn {
        sheet: String,
        column: String,
        header_row: usize,
    },
    #[error(
        "Trang tính có hơn {0} dòng dữ liệu, quá giới hạn một lần nhập. Hãy chia nhỏ tệp rồi nhập từng phần."
    )]
    TooLarge(usize),
    #[error("Tệp còn {0} dòng sai; chưa có dòng nào được ghi. Hãy sửa tệp rồi nhập lại.")]
    HasProblems(usize),
    #[error(
        "Không ghi được tệp {path}: {reason}. Hãy đóng tệp nếu đang mở trong Excel, kiểm tra quyền ghi và dung lượng ổ đĩa, rồi thử lại."
    )]
    Write { path: PathBuf, reason: String },
    #[error("{0}")]
    Store(#[from] StoreError),
}

pub(crate) use crate::store::io_reason;
