//! The innovation council's meetings (which innovations each one scores), the proposal of
//! recognised innovations to the province (a tờ trình numbered from the register), the
//! recognitions that come back from above, and corrections of the Sở's own recognition
//! by a new decision numbered from the register (the audit log keeps the old one).

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

use super::innovations::{innovation_in, write_in};
use super::register::{next_document_number_in, register_document_in};
use super::{Store, StoreError};
use crate::domain::innovation::{
    Innovation, InnovationId, InnovationLevel, InnovationStatus, Recognition,
};
use crate::domain::innovation_council::{InnovationMeeting, InnovationMeetingId};

/// Schema step "innovation_meetings_and_proposals".
pub(crate) const SCHEMA: &str = "
CREATE TABLE innovation_meetings (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL,
    held_on TEXT NOT NULL,
    place TEXT NOT NULL DEFAULT ''
);
CREATE TABLE innovation_meeting_items (
    meeting_id INTEGER NOT NULL REFERENCES innovation_meetings(id) ON DELETE CASCADE,
    innovation_id INTEGER NOT NULL REFERENCES innovations(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (meeting_id, innovation_id)
);
CREATE TABLE innovation_province_proposals (
    id INTEGER PRIMARY KEY,
    innovation_id INTEGER NOT NULL UNIQUE REFERENCES innovations(id) ON DELETE RESTRICT,
    year INTEGER NOT NULL,
    document_id INTEGER REFERENCES outgoing_documents(id) ON DELETE RESTRICT
);
CREATE TRIGGER innovation_proposals_sent_kept BEFORE DELETE ON innovation_province_proposals
WHEN OLD.document_id IS NOT NULL BEGIN
    SELECT RAISE(ABORT, 'Sáng kiến đã có trong tờ trình gửi tỉnh, không bỏ đề nghị được.');
END;
";

pub(crate) const AUDITED: &[(&str, &[&str])] = &[(
    "innovation_province_proposals",
    &["id", "innovation_id", "year", "document_id"],
)];

/// The register's summary of the tờ trình proposing innovations to the province.
pub fn province_proposal_summary(year: i32) -> String {
    format!("Đề nghị công nhận sáng kiến cấp tỉnh năm {year}")
}

/// An innovation proposed to the province and the tờ trình that carried it, if issued.
#[derive(Debug, Clone, PartialEq)]
pub struct ProvinceProposal {
    pub innovation: InnovationId,
    /// (number, date) of the tờ trình in the register.
    pub sent: Option<(u32, NaiveDate)>,
}

fn conflict(text: impl Into<String>) -> StoreError {
    StoreError::Conflict(text.into())
}

fn meeting_items(conn: &Connection, id: InnovationMeetingId) -> Result<Vec<i64>, StoreError> {
    Ok(conn
        .prepare(
            "SELECT innovation_id FROM innovation_meeting_items WHERE meeting_id = ?1 ORDER BY position",
        )?
        .query_map([id], |r| r.get(0))?
        .collect::<Result<_, _>>()?)
}

impl Store {
    /// The innovation council's meetings of a year, by date.
    pub fn innovation_meetings(&self, year: i32) -> Result<Vec<InnovationMeeting>, StoreError> {
        let heads: Vec<(i64, NaiveDate, String)> = self
            .conn
            .prepare(
                "SELECT id, held_on, place FROM innovation_meetings WHERE year = ?1 ORDER BY held_on, id",
            )?
            .query_map([year], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<Result<_, _>>()?;
        heads
            .into_iter()
            .map(|(id, held_on, place)| {
                Ok(InnovationMeeting {
                    id,
                    year,
                    held_on,
                    place,
                    innovations: meeting_items(&self.conn, id)?,
                })
            })
            .collect()
    }

    /// Save a meeting and its agenda (new when its id is 0); every innovation on it must
    /// be of the meeting's year.
    pub fn save_innovation_meeting(
        &mut self,
        m: &InnovationMeeting,
    ) -> Result<InnovationMeetingId, StoreError> {
        if let Some(p) = m.problem() {
            return Err(conflict(p));
        }
        self.in_transaction(|tx| {
            for id in &m.innovations {
                let i = innovation_in(tx, *id)?;
                if i.year != m.year {
                    return Err(conflict(format!(
                        "Sáng kiến «{}» thuộc năm {}, không đưa vào cuộc họp năm {} được.",
                        i.name, i.year, m.year
                    )));
                }
            }
            let id = if m.id == 0 {
                tx.execute(
                    "INSERT INTO innovation_meetings(year, held_on, place) VALUES (?1, ?2, ?3)",
                    params![m.year, m.held_on, m.place.trim()],
                )?;
                tx.last_insert_rowid()
            } else {
                let n = tx.execute(
                    "UPDATE innovation_meetings SET year = ?1, held_on = ?2, place = ?3 WHERE id = ?4",
                    params![m.year, m.held_on, m.place.trim(), m.id],
                )?;
                if n == 0 {
                    return Err(StoreError::NotFound(format!("cuộc họp số {}", m.id)));
                }
                m.id
            };
            tx.execute(
                "DELETE FROM innovation_meeting_items WHERE meeting_id = ?1",
                [id],
            )?;
            for (k, i) in m.innovations.iter().enumerate() {
                tx.execute(
                    "INSERT INTO innovation_meeting_items(meeting_id, innovation_id, position) VALUES (?1, ?2, ?3)",
                    params![id, i, k as i64],
                )?;
            }
            Ok(id)
        })
    }

    pub fn delete_innovation_meeting(&mut self, id: InnovationMeetingId) -> Result<(), StoreError> {
        self.in_transaction(|tx| {
            tx.execute("DELETE FROM innovation_meetings WHERE id = ?1", [id])?;
            Ok(())
        })
    }

    /// The year's innovations proposed to the province, in the order proposed.
    pub fn province_proposals(&self, year: i32) -> Result<Vec<ProvinceProposal>, StoreError> {
        Ok(self
            .conn
            .prepare(
                "SELECT p.innovation_id, d.number, d.issued_on FROM innovation_province_proposals p
                 LEFT JOIN outgoing_documents d ON d.id = p.document_id
                 WHERE p.year = ?1 ORDER BY p.id",
            )?
            .query_map([year], |r| {
                let number: Option<u32> = r.get(1)?;
                let date: Option<NaiveDate> = r.get(2)?;
                Ok(ProvinceProposal {
                    innovation: r.get(0)?,
                    sent: number.zip(date),
                })
            })?
            .collect::<Result<_, _>>()?)
    }

    /// Propose (or stop proposing, before the tờ trình is issued) a recognised cơ sở
    /// innovation for recognition by the province.
    pub fn set_province_proposal(
        &mut self,
        id: InnovationId,
        proposed: bool,
    ) -> Result<(), StoreError> {
        self.in_transaction(|tx| {
            let i = innovation_in(tx, id)?;
            if !proposed {
                tx.execute(
                    "DELETE FROM innovation_province_proposals WHERE innovation_id = ?1",
                    [id],
                )
                .map_err(|e| match e.sqlite_error_code() {
                    Some(rusqlite::ErrorCode::ConstraintViolation) => conflict(
                        "Sáng kiến đã có trong tờ trình gửi tỉnh, không bỏ đề nghị được.",
                    ),
                    _ => e.into(),
                })?;
                return Ok(());
            }
            if i.status != InnovationStatus::Recognised
                || i.level != Some(InnovationLevel::Grassroots)
            {
                return Err(conflict(format!(
                    "Chỉ đề nghị cấp tỉnh cho sáng kiến đã được công nhận cấp cơ sở; «{}» đang ở trạng thái «{}».",
                    i.name,
                    i.status.label()
                )));
            }
            tx.execute(
                "INSERT OR IGNORE INTO innovation_province_proposals(innovation_id, year) VALUES (?1, ?2)",
                params![id, i.year],
            )?;
            Ok(())
        })
    }

    /// Issue the tờ trình proposing the year's not yet sent proposals to the province:
    /// the next "TTr" number from the register. Returns that number.
    pub fn issue_province_proposal(
        &mut self,
        year: i32,
        date: NaiveDate,
    ) -> Result<u32, StoreError> {
        self.in_transaction(|tx| {
            let waiting: i64 = tx.query_row(
                "SELECT count(*) FROM innovation_province_proposals WHERE year = ?1 AND document_id IS NULL",
                [year],
                |r| r.get(0),
            )?;
            if waiting == 0 {
                return Err(conflict(
                    "Chưa có sáng kiến nào được chọn đề nghị cấp tỉnh (hoặc đã có trong tờ trình trước).",
                ));
            }
            let number = next_document_number_in(tx, year, "TTr")?;
            let doc = register_document_in(
                tx,
                year,
                "TTr",
                number,
                date,
                &province_proposal_summary(year),
            )?;
            tx.execute(
                "UPDATE innovation_province_proposals SET document_id = ?1 WHERE year = ?2 AND document_id IS NULL",
                params![doc, year],
            )?;
            Ok(number)
        })
    }

    /// Record that a higher body (the province, the nation) recognised an innovation; the
    /// Sở's recognition stays on record under it.
    pub fn record_higher_recognition(
        &mut self,
        id: InnovationId,
        higher: Recognition,
    ) -> Result<(), StoreError> {
        self.in_transaction(|tx| {
            let mut i = innovation_in(tx, id)?;
            i.raise_to(higher).map_err(conflict)?;
            write_in(tx, &i).map(|_| ())
        })
    }

    /// Correct a recognised innovation (its form: name, authors, shares…) by a new decision
    /// of the Director: the next "QĐ" number of the decision's year from the register; the
    /// audit log keeps the innovation as the old decision had it. Returns "12/QĐ-SCT".
    pub fn correct_recognition(
        &mut self,
        corrected: &Innovation,
        date: NaiveDate,
        org_abbreviation: &str,
    ) -> Result<String, StoreError> {
        self.in_transaction(|tx| {
            let stored = innovation_in(tx, corrected.id)?;
            let Some(current) = stored.recognition() else {
                return Err(conflict(
                    "Chỉ sáng kiến đã được công nhận mới sửa bằng quyết định sửa đổi; đơn chưa công nhận hãy sửa và lưu như thường.",
                ));
            };
            if !current.issuer.trim().is_empty() {
                return Err(conflict(format!(
                    "Sáng kiến đang được công nhận theo quyết định của {}; quyết định đó chỉ cơ quan ban hành sửa được.",
                    current.issuer
                )));
            }
            if date < current.date {
                return Err(conflict(format!(
                    "Quyết định sửa đổi phải từ ngày {} trở đi (ngày của quyết định được sửa).",
                    current.date.format("%d/%m/%Y")
                )));
            }
            let year = chrono::Datelike::year(&date);
            let number = next_document_number_in(tx, year, "QĐ")?;
            let text = format!("{number}/QĐ-{org_abbreviation}");
            let i = Innovation {
                status: InnovationStatus::Recognised,
                level: Some(current.level),
                decision_number: text.clone(),
                decision_date: Some(date),
                decision_issuer: String::new(),
                decision_replaces: current.number.clone(),
                earlier_recognitions: stored.earlier_recognitions.clone(),
                ..corrected.clone()
            };
            let problems = i.problems();
            if !problems.is_empty() {
                return Err(StoreError::Invalid(problems));
            }
            register_document_in(
                tx,
                year,
                "QĐ",
                number,
                date,
                &format!(
                    "Sửa đổi việc công nhận sáng kiến «{}» (thay Quyết định số {})",
                    i.name.trim(),
                    current.number
                ),
            )?;
            write_in(tx, &i)?;
            Ok(text)
        })
    }

    /// Whether an innovation was proposed to the province (and by which tờ trình).
    pub fn province_proposal_of(
        &self,
        id: InnovationId,
    ) -> Result<Option<ProvinceProposal>, StoreError> {
        let year: Option<i32> = self
            .conn
            .query_row(
                "SELECT year FROM innovation_province_proposals WHERE innovation_id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()?;
        Ok(match year {
            Some(y) => self
                .province_proposals(y)?
                .into_iter()
                .find(|p| p.innovation == id),
            None => None,
        })
    }
}

#[cfg(test)]
#[path = "innovation_council_tests.rs"]
mod tests;
