//! The catalogue of titles and forms of commendation.

use rusqlite::{Row, params};

use super::{Removal, Store, StoreError};
use crate::domain::model::{
    AwardKind, AwardLevel, CatalogueEntry, CatalogueId, SubjectKind, builtin_catalogue,
};

fn entry_from_row(r: &Row<'_>) -> rusqlite::Result<CatalogueEntry> {
    let subject_kind: String = r.get("subject_kind")?;
    let kind: String = r.get("kind")?;
    let level: String = r.get("level")?;
    Ok(CatalogueEntry {
        id: r.get("id")?,
        code: r.get("code")?,
        name: r.get("name")?,
        subject_kind: SubjectKind::from_code(&subject_kind).unwrap_or(SubjectKind::Individual),
        kind: AwardKind::from_code(&kind).unwrap_or(AwardKind::Commendation),
        level: AwardLevel::from_code(&level).unwrap_or(AwardLevel::Department),
        decided_by: r.get("decided_by")?,
        coefficient: r.get("coefficient")?,
        sort_order: r.get("sort_order")?,
        active: r.get("active")?,
        builtin: r.get("builtin")?,
    })
}

impl Store {
    /// Seed the catalogue from the law when it is empty.
    pub(super) fn seed_catalogue(&mut self) -> Result<(), StoreError> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM catalogue", [], |r| r.get(0))?;
        if n > 0 {
            return Ok(());
        }
        let tx = self.conn.transaction()?;
        for e in builtin_catalogue() {
            insert_entry(&tx, &e, true)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// The whole catalogue in its order (inactive entries included).
    pub fn catalogue(&self) -> Result<Vec<CatalogueEntry>, StoreError> {
        catalogue_in(&self.conn)
    }

    /// Insert (id 0) or update an entry. A built-in entry keeps its code and subject kind.
    pub fn save_catalogue_entry(&mut self, e: &CatalogueEntry) -> Result<CatalogueId, StoreError> {
        let conflict = |e: StoreError, code: &str| {
            if e.is_constraint() {
                StoreError::Conflict(format!(
                    "Mã \"{code}\" đã có trong danh mục. Hãy chọn mã khác."
                ))
            } else {
                e
            }
        };
        if e.id == 0 {
            insert_entry(&self.conn, e, false).map_err(|err| conflict(err, &e.code))
        } else {
            let n = self
                .conn
                .execute(
                    "UPDATE catalogue SET
                        code = CASE builtin WHEN 1 THEN code ELSE ?1 END,
                        name = ?2,
                        subject_kind = CASE builtin WHEN 1 THEN subject_kind ELSE ?3 END,
                        kind = ?4, level = ?5, decided_by = ?6, coefficient = ?7,
                        sort_order = ?8, active = ?9
                     WHERE id = ?10",
                    params![
                        e.code,
                        e.name,
                        e.subject_kind.code(),
                        e.kind.code(),
                        e.level.code(),
                        e.decided_by,
                        e.coefficient,
                        e.sort_order,
                        e.active,
                        e.id
                    ],
                )
                .map_err(|err| conflict(err.into(), &e.code))?;
            if n == 0 {
                return Err(StoreError::NotFound(format!("mục danh mục số {}", e.id)));
            }
            Ok(e.id)
        }
    }

    /// Delete an entry nothing refers to; deactivate one in use. Built-in entries are only
    /// ever deactivated.
    pub fn remove_catalogue_entry(&mut self, id: CatalogueId) -> Result<Removal, StoreError> {
        let keep: bool = self.conn.query_row(
            "SELECT builtin = 1 OR EXISTS(SELECT 1 FROM awards WHERE catalogue_id = ?1) FROM catalogue WHERE id = ?1",
            [id],
            |r| r.get(0),
        ).map_err(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => StoreError::NotFound(format!("mục danh mục số {id}")),
            e => e.into(),
        })?;
        if keep {
            self.conn
                .execute("UPDATE catalogue SET active = 0 WHERE id = ?1", [id])?;
            Ok(Removal::Deactivated)
        } else {
            self.conn
                .execute("DELETE FROM catalogue WHERE id = ?1", [id])?;
            Ok(Removal::Deleted)
        }
    }
}

fn insert_entry(
    conn: &rusqlite::Connection,
    e: &CatalogueEntry,
    builtin: bool,
) -> Result<CatalogueId, StoreError> {
    conn.execute(
        "INSERT INTO catalogue(code, name, subject_kind, kind, level, decided_by, coefficient, sort_order, active, builtin)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            e.code, e.name, e.subject_kind.code(), e.kind.code(), e.level.code(), e.decided_by,
            e.coefficient, e.sort_order, e.active, builtin
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// The whole catalogue in its order, inside a caller's transaction.
pub(crate) fn catalogue_in(conn: &rusqlite::Connection) -> Result<Vec<CatalogueEntry>, StoreError> {
    let mut stmt = conn.prepare("SELECT * FROM catalogue ORDER BY sort_order, name")?;
    let rows = stmt
        .query_map([], entry_from_row)?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}
