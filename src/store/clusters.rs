//! Emulation clusters (cụm / khối thi đua) of a year and their covenants.

use rusqlite::{Connection, params};

use super::registrations::Cluster;
use super::{Store, StoreError};
use crate::domain::validate::FieldError;

fn members_in(conn: &Connection, cluster: i64) -> Result<Vec<i64>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT unit_id FROM cluster_members WHERE cluster_id = ?1 ORDER BY position, unit_id",
    )?;
    let rows = stmt
        .query_map([cluster], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

impl Store {
    /// The clusters of a year with their members, by name.
    pub fn clusters(&self, year: i32) -> Result<Vec<Cluster>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, year, name, covenant_date, covenant_content FROM clusters
             WHERE year = ?1 ORDER BY name",
        )?;
        let mut rows: Vec<Cluster> = stmt
            .query_map([year], |r| {
                Ok(Cluster {
                    id: r.get(0)?,
                    year: r.get(1)?,
                    name: r.get(2)?,
                    members: Vec::new(),
                    covenant_date: r.get(3)?,
                    covenant_content: r.get(4)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        for c in &mut rows {
            c.members = members_in(&self.conn, c.id)?;
        }
        Ok(rows)
    }

    /// Insert (id 0) or update a cluster with its members, in one transaction.
    pub fn save_cluster(&mut self, c: &Cluster) -> Result<i64, StoreError> {
        self.in_transaction(|tx| save_cluster_in(tx, c))
    }

    pub fn delete_cluster(&mut self, id: i64) -> Result<(), StoreError> {
        self.in_transaction(|tx| {
            tx.execute("DELETE FROM clusters WHERE id = ?1", [id])?;
            Ok(())
        })
    }
}

fn duplicate(e: StoreError, name: &str) -> StoreError {
    if e.is_constraint() {
        StoreError::Conflict(format!("Năm này đã có cụm, khối thi đua tên «{name}»."))
    } else {
        e
    }
}

/// Insert (id 0) or update a cluster with its members, in the caller's transaction.
pub fn save_cluster_in(tx: &Connection, c: &Cluster) -> Result<i64, StoreError> {
    let name = crate::domain::text::clean(&c.name);
    let mut problems = Vec::new();
    if name.is_empty() {
        problems.push(FieldError {
            field: "cluster_name",
            message: "Hãy nhập tên cụm, khối thi đua.".into(),
        });
    }
    if c.members.len() < 2 {
        problems.push(FieldError {
            field: "cluster_members",
            message: "Một cụm, khối thi đua cần ít nhất hai đơn vị.".into(),
        });
    }
    if !problems.is_empty() {
        return Err(StoreError::Invalid(problems));
    }
    let id = if c.id == 0 {
        tx.execute(
            "INSERT INTO clusters(year, name, covenant_date, covenant_content)
             VALUES (?1, ?2, ?3, ?4)",
            params![c.year, name, c.covenant_date, c.covenant_content.trim()],
        )
        .map_err(|e| duplicate(e.into(), &name))?;
        tx.last_insert_rowid()
    } else {
        tx.execute(
            "UPDATE clusters SET name = ?1, covenant_date = ?2, covenant_content = ?3
             WHERE id = ?4",
            params![name, c.covenant_date, c.covenant_content.trim(), c.id],
        )
        .map_err(|e| duplicate(e.into(), &name))?;
        tx.execute("DELETE FROM cluster_members WHERE cluster_id = ?1", [c.id])?;
        c.id
    };
    for (i, unit) in c.members.iter().enumerate() {
        tx.execute(
            "INSERT OR IGNORE INTO cluster_members(cluster_id, unit_id, position)
             VALUES (?1, ?2, ?3)",
            params![id, unit, i as i64],
        )?;
    }
    Ok(id)
}
