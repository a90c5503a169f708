//! Award history (lịch sử khen thưởng).

use rusqlite::{Row, params};

use super::{Store, StoreError};
use crate::domain::model::{AwardId, AwardRecord, Subject};

/// Schema step "award_cancellations", first part: the column naming the decision that
/// cancelled an award or dropped it from the list it amended, and the audit triggers
/// dropped to be made again with it.
pub(crate) const CANCELLATIONS: &str = "
ALTER TABLE awards ADD COLUMN cancelled_by TEXT;
DROP TRIGGER audit_awards_insert;
DROP TRIGGER audit_awards_update;
DROP TRIGGER audit_awards_delete;
";

/// The awards' columns the audit log records from step "award_cancellations" on.
pub(crate) const AUDITED_COLUMNS: &[&str] = &[
    "id",
    "person_id",
    "unit_id",
    "year",
    "catalogue_id",
    "decision_number",
    "decision_date",
    "issuer",
    "note",
    "cancelled_by",
];

/// Schema step "award_cancellations", last part: awards cancelled or dropped before the
/// column existed get it from the decisions' lists. An award is cancelled when an issued
/// decision amends or cancels the decision whose list holds it and does not take it over
/// in its own list (a cancellation takes over nothing); the earliest such decision counts.
pub(crate) const CANCELLATIONS_BACKFILL: &str = "
UPDATE awards SET cancelled_by = (
    SELECT c.number FROM decision_entries e
    JOIN decisions c ON c.amends = e.decision_id AND c.status = 'issued'
    WHERE e.award_id = awards.id AND NOT EXISTS (
        SELECT 1 FROM decision_entries k WHERE k.decision_id = c.id AND k.award_id = awards.id)
    ORDER BY c.issued_on, c.id LIMIT 1)
WHERE id IN (
    SELECT e.award_id FROM decision_entries e
    JOIN decisions c ON c.amends = e.decision_id AND c.status = 'issued'
    WHERE e.award_id IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM decision_entries k WHERE k.decision_id = c.id AND k.award_id = e.award_id));
";

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
        cancelled_by: r.get("cancelled_by")?,
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
    /// in one year (a cancelled record aside). An update leaves a cancellation as it is.
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

/// Save an award record on any connection or transaction. The same subject cannot hold
/// the same entry twice in force in one year; a cancelled one does not stand in the way of
/// a new decision. Only an insert writes `cancelled_by`: editing a record by hand never
/// brings a cancelled award back.
pub fn save_award_in(conn: &rusqlite::Connection, a: &AwardRecord) -> Result<AwardId, StoreError> {
    let (person, unit) = subject_columns(a.subject);
    let duplicate: bool = conn.query_row(
        "SELECT EXISTS(SELECT 1 FROM awards WHERE person_id IS ?1 AND unit_id IS ?2
             AND year = ?3 AND catalogue_id = ?4 AND id <> ?5 AND cancelled_by IS NULL)
             AND NOT EXISTS(SELECT 1 FROM awards WHERE id = ?5 AND cancelled_by IS NOT NULL)",
        params![person, unit, a.year, a.catalogue_id, a.id],
        |r| r.get(0),
    )?;
    if duplicate && a.in_force() {
        return Err(StoreError::Conflict(format!(
            "Năm {} đã có bản ghi cùng danh hiệu, hình thức này. Hãy sửa bản ghi đã có thay vì thêm mới.",
            a.year
        )));
    }
    if a.id == 0 {
        conn.execute(
            "INSERT INTO awards(person_id, unit_id, year, catalogue_id, decision_number, decision_date, issuer, note, cancelled_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![person, unit, a.year, a.catalogue_id, a.decision_number, a.decision_date, a.issuer, a.note, a.cancelled_by],
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
            cancelled_by: None,
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
