//! Backups: SQLite's online backup (consistent while the app writes), written under a
//! temporary name, checked with an integrity check, then renamed; kept in rotation; and
//! restoring, which keeps the current database as a backup first.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{Local, NaiveDateTime};
use rusqlite::{Connection, OpenFlags};

use super::{Store, StoreError, io_reason, migrations};

/// Backups made by the app are named `thidua-YYYYMMDD-HHMMSS.sqlite`.
const PREFIX: &str = "thidua-";
const EXTENSION: &str = "sqlite";

/// A backup file and what it holds.
#[derive(Debug, Clone, PartialEq)]
pub struct BackupInfo {
    pub path: PathBuf,
    pub made_at: Option<NaiveDateTime>,
    pub bytes: u64,
    /// (label, count) of the main tables, read from the file.
    pub counts: Vec<(&'static str, i64)>,
}

fn folder_error(path: &Path, e: std::io::Error) -> StoreError {
    StoreError::Conflict(format!(
        "Không ghi được bản sao lưu vào {}: {}. Hãy kiểm tra ổ đĩa (USB còn cắm, còn dung lượng, cho phép ghi) rồi thử lại.",
        path.display(),
        io_reason(&e)
    ))
}

/// Check a database file without changing it: it opens, passes the integrity check and
/// has a schema this program knows. Returns its counts.
pub fn check_file(path: &Path) -> Result<Vec<(&'static str, i64)>, StoreError> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    let result: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if result != "ok" {
        return Err(StoreError::Damaged);
    }
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version > migrations::latest_version() {
        return Err(StoreError::NewerSchema {
            found: version,
            supported: migrations::latest_version(),
        });
    }
    if version == 0 {
        return Err(StoreError::Foreign);
    }
    let store = Store {
        conn,
        path: Some(path.to_path_buf()),
    };
    store.counts()
}

/// When a backup's name says it was made.
fn made_at(path: &Path) -> Option<NaiveDateTime> {
    let stem = path.file_stem()?.to_str()?;
    let stamp = stem.strip_prefix(PREFIX)?;
    NaiveDateTime::parse_from_str(stamp.get(..15)?, "%Y%m%d-%H%M%S").ok()
}

/// The backups in `folder`, newest first (files that are not ours are left out).
pub fn backups_in(folder: &Path) -> Vec<BackupInfo> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut list: Vec<BackupInfo> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == EXTENSION))
        .filter_map(|path| {
            let made_at = made_at(&path)?;
            Some(BackupInfo {
                bytes: std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0),
                made_at: Some(made_at),
                counts: Vec::new(),
                path,
            })
        })
        .collect();
    // Several backups in one second are numbered -2, -3 …: the highest is the newest.
    list.sort_by_key(|b| std::cmp::Reverse((b.made_at, sequence(&b.path))));
    list
}

/// The number a backup made in the same second as another carries ("…-153000-3" → 3; 1
/// without one).
fn sequence(path: &Path) -> u32 {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let stamp = stem.strip_prefix(PREFIX).unwrap_or("");
    stamp
        .get(15..)
        .and_then(|rest| rest.strip_prefix('-'))
        .and_then(|n| n.parse().ok())
        .unwrap_or(1)
}

/// The newest backup in `folder` that passes the check.
pub fn newest_good_backup(folder: &Path) -> Option<BackupInfo> {
    backups_in(folder).into_iter().find_map(|mut b| {
        b.counts = check_file(&b.path).ok()?;
        Some(b)
    })
}

impl Store {
    /// Write a consistent copy of the database into `folder` (created if missing), check
    /// it, and keep at most `keep` backups there (0 keeps all). Nothing that looks like a
    /// finished backup is left if any step fails.
    pub fn backup_to(&self, folder: &Path, keep: usize) -> Result<BackupInfo, StoreError> {
        backup_connection(&self.conn, folder, keep, &mut |_, _| {})
    }
}

/// Back up the database file at `database` through a connection of its own (so it can run
/// on a worker thread while the window keeps its own), reporting pages copied of pages in
/// all. WAL lets it read a consistent snapshot while the window writes.
pub fn backup_file_to(
    database: &Path,
    folder: &Path,
    keep: usize,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<BackupInfo, StoreError> {
    let conn = Connection::open_with_flags(
        database,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(Duration::from_secs(5))?;
    backup_connection(&conn, folder, keep, progress)
}

fn backup_connection(
    source: &Connection,
    folder: &Path,
    keep: usize,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<BackupInfo, StoreError> {
    std::fs::create_dir_all(folder).map_err(|e| folder_error(folder, e))?;
    let stamp = Local::now().naive_local();
    let second = stamp.format("%Y%m%d-%H%M%S").to_string();
    // Within one second each backup is numbered above those still there, so the order of
    // the names is the order they were made in and rotation keeps the newest.
    let taken = backups_in(folder)
        .iter()
        .filter(|b| {
            b.path
                .file_stem()
                .and_then(|s| s.to_str())
                .is_some_and(|s| s.contains(&second))
        })
        .map(|b| sequence(&b.path))
        .max();
    let mut n = taken.map_or(1, |t| t + 1);
    let (name, target) = loop {
        let name = match n {
            1 => format!("{PREFIX}{second}"),
            n => format!("{PREFIX}{second}-{n}"),
        };
        let target = folder.join(format!("{name}.{EXTENSION}"));
        if !target.exists() {
            break (name, target);
        }
        n += 1;
    };
    let temp = folder.join(format!(".{name}.tmp"));
    let result = (|| {
        {
            let mut copy = Connection::open(&temp)?;
            {
                let backup = rusqlite::backup::Backup::new(source, &mut copy)?;
                loop {
                    let step = backup.step(256)?;
                    let p = backup.progress();
                    let total = p.pagecount.max(1) as usize;
                    progress(total - (p.remaining.max(0) as usize).min(total), total);
                    match step {
                        rusqlite::backup::StepResult::Done => break,
                        rusqlite::backup::StepResult::More => {}
                        _ => std::thread::sleep(Duration::from_millis(10)),
                    }
                }
            }
            // One self-contained file: no -wal or -shm beside it.
            copy.query_row("PRAGMA journal_mode = DELETE", [], |_| Ok(()))?;
        }
        // Flushed to the medium before it gets its real name.
        std::fs::File::open(&temp)
            .and_then(|f| f.sync_all())
            .map_err(|e| folder_error(folder, e))?;
        let counts = check_file(&temp)?;
        std::fs::rename(&temp, &target).map_err(|e| folder_error(folder, e))?;
        Ok(counts)
    })();
    let counts = match result {
        Ok(c) => c,
        Err(e) => {
            let _ = std::fs::remove_file(&temp);
            return Err(match e {
                StoreError::DiskFull => folder_error(
                    folder,
                    std::io::Error::from(std::io::ErrorKind::StorageFull),
                ),
                other => other,
            });
        }
    };
    if keep > 0 {
        for old in backups_in(folder).into_iter().skip(keep) {
            let _ = std::fs::remove_file(&old.path);
        }
    }
    Ok(BackupInfo {
        bytes: std::fs::metadata(&target).map(|m| m.len()).unwrap_or(0),
        made_at: made_at(&target),
        counts,
        path: target,
    })
}

/// Put `backup` in place of the database at `database` (the app must not have it open):
/// the backup is checked first, and the current file, if any, is kept in `keep_folder`
/// under a backup name. Returns where the previous database went.
pub fn restore(
    backup: &Path,
    database: &Path,
    keep_folder: &Path,
) -> Result<Option<PathBuf>, StoreError> {
    check_file(backup)?;
    std::fs::create_dir_all(keep_folder).map_err(|e| folder_error(keep_folder, e))?;
    let mut kept = None;
    if database.exists() {
        let stamp = Local::now().naive_local().format("%Y%m%d-%H%M%S");
        let previous = keep_folder.join(format!("{PREFIX}{stamp}-truoc-khi-khoi-phuc.{EXTENSION}"));
        // Through SQLite, so what still sits in the WAL file is kept too; a file SQLite
        // cannot read is copied as it is.
        let through_sqlite = (|| -> rusqlite::Result<()> {
            let old = Connection::open_with_flags(database, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
            let mut copy = Connection::open(&previous)?;
            rusqlite::backup::Backup::new(&old, &mut copy)?.run_to_completion(
                256,
                Duration::ZERO,
                None,
            )?;
            copy.query_row("PRAGMA journal_mode = DELETE", [], |_| Ok(()))
        })();
        if through_sqlite.is_err() {
            let _ = std::fs::remove_file(&previous);
            std::fs::copy(database, &previous).map_err(|e| folder_error(keep_folder, e))?;
        }
        kept = Some(previous);
    }
    let dir = database.parent().unwrap_or(Path::new("."));
    let temp = dir.join(".thidua-restore.tmp");
    let copied = std::fs::copy(backup, &temp)
        .and_then(|_| std::fs::File::open(&temp)?.sync_all())
        .and_then(|_| {
            // The old WAL files belong to the old database.
            for suffix in ["-wal", "-shm"] {
                let mut p = database.as_os_str().to_owned();
                p.push(suffix);
                let _ = std::fs::remove_file(PathBuf::from(p));
            }
            std::fs::rename(&temp, database)
        });
    if let Err(e) = copied {
        let _ = std::fs::remove_file(&temp);
        return Err(folder_error(dir, e));
    }
    Ok(kept)
}

#[cfg(test)]
#[path = "backup_tests.rs"]
mod tests;
