//! People (cá nhân).

use rusqlite::{Connection, Row, params};

use super::{Removal, Store, StoreError};
use crate::domain::model::{Gender, Person, PersonId, PersonStatus};

/// A person with the name of their unit, as the people list shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonRow {
    pub person: Person,
    pub unit_name: String,
    pub unit_order: i64,
}

pub(crate) fn person_from_row(r: &Row<'_>) -> rusqlite::Result<Person> {
    let gender: String = r.get("gender")?;
    let status: String = r.get("status")?;
    Ok(Person {
        id: r.get("id")?,
        full_name: r.get("full_name")?,
        gender: Gender::from_code(&gender).unwrap_or(Gender::Male),
        birth_date: r.get("birth_date")?,
        unit_id: r.get("unit_id")?,
        position: r.get("position")?,
        position_rank: r.get("position_rank")?,
        is_department_leader: r.get("is_department_leader")?,
        recruited_on: r.get("recruited_on")?,
        status: PersonStatus::from_code(&status).unwrap_or(PersonStatus::Working),
        status_date: r.get("status_date")?,
        active: r.get("active")?,
    })
}

impl Store {
    /// Every person with their unit's name (active and inactive).
    pub fn people(&self) -> Result<Vec<PersonRow>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT p.*, u.name AS unit_name, u.sort_order AS unit_order
             FROM people p JOIN units u ON u.id = p.unit_id ORDER BY p.id",
        )?;
        let rows = stmt
            .query_map([], |r| {
                Ok(PersonRow {
                    person: person_from_row(r)?,
                    unit_name: r.get("unit_name")?,
                    unit_order: r.get("unit_order")?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    pub fn person(&self, id: PersonId) -> Result<Person, StoreError> {
        person_in(&self.conn, id)
    }

    /// Insert (id 0) or update a person; returns the id. `active` is not changed here.
    pub fn save_person(&mut self, p: &Person) -> Result<PersonId, StoreError> {
        save_person_in(&self.conn, p)
    }

    /// Delete a person nothing refers to; otherwise hide them from new work.
    pub fn remove_person(&mut self, id: PersonId) -> Result<Removal, StoreError> {
        let referenced: bool = self.conn.query_row(
            "SELECT EXISTS(SELECT 1 FROM awards WHERE person_id = ?1)
                 OR EXISTS(SELECT 1 FROM person_ratings WHERE person_id = ?1)
                 OR EXISTS(SELECT 1 FROM disciplines WHERE person_id = ?1)
                 OR EXISTS(SELECT 1 FROM review_periods WHERE person_id = ?1)
                 OR EXISTS(SELECT 1 FROM absences WHERE person_id = ?1)",
            [id],
            |r| r.get(0),
        )?;
        let n = if referenced {
            self.conn
                .execute("UPDATE people SET active = 0 WHERE id = ?1", [id])?
        } else {
            self.conn
                .execute("DELETE FROM people WHERE id = ?1", [id])?
        };
        if n == 0 {
            return Err(StoreError::NotFound(format!("cá nhân số {id}")));
        }
        Ok(if referenced {
            Removal::Deactivated
        } else {
            Removal::Deleted
        })
    }

    /// Bring a hidden person back.
    pub fn reactivate_person(&mut self, id: PersonId) -> Result<(), StoreError> {
        self.conn
            .execute("UPDATE people SET active = 1 WHERE id = ?1", [id])?;
        Ok(())
    }
}

/// Insert (id 0) or update a person on any connection or transaction.
pub fn save_person_in(conn: &Connection, p: &Person) -> Result<PersonId, StoreError> {
    if p.id == 0 {
        conn.execute(
            "INSERT INTO people(full_name, gender, birth_date, unit_id, position, position_rank,
                 is_department_leader, recruited_on, status, status_date)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                p.full_name,
                p.gender.code(),
                p.birth_date,
                p.unit_id,
                p.position,
                p.position_rank,
                p.is_department_leader,
                p.recruited_on,
                p.status.code(),
                p.status_date
            ],
        )?;
        Ok(conn.last_insert_rowid())
    } else {
        let n = conn.execute(
            "UPDATE people SET full_name = ?1, gender = ?2, birth_date = ?3, unit_id = ?4,
                 position = ?5, position_rank = ?6, is_department_leader = ?7,
                 recruited_on = ?8, status = ?9, status_date = ?10
             WHERE id = ?11",
            params![
                p.full_name,
                p.gender.code(),
                p.birth_date,
                p.unit_id,
                p.position,
                p.position_rank,
                p.is_department_leader,
                p.recruited_on,
                p.status.code(),
                p.status_date,
                p.id
            ],
        )?;
        if n == 0 {
            return Err(StoreError::NotFound(format!("cá nhân số {}", p.id)));
        }
        Ok(p.id)
    }
}

/// One person, inside a caller's transaction.
pub(crate) fn person_in(conn: &Connection, id: PersonId) -> Result<Person, StoreError> {
    conn.query_row("SELECT * FROM people WHERE id = ?1", [id], person_from_row)
        .map_err(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => {
                StoreError::NotFound(format!("cá nhân số {id}"))
            }
            e => e.into(),
        })
}
