//! Checking a package before anything in it is believed: the manifest first, then every
//! file it lists (inside the folder, no larger than it says, the same SHA-256), then the
//! data file's schema and references.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::PackageError;
use super::data::{DATA_FILE, MAX_DATA_BYTES, PackageData, SCHEMA_VERSION, SubjectKey};
use super::manifest::{
    MANIFEST, MAX_FILE_BYTES, MAX_MANIFEST_BYTES, Manifest, parse, read_bounded, safe_relative,
    sha256_hex,
};
use crate::domain::text::clean;
use crate::store::io_reason;

/// The longest text a data file may hold in one field.
const MAX_TEXT_CHARS: usize = 20_000;

/// A package whose every file matched its manifest.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedPackage {
    pub folder: PathBuf,
    pub manifest: Manifest,
    /// The data file, when the package carries one.
    pub data: Option<PackageData>,
}

fn read_error(path: &Path) -> impl Fn(std::io::Error) -> PackageError + '_ {
    move |e| PackageError::Read {
        path: path.to_path_buf(),
        reason: io_reason(&e),
    }
}

/// Check the package in `folder`.
pub fn check_package(folder: &Path) -> Result<CheckedPackage, PackageError> {
    if !folder.is_dir() {
        return Err(PackageError::NotAPackage);
    }
    let manifest_path = folder.join(MANIFEST);
    if !manifest_path.is_file() {
        return Err(PackageError::NotAPackage);
    }
    let bytes =
        read_bounded(&manifest_path, MAX_MANIFEST_BYTES).map_err(read_error(&manifest_path))?;
    if bytes.len() as u64 > MAX_MANIFEST_BYTES {
        return Err(PackageError::TooBig {
            path: MANIFEST.into(),
            megabytes: MAX_MANIFEST_BYTES / (1024 * 1024),
        });
    }
    let manifest = parse(&bytes)?;
    let root = folder.canonicalize().map_err(read_error(folder))?;
    let mut data = None;
    for entry in &manifest.files {
        let rel = safe_relative(&entry.path).map_err(|why| PackageError::UnsafePath {
            path: entry.path.clone(),
            why,
        })?;
        let path = folder.join(rel);
        let real = path
            .canonicalize()
            .map_err(|_| PackageError::Missing(entry.path.clone()))?;
        if !real.starts_with(&root) {
            return Err(PackageError::UnsafePath {
                path: entry.path.clone(),
                why: "là lối tắt trỏ ra ngoài thư mục gói".into(),
            });
        }
        let len = std::fs::metadata(&real).map_err(read_error(&path))?.len();
        if len > MAX_FILE_BYTES {
            return Err(PackageError::TooBig {
                path: entry.path.clone(),
                megabytes: len / (1024 * 1024),
            });
        }
        let content = read_bounded(&real, MAX_FILE_BYTES).map_err(read_error(&path))?;
        if content.len() as u64 != entry.bytes || sha256_hex(&content) != entry.sha256 {
            return Err(PackageError::Changed(entry.path.clone()));
        }
        if entry.path == DATA_FILE {
            data = Some(parse_data(&content)?);
        }
    }
    Ok(CheckedPackage {
        folder: folder.to_path_buf(),
        manifest,
        data,
    })
}

/// Parse and check a data file: schema version, sizes, texts cleaned to NFC, and every
/// key it refers to defined once.
pub fn parse_data(bytes: &[u8]) -> Result<PackageData, PackageError> {
    if bytes.len() as u64 > MAX_DATA_BYTES {
        return Err(PackageError::TooBig {
            path: DATA_FILE.into(),
            megabytes: bytes.len() as u64 / (1024 * 1024),
        });
    }
    #[derive(serde::Deserialize)]
    struct Version {
        schema_version: u32,
    }
    let v: Version = serde_json::from_slice(bytes)
        .map_err(|e| PackageError::BadData(format!("không đọc được phiên bản ({e})")))?;
    if v.schema_version > SCHEMA_VERSION {
        return Err(PackageError::NewerVersion(v.schema_version));
    }
    let mut d: PackageData =
        serde_json::from_slice(bytes).map_err(|e| PackageError::BadData(e.to_string()))?;
    let bad = |what: String| PackageError::BadData(what);
    let mut too_long = None;
    let mut tidy = |s: &mut String| {
        if s.chars().count() > MAX_TEXT_CHARS {
            too_long = Some(s.chars().take(40).collect::<String>());
        }
        *s = clean(s);
    };
    tidy(&mut d.organisation);
    for u in &mut d.units {
        tidy(&mut u.name);
        tidy(&mut u.short_name);
    }
    for p in &mut d.people {
        tidy(&mut p.full_name);
        tidy(&mut p.position);
    }
    for a in &mut d.awards {
        tidy(&mut a.title_name);
        tidy(&mut a.decision_number);
        tidy(&mut a.issuer);
        tidy(&mut a.note);
    }
    for n in &mut d.nominations {
        tidy(&mut n.title_name);
        tidy(&mut n.achievement);
    }
    if let Some(start) = too_long {
        return Err(bad(format!(
            "một đoạn văn bản quá dài (bắt đầu «{start}…»)"
        )));
    }
    let mut units = HashSet::new();
    for u in &d.units {
        if u.name.is_empty() {
            return Err(bad(format!("đơn vị {} không có tên", u.key)));
        }
        if !units.insert(u.key.as_str()) {
            return Err(bad(format!("khóa đơn vị {} có hai lần", u.key)));
        }
    }
    let mut people = HashSet::new();
    for p in &d.people {
        if p.full_name.is_empty() {
            return Err(bad(format!("cá nhân {} không có họ tên", p.key)));
        }
        if !people.insert(p.key.as_str()) {
            return Err(bad(format!("khóa cá nhân {} có hai lần", p.key)));
        }
        if !units.contains(p.unit.as_str()) {
            return Err(bad(format!(
                "{} thuộc đơn vị {} không có trong gói",
                p.full_name, p.unit
            )));
        }
    }
    let known = |s: &SubjectKey| match s {
        SubjectKey::Person(k) => people.contains(k.as_str()),
        SubjectKey::Unit(k) => units.contains(k.as_str()),
    };
    for a in &d.awards {
        if !known(&a.subject) {
            return Err(bad(format!(
                "khen thưởng năm {} của đối tượng không có trong gói",
                a.year
            )));
        }
        if !(1945..=2200).contains(&a.year) {
            return Err(bad(format!("năm khen thưởng {} không hợp lệ", a.year)));
        }
    }
    for n in &d.nominations {
        if !known(&n.subject) || !units.contains(n.proposing_unit.as_str()) {
            return Err(bad(
                "một đề nghị nói đến đối tượng không có trong gói".into()
            ));
        }
    }
    Ok(d)
}
