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

    /// Take a waiting "come to the front" request left by a second window (true once per
    /// request).
    pub fn take_wake_request(&self) -> bool {
        std::fs::remove_file(wake_path(&self.path)).is_ok()
    }
}

/// Ask the window that holds `database` to come to the front: a small file beside the
/// lock that the first window looks for about once a second.
pub fn request_wake(database: &Path) -> std::io::Result<()> {
    std::fs::write(
        wake_path(&lock_path(database)),
        std::process::id().to_string(),
    )
}

fn wake_path(lock: &Path) -> PathBuf {
    let mut name = lock.as_os_str().to_os_string();
    name.push(".wake");
    PathBuf::from(name)
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

    #[test]
    fn a_wake_request_reaches_the_first_window_once() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("thi đua.sqlite");
        let first = InstanceLock::acquire(&db).unwrap();
        assert!(!first.take_wake_request());
        request_wake(&db).unwrap();
        assert!(first.take_wake_request());
        assert!(!first.take_wake_request());
    }
}
