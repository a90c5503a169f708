//! Units (đơn vị).

use rusqlite::{Connection, Row, params};

use super::{Removal, Store, StoreError};
use crate::domain::model::{Unit, UnitId, UnitKind};

fn unit_from_row(r: &Row<'_>) -> rusqlite::Result<Unit> {
    let kind: String = r.get("kind")?;
    Ok(Unit {
        id: r.get("id")?,
        name: r.get("name")?,
        short_name: r.get("short_name")?,
        kind: UnitKind::from_code(&kind).unwrap_or(UnitKind::Other),
        sort_order: r.get("sort_order")?,
        active: r.get("active")?,
        dissolved_on: r.get("dissolved_on")?,
    })
}

impl Store {
    /// All units in their official order.
    pub fn units(&self) -> Result<Vec<Unit>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT * FROM units ORDER BY sort_order, name")?;
        let rows = stmt
            .query_map([], unit_from_row)?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    /// Insert (id 0) or update a unit; returns its id.
    pub fn save_unit(&mut self, unit: &Unit) -> Result<UnitId, StoreError> {
        save_unit_in(&self.conn, unit)
    }

    /// Delete a unit nothing refers to; otherwise mark it inactive.
    pub fn remove_unit(&mut self, id: UnitId) -> Result<Removal, StoreError> {
        let referenced: bool = self.conn.query_row(
            "SELECT EXISTS(SELECT 1 FROM people WHERE unit_id = ?1)
                 OR EXISTS(SELECT 1 FROM awards WHERE unit_id = ?1)
                 OR EXISTS(SELECT 1 FROM unit_ratings WHERE unit_id = ?1)",
            [id],
            |r| r.get(0),
        )?;
        if referenced {
            self.conn.execute(
                "UPDATE units SET active = 0, dissolved_on = coalesce(dissolved_on, date('now', 'localtime')) WHERE id = ?1",
                [id],
            )?;
            Ok(Removal::Deactivated)
        } else {
            let n = self.conn.execute("DELETE FROM units WHERE id = ?1", [id])?;
            if n == 0 {
                return Err(StoreError::NotFound(format!("đơn vị số {id}")));
            }
            Ok(Removal::Deleted)
        }
    }
}

/// Insert (id 0) or update a unit on any connection or transaction.
pub fn save_unit_in(conn: &Connection, unit: &Unit) -> Result<UnitId, StoreError> {
    let result = if unit.id == 0 {
        conn.execute(
            "INSERT INTO units(name, short_name, kind, sort_order, active, dissolved_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![unit.name, unit.short_name, unit.kind.code(), unit.sort_order, unit.active, unit.dissolved_on],
        )
        .map(|_| conn.last_insert_rowid())
    } else {
        conn.execute(
            "UPDATE units SET name = ?1, short_name = ?2, kind = ?3, sort_order = ?4, active = ?5, dissolved_on = ?6 WHERE id = ?7",
            params![unit.name, unit.short_name, unit.kind.code(), unit.sort_order, unit.active, unit.dissolved_on, unit.id],
        )
        .map(|n| if n == 0 { -1 } else { unit.id })
    };
    match result.map_err(StoreError::from) {
        Ok(-1) => Err(StoreError::NotFound(format!("đơn vị số {}", unit.id))),
        Ok(id) => Ok(id),
        Err(e) if e.is_constraint() => Err(StoreError::Conflict(format!(
            "Đã có đơn vị tên \"{}\". Hãy đặt tên khác hoặc sửa đơn vị đã có.",
            unit.name
        ))),
        Err(e) => Err(e),
    }
}

/// One unit, inside a caller's transaction.
pub(crate) fn unit_in(conn: &Connection, id: UnitId) -> Result<Unit, StoreError> {
    conn.query_row("SELECT * FROM units WHERE id = ?1", [id], unit_from_row)
        .map_err(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => StoreError::NotFound(format!("đơn vị số {id}")),
            e => e.into(),
        })
}
