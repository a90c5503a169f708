//! Innovations: the applications (their full form as JSON, the columns the rules ask about
//! beside it), authors, the council's scores, and what each recognised innovation was
//! already used to justify. A recognised innovation is never deleted; a correction comes
//! with a new decision and the audit log keeps the old one.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

use super::{Store, StoreError};
use crate::domain::innovation::{Innovation, InnovationId, InnovationLevel, InnovationStatus};
use crate::domain::innovation_scoring::{MemberScores, ScoringSheet};
use crate::domain::model::PersonId;
use crate::domain::validate::FieldError;

/// Schema step "innovations".
pub(crate) const SCHEMA: &str = "
CREATE TABLE innovations (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    kind TEXT NOT NULL,
    received_on TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('received', 'reviewing', 'recognised', 'not_recognised')),
    level TEXT CHECK (level IS NULL OR level IN ('grassroots', 'province', 'national')),
    decision_number TEXT NOT NULL DEFAULT '',
    decision_date TEXT,
    form TEXT NOT NULL,
    CHECK (status <> 'recognised'
        OR (level IS NOT NULL AND length(trim(decision_number)) > 0 AND decision_date IS NOT NULL))
);
CREATE INDEX innovations_by_year ON innovations(year);
CREATE TABLE innovation_authors (
    id INTEGER PRIMARY KEY,
    innovation_id INTEGER NOT NULL REFERENCES innovations(id) ON DELETE CASCADE,
    person_id INTEGER REFERENCES people(id) ON DELETE RESTRICT,
    name TEXT NOT NULL,
    share REAL NOT NULL CHECK (share > 0 AND share <= 100)
);
CREATE INDEX innovation_authors_person ON innovation_authors(person_id);
CREATE TABLE innovation_scores (
    id INTEGER PRIMARY KEY,
    innovation_id INTEGER NOT NULL REFERENCES innovations(id) ON DELETE CASCADE,
    member TEXT NOT NULL,
    scores TEXT NOT NULL,
    recused INTEGER NOT NULL DEFAULT 0,
    UNIQUE (innovation_id, member)
);
CREATE TABLE innovation_uses (
    id INTEGER PRIMARY KEY,
    innovation_id INTEGER NOT NULL REFERENCES innovations(id) ON DELETE RESTRICT,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE RESTRICT,
    year INTEGER NOT NULL,
    catalogue_code TEXT NOT NULL,
    nomination_id INTEGER REFERENCES nominations(id) ON DELETE SET NULL,
    UNIQUE (innovation_id, person_id)
);
CREATE TRIGGER innovations_recognised_kept BEFORE DELETE ON innovations
WHEN OLD.status = 'recognised' BEGIN
    SELECT RAISE(ABORT, 'Sáng kiến đã được công nhận không xóa được; việc sửa phải qua một quyết định mới.');
END;
CREATE TRIGGER innovations_recognised_by_decision BEFORE UPDATE ON innovations
WHEN OLD.status = 'recognised' AND NEW.decision_number = OLD.decision_number
  AND (NEW.status IS NOT OLD.status OR NEW.level IS NOT OLD.level
       OR NEW.decision_date IS NOT OLD.decision_date OR NEW.form IS NOT OLD.form) BEGIN
    SELECT RAISE(ABORT, 'Sáng kiến đã được công nhận chỉ sửa được bằng một quyết định mới.');
END;
";

pub(crate) const AUDITED: &[(&str, &[&str])] = &[
    (
        "innovations",
        &[
            "id",
            "year",
            "name",
            "status",
            "level",
            "decision_number",
            "decision_date",
            "form",
        ],
    ),
    (
        "innovation_uses",
        &[
            "id",
            "innovation_id",
            "person_id",
            "year",
            "catalogue_code",
            "nomination_id",
        ],
    ),
];

fn invalid(problems: Vec<FieldError>) -> StoreError {
    StoreError::Invalid(problems)
}

fn conflict(text: &str) -> StoreError {
    StoreError::Conflict(text.into())
}

pub(super) fn innovation_in(conn: &Connection, id: InnovationId) -> Result<Innovation, StoreError> {
    let form: String = conn
        .query_row("SELECT form FROM innovations WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?
        .ok_or_else(|| StoreError::NotFound(format!("sáng kiến số {id}")))?;
    let mut i: Innovation = serde_json::from_str(&form)
        .map_err(|e| StoreError::Conflict(format!("Không đọc được sáng kiến số {id}: {e}")))?;
    i.id = id;
    Ok(i)
}

pub(super) fn write_in(conn: &Connection, i: &Innovation) -> Result<InnovationId, StoreError> {
    let form = serde_json::to_string(i).map_err(|e| StoreError::Conflict(e.to_string()))?;
    let level = i.level.map(|l| l.code());
    let id = if i.id == 0 {
        conn.execute(
            "INSERT INTO innovations(year, name, kind, received_on, status, level, decision_number, decision_date, form)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![i.year, i.name.trim(), i.kind.code(), i.received_on, i.status.code(), level, i.decision_number.trim(), i.decision_date, form],
        )?;
        conn.last_insert_rowid()
    } else {
        conn.execute(
            "UPDATE innovations SET year = ?1, name = ?2, kind = ?3, received_on = ?4, status = ?5, level = ?6,
                 decision_number = ?7, decision_date = ?8, form = ?9 WHERE id = ?10",
            params![i.year, i.name.trim(), i.kind.code(), i.received_on, i.status.code(), level, i.decision_number.trim(), i.decision_date, form, i.id],
        )?;
        i.id
    };
    conn.execute(
        "DELETE FROM innovation_authors WHERE innovation_id = ?1",
        [id],
    )?;
    for a in &i.authors {
        conn.execute(
            "INSERT INTO innovation_authors(innovation_id, person_id, name, share) VALUES (?1, ?2, ?3, ?4)",
            params![id, a.person, a.name.trim(), a.share],
        )?;
    }
    Ok(id)
}

impl Store {
    /// The applications of a year, in the order received.
    pub fn innovations(&self, year: i32) -> Result<Vec<Innovation>, StoreError> {
        let ids: Vec<i64> = self
            .conn
            .prepare("SELECT id FROM innovations WHERE year = ?1 ORDER BY received_on, id")?
            .query_map([year], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        ids.into_iter()
            .map(|id| innovation_in(&self.conn, id))
            .collect()
    }

    pub fn innovation(&self, id: InnovationId) -> Result<Innovation, StoreError> {
        innovation_in(&self.conn, id)
    }

    /// Save an application (new when its id is 0). Recognition goes through
    /// [`Store::recognise_innovation`].
    pub fn save_innovation(&mut self, i: &Innovation) -> Result<InnovationId, StoreError> {
        let problems = i.problems();
        if !problems.is_empty() {
            return Err(invalid(problems));
        }
        self.in_transaction(|tx| {
            if i.id != 0 && innovation_in(tx, i.id)?.status == InnovationStatus::Recognised {
                return Err(conflict(
                    "Sáng kiến đã được công nhận chỉ sửa được bằng một quyết định mới.",
                ));
            }
            if i.status == InnovationStatus::Recognised {
                return Err(conflict(
                    "Hãy công nhận sáng kiến bằng nút «Công nhận» với số và ngày quyết định.",
                ));
            }
            write_in(tx, i)
        })
    }

    /// Recognise an innovation under review by a decision already numbered (corrections go
    /// through [`Store::correct_recognition`], higher levels through
    /// [`Store::record_higher_recognition`]).
    pub fn recognise_innovation(
        &mut self,
        id: InnovationId,
        level: InnovationLevel,
        decision_number: &str,
        decision_date: NaiveDate,
    ) -> Result<(), StoreError> {
        self.in_transaction(|tx| {
            let mut i = innovation_in(tx, id)?;
            if i.status == InnovationStatus::Recognised {
                return Err(conflict(
                    "Sáng kiến đã được công nhận: sửa việc công nhận cần một quyết định mới, lấy số từ sổ văn bản («Ra quyết định sửa đổi»).",
                ));
            }
            i.status = InnovationStatus::Recognised;
            i.level = Some(level);
            i.decision_number = decision_number.trim().to_owned();
            i.decision_date = Some(decision_date);
            let problems = i.problems();
            if !problems.is_empty() {
                return Err(invalid(problems));
            }
            write_in(tx, &i).map(|_| ())
        })
    }

    /// Issue the decision recognising `ids` at `level`: the next "QĐ" number of the year
    /// from the register, and every innovation recognised by it, in one transaction.
    /// Returns the decision's number ("12/QĐ-SCT").
    pub fn issue_recognition_decision(
        &mut self,
        year: i32,
        ids: &[InnovationId],
        level: InnovationLevel,
        date: NaiveDate,
        org_abbreviation: &str,
    ) -> Result<String, StoreError> {
        if ids.is_empty() {
            return Err(conflict("Chưa có sáng kiến nào đạt để công nhận."));
        }
        self.in_transaction(|tx| {
            let number = super::register::next_document_number_in(tx, year, "QĐ")?;
            super::register::register_document_in(
                tx,
                year,
                "QĐ",
                number,
                date,
                &format!(
                    "Công nhận sáng kiến {} năm {year}",
                    level.label().to_lowercase()
                ),
            )?;
            let text = format!("{number}/QĐ-{org_abbreviation}");
            for id in ids {
                let mut i = innovation_in(tx, *id)?;
                if !i.is_open() {
                    return Err(StoreError::Conflict(format!(
                        "Sáng kiến «{}» đang ở trạng thái «{}», không công nhận lại được.",
                        i.name,
                        i.status.label()
                    )));
                }
                i.status = InnovationStatus::Recognised;
                i.level = Some(level);
                i.decision_number = text.clone();
                i.decision_date = Some(date);
                let problems = i.problems();
                if !problems.is_empty() {
                    return Err(invalid(problems));
                }
                write_in(tx, &i)?;
            }
            Ok(text)
        })
    }

    /// Refuse recognition, with the reasons.
    pub fn reject_innovation(&mut self, id: InnovationId, reasons: &str) -> Result<(), StoreError> {
        self.in_transaction(|tx| {
            let mut i = innovation_in(tx, id)?;
            if i.status == InnovationStatus::Recognised {
                return Err(conflict(
                    "Sáng kiến đã được công nhận chỉ sửa được bằng một quyết định mới.",
                ));
            }
            i.status = InnovationStatus::NotRecognised;
            i.rejection_reasons = reasons.trim().to_owned();
            let problems = i.problems();
            if !problems.is_empty() {
                return Err(invalid(problems));
            }
            write_in(tx, &i).map(|_| ())
        })
    }

    /// Delete an application that was not recognised.
    pub fn delete_innovation(&mut self, id: InnovationId) -> Result<(), StoreError> {
        self.in_transaction(|tx| {
            tx.execute("DELETE FROM innovations WHERE id = ?1", [id]).map_err(|e| match e.sqlite_error_code() {
                Some(rusqlite::ErrorCode::ConstraintViolation) => conflict(
                    "Sáng kiến đã được công nhận hoặc đã được dùng làm căn cứ khen thưởng nên không xóa được.",
                ),
                _ => e.into(),
            })?;
            Ok(())
        })
    }

    /// The council's scores on an innovation.
    pub fn innovation_scores(&self, id: InnovationId) -> Result<Vec<MemberScores>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT member, scores, recused FROM innovation_scores WHERE innovation_id = ?1 ORDER BY id")?;
        let rows = stmt
            .query_map([id], |r| {
                let scores: String = r.get(1)?;
                Ok(MemberScores {
                    member: r.get(0)?,
                    scores: serde_json::from_str(&scores).unwrap_or_default(),
                    recused: r.get(2)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    /// Replace the scores on an innovation, all of them or none.
    pub fn save_innovation_scores(
        &mut self,
        id: InnovationId,
        scores: &[MemberScores],
        sheet: &ScoringSheet,
    ) -> Result<(), StoreError> {
        sheet.score(scores).map_err(StoreError::Conflict)?;
        self.in_transaction(|tx| {
            innovation_in(tx, id)?;
            tx.execute("DELETE FROM innovation_scores WHERE innovation_id = ?1", [id])?;
            for m in scores {
                tx.execute(
                    "INSERT INTO innovation_scores(innovation_id, member, scores, recused) VALUES (?1, ?2, ?3, ?4)",
                    params![id, m.member.trim(), serde_json::to_string(&m.scores).unwrap_or_default(), m.recused],
                )?;
            }
            Ok(())
        })
    }

    /// A person's recognised innovations (as an author) recognised in `from..=to`, oldest
    /// first.
    pub fn recognised_innovations_of(
        &self,
        person: PersonId,
        from: i32,
        to: i32,
    ) -> Result<Vec<Innovation>, StoreError> {
        let ids: Vec<i64> = self
            .conn
            .prepare(
                "SELECT DISTINCT i.id FROM innovations i JOIN innovation_authors a ON a.innovation_id = i.id
                 WHERE a.person_id = ?1 AND i.status = 'recognised' AND i.year BETWEEN ?2 AND ?3
                 ORDER BY i.year, i.id",
            )?
            .query_map(params![person, from, to], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        ids.into_iter()
            .map(|id| innovation_in(&self.conn, id))
            .collect()
    }

    /// What a recognised innovation was already used for, for this person: (year, code).
    pub fn innovation_used_for(
        &self,
        id: InnovationId,
        person: PersonId,
    ) -> Result<Option<(i32, String)>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT year, catalogue_code FROM innovation_uses WHERE innovation_id = ?1 AND person_id = ?2",
                params![id, person],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }

    /// The person's recognised innovations at `level` or higher in `from..=to` (one the
    /// province recognised after the Sở still counts where a cơ sở one is asked for) not
    /// yet used to justify a title or form (one achievement, one award: R14).
    pub fn unused_innovations(
        &self,
        person: PersonId,
        level: InnovationLevel,
        from: i32,
        to: i32,
    ) -> Result<Vec<Innovation>, StoreError> {
        let mut out = Vec::new();
        for i in self.recognised_innovations_of(person, from, to)? {
            if i.level.is_some_and(|l| l.rank() >= level.rank())
                && self.innovation_used_for(i.id, person)?.is_none()
            {
                out.push(i);
            }
        }
        Ok(out)
    }

    /// Record that an innovation justified a person's title or form; refused when it was
    /// already used for another one.
    pub fn mark_innovation_used(
        &mut self,
        id: InnovationId,
        person: PersonId,
        year: i32,
        catalogue_code: &str,
        nomination: Option<i64>,
    ) -> Result<(), StoreError> {
        self.in_transaction(|tx| {
            let i = innovation_in(tx, id)?;
            if i.status != InnovationStatus::Recognised {
                return Err(conflict("Chỉ sáng kiến đã được công nhận mới làm căn cứ khen thưởng được."));
            }
            if !i.authors.iter().any(|a| a.person == Some(person)) {
                return Err(conflict("Người này không phải tác giả của sáng kiến."));
            }
            let used: Option<(i32, String)> = tx
                .query_row(
                    "SELECT year, catalogue_code FROM innovation_uses WHERE innovation_id = ?1 AND person_id = ?2",
                    params![id, person],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            if let Some((y, code)) = used {
                return Err(StoreError::Conflict(format!(
                    "Sáng kiến «{}» đã được dùng làm căn cứ cho {code} năm {y}; mỗi thành tích chỉ được khen thưởng một lần.",
                    i.name
                )));
            }
            tx.execute(
                "INSERT INTO innovation_uses(innovation_id, person_id, year, catalogue_code, nomination_id) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![id, person, year, catalogue_code, nomination],
            )?;
            Ok(())
        })
    }
}

#[cfg(test)]
#[path = "innovations_tests.rs"]
mod tests;
