//! Nominations and the council's meetings. A subject is nominated once per title and
//! year; the council's outcome is written once; only drafts are deleted. Every change of
//! status is in the audit log.

use rusqlite::{Connection, Row, params};

use super::awards::{subject_columns, subject_of};
use super::{Store, StoreError};
use crate::domain::council::{Meeting, MeetingId, Outcome, VoteForm, Votes};
use crate::domain::model::{Rating, Subject};
use crate::domain::nomination::{
    Nomination, NominationId, NominationStatus, can_move, misfit, move_refused,
};
use crate::domain::validate::FieldError;

/// Schema step "nominations_and_council".
pub(crate) const SCHEMA: &str = "
CREATE TABLE council_meetings (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL,
    held_on TEXT NOT NULL,
    time TEXT NOT NULL DEFAULT '',
    place TEXT NOT NULL,
    vote_form TEXT NOT NULL CHECK (vote_form IN ('secret', 'hands')),
    members TEXT NOT NULL
);
CREATE TABLE nominations (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL,
    person_id INTEGER REFERENCES people(id) ON DELETE RESTRICT,
    unit_id INTEGER REFERENCES units(id) ON DELETE RESTRICT,
    catalogue_id INTEGER NOT NULL REFERENCES catalogue(id) ON DELETE RESTRICT,
    proposing_unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
    status TEXT NOT NULL CHECK (status IN
        ('draft', 'to_council', 'approved', 'rejected', 'decided', 'submitted')),
    achievement TEXT NOT NULL DEFAULT '',
    rating TEXT,
    override_reason TEXT NOT NULL DEFAULT '',
    created_on TEXT NOT NULL,
    meeting_id INTEGER REFERENCES council_meetings(id) ON DELETE RESTRICT,
    votes_agree INTEGER CHECK (votes_agree IS NULL OR votes_agree >= 0),
    votes_disagree INTEGER CHECK (votes_disagree IS NULL OR votes_disagree >= 0),
    outcome TEXT CHECK (outcome IS NULL OR outcome IN ('passed', 'failed', 'passed_propose')),
    report TEXT NOT NULL DEFAULT '{}',
    CHECK ((person_id IS NULL) <> (unit_id IS NULL))
);
CREATE UNIQUE INDEX nominations_once
    ON nominations(year, ifnull(person_id, 0), ifnull(unit_id, 0), catalogue_id);
CREATE INDEX nominations_by_year ON nominations(year);
CREATE TRIGGER nominations_outcome_once BEFORE UPDATE OF outcome ON nominations
WHEN OLD.outcome IS NOT NULL AND NEW.outcome IS NOT OLD.outcome BEGIN
    SELECT RAISE(ABORT, 'Kết quả của Hội đồng đã được ghi cho đề nghị này; không ghi lần thứ hai.');
END;
CREATE TRIGGER nominations_only_drafts_deleted BEFORE DELETE ON nominations
WHEN OLD.status <> 'draft' BEGIN
    SELECT RAISE(ABORT, 'Chỉ xóa được đề nghị còn ở dạng nháp.');
END;
";

pub(crate) const AUDITED: &[(&str, &[&str])] = &[
    (
        "nominations",
        &[
            "id",
            "year",
            "person_id",
            "unit_id",
            "catalogue_id",
            "proposing_unit_id",
            "status",
            "achievement",
            "rating",
            "override_reason",
            "meeting_id",
            "votes_agree",
            "votes_disagree",
            "outcome",
            "report",
        ],
    ),
    (
        "council_meetings",
        &[
            "id",
            "year",
            "held_on",
            "time",
            "place",
            "vote_form",
            "members",
        ],
    ),
];

fn invalid(field: &'static str, message: String) -> StoreError {
    StoreError::Invalid(vec![FieldError { field, message }])
}

fn nomination_from_row(r: &Row<'_>) -> rusqlite::Result<Nomination> {
    let person: Option<i64> = r.get("person_id")?;
    let unit: Option<i64> = r.get("unit_id")?;
    let status: String = r.get("status")?;
    let rating: Option<String> = r.get("rating")?;
    let outcome: Option<String> = r.get("outcome")?;
    let agree: Option<u32> = r.get("votes_agree")?;
    let disagree: Option<u32> = r.get("votes_disagree")?;
    Ok(Nomination {
        id: r.get("id")?,
        year: r.get("year")?,
        subject: subject_of(person, unit),
        catalogue_id: r.get("catalogue_id")?,
        proposing_unit: r.get("proposing_unit_id")?,
        status: NominationStatus::from_code(&status).unwrap_or(NominationStatus::Draft),
        achievement: r.get("achievement")?,
        rating: rating.as_deref().and_then(Rating::from_code),
        override_reason: r.get("override_reason")?,
        created_on: r.get("created_on")?,
        meeting: r.get("meeting_id")?,
        votes: agree
            .zip(disagree)
            .map(|(agree, disagree)| Votes { agree, disagree }),
        outcome: outcome.as_deref().and_then(Outcome::from_code),
        report: serde_json::from_str(&r.get::<_, String>("report")?).unwrap_or_default(),
    })
}

pub(super) fn nomination_in(conn: &Connection, id: NominationId) -> Result<Nomination, StoreError> {
    conn.query_row(
        "SELECT * FROM nominations WHERE id = ?1",
        [id],
        nomination_from_row,
    )
    .map_err(|e| match e {
        rusqlite::Error::QueryReturnedNoRows => StoreError::NotFound(format!("đề nghị số {id}")),
        e => e.into(),
    })
}

/// Insert new nominations in the caller's transaction; a subject already nominated for
/// the same entry and year is refused with its name.
pub fn insert_nominations_in(
    conn: &Connection,
    list: &[Nomination],
) -> Result<Vec<NominationId>, StoreError> {
    let catalogue = super::catalogue::catalogue_in(conn)?;
    let mut ids = Vec::new();
    for n in list {
        let entry = catalogue
            .iter()
            .find(|e| e.id == n.catalogue_id)
            .ok_or_else(|| StoreError::NotFound(format!("mục danh mục số {}", n.catalogue_id)))?;
        let name = match n.subject {
            Subject::Person(id) => super::people::person_in(conn, id)?.full_name,
            Subject::Unit(id) => super::units::unit_in(conn, id)?.name,
        };
        if let Some(why) = misfit(entry, n.subject) {
            return Err(invalid("catalogue", format!("{name}: {why}")));
        }
        let (person, unit) = subject_columns(n.subject);
        conn.execute(
            "INSERT INTO nominations(year, person_id, unit_id, catalogue_id, proposing_unit_id,
                 status, achievement, rating, override_reason, created_on)
             VALUES (?1, ?2, ?3, ?4, ?5, 'draft', ?6, ?7, ?8, ?9)",
            params![
                n.year,
                person,
                unit,
                n.catalogue_id,
                n.proposing_unit,
                n.achievement.trim(),
                n.rating.map(|r| r.code()),
                n.override_reason.trim(),
                n.created_on
            ],
        )
        .map_err(|e| {
            let e: StoreError = e.into();
            if e.is_constraint() {
                StoreError::Conflict(format!(
                    "{name} đã có đề nghị «{}» năm {}; mỗi đối tượng chỉ được đề nghị một lần cho mỗi danh hiệu, hình thức trong năm.",
                    entry.name, n.year
                ))
            } else {
                e
            }
        })?;
        ids.push(conn.last_insert_rowid());
    }
    Ok(ids)
}

/// Refuse (with `refused`) a change to a nomination already decided or sent on.
pub(super) fn still_open(n: &Nomination, refused: &str) -> Result<(), StoreError> {
    if matches!(
        n.status,
        NominationStatus::Decided | NominationStatus::Submitted
    ) {
        return Err(StoreError::Conflict(format!(
            "Đề nghị đã có quyết định hoặc đã trình cấp trên; {refused}."
        )));
    }
    Ok(())
}

/// Move a nomination in the caller's transaction (see `Store::move_nomination`).
pub(super) fn move_nomination_in(
    conn: &Connection,
    id: NominationId,
    to: NominationStatus,
    override_reason: Option<&str>,
) -> Result<(), StoreError> {
    let n = nomination_in(conn, id)?;
    if !can_move(n.status, to) {
        return Err(StoreError::Conflict(move_refused(n.status, to)));
    }
    conn.execute(
        "UPDATE nominations SET status = ?1,
             override_reason = coalesce(?2, override_reason),
             meeting_id = CASE WHEN ?1 = 'draft' THEN NULL ELSE meeting_id END
         WHERE id = ?3",
        params![to.code(), override_reason.map(str::trim), id],
    )?;
    Ok(())
}

fn meeting_from_row(r: &Row<'_>) -> rusqlite::Result<Meeting> {
    let form: String = r.get("vote_form")?;
    let members: String = r.get("members")?;
    Ok(Meeting {
        id: r.get("id")?,
        year: r.get("year")?,
        held_on: r.get("held_on")?,
        time: r.get("time")?,
        place: r.get("place")?,
        members: serde_json::from_str(&members).unwrap_or_default(),
        vote_form: VoteForm::from_code(&form).unwrap_or(VoteForm::SecretBallot),
    })
}

impl Store {
    /// The nominations of a year, in the order they were made.
    pub fn nominations(&self, year: i32) -> Result<Vec<Nomination>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT * FROM nominations WHERE year = ?1 ORDER BY id")?;
        let rows = stmt
            .query_map([year], nomination_from_row)?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    pub fn nomination(&self, id: NominationId) -> Result<Nomination, StoreError> {
        nomination_in(&self.conn, id)
    }

    /// Create nominations, all of them or none.
    pub fn create_nominations(
        &mut self,
        list: &[Nomination],
    ) -> Result<Vec<NominationId>, StoreError> {
        self.in_transaction(|tx| insert_nominations_in(tx, list))
    }

    /// Change what the clerk writes about a nomination (not once it is decided).
    pub fn update_nomination_text(
        &mut self,
        id: NominationId,
        achievement: &str,
        rating: Option<Rating>,
    ) -> Result<(), StoreError> {
        self.in_transaction(|tx| {
            still_open(&nomination_in(tx, id)?, "không sửa được nữa")?;
            tx.execute(
                "UPDATE nominations SET achievement = ?1, rating = ?2 WHERE id = ?3",
                params![achievement.trim(), rating.map(|r| r.code()), id],
            )?;
            Ok(())
        })
    }

    /// Save the written parts of a nomination's achievement report.
    pub fn save_nomination_report(
        &mut self,
        id: NominationId,
        report: &crate::domain::achievement::ReportText,
    ) -> Result<(), StoreError> {
        let json =
            serde_json::to_string(report).map_err(|e| StoreError::Conflict(e.to_string()))?;
        self.in_transaction(|tx| {
            nomination_in(tx, id)?;
            tx.execute(
                "UPDATE nominations SET report = ?1 WHERE id = ?2",
                params![json, id],
            )?;
            Ok(())
        })
    }

    /// Move a nomination by the clerk's hand (to the council and back, on to a decision or
    /// a higher level). `override_reason` is recorded when given.
    pub fn move_nomination(
        &mut self,
        id: NominationId,
        to: NominationStatus,
        override_reason: Option<&str>,
    ) -> Result<(), StoreError> {
        self.in_transaction(|tx| move_nomination_in(tx, id, to, override_reason))
    }

    /// Delete a draft.
    pub fn delete_nomination(&mut self, id: NominationId) -> Result<(), StoreError> {
        self.in_transaction(|tx| {
            tx.execute("DELETE FROM nominations WHERE id = ?1", [id])
                .map_err(|e| match e.sqlite_error_code() {
                    Some(rusqlite::ErrorCode::ConstraintViolation) => {
                        StoreError::Conflict("Chỉ xóa được đề nghị còn ở dạng nháp.".into())
                    }
                    _ => e.into(),
                })?;
            Ok(())
        })
    }

    /// The council meetings of a year, by date.
    pub fn meetings(&self, year: i32) -> Result<Vec<Meeting>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT * FROM council_meetings WHERE year = ?1 ORDER BY held_on, id")?;
        let rows = stmt
            .query_map([year], meeting_from_row)?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    /// Insert (id 0) or update a meeting.
    pub fn save_meeting(&mut self, m: &Meeting) -> Result<MeetingId, StoreError> {
        let problems = m.problems();
        if !problems.is_empty() {
            return Err(StoreError::Invalid(
                problems
                    .into_iter()
                    .map(|message| FieldError {
                        field: "meeting",
                        message,
                    })
                    .collect(),
            ));
        }
        let members =
            serde_json::to_string(&m.members).map_err(|e| StoreError::Conflict(e.to_string()))?;
        self.in_transaction(|tx| {
            if m.id == 0 {
                tx.execute(
                    "INSERT INTO council_meetings(year, held_on, time, place, vote_form, members)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![m.year, m.held_on, m.time.trim(), m.place.trim(), m.vote_form.code(), members],
                )?;
                Ok(tx.last_insert_rowid())
            } else {
                tx.execute(
                    "UPDATE council_meetings SET held_on = ?1, time = ?2, place = ?3, vote_form = ?4,
                         members = ?5 WHERE id = ?6",
                    params![m.held_on, m.time.trim(), m.place.trim(), m.vote_form.code(), members, m.id],
                )?;
                Ok(m.id)
            }
        })
    }

    /// Put nominations that went to the council on a meeting's agenda.
    pub fn put_on_agenda(
        &mut self,
        meeting: MeetingId,
        ids: &[NominationId],
    ) -> Result<(), StoreError> {
        self.in_transaction(|tx| {
            for id in ids {
                let n = nomination_in(tx, *id)?;
                if n.status != NominationStatus::ToCouncil {
                    return Err(StoreError::Conflict(format!(
                        "Đề nghị số {id} đang ở trạng thái «{}»; chỉ đề nghị đã trình Hội đồng mới đưa vào cuộc họp.",
                        n.status.label()
                    )));
                }
                tx.execute(
                    "UPDATE nominations SET meeting_id = ?1 WHERE id = ?2",
                    params![meeting, id],
                )?;
            }
            Ok(())
        })
    }

    /// Record the council's votes and outcome on a nomination of its agenda, once.
    pub fn record_outcome(
        &mut self,
        id: NominationId,
        votes: Votes,
        outcome: Outcome,
        total_members: usize,
    ) -> Result<(), StoreError> {
        self.in_transaction(|tx| {
            let n = nomination_in(tx, id)?;
            if n.outcome.is_some() {
                return Err(StoreError::Conflict(
                    "Kết quả của Hội đồng đã được ghi cho đề nghị này; không ghi lần thứ hai.".into(),
                ));
            }
            if n.meeting.is_none() || n.status != NominationStatus::ToCouncil {
                return Err(StoreError::Conflict(
                    "Đề nghị chưa được đưa vào cuộc họp của Hội đồng.".into(),
                ));
            }
            if (votes.agree + votes.disagree) as usize > total_members {
                return Err(invalid(
                    "votes",
                    format!(
                        "Số phiếu ({}) nhiều hơn số thành viên Hội đồng ({total_members}).",
                        votes.agree + votes.disagree
                    ),
                ));
            }
            let status = match outcome {
                Outcome::Failed => NominationStatus::Rejected,
                _ => NominationStatus::Approved,
            };
            tx.execute(
                "UPDATE nominations SET votes_agree = ?1, votes_disagree = ?2, outcome = ?3, status = ?4
                 WHERE id = ?5",
                params![votes.agree, votes.disagree, outcome.code(), status.code(), id],
            )?;
            Ok(())
        })
    }
}

#[cfg(test)]
#[path = "nominations_tests.rs"]
mod tests;
