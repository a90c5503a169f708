//! Yearly ratings (xếp loại) of people and units, and discipline records.

use rusqlite::{OptionalExtension, params};

use super::{Store, StoreError};
use crate::domain::model::{Discipline, DisciplineForm, PersonId, Rating, UnitId};

impl Store {
    /// A person's ratings by year, oldest first.
    pub fn person_ratings(&self, person: PersonId) -> Result<Vec<(i32, Rating)>, StoreError> {
        self.ratings_query(
            "SELECT year, rating FROM person_ratings WHERE person_id = ?1 ORDER BY year",
            person,
        )
    }

    /// A unit's ratings by year, oldest first.
    pub fn unit_ratings(&self, unit: UnitId) -> Result<Vec<(i32, Rating)>, StoreError> {
        self.ratings_query(
            "SELECT year, rating FROM unit_ratings WHERE unit_id = ?1 ORDER BY year",
            unit,
        )
    }

    fn ratings_query(&self, sql: &str, id: i64) -> Result<Vec<(i32, Rating)>, StoreError> {
        let mut stmt = self.conn.prepare(sql)?;
        let rows = stmt
            .query_map([id], |r| Ok((r.get::<_, i32>(0)?, r.get::<_, String>(1)?)))?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(rows
            .into_iter()
            .filter_map(|(y, code)| Rating::from_code(&code).map(|r| (y, r)))
            .collect())
    }

    /// Set (or with `None`, clear) a person's rating for a year.
    pub fn set_person_rating(
        &mut self,
        person: PersonId,
        year: i32,
        rating: Option<Rating>,
    ) -> Result<(), StoreError> {
        set_person_rating_in(&self.conn, person, year, rating)
    }

    /// Set (or with `None`, clear) a unit's rating for a year.
    pub fn set_unit_rating(
        &mut self,
        unit: UnitId,
        year: i32,
        rating: Option<Rating>,
    ) -> Result<(), StoreError> {
        set_unit_rating_in(&self.conn, unit, year, rating)
    }

    /// A person's discipline records, oldest first.
    pub fn disciplines(&self, person: PersonId) -> Result<Vec<Discipline>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, person_id, form, from_date, to_date, note FROM disciplines WHERE person_id = ?1 ORDER BY from_date",
        )?;
        let rows = stmt
            .query_map([person], |r| {
                let form: String = r.get(2)?;
                Ok(Discipline {
                    id: r.get(0)?,
                    person_id: r.get(1)?,
                    form: DisciplineForm::from_code(&form).unwrap_or(DisciplineForm::Reprimand),
                    from: r.get(3)?,
                    to: r.get(4)?,
                    note: r.get(5)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    pub fn add_discipline(&mut self, d: &Discipline) -> Result<i64, StoreError> {
        if let Some(to) = d.to
            && to < d.from
        {
            return Err(StoreError::Conflict(
                "Ngày kết thúc kỷ luật phải sau ngày bắt đầu.".into(),
            ));
        }
        self.conn.execute(
            "INSERT INTO disciplines(person_id, form, from_date, to_date, note) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![d.person_id, d.form.code(), d.from, d.to, d.note],
        )?;
        Ok(self.conn.last_insert_rowid())
    }
}

/// Set or clear a rating on any connection; `table` is person_ratings or unit_ratings.
pub(crate) fn set_rating(
    conn: &rusqlite::Connection,
    table: &str,
    column: &str,
    id: i64,
    year: i32,
    rating: Option<Rating>,
) -> Result<(), StoreError> {
    match rating {
        Some(r) => {
            let existing: Option<i64> = conn
                .query_row(
                    &format!("SELECT id FROM {table} WHERE {column} = ?1 AND year = ?2"),
                    params![id, year],
                    |row| row.get(0),
                )
                .optional()?;
            match existing {
                Some(row_id) => conn.execute(
                    &format!("UPDATE {table} SET rating = ?1 WHERE id = ?2"),
                    params![r.code(), row_id],
                )?,
                None => conn.execute(
                    &format!("INSERT INTO {table}({column}, year, rating) VALUES (?1, ?2, ?3)"),
                    params![id, year, r.code()],
                )?,
            };
        }
        None => {
            conn.execute(
                &format!("DELETE FROM {table} WHERE {column} = ?1 AND year = ?2"),
                params![id, year],
            )?;
        }
    }
    Ok(())
}

/// Set or clear a person's rating on any connection or transaction.
pub fn set_person_rating_in(
    conn: &rusqlite::Connection,
    person: PersonId,
    year: i32,
    rating: Option<Rating>,
) -> Result<(), StoreError> {
    set_rating(conn, "person_ratings", "person_id", person, year, rating)
}

/// Set or clear a unit's rating on any connection or transaction.
pub fn set_unit_rating_in(
    conn: &rusqlite::Connection,
    unit: UnitId,
    year: i32,
    rating: Option<Rating>,
) -> Result<(), StoreError> {
    set_rating(conn, "unit_ratings", "unit_id", unit, year, rating)
}
