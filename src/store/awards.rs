//! Award history (lịch sử khen thưởng).

use rusqlite::{Row, params};

use super::{Store, StoreError};
use crate::domain::model::{AwardId, AwardRecord, Subject};

fn award_from_row(r: &Row<'_>) -> rusqlite::Result<AwardRecord> {
    let person: Option<i64> = r.get("person_id")?;
    let unit: Option<i64> = r.get("unit_id")?;
    Ok(AwardRecord {
        id: r.get("id")?,
        subject: match (person, unit) {
            (Some(p), _) => Subject::Person(p),
            (None, Some(u)) => Subject::Unit(u),
            (None, None) => Subject::Unit(0),
        },
        year: r.get("year")?,
        catalogue_id: r.get("catalogue_id")?,
        decision_number: r.get("decision_number")?,
        decision_date: r.get("decision_date")?,
        issuer: r.get("issuer")?,
        note: r.get("note")?,
    })
}

/// A subject as the (person_id, unit_id) columns the tables store it in.
pub(crate) fn subject_columns(s: Subject) -> (Option<i64>, Option<i64>) {
    match s {
        Subject::Person(p) => (Some(p), None),
        Subject::Unit(u) => (None, Some(u)),
    }
}

/// A subject back from its (person_id, unit_id) columns.
pub(crate) fn subject_of(person: Option<i64>, unit: Option<i64>) -> Subject {
    match person {
        Some(p) => Subject::Person(p),
        None => Subject::Unit(unit.unwrap_or_default()),
    }
}

impl Store {
    /// One subject's award history, by year then catalogue order.
    pub fn awards_for(&self, subject: Subject) -> Result<Vec<AwardRecord>, StoreError> {
        let (sql, id) = match subject {
            Subject::Person(p) => ("a.person_id = ?1", p),
            Subject::Unit(u) => ("a.unit_id = ?1", u),
        };
        let mut stmt = self.conn.prepare(&format!(
            "SELECT a.* FROM awards a JOIN catalogue c ON c.id = a.catalogue_id
             WHERE {sql} ORDER BY a.year, c.sort_order, a.id"
        ))?;
        let rows = stmt
            .query_map([id], award_from_row)?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    /// Every award record, for exports and reports.
    pub fn all_awards(&self) -> Result<Vec<AwardRecord>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT * FROM awards ORDER BY year, id")?;
        let rows = stmt
            .query_map([], award_from_row)?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    /// The award records of years `from` to `to` (both included; a range typed backwards
    /// is read forwards), by year then catalogue order, for the period reports.
    pub fn awards_in_years(&self, from: i32, to: i32) -> Result<Vec<AwardRecord>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT a.* FROM awards a JOIN catalogue c ON c.id = a.catalogue_id
             WHERE a.year BETWEEN ?1 AND ?2 ORDER BY a.year, c.sort_order, a.id",
        )?;
        let rows = stmt
            .query_map([from.min(to), from.max(to)], award_from_row)?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    /// Insert (id 0) or update a record; the same subject cannot hold the same entry twice
    /// in one year.
    pub fn save_award(&mut self, a: &AwardRecord) -> Result<AwardId, StoreError> {
        save_award_in(&self.conn, a)
    }

    pub fn delete_award(&mut self, id: AwardId) -> Result<(), StoreError> {
        let n = self
            .conn
            .execute("DELETE FROM awards WHERE id = ?1", [id])?;
        if n == 0 {
            return Err(StoreError::NotFound(format!("bản ghi khen thưởng số {id}")));
        }
        Ok(())
    }
}

/// Save an award record on any connection or transaction.
pub fn save_award_in(conn: &rusqlite::Connection, a: &AwardRecord) -> Result<AwardId, StoreError> {
    let (person, unit) = subject_columns(a.subject);
    let duplicate: bool = conn.query_row(
        "SELECT EXISTS(SELECT 1 FROM awards WHERE person_id IS ?1 AND unit_id IS ?2
             AND year = ?3 AND catalogue_id = ?4 AND id <> ?5)",
        params![person, unit, a.year, a.catalogue_id, a.id],
        |r| r.get(0),
    )?;
    if duplicate {
        return Err(StoreError::Conflict(format!(
            "Năm {} đã có bản ghi cùng danh hiệu, hình thức này. Hãy sửa bản ghi đã có thay vì thêm mới.",
            a.year
        )));
    }
    if a.id == 0 {
        conn.execute(
            "INSERT INTO awards(person_id, unit_id, year, catalogue_id, decision_number, decision_date, issuer, note)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![person, unit, a.year, a.catalogue_id, a.decision_number, a.decision_date, a.issuer, a.note],
        )?;
        Ok(conn.last_insert_rowid())
    } else {
        let n = conn.execute(
            "UPDATE awards SET person_id = ?1, unit_id = ?2, year = ?3, catalogue_id = ?4,
                 decision_number = ?5, decision_date = ?6, issuer = ?7, note = ?8 WHERE id = ?9",
            params![
                person,
                unit,
                a.year,
                a.catalogue_id,
                a.decision_number,
                a.decision_date,
                a.issuer,
                a.note,
                a.id
            ],
        )?;
        if n == 0 {
            return Err(StoreError::NotFound(format!(
                "bản ghi khen thưởng số {}",
                a.id
            )));
        }
        Ok(a.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::tests::{person, unit};

    #[test]
    fn awards_in_a_year_range_are_those_years_only_in_catalogue_order() {
        let mut s = Store::open_in_memory().unwrap();
        let u = s.save_unit(&unit("Văn phòng")).unwrap();
        let p = s.save_person(&person("Phạm Thị Lan", u)).unwrap();
        let cat = s.catalogue().unwrap();
        let id = |code: &str| cat.iter().find(|c| c.code == code).unwrap().id;
        let rec = |subject, year, code: &str| AwardRecord {
            id: 0,
            subject,
            year,
            catalogue_id: id(code),
            decision_number: format!("{year}/QĐ-SCT"),
            decision_date: None,
            issuer: String::new(),
            note: String::new(),
        };
        for (subject, year, code) in [
            (Subject::Person(p), 2021, "LDTT"),
            (Subject::Person(p), 2023, "CSTDCS"),
            (Subject::Person(p), 2023, "LDTT"),
            (Subject::Unit(u), 2024, "TTLDTT"),
            (Subject::Person(p), 2025, "LDTT"),
            (Subject::Person(p), 2027, "LDTT"),
        ] {
            s.save_award(&rec(subject, year, code)).unwrap();
        }
        let got: Vec<(i32, i64)> = s
            .awards_in_years(2022, 2025)
            .unwrap()
            .iter()
            .map(|a| (a.year, a.catalogue_id))
            .collect();
        assert_eq!(
            got,
            vec![
                (2023, id("LDTT")),
                (2023, id("CSTDCS")),
                (2024, id("TTLDTT")),
                (2025, id("LDTT")),
            ]
        );
        assert_eq!(s.awards_in_years(2025, 2022).unwrap().len(), 4);
        assert_eq!(
            s.awards_in_years(2027, 2027).unwrap()[0].subject,
            Subject::Person(p)
        );
        assert!(s.awards_in_years(2010, 2020).unwrap().is_empty());
    }
}
