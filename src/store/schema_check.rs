//! Checks made when a database file is opened, before anything is written to it: its
//! pages are sound (`PRAGMA quick_check`) and its tables, columns, indexes and triggers
//! are exactly what the program's migration steps made (a column added or a trigger
//! dropped by hand is refused, even though the recorded steps still match).

use std::collections::BTreeSet;

use rusqlite::Connection;

use super::StoreError;
use super::migrations::{Step, migrate_with, steps};

/// `PRAGMA quick_check`: a page overwritten or cut off is found before the data is used.
pub fn pages_are_sound(conn: &Connection) -> Result<(), StoreError> {
    let mut stmt = conn.prepare("PRAGMA quick_check")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let line: String = row.get(0)?;
        if line != "ok" {
            log::warn!("quick_check: {line}");
            return Err(StoreError::Damaged);
        }
    }
    Ok(())
}

/// One object of the schema as compared: (kind, name, what it is made of).
type Shape = BTreeSet<(String, String, String)>;

fn shape(conn: &Connection) -> Result<Shape, StoreError> {
    let mut objects = Vec::new();
    {
        let mut stmt = conn.prepare(
            "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master
             WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        for row in rows {
            objects.push(row?);
        }
    }
    let mut shape = Shape::new();
    for (kind, name, table, sql) in objects {
        let made_of = match kind.as_str() {
            // Columns with their declared types, not the CREATE text, which SQLite
            // rewrites on ALTER TABLE.
            "table" | "view" => {
                let mut stmt = conn.prepare("SELECT name, type, pk FROM pragma_table_xinfo(?1)")?;
                let cols = stmt.query_map([&name], |r| {
                    Ok(format!(
                        "{} {} {}",
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, i64>(2)?
                    ))
                })?;
                cols.collect::<Result<Vec<_>, _>>()?.join(", ")
            }
            // Indexes and triggers: their table and their text, spaces aside.
            _ => format!(
                "{table}: {}",
                sql.split_whitespace().collect::<Vec<_>>().join(" ")
            ),
        };
        shape.insert((kind, name, made_of));
    }
    Ok(shape)
}

/// The schema the first `version` steps make, built in memory.
fn expected_shape(all: &[Step], version: usize) -> Result<Shape, StoreError> {
    let mut conn = Connection::open_in_memory()?;
    migrate_with(&mut conn, &all[..version.min(all.len())])?;
    shape(&conn)
}

/// Refuse a database whose schema differs from what its recorded steps make.
pub fn schema_is_ours(conn: &Connection) -> Result<(), StoreError> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version <= 0 {
        return Ok(());
    }
    let found = shape(conn)?;
    let expected = expected_shape(&steps(), version as usize)?;
    if found == expected {
        return Ok(());
    }
    let describe = |(kind, name, _): &(String, String, String)| format!("{kind} {name}");
    let extra: Vec<String> = found.difference(&expected).map(describe).collect();
    let missing: Vec<String> = expected.difference(&found).map(describe).collect();
    let mut what = Vec::new();
    if !extra.is_empty() {
        what.push(format!("khác hoặc thêm: {}", extra.join(", ")));
    }
    if !missing.is_empty() {
        what.push(format!("thiếu hoặc khác: {}", missing.join(", ")));
    }
    Err(StoreError::SchemaChanged(format!(
        "lược đồ đã bị sửa ngoài phần mềm ({})",
        what.join("; ")
    )))
}
