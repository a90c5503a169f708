//! The manifest of a package: what it holds and the SHA-256 of every file, written last so
//! a package without one is never taken for a complete package; and the checks an
//! imported package passes before anything in it is read.

use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::PackageError;

/// The manifest's file name.
pub const MANIFEST: &str = "manifest.json";
/// What the manifest's `format` field says.
pub const FORMAT: &str = "thidua-package";
/// The manifest version this build writes and reads.
pub const MANIFEST_VERSION: u32 = 1;
/// No file in a package may be larger than this.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;
/// Nor all of them together.
pub const MAX_TOTAL_BYTES: u64 = 500 * 1024 * 1024;
/// Nor may a package list more files than this.
pub const MAX_FILES: usize = 5_000;
/// The manifest itself is small; a larger one is not ours.
pub const MAX_MANIFEST_BYTES: u64 = 4 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    pub version: u32,
    /// The sending organisation as printed ("SỞ CÔNG THƯƠNG").
    pub organisation: String,
    /// What the package carries ("Hồ sơ đề nghị khen thưởng năm 2026").
    pub content: String,
    pub year: i32,
    /// When it was written, "2026-12-03T10:15:00".
    pub created_at: String,
    pub files: Vec<FileEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    /// Relative path with '/' separators.
    pub path: String,
    pub bytes: u64,
    /// Lower-case hex SHA-256.
    pub sha256: String,
}

/// Lower-case hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// `path` as a path inside the package folder, or why it cannot be one: absolute paths,
/// drive letters, `..` and empty parts are refused, so no file can land outside it.
pub fn safe_relative(path: &str) -> Result<PathBuf, String> {
    if path.is_empty() || path.len() > 400 {
        return Err("đường dẫn rỗng hoặc quá dài".into());
    }
    if path.contains('\\') || path.contains(':') || path.contains('\0') {
        return Err("đường dẫn có ký tự không được phép (\\, :)".into());
    }
    let p = Path::new(path);
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::Normal(part) => out.push(part),
            _ => return Err("đường dẫn ra ngoài thư mục gói".into()),
        }
    }
    if out.as_os_str().is_empty() || path.split('/').any(str::is_empty) {
        return Err("đường dẫn có phần rỗng".into());
    }
    Ok(out)
}

/// Parse a manifest and check its own fields (not yet the files it names).
pub fn parse(bytes: &[u8]) -> Result<Manifest, PackageError> {
    let m: Manifest = serde_json::from_slice(bytes)
        .map_err(|e| PackageError::BadManifest(format!("không đọc được ({e})")))?;
    if m.format != FORMAT {
        return Err(PackageError::NotAPackage);
    }
    if m.version > MANIFEST_VERSION {
        return Err(PackageError::NewerVersion(m.version));
    }
    if m.files.len() > MAX_FILES {
        return Err(PackageError::BadManifest(format!(
            "liệt kê {} tệp, quá giới hạn {MAX_FILES}",
            m.files.len()
        )));
    }
    let mut total = 0u64;
    let mut seen = std::collections::HashSet::new();
    for f in &m.files {
        safe_relative(&f.path).map_err(|why| PackageError::UnsafePath {
            path: f.path.clone(),
            why,
        })?;
        if f.path == MANIFEST || !seen.insert(f.path.to_lowercase()) {
            return Err(PackageError::BadManifest(format!(
                "tệp {} được kê hai lần",
                f.path
            )));
        }
        if f.bytes > MAX_FILE_BYTES {
            return Err(PackageError::TooBig {
                path: f.path.clone(),
                megabytes: f.bytes / (1024 * 1024),
            });
        }
        if f.sha256.len() != 64 || !f.sha256.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(PackageError::BadManifest(format!(
                "mã SHA-256 của tệp {} không hợp lệ",
                f.path
            )));
        }
        total = total.saturating_add(f.bytes);
    }
    if total > MAX_TOTAL_BYTES {
        return Err(PackageError::TooBig {
            path: "(cả gói)".into(),
            megabytes: total / (1024 * 1024),
        });
    }
    Ok(m)
}

/// Read a file of the package no larger than `limit`, refusing a larger one before
/// reading it all.
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, std::io::Error> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::new();
    file.take(limit + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest(files: Vec<FileEntry>) -> Vec<u8> {
        serde_json::to_vec(&Manifest {
            format: FORMAT.into(),
            version: 1,
            organisation: "SỞ CÔNG THƯƠNG".into(),
            content: "Hồ sơ".into(),
            year: 2026,
            created_at: "2026-12-03T10:00:00".into(),
            files,
        })
        .unwrap()
    }

    fn entry(path: &str, bytes: u64) -> FileEntry {
        FileEntry {
            path: path.into(),
            bytes,
            sha256: sha256_hex(b"x"),
        }
    }

    #[test]
    fn hash_is_the_known_digest() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn paths_leaving_the_folder_are_refused() {
        for bad in [
            "../x.pdf",
            "/etc/passwd",
            "a/../../x",
            "C:/x.pdf",
            "a\\b.pdf",
            "",
            "a//b",
        ] {
            assert!(safe_relative(bad).is_err(), "{bad} was accepted");
        }
        assert_eq!(
            safe_relative("van-ban/to-trinh.pdf").unwrap(),
            Path::new("van-ban").join("to-trinh.pdf")
        );
    }

    #[test]
    fn manifest_checks_its_own_fields() {
        assert!(parse(&manifest(vec![entry("a.pdf", 10)])).is_ok());
        assert!(matches!(
            parse(&manifest(vec![entry("../a.pdf", 10)])),
            Err(PackageError::UnsafePath { .. })
        ));
        assert!(matches!(
            parse(&manifest(vec![entry("a.pdf", MAX_FILE_BYTES + 1)])),
            Err(PackageError::TooBig { .. })
        ));
        assert!(matches!(
            parse(&manifest(vec![entry("a.pdf", 1), entry("A.pdf", 1)])),
            Err(PackageError::BadManifest(_))
        ));
        let many: Vec<_> = (0..11)
            .map(|i| entry(&format!("{i}.pdf"), MAX_FILE_BYTES))
            .collect();
        assert!(matches!(
            parse(&manifest(many)),
            Err(PackageError::TooBig { .. })
        ));
        assert!(matches!(parse(b"{}"), Err(PackageError::BadManifest(_))));
        let other = String::from_utf8(manifest(vec![]))
            .unwrap()
            .replace(FORMAT, "khac");
        assert!(matches!(
            parse(other.as_bytes()),
            Err(PackageError::NotAPackage)
        ));
        let newer = String::from_utf8(manifest(vec![]))
            .unwrap()
            .replace("\"version\":1", "\"version\":9");
        assert!(matches!(
            parse(newer.as_bytes()),
            Err(PackageError::NewerVersion(9))
        ));
    }
}
