//! SQLite storage: schema and migrations, queries, the audit log, backups.
//!
//! The only layer that speaks SQL. Every write that belongs together runs in one
//! transaction; every error reaches the caller as a [`StoreError`] whose text a clerk can
//! read.

pub mod awards;
pub mod backup;
mod catalogue;
pub mod clusters;
pub mod decisions;
mod error;
pub mod innovation_council;
pub mod innovations;
pub mod migrations;
pub mod nominations;
mod nominations_flow;
pub mod people;
pub mod plans;
pub mod ratings;
pub mod register;
pub mod registrations;
pub mod reports;
mod schema_check;
mod settings;
pub mod units;
pub mod workload;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

pub use error::{StoreError, io_reason};
pub use people::PersonRow;

/// What happened when the clerk removed something.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Removal {
    /// Nothing referred to it: the row is gone.
    Deleted,
    /// Records refer to it: it is kept, hidden from new work.
    Deactivated,
}

/// One line of the audit log: when, what, and the row's values before and after (JSON).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub at: String,
    pub action: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// An open database.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
}

impl Store {
    /// Open (creating when missing) the database at `path` and bring its schema up to date.
    /// A database from a newer program, a changed schema, or a file that is not ours is
    /// refused and left as it is.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        if let Some(dir) = path.parent()
            && !dir.as_os_str().is_empty()
        {
            std::fs::create_dir_all(dir).map_err(|e| StoreError::Folder {
                path: dir.to_path_buf(),
                source: e,
            })?;
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        Self::prepare(conn, Some(path.to_path_buf()))
    }

    /// Open an existing database only to read it (a second window on a database that is
    /// open elsewhere). Nothing is migrated or written; a schema this program does not know
    /// exactly is refused.
    pub fn open_read_only(path: &Path) -> Result<Self, StoreError> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
            r.get::<_, i64>(0)
        })?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let latest = migrations::latest_version();
        if version > latest {
            return Err(StoreError::NewerSchema {
                found: version,
                supported: latest,
            });
        }
        if version < latest {
            return Err(StoreError::SchemaChanged(format!(
                "cơ sở dữ liệu ở phiên bản {version}, cần được cập nhật lên {latest} trước khi xem"
            )));
        }
        migrations::verify(&conn)?;
        schema_check::pages_are_sound(&conn)?;
        schema_check::schema_is_ours(&conn)?;
        Ok(Store {
            conn,
            path: Some(path.to_path_buf()),
        })
    }

    /// Whether this connection can only read.
    pub fn is_read_only(&self) -> bool {
        self.conn.is_readonly("main").unwrap_or(false)
    }

    /// A private database in memory, for tests.
    pub fn open_in_memory() -> Result<Self, StoreError> {
        Self::prepare(Connection::open_in_memory()?, None)
    }

    fn prepare(mut conn: Connection, path: Option<PathBuf>) -> Result<Self, StoreError> {
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        // Reading the schema first tells a damaged or foreign file apart before any write.
        conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
            r.get::<_, i64>(0)
        })?;
        // Refuse a file that is not ours, newer, or changed by hand before anything
        // (even the journal mode) is written to it.
        migrations::verify(&conn)?;
        if path.is_some() {
            schema_check::pages_are_sound(&conn)?;
            schema_check::schema_is_ours(&conn)?;
        }
        conn.pragma_update(None, "foreign_keys", true)?;
        if path.is_some() {
            let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
            if !mode.eq_ignore_ascii_case("wal") {
                log::warn!("journal mode is {mode}, not WAL");
            }
        }
        conn.pragma_update(None, "synchronous", "FULL")?;
        migrations::migrate(&mut conn)?;
        let mut store = Store { conn, path };
        store.seed_catalogue()?;
        Ok(store)
    }

    /// The database file, when it is one.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The raw connection, for the store's own modules and tests.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// `PRAGMA integrity_check` and foreign keys: empty when all is well.
    pub fn integrity_problems(&self) -> Result<Vec<String>, StoreError> {
        let mut problems = Vec::new();
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        for row in stmt.query_map([], |r| r.get::<_, String>(0))? {
            let row = row?;
            if row != "ok" {
                problems.push(row);
            }
        }
        let mut stmt = self.conn.prepare("PRAGMA foreign_key_check")?;
        let fk: Vec<String> = stmt
            .query_map([], |r| {
                Ok(format!(
                    "Bảng {} dòng {} trỏ tới {} không tồn tại",
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<i64>>(1)?.unwrap_or_default(),
                    r.get::<_, String>(2)?
                ))
            })?
            .collect::<Result<_, _>>()?;
        problems.extend(fk);
        Ok(problems)
    }

    /// Row counts of the main tables, for `thidua check` and the status bar.
    pub fn counts(&self) -> Result<Vec<(&'static str, i64)>, StoreError> {
        let tables = [
            ("Đơn vị", "units"),
            ("Cá nhân", "people"),
            ("Xếp loại cá nhân", "person_ratings"),
            ("Xếp loại đơn vị", "unit_ratings"),
            ("Kỷ luật", "disciplines"),
            ("Danh mục khen thưởng", "catalogue"),
            ("Lịch sử khen thưởng", "awards"),
            ("Đăng ký thi đua", "registrations"),
            ("Sáng kiến", "innovations"),
            ("Đề nghị khen thưởng", "nominations"),
            ("Quyết định", "decisions"),
            ("Nhật ký thay đổi", "audit_log"),
        ];
        let mut counts = Vec::new();
        for (label, table) in tables {
            // A backup made before a table existed simply has none of it.
            let exists: bool = self.conn.query_row(
                "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = ?1",
                [table],
                |r| r.get(0),
            )?;
            if exists {
                let n: i64 =
                    self.conn
                        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
                counts.push((label, n));
            }
        }
        Ok(counts)
    }

    /// Run `f` in one transaction: all of it is written or none. A savepoint, so it nests
    /// inside a caller's transaction (the demo writes everything in one).
    pub fn in_transaction<T>(
        &mut self,
        f: impl FnOnce(&Connection) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let sp = self.conn.savepoint()?;
        let value = f(&sp)?;
        sp.commit()?;
        Ok(value)
    }

    /// Audit entries for one row, newest first.
    pub fn audit_for(&self, table: &str, row_id: i64) -> Result<Vec<AuditEntry>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT at, action, before, after FROM audit_log WHERE table_name = ?1 AND row_id = ?2 ORDER BY id DESC",
        )?;
        let rows = stmt
            .query_map(rusqlite::params![table, row_id], |r| {
                Ok(AuditEntry {
                    at: r.get(0)?,
                    action: r.get(1)?,
                    before: r.get(2)?,
                    after: r.get(3)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }
}

#[cfg(test)]
pub(crate) mod tests;
