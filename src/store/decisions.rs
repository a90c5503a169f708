//! Decisions: drafts, issuing (the number from the register, one award-history record per
//! subject and the nominations marked decided, all in one transaction), amendments and
//! cancellations that leave the issued one untouched, and other bodies' decisions
//! recorded with their lists. The database itself refuses to change an issued decision.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

use super::awards::{subject_columns, subject_of};
use super::{Store, StoreError};
use crate::domain::decision::{Decision, DecisionEntry, DecisionId, DecisionStatus};
use crate::domain::model::Subject;

/// Schema step "decisions".
pub(crate) const SCHEMA: &str = "
CREATE TABLE decisions (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL,
    number TEXT NOT NULL DEFAULT '',
    issued_on TEXT,
    internal INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'issued')),
    amends INTEGER REFERENCES decisions(id) ON DELETE RESTRICT,
    data TEXT NOT NULL,
    CHECK (status = 'draft' OR (length(trim(number)) > 0 AND issued_on IS NOT NULL))
);
CREATE UNIQUE INDEX decisions_number ON decisions(number, issued_on) WHERE status = 'issued';
CREATE TABLE decision_entries (
    id INTEGER PRIMARY KEY,
    decision_id INTEGER NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
    person_id INTEGER REFERENCES people(id) ON DELETE RESTRICT,
    unit_id INTEGER REFERENCES units(id) ON DELETE RESTRICT,
    catalogue_id INTEGER NOT NULL REFERENCES catalogue(id) ON DELETE RESTRICT,
    amount INTEGER,
    award_id INTEGER REFERENCES awards(id) ON DELETE RESTRICT,
    CHECK ((person_id IS NULL) <> (unit_id IS NULL))
);
CREATE UNIQUE INDEX decision_entries_once
    ON decision_entries(decision_id, ifnull(person_id, 0), ifnull(unit_id, 0), catalogue_id);
CREATE TRIGGER decisions_issued_read_only BEFORE UPDATE ON decisions
WHEN OLD.status = 'issued' BEGIN
    SELECT RAISE(ABORT, 'Quyết định đã ban hành không sửa được; hãy ra quyết định sửa đổi hoặc hủy bỏ.');
END;
CREATE TRIGGER decisions_issued_kept BEFORE DELETE ON decisions
WHEN OLD.status = 'issued' BEGIN
    SELECT RAISE(ABORT, 'Quyết định đã ban hành không xóa được.');
END;
CREATE TRIGGER decision_entries_of_issued_fixed BEFORE UPDATE ON decision_entries
WHEN (SELECT status FROM decisions WHERE id = OLD.decision_id) = 'issued' BEGIN
    SELECT RAISE(ABORT, 'Danh sách của quyết định đã ban hành không sửa được.');
END;
CREATE TRIGGER decision_entries_of_issued_kept BEFORE DELETE ON decision_entries
WHEN (SELECT status FROM decisions WHERE id = OLD.decision_id) = 'issued' BEGIN
    SELECT RAISE(ABORT, 'Danh sách của quyết định đã ban hành không sửa được.');
END;
CREATE TRIGGER decision_entries_added_to_issued BEFORE INSERT ON decision_entries
WHEN (SELECT status FROM decisions WHERE id = NEW.decision_id) = 'issued' BEGIN
    SELECT RAISE(ABORT, 'Danh sách của quyết định đã ban hành không sửa được.');
END;
";

pub(crate) const AUDITED: &[(&str, &[&str])] = &[
    (
        "decisions",
        &[
            "id",
            "year",
            "number",
            "issued_on",
            "internal",
            "status",
            "amends",
            "data",
        ],
    ),
    (
        "decision_entries",
        &[
            "id",
            "decision_id",
            "person_id",
            "unit_id",
            "catalogue_id",
            "amount",
            "award_id",
        ],
    ),
];

fn conflict(text: impl Into<String>) -> StoreError {
    StoreError::Conflict(text.into())
}

fn decision_in(conn: &Connection, id: DecisionId) -> Result<Decision, StoreError> {
    let row: Option<(String, String)> = conn
        .query_row(
            "SELECT data, status FROM decisions WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let (data, status) = row.ok_or_else(|| StoreError::NotFound(format!("quyết định số {id}")))?;
    let mut d: Decision = serde_json::from_str(&data)
        .map_err(|e| conflict(format!("Không đọc được quyết định số {id}: {e}")))?;
    d.id = id;
    d.status = DecisionStatus::from_code(&status).unwrap_or(DecisionStatus::Draft);
    Ok(d)
}

fn write_entries(
    conn: &Connection,
    id: DecisionId,
    entries: &[DecisionEntry],
    award_ids: &[Option<i64>],
) -> Result<(), StoreError> {
    conn.execute("DELETE FROM decision_entries WHERE decision_id = ?1", [id])?;
    for (e, award) in entries
        .iter()
        .zip(award_ids.iter().chain(std::iter::repeat(&None)))
    {
        let (person, unit) = subject_columns(e.subject);
        conn.execute(
            "INSERT INTO decision_entries(decision_id, person_id, unit_id, catalogue_id, amount, award_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![id, person, unit, e.catalogue_id, e.amount, award],
        )?;
    }
    Ok(())
}

fn data_of(d: &Decision) -> Result<String, StoreError> {
    serde_json::to_string(d).map_err(|e| conflict(e.to_string()))
}

impl Store {
    /// The decisions of a year (drafts and issued), newest first.
    pub fn decisions(&self, year: i32) -> Result<Vec<Decision>, StoreError> {
        let ids: Vec<i64> = self
            .conn
            .prepare("SELECT id FROM decisions WHERE year = ?1 ORDER BY issued_on DESC, id DESC")?
            .query_map([year], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        ids.into_iter()
            .map(|id| decision_in(&self.conn, id))
            .collect()
    }

    pub fn decision(&self, id: DecisionId) -> Result<Decision, StoreError> {
        decision_in(&self.conn, id)
    }

    /// Save a draft (new when its id is 0). An issued decision is refused.
    pub fn save_decision_draft(&mut self, d: &Decision) -> Result<DecisionId, StoreError> {
        let problems = d.problems();
        if !problems.is_empty() {
            return Err(conflict(problems.join(" ")));
        }
        self.in_transaction(|tx| {
            let mut draft = d.clone();
            draft.status = DecisionStatus::Draft;
            let id = if d.id == 0 {
                tx.execute(
                    "INSERT INTO decisions(year, number, issued_on, internal, status, amends, data) VALUES (?1, '', NULL, ?2, 'draft', ?3, ?4)",
                    params![d.year, d.internal, d.amends, data_of(&draft)?],
                )?;
                tx.last_insert_rowid()
            } else {
                if decision_in(tx, d.id)?.status == DecisionStatus::Issued {
                    return Err(conflict("Quyết định đã ban hành không sửa được; hãy ra quyết định sửa đổi hoặc hủy bỏ."));
                }
                tx.execute("UPDATE decisions SET year = ?1, amends = ?2, data = ?3 WHERE id = ?4", params![d.year, d.amends, data_of(&draft)?, d.id])?;
                d.id
            };
            write_entries(tx, id, &d.entries, &[])?;
            Ok(id)
        })
    }

    /// Delete a draft.
    pub fn delete_decision_draft(&mut self, id: DecisionId) -> Result<(), StoreError> {
        self.in_transaction(|tx| {
            if decision_in(tx, id)?.status == DecisionStatus::Issued {
                return Err(conflict("Quyết định đã ban hành không xóa được."));
            }
            tx.execute("DELETE FROM decisions WHERE id = ?1", [id])?;
            Ok(())
        })
    }

    /// Issue the Director's decision: the next "QĐ" number of its year from the register
    /// (or `number` if the clerk chose one still free), one award record per subject, the
    /// nominations it comes from marked decided; a cancellation removes the history the
    /// cancelled decision wrote. All or nothing. Returns "12/QĐ-SCT".
    pub fn issue_decision(
        &mut self,
        id: DecisionId,
        number: Option<u32>,
        date: NaiveDate,
        abbreviation: &str,
    ) -> Result<String, StoreError> {
        let catalogue = self.catalogue()?;
        self.in_transaction(|tx| {
            let mut d = decision_in(tx, id)?;
            if d.status == DecisionStatus::Issued {
                return Err(conflict("Quyết định này đã ban hành."));
            }
            let problems = d.problems();
            if !problems.is_empty() {
                return Err(conflict(problems.join(" ")));
            }
            let year = chrono::Datelike::year(&date);
            let n = match number {
                Some(n) => n,
                None => super::register::next_document_number_in(tx, year, "QĐ")?,
            };
            super::register::register_document_in(tx, year, "QĐ", n, date, &d.subject_line)
                .map_err(|e| match e {
                    StoreError::Sqlite(_) | StoreError::Conflict(_) => conflict(format!(
                        "Số {n}/QĐ năm {year} đã được dùng; hãy chọn số khác."
                    )),
                    other => other,
                })?;
            d.number = format!("{n}/QĐ-{abbreviation}");
            d.issued_on = Some(date);
            let awards = record_history(tx, &d, &catalogue)?;
            finish_issue(tx, &d, &awards)?;
            Ok(d.number.clone())
        })
    }

    /// Record another body's decision (the province, a ministry, the Prime Minister) with
    /// its list: it goes into the history at once.
    pub fn record_external_decision(&mut self, d: &Decision) -> Result<DecisionId, StoreError> {
        let catalogue = self.catalogue()?;
        let mut d = d.clone();
        d.internal = false;
        let problems = d.problems();
        if !problems.is_empty() {
            return Err(conflict(problems.join(" ")));
        }
        self.in_transaction(|tx| {
            tx.execute(
                "INSERT INTO decisions(year, number, issued_on, internal, status, amends, data) VALUES (?1, '', NULL, 0, 'draft', ?2, ?3)",
                params![d.year, d.amends, data_of(&d)?],
            )?;
            d.id = tx.last_insert_rowid();
            let awards = record_history(tx, &d, &catalogue)?;
            finish_issue(tx, &d, &awards)?;
            Ok(d.id)
        })
    }
}

/// One award record per entry; a cancellation takes back what the cancelled one wrote:
/// its records stay in the history, marked cancelled (`cancelled_by`), and count for
/// nothing. So do the records an amendment drops.
fn record_history(
    tx: &Connection,
    d: &Decision,
    catalogue: &[crate::domain::model::CatalogueEntry],
) -> Result<Vec<Option<i64>>, StoreError> {
    if d.cancels {
        let amended = d
            .amends
            .ok_or_else(|| conflict("Quyết định hủy bỏ phải chỉ rõ quyết định bị hủy."))?;
        let ids: Vec<i64> = tx
            .prepare("SELECT award_id FROM decision_entries WHERE decision_id = ?1 AND award_id IS NOT NULL")?
            .query_map([amended], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        for award in ids {
            tx.execute(
                "UPDATE awards SET note = trim(note || ' Đã bị hủy bởi Quyết định số ' || ?1),
                     cancelled_by = ?1 WHERE id = ?2",
                params![d.number, award],
            )?;
        }
        return Ok(Vec::new());
    }
    // An amendment takes over the amended decision's records (the audit log keeps them as
    // they were); subjects it drops are noted.
    let mut taken: Vec<(i64, Subject, i64)> = Vec::new();
    let mut old_number = String::new();
    if let Some(amended) = d.amends {
        old_number = decision_in(tx, amended)?.number;
        let mut stmt = tx.prepare(
            "SELECT award_id, person_id, unit_id, catalogue_id FROM decision_entries
             WHERE decision_id = ?1 AND award_id IS NOT NULL",
        )?;
        taken = stmt
            .query_map([amended], |r| {
                let person: Option<i64> = r.get(1)?;
                let unit: Option<i64> = r.get(2)?;
                Ok((r.get(0)?, subject_of(person, unit), r.get(3)?))
            })?
            .collect::<Result<_, _>>()?;
    }
    let mut awards = Vec::new();
    for e in &d.entries {
        let entry = catalogue
            .iter()
            .find(|c| c.id == e.catalogue_id)
            .ok_or_else(|| StoreError::NotFound(format!("mục danh mục số {}", e.catalogue_id)))?;
        if let Some((award, _, _)) = taken
            .iter()
            .find(|(_, s, c)| *s == e.subject && *c == e.catalogue_id)
        {
            tx.execute(
                "UPDATE awards SET decision_number = ?1, decision_date = ?2, issuer = ?3,
                     note = trim(note || ' Sửa đổi Quyết định số ' || ?4) WHERE id = ?5",
                params![d.number, d.issued_on, d.issuer, old_number, award],
            )?;
            awards.push(Some(*award));
            continue;
        }
        let record = crate::domain::model::AwardRecord {
            id: 0,
            subject: e.subject,
            year: d.year,
            catalogue_id: entry.id,
            decision_number: d.number.clone(),
            decision_date: d.issued_on,
            issuer: d.issuer.clone(),
            note: String::new(),
            cancelled_by: None,
        };
        awards.push(Some(super::awards::save_award_in(tx, &record)?));
    }
    for (award, subject, cat) in &taken {
        if !d
            .entries
            .iter()
            .any(|e| e.subject == *subject && e.catalogue_id == *cat)
        {
            tx.execute(
                "UPDATE awards SET note = trim(note || ' Bị loại bởi Quyết định số ' || ?1),
                     cancelled_by = ?1 WHERE id = ?2",
                params![d.number, award],
            )?;
        }
    }
    Ok(awards)
}

/// Write the issued decision with its list, and mark the nominations it decides.
fn finish_issue(tx: &Connection, d: &Decision, awards: &[Option<i64>]) -> Result<(), StoreError> {
    let mut issued = d.clone();
    issued.status = DecisionStatus::Issued;
    write_entries(tx, d.id, &d.entries, awards)?;
    tx.execute(
        "UPDATE decisions SET number = ?1, issued_on = ?2, internal = ?3, status = 'issued', data = ?4 WHERE id = ?5",
        params![d.number, d.issued_on, d.internal, data_of(&issued)?, d.id],
    )?;
    for e in &d.entries {
        if let Some(n) = e.nomination {
            tx.execute("UPDATE nominations SET status = 'decided' WHERE id = ?1 AND status IN ('approved', 'submitted')", [n])?;
        }
    }
    Ok(())
}

#[cfg(test)]
#[path = "decisions_tests.rs"]
mod tests;
