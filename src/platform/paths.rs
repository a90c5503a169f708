//! Where the data lives: `%APPDATA%\thidua\` on Windows, the XDG data folder on Linux; or,
//! in portable mode (a file named `thidua.portable` beside the executable), a folder
//! `thidua-data` beside the executable, so the app runs from a USB stick.

use std::path::{Path, PathBuf};

/// The marker file that turns on portable mode.
pub const PORTABLE_MARKER: &str = "thidua.portable";

/// The folder that holds the databases, backups, documents and the log.
pub fn data_folder() -> PathBuf {
    if let Some(dir) = portable_folder() {
        return dir;
    }
    dirs::data_dir()
        .or_else(dirs::home_dir)
        .unwrap_or_else(|| PathBuf::from("."))
        .join("thidua")
}

/// The portable data folder, when the marker sits beside the executable.
pub fn portable_folder() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    portable_folder_beside(exe.parent()?)
}

/// The portable data folder for an executable in `exe_dir`, when the marker is there.
pub fn portable_folder_beside(exe_dir: &Path) -> Option<PathBuf> {
    exe_dir
        .join(PORTABLE_MARKER)
        .is_file()
        .then(|| exe_dir.join("thidua-data"))
}

pub fn default_database_path() -> PathBuf {
    data_folder().join("thidua.sqlite")
}

/// The demo database, beside the real one but never the same file.
pub fn demo_database_path() -> PathBuf {
    data_folder().join("thidua-demo.sqlite")
}

/// Where printed documents are kept for the clerk to find.
/// Where a database's automatic backups go: "Sao lưu/<name of the database>" beside it
/// (so the demo's backups never mix with the real ones).
pub fn backup_folder_for(database: &Path) -> PathBuf {
    let stem = database.file_stem().unwrap_or_default();
    database
        .parent()
        .unwrap_or(Path::new("."))
        .join("Sao lưu")
        .join(stem)
}

pub fn documents_folder() -> PathBuf {
    data_folder().join("Văn bản")
}

/// True for a path written as a network share (`\\server\share\…`, `\\?\UNC\…`, `//server/…`),
/// where SQLite's locking is unreliable.
pub fn is_network_path(path: &Path) -> bool {
    let text = path.to_string_lossy();
    text.starts_with(r"\\?\UNC\")
        || text.starts_with(r"\\") && !text.starts_with(r"\\?\")
        || text.starts_with("//")
}

/// True for a database on a network share, whether written as one or reached through a
/// mapped drive letter (`Z:\…`) or a network mount.
pub fn is_on_network(path: &Path) -> bool {
    is_network_path(path) || super::drives::is_on_remote_drive(path)
}

/// A file name in `folder` that does not overwrite anything: `name.pdf`, then
/// `name (2).pdf`, `name (3).pdf`, …
pub fn unused_file_name(folder: &Path, stem: &str, extension: &str) -> PathBuf {
    let first = folder.join(format!("{stem}.{extension}"));
    if !first.exists() {
        return first;
    }
    (2..)
        .map(|n| folder.join(format!("{stem} ({n}).{extension}")))
        .find(|p| !p.exists())
        .unwrap_or(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn portable_mode_follows_the_marker() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(portable_folder_beside(dir.path()), None);
        std::fs::write(dir.path().join(PORTABLE_MARKER), "").unwrap();
        assert_eq!(
            portable_folder_beside(dir.path()),
            Some(dir.path().join("thidua-data"))
        );
    }

    #[test]
    fn network_paths_are_recognised() {
        assert!(is_network_path(Path::new(r"\\may-chu\chung\thidua.sqlite")));
        assert!(!is_network_path(Path::new(r"C:\Dữ liệu\thidua.sqlite")));
        assert!(!is_network_path(Path::new(r"\\?\C:\thidua.sqlite")));
        assert!(is_network_path(Path::new(
            r"\\?\UNC\may-chu\chung\a.sqlite"
        )));
    }

    #[test]
    fn unused_names_never_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        let a = unused_file_name(dir.path(), "QD-12-2027-khen-thuong", "pdf");
        assert_eq!(a.file_name().unwrap(), "QD-12-2027-khen-thuong.pdf");
        std::fs::write(&a, "x").unwrap();
        let b = unused_file_name(dir.path(), "QD-12-2027-khen-thuong", "pdf");
        assert_eq!(b.file_name().unwrap(), "QD-12-2027-khen-thuong (2).pdf");
    }
}
