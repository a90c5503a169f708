//! Storage errors in words a clerk can act on.

use std::path::PathBuf;

use rusqlite::ErrorCode;

use crate::domain::validate::FieldError;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "Cơ sở dữ liệu được tạo bởi phiên bản mới hơn của phần mềm (lược đồ {found}, phiên bản này chỉ hỗ trợ đến {supported}). Hãy dùng phiên bản mới hơn; tệp không bị thay đổi."
    )]
    NewerSchema { found: i64, supported: i64 },
    #[error(
        "Lược đồ cơ sở dữ liệu không khớp với phần mềm: {0}. Tệp không bị thay đổi; hãy khôi phục từ bản sao lưu gần nhất hoặc liên hệ cán bộ tin học."
    )]
    SchemaChanged(String),
    #[error(
        "Tệp này không phải cơ sở dữ liệu của phần mềm Thi đua – Khen thưởng. Tệp không bị thay đổi; hãy chọn đúng tệp."
    )]
    Foreign,
    #[error(
        "Tệp cơ sở dữ liệu bị hỏng hoặc không phải tệp SQLite. Tệp không bị thay đổi; hãy khôi phục từ bản sao lưu gần nhất."
    )]
    Damaged,
    #[error(
        "Cơ sở dữ liệu đang bị một chương trình khác khóa. Hãy đóng chương trình đó (hoặc cửa sổ Thi đua – Khen thưởng thứ hai) rồi thử lại."
    )]
    Busy,
    #[error(
        "Không ghi được vào cơ sở dữ liệu vì tệp hoặc thư mục chỉ cho phép đọc. Hãy kiểm tra quyền ghi của thư mục dữ liệu."
    )]
    ReadOnly,
    #[error(
        "Không mở được tệp cơ sở dữ liệu để ghi: thư mục chứa nó chỉ cho phép đọc, hoặc đường dẫn không còn (ổ mạng, USB đã rút). Hãy kiểm tra quyền ghi của thư mục dữ liệu hoặc chép tệp về máy, rồi mở lại."
    )]
    CannotOpen,
    #[error("Ổ đĩa đã đầy, dữ liệu chưa được ghi. Hãy giải phóng dung lượng rồi thử lại.")]
    DiskFull,
    #[error("Không tạo được thư mục dữ liệu {path}: {source}. Hãy kiểm tra quyền ghi.")]
    Folder {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0}")]
    Conflict(String),
    #[error("Không tìm thấy {0}; có thể đã bị xóa. Hãy tải lại danh sách.")]
    NotFound(String),
    #[error("Dữ liệu chưa hợp lệ: {}", .0.iter().map(|e| e.message.as_str()).collect::<Vec<_>>().join(" "))]
    Invalid(Vec<FieldError>),
    #[error("Lỗi cơ sở dữ liệu: {0}. Dữ liệu chưa được ghi; hãy thử lại.")]
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(ErrorCode::NotADatabase) | Some(ErrorCode::DatabaseCorrupt) => StoreError::Damaged,
            Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => StoreError::Busy,
            Some(ErrorCode::ReadOnly) => StoreError::ReadOnly,
            Some(ErrorCode::DiskFull) => StoreError::DiskFull,
            Some(ErrorCode::CannotOpen) => StoreError::CannotOpen,
            _ => StoreError::Sqlite(e),
        }
    }
}

impl StoreError {
    /// True for a UNIQUE or CHECK constraint failure.
    pub fn is_constraint(&self) -> bool {
        matches!(self, StoreError::Sqlite(e) if e.sqlite_error_code() == Some(ErrorCode::ConstraintViolation))
    }
}

/// An I/O error in a clerk's words.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "không tìm thấy tệp hoặc thư mục".into(),
        PermissionDenied => {
            "không có quyền truy cập, hoặc tệp đang được chương trình khác (Excel) mở".into()
        }
        StorageFull => "ổ đĩa đã đầy".into(),
        ReadOnlyFilesystem => "ổ đĩa chỉ cho phép đọc".into(),
        NotADirectory => "đường dẫn có một tệp đứng ở chỗ của thư mục".into(),
        _ => e.to_string(),
    }
}
