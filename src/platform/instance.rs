//! One window per database: a lock file beside the database, held with an exclusive OS
//! file lock for as long as the app runs. The OS drops the lock when the process dies, so a
//! crash never leaves the database locked.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Held while this process owns the database.
#[derive(Debug)]
pub struct InstanceLock {
    _file: File,
    path: PathBuf,
}

#[derive(Debug, thiserror::Error)]
pub enum InstanceError {
    #[error(
        "Cơ sở dữ liệu {0} đang được mở trong một cửa sổ Thi đua – Khen thưởng khác. Hãy dùng cửa sổ đó, hoặc đóng nó rồi mở lại."
    )]
    AlreadyOpen(PathBuf),
    #[error(
        "Không tạo được tệp khóa {path}: {source}. Hãy kiểm tra quyền ghi của thư mục dữ liệu."
    )]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl InstanceLock {
    /// Take the lock for `database`, or say who holds it.
    pub fn acquire(database: &Path) -> Result<Self, InstanceError> {
        let path = lock_path(database);
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let io = |source| InstanceError::Io {
            path: path.clone(),
            source,
        };
        let mut file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(io)?;
        match file.try_lock() {
            Ok(()) => {
                let _ = file.set_len(0);
                let _ = writeln!(file, "{}", std::process::id());
                Ok(Self { _file: file, path })
            }
            Err(TryLockError::WouldBlock) => {
                Err(InstanceError::AlreadyOpen(database.to_path_buf()))
            }
            Err(TryLockError::Error(e)) => Err(io(e)),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

fn lock_path(database: &Path) -> PathBuf {
    let mut name = database.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    database.with_file_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_on_the_same_database_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("dữ liệu thi đua.sqlite");
        let first = InstanceLock::acquire(&db).unwrap();
        let second = InstanceLock::acquire(&db).unwrap_err();
        assert!(matches!(second, InstanceError::AlreadyOpen(_)));
        assert!(second.to_string().contains("đang được mở trong một cửa sổ"));
        drop(first);
        assert!(InstanceLock::acquire(&db).is_ok());
    }
}
