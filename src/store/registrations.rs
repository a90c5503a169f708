//! Registrations (đăng ký thi đua): lines per subject, title or form and year; each unit's
//! submission; clusters with their covenants. A registration line is never deleted: a
//! withdrawn line keeps the date it was withdrawn.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::awards::{subject_columns, subject_of};
use super::{Store, StoreError};
use crate::domain::model::{AwardKind, CatalogueEntry, CatalogueId, Subject, UnitId};
pub use crate::domain::registration::{Cluster, SubjectChoice};
use crate::domain::registration::{
    Registration, SubmissionStatus, UnitSubmission, is_registered, misfit, person_in_year,
    unit_in_year,
};
use crate::domain::validate::FieldError;

/// Schema step "registrations" (appended to the migrations).
pub(crate) const SCHEMA: &str = "
CREATE TABLE registrations (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL,
    person_id INTEGER REFERENCES people(id) ON DELETE RESTRICT,
    unit_id INTEGER REFERENCES units(id) ON DELETE RESTRICT,
    catalogue_id INTEGER NOT NULL REFERENCES catalogue(id) ON DELETE RESTRICT,
    registered_on TEXT NOT NULL,
    withdrawn_on TEXT,
    CHECK ((person_id IS NULL) <> (unit_id IS NULL)),
    CHECK (withdrawn_on IS NULL OR withdrawn_on >= registered_on)
);
CREATE UNIQUE INDEX registrations_current
    ON registrations(year, ifnull(person_id, 0), ifnull(unit_id, 0), catalogue_id)
    WHERE withdrawn_on IS NULL;
CREATE INDEX registrations_by_year ON registrations(year);
CREATE TRIGGER registrations_never_deleted BEFORE DELETE ON registrations BEGIN
    SELECT RAISE(ABORT, 'Đăng ký thi đua không xóa được; hãy rút đăng ký.');
END;
CREATE TRIGGER registrations_only_withdrawn BEFORE UPDATE ON registrations
WHEN NEW.year IS NOT OLD.year OR NEW.person_id IS NOT OLD.person_id
  OR NEW.unit_id IS NOT OLD.unit_id OR NEW.catalogue_id IS NOT OLD.catalogue_id
  OR NEW.registered_on IS NOT OLD.registered_on OR OLD.withdrawn_on IS NOT NULL BEGIN
    SELECT RAISE(ABORT, 'Đăng ký thi đua chỉ có thể rút, không sửa được.');
END;
CREATE TABLE unit_submissions (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL,
    unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
    status TEXT NOT NULL CHECK (status IN ('not_sent', 'sent', 'returned', 'approved')),
    sent_on TEXT,
    returned_reason TEXT NOT NULL DEFAULT '',
    commitment TEXT NOT NULL DEFAULT '',
    UNIQUE (year, unit_id),
    CHECK (status <> 'returned' OR length(trim(returned_reason)) > 0)
);
CREATE TABLE clusters (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    covenant_date TEXT,
    covenant_content TEXT NOT NULL DEFAULT '',
    UNIQUE (year, name)
);
CREATE TABLE cluster_members (
    cluster_id INTEGER NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
    unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (cluster_id, unit_id)
);
";

/// Columns the audit log records for the tables above.
pub(crate) const AUDITED: &[(&str, &[&str])] = &[
    (
        "registrations",
        &[
            "id",
            "year",
            "person_id",
            "unit_id",
            "catalogue_id",
            "registered_on",
            "withdrawn_on",
        ],
    ),
    (
        "unit_submissions",
        &[
            "id",
            "year",
            "unit_id",
            "status",
            "sent_on",
            "returned_reason",
            "commitment",
        ],
    ),
    (
        "clusters",
        &["id", "year", "name", "covenant_date", "covenant_content"],
    ),
];

fn registration_from_row(r: &Row<'_>) -> rusqlite::Result<Registration> {
    let person: Option<i64> = r.get("person_id")?;
    let unit: Option<i64> = r.get("unit_id")?;
    Ok(Registration {
        id: r.get("id")?,
        year: r.get("year")?,
        subject: subject_of(person, unit),
        catalogue_id: r.get("catalogue_id")?,
        registered_on: r.get("registered_on")?,
        withdrawn_on: r.get("withdrawn_on")?,
    })
}

fn invalid(field: &'static str, message: String) -> StoreError {
    StoreError::Invalid(vec![FieldError { field, message }])
}

/// All registration lines of a year, withdrawn ones included.
pub fn registrations_of_year_in(
    conn: &Connection,
    year: i32,
) -> Result<Vec<Registration>, StoreError> {
    let mut stmt = conn.prepare("SELECT * FROM registrations WHERE year = ?1 ORDER BY id")?;
    let rows = stmt
        .query_map([year], registration_from_row)?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// Check that the subject takes part in the year and every entry fits it.
fn check_choice(
    conn: &Connection,
    year: i32,
    choice: &SubjectChoice,
    catalogue: &HashMap<CatalogueId, CatalogueEntry>,
) -> Result<(), StoreError> {
    let name = match choice.subject {
        Subject::Person(id) => {
            let p = super::people::person_in(conn, id)?;
            if !person_in_year(&p, year) {
                return Err(invalid(
                    "subject",
                    format!("{} không còn công tác trong năm {year}", p.full_name),
                ));
            }
            p.full_name
        }
        Subject::Unit(id) => {
            let u = super::units::unit_in(conn, id)?;
            if !unit_in_year(&u, year) {
                return Err(invalid(
                    "subject",
                    format!("{} đã giải thể hoặc ngừng theo dõi", u.name),
                ));
            }
            u.name
        }
    };
    let kind = choice.subject.kind();
    for (id, expected) in choice
        .title
        .iter()
        .map(|t| (t, AwardKind::Title))
        .chain(choice.forms.iter().map(|f| (f, AwardKind::Commendation)))
    {
        let entry = catalogue
            .get(id)
            .ok_or_else(|| StoreError::NotFound(format!("mục danh mục số {id}")))?;
        if let Some(why) = misfit(entry, kind) {
            return Err(invalid("catalogue", format!("{name}: {why}")));
        }
        if entry.kind != expected {
            return Err(invalid(
                "catalogue",
                format!(
                    "{name}: «{}» là {}",
                    entry.name,
                    entry.kind.label().to_lowercase()
                ),
            ));
        }
    }
    Ok(())
}

/// Bring the subjects' registrations for `year` to what `choices` say, in the caller's
/// transaction: lines no longer wanted are withdrawn on `today`, new ones added. Returns the
/// number of lines added or withdrawn (0 when nothing changes).
pub fn apply_choices_in(
    conn: &Connection,
    year: i32,
    choices: &[SubjectChoice],
    today: NaiveDate,
) -> Result<usize, StoreError> {
    let catalogue: HashMap<CatalogueId, CatalogueEntry> = super::catalogue::catalogue_in(conn)?
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    let current = registrations_of_year_in(conn, year)?;
    let mut changed = 0;
    for choice in choices {
        let wanted = choice.wanted();
        let have: Vec<&Registration> = current
            .iter()
            .filter(|r| r.is_current() && r.subject == choice.subject)
            .collect();
        let have_ids: BTreeSet<CatalogueId> = have.iter().map(|r| r.catalogue_id).collect();
        if have_ids == wanted {
            continue;
        }
        check_choice(conn, year, choice, &catalogue)?;
        for r in have.iter().filter(|r| !wanted.contains(&r.catalogue_id)) {
            let on = today.max(r.registered_on);
            conn.execute(
                "UPDATE registrations SET withdrawn_on = ?1 WHERE id = ?2",
                params![on, r.id],
            )?;
            changed += 1;
        }
        let (person, unit) = subject_columns(choice.subject);
        for id in wanted.difference(&have_ids) {
            conn.execute(
                "INSERT INTO registrations(year, person_id, unit_id, catalogue_id, registered_on)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![year, person, unit, id, today],
            )?;
            changed += 1;
        }
    }
    Ok(changed)
}

/// A unit's stored submission, or a fresh "chưa gửi" one.
pub fn submission_in(
    conn: &Connection,
    unit: UnitId,
    year: i32,
) -> Result<UnitSubmission, StoreError> {
    let row = conn
        .query_row(
            "SELECT status, sent_on, returned_reason, commitment FROM unit_submissions
             WHERE unit_id = ?1 AND year = ?2",
            params![unit, year],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<NaiveDate>>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                ))
            },
        )
        .optional()?;
    Ok(match row {
        Some((status, sent_on, reason, commitment)) => UnitSubmission {
            unit_id: unit,
            year,
            status: SubmissionStatus::from_code(&status).unwrap_or(SubmissionStatus::NotSent),
            sent_on,
            returned_reason: reason,
            commitment,
        },
        None => UnitSubmission::new(unit, year),
    })
}

/// Write a unit's submission (status, dates, commitment) in the caller's transaction.
pub fn save_submission_in(conn: &Connection, s: &UnitSubmission) -> Result<(), StoreError> {
    if s.status == SubmissionStatus::Returned && s.returned_reason.trim().is_empty() {
        return Err(invalid(
            "returned_reason",
            "Hãy ghi lý do trả lại bản đăng ký.".into(),
        ));
    }
    if s.status == SubmissionStatus::Sent && s.sent_on.is_none() {
        return Err(invalid(
            "sent_on",
            "Hãy nhập ngày đơn vị gửi bản đăng ký.".into(),
        ));
    }
    conn.execute(
        "INSERT INTO unit_submissions(year, unit_id, status, sent_on, returned_reason, commitment)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT(year, unit_id) DO UPDATE SET status = excluded.status,
             sent_on = excluded.sent_on, returned_reason = excluded.returned_reason,
             commitment = excluded.commitment",
        params![
            s.year,
            s.unit_id,
            s.status.code(),
            s.sent_on,
            s.returned_reason.trim(),
            s.commitment.trim()
        ],
    )?;
    Ok(())
}

impl Store {
    /// All registration lines of a year, withdrawn ones included.
    pub fn registrations_of_year(&self, year: i32) -> Result<Vec<Registration>, StoreError> {
        registrations_of_year_in(&self.conn, year)
    }

    /// Every registration line of one subject over the years, oldest first.
    pub fn registrations_of(&self, subject: Subject) -> Result<Vec<Registration>, StoreError> {
        let (sql, id) = match subject {
            Subject::Person(p) => (
                "SELECT * FROM registrations WHERE person_id = ?1 ORDER BY year, id",
                p,
            ),
            Subject::Unit(u) => (
                "SELECT * FROM registrations WHERE unit_id = ?1 ORDER BY year, id",
                u,
            ),
        };
        let mut stmt = self.conn.prepare(sql)?;
        let rows = stmt
            .query_map([id], registration_from_row)?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    /// Was `subject` registered (and not withdrawn) for the title or form with catalogue
    /// `code` in `year`? A registration for a higher title covers the lower ones (Chiến sĩ
    /// thi đua cơ sở covers Lao động tiên tiến). The year-end rules ask this.
    pub fn is_registered(
        &self,
        subject: Subject,
        year: i32,
        code: &str,
    ) -> Result<bool, StoreError> {
        let catalogue = self.catalogue()?;
        Ok(is_registered(
            &self.registrations_of(subject)?,
            &catalogue,
            subject,
            year,
            code,
        ))
    }

    /// Apply choices in one transaction: all of them or none.
    pub fn apply_choices(
        &mut self,
        year: i32,
        choices: &[SubjectChoice],
        today: NaiveDate,
    ) -> Result<usize, StoreError> {
        self.in_transaction(|tx| apply_choices_in(tx, year, choices, today))
    }

    /// Copy the current registrations of `from` into `to` for subjects that have none in
    /// `to` yet (all units, or one unit and its staff). Subjects no longer taking part and
    /// entries no longer in use are skipped. Returns the number of lines added.
    pub fn copy_registrations(
        &mut self,
        from: i32,
        to: i32,
        only_unit: Option<UnitId>,
        today: NaiveDate,
    ) -> Result<usize, StoreError> {
        let people = self.people()?;
        let units = self.units()?;
        let catalogue = self.catalogue()?;
        let existing = self.registrations_of_year(to)?;
        let mut choices: Vec<SubjectChoice> = Vec::new();
        for r in self
            .registrations_of_year(from)?
            .iter()
            .filter(|r| r.is_current())
        {
            let taking_part = match r.subject {
                Subject::Person(id) => people.iter().any(|p| {
                    p.person.id == id
                        && person_in_year(&p.person, to)
                        && p.person.status == crate::domain::model::PersonStatus::Working
                        && only_unit.is_none_or(|u| p.person.unit_id == u)
                }),
                Subject::Unit(id) => units.iter().any(|u| {
                    u.id == id && unit_in_year(u, to) && only_unit.is_none_or(|o| o == id)
                }),
            };
            let already = existing
                .iter()
                .any(|e| e.is_current() && e.subject == r.subject);
            let Some(entry) = catalogue.iter().find(|e| e.id == r.catalogue_id) else {
                continue;
            };
            if !taking_part || already || misfit(entry, r.subject.kind()).is_some() {
                continue;
            }
            let i = match choices.iter().position(|c| c.subject == r.subject) {
                Some(i) => i,
                None => {
                    choices.push(SubjectChoice::new(r.subject));
                    choices.len() - 1
                }
            };
            match entry.kind {
                AwardKind::Title => choices[i].title = Some(entry.id),
                AwardKind::Commendation => {
                    choices[i].forms.insert(entry.id);
                }
            }
        }
        self.apply_choices(to, &choices, today)
    }

    /// A unit's filled workbook: its lines as the file says, and the unit marked as having
    /// sent its registration today (unless it already had), in one transaction. Returns the
    /// number of lines and statuses changed: 0 when the same file comes in again.
    pub fn import_unit_registrations(
        &mut self,
        year: i32,
        unit: UnitId,
        choices: &[SubjectChoice],
        today: NaiveDate,
    ) -> Result<usize, StoreError> {
        self.in_transaction(|tx| {
            let mut changed = apply_choices_in(tx, year, choices, today)?;
            let mut s = submission_in(tx, unit, year)?;
            if s.is_outstanding() {
                s.status = SubmissionStatus::Sent;
                s.sent_on = Some(today);
                save_submission_in(tx, &s)?;
                changed += 1;
            }
            Ok(changed)
        })
    }

    /// Every unit's submission for a year (units without one are "chưa gửi").
    pub fn submissions(&self, year: i32) -> Result<Vec<UnitSubmission>, StoreError> {
        self.units()?
            .iter()
            .map(|u| submission_in(&self.conn, u.id, year))
            .collect()
    }

    pub fn save_submission(&mut self, s: &UnitSubmission) -> Result<(), StoreError> {
        self.in_transaction(|tx| save_submission_in(tx, s))
    }
}

#[cfg(test)]
#[path = "registrations_tests.rs"]
mod tests;
