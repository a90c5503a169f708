//! Packages for the provincial Emulation Board (and from units or another installation):
//! a folder of PDFs, the list as .xlsx, a data file with a versioned schema and a manifest
//! with the SHA-256 of every file. Written so that a full or pulled USB stick never leaves
//! something that looks complete; checked before anything in it is read.

pub mod assemble;
pub mod check;
pub mod data;
pub mod import;
pub mod manifest;
pub mod writer;

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;

pub use assemble::Contents;
pub use check::{CheckedPackage, check_package};
pub use import::{
    ImportPreview, ImportSummary, PersonMatch, Resolution, apply_import, preview_import,
};
pub use writer::{RealFs, TargetFs};

use crate::store::{Store, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum PackageError {
    #[error(
        "Thư mục đã chọn không phải gói hồ sơ của phần mềm (không có tệp manifest.json hợp lệ). Hãy chọn đúng thư mục gói mà đơn vị gửi."
    )]
    NotAPackage,
    #[error("Tệp kê (manifest.json) của gói sai: {0}. Hãy xin nơi gửi xuất lại gói.")]
    BadManifest(String),
    #[error(
        "Gói được tạo bằng phiên bản mới hơn của phần mềm (định dạng {0}). Hãy cập nhật phần mềm rồi nhập lại."
    )]
    NewerVersion(u32),
    #[error(
        "Gói có tệp «{path}» với đường dẫn không an toàn ({why}); gói bị từ chối, không có gì được ghi."
    )]
    UnsafePath { path: String, why: String },
    #[error("Tệp «{path}» trong gói quá lớn ({megabytes} MB); gói bị từ chối.")]
    TooBig { path: String, megabytes: u64 },
    #[error("Gói thiếu tệp «{0}» mà tệp kê có ghi. Hãy chép lại cả thư mục gói từ USB.")]
    Missing(String),
    #[error(
        "Tệp «{0}» trong gói đã bị thay đổi hoặc hỏng (mã kiểm tra SHA-256 không khớp). Hãy xin nơi gửi xuất lại gói; không có gì được ghi."
    )]
    Changed(String),
    #[error("Tệp dữ liệu của gói sai: {0}. Hãy xin nơi gửi xuất lại gói; không có gì được ghi.")]
    BadData(String),
    #[error("Gói không có tệp dữ liệu (du-lieu.json) để nhập.")]
    NoData,
    #[error("{0}")]
    Refused(String),
    #[error(
        "Còn {} trường hợp trùng tên chưa được quyết định ({}). Hãy chọn «cùng một người» hoặc «người khác» cho từng trường hợp.",
        .0.len(), .0.join("; ")
    )]
    Undecided(Vec<String>),
    #[error(
        "Không ghi được vào {path}: {reason}. Gói chưa hoàn chỉnh đã được bỏ. Hãy kiểm tra USB (còn cắm, còn chỗ trống, không bị khóa ghi) rồi xuất lại."
    )]
    Write { path: PathBuf, reason: String },
    #[error("Không đọc được {path}: {reason}. Hãy kiểm tra USB rồi thử lại.")]
    Read { path: PathBuf, reason: String },
    #[error("Không tạo được văn bản của gói: {0}")]
    Document(String),
    #[error("{0}")]
    Exchange(#[from] super::ExchangeError),
    #[error("{0}")]
    Store(#[from] StoreError),
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportReport {
    pub folder: PathBuf,
    pub files: usize,
    pub bytes: u64,
}

impl ExportReport {
    pub fn describe(&self) -> String {
        format!(
            "Đã ghi và kiểm tra xong — có thể rút USB. Gói {} có {} tệp ({} KB).",
            self.folder.display(),
            self.files,
            self.bytes.div_ceil(1024)
        )
    }
}

/// Export the year's package for the province into `target`. `progress` goes from 0 to 1:
/// the first half builds the documents, the second writes and checks them.
pub fn export_province(
    store: &Store,
    year: i32,
    contents: Contents,
    target: &Path,
    now: NaiveDateTime,
    fs: &dyn TargetFs,
    progress: &dyn Fn(f32),
) -> Result<ExportReport, PackageError> {
    let files = assemble::assemble(store, year, contents, &|d, t| {
        progress(0.5 * d as f32 / t.max(1) as f32)
    })?;
    let org = store.organisation()?;
    let name = assemble::package_name(&org.abbreviation, &org.place, year, now.date());
    let head = manifest::Manifest {
        format: manifest::FORMAT.into(),
        version: manifest::MANIFEST_VERSION,
        organisation: org.body.clone(),
        content: format!("Hồ sơ đề nghị khen thưởng năm {year}"),
        year,
        created_at: now.format("%Y-%m-%dT%H:%M:%S").to_string(),
        files: Vec::new(),
    };
    let folder = writer::write_package(fs, target, &name, head, &files, &|d, t| {
        progress(0.5 + 0.5 * d as f32 / t.max(1) as f32)
    })?;
    Ok(ExportReport {
        folder,
        files: files.len() + 1,
        bytes: files.iter().map(|(_, b)| b.len() as u64).sum(),
    })
}

/// Check a package and preview its import.
pub fn open_package(store: &Store, folder: &Path) -> Result<ImportPreview, PackageError> {
    let checked = check_package(folder)?;
    let data = checked.data.ok_or(PackageError::NoData)?;
    preview_import(store, data)
}
