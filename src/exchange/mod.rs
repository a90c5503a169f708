//! Excel exchange: templates, imports with a preview that names every bad row, all-or-
//! nothing commits, and exports. Every cell read is normalised to NFC; every text cell is
//! written as text, so a name can never become a formula.

pub mod batch;
pub mod cells;
mod commit;
mod export;
mod read;
mod template;

use std::path::PathBuf;

pub use commit::commit;
pub use export::{export_history, export_people};
pub use read::{Context, read};
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
    PersonRating {
        person: PersonId,
        year: i32,
        rating: Rating,
    },
    UnitRating {
        unit: UnitId,
        year: i32,
        rating: Rating,
    },
    /// A new award record.
    Award(AwardRecord),
    /// The same record is already there: nothing to do.
    Unchanged,
}

/// A file read and checked, waiting for the clerk's confirmation.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    pub kind: Kind,
    pub file: PathBuf,
    /// (Excel row number, change, a line describing it).
    pub changes: Vec<(usize, Change, String)>,
    /// (Excel row number, what is wrong).
    pub problems: Vec<(usize, String)>,
}

impl Preview {
    pub fn is_clean(&self) -> bool {
        self.problems.is_empty()
    }
}

/// What a commit wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
}

impl Summary {
    pub fn describe(&self) -> String {
        format!(
            "thêm {} dòng, cập nhật {} dòng, {} dòng đã có sẵn",
            self.added, self.updated, self.unchanged
        )
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ExchangeError {
    #[error(
        "Không mở được tệp {path}: {reason}. Hãy kiểm tra tệp có đúng là tệp Excel (.xlsx) và không đang mở trong Excel."
    )]
    Open { path: PathBuf, reason: String },
    #[error("Tệp {0} không có trang tính nào có dữ liệu.")]
    Empty(PathBuf),
    #[error("Tệp thiếu cột \"{0}\". Hãy dùng tệp mẫu của phần mềm (nút \"Tải mẫu Excel\").")]
    MissingColumn(String),
    #[error("Tệp có {0} dòng, quá giới hạn 200.000 dòng một lần nhập. Hãy chia nhỏ tệp.")]
    TooLarge(usize),
    #[error("Tệp còn {0} dòng sai; chưa có dòng nào được ghi. Hãy sửa tệp rồi nhập lại.")]
    HasProblems(usize),
    #[error(
        "Không ghi được tệp {path}: {reason}. Hãy kiểm tra quyền ghi, dung lượng ổ đĩa, và tệp không đang mở trong Excel."
    )]
    Write { path: PathBuf, reason: String },
    #[error("{0}")]
    Store(#[from] StoreError),
}
