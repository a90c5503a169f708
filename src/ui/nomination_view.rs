//! What the nominations and council screens read, and what they ask for.

use super::intent::DocumentAction;
use crate::docs::council_data::CouncilDoc;
use crate::domain::council::{Meeting, MeetingId, Votes};
use crate::domain::model::{CatalogueId, Rating, Subject};
use crate::domain::nomination::{Nomination, NominationId};

/// How serious a reason is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReasonLevel {
    Pass,
    Info,
    Warn,
    Block,
}

/// The eligibility verdict of a nomination, as the clerk reads it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct VerdictView {
    pub blocked: bool,
    pub warned: bool,
    /// "Đủ điều kiện", "Không đủ điều kiện: chưa đăng ký thi đua năm 2026".
    pub summary: String,
    pub reasons: Vec<(ReasonLevel, String)>,
}

/// One nomination in the list.
#[derive(Debug, Clone, PartialEq)]
pub struct NominationLine {
    pub nomination: Nomination,
    pub name: String,
    pub position_unit: String,
    /// The name of the unit that proposes it (đơn vị đề nghị).
    pub proposing_unit: String,
    pub title: String,
    pub verdict: VerdictView,
    /// The share of all members needed to pass.
    pub threshold: f64,
    /// The person's recognised innovations of recent years: (id, "name (level, year)",
    /// what it was already used for).
    pub innovations: Vec<(i64, String, Option<String>)>,
}

/// A subject whose data already meet a higher title or form.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    pub subject: Subject,
    pub name: String,
    pub title: String,
    pub catalogue_id: CatalogueId,
    pub reasons: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NominationsView {
    pub year: i32,
    pub lines: Vec<NominationLine>,
    pub meetings: Vec<Meeting>,
    pub suggestions: Vec<Suggestion>,
    /// "Lao động tiên tiến: 132/140 (94,3%) — chỉ tiêu 90%" for the proposals.
    pub targets: Vec<String>,
    /// (catalogue code, title, subjects registered but not yet nominated).
    pub from_registrations: Vec<(String, String, usize)>,
    /// Quorum problem of the latest meeting, if any.
    pub quorum_problem: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum NominationIntent {
    SelectYear(i32),
    /// Nominate everyone registered for the title (whose rating allows it).
    FromRegistrations {
        year: i32,
        code: String,
    },
    Create {
        year: i32,
        subject: Subject,
        catalogue_id: CatalogueId,
    },
    UpdateText {
        id: NominationId,
        achievement: String,
        rating: Option<Rating>,
    },
    /// Send to the council; warnings need the clerk's reason.
    SendToCouncil {
        ids: Vec<NominationId>,
        reason: Option<String>,
    },
    /// Change the unit that proposes a nomination.
    SetProposingUnit {
        id: NominationId,
        unit: crate::domain::model::UnitId,
    },
    BackToDraft(NominationId),
    Delete(NominationId),
    SaveMeeting(Meeting),
    PutOnAgenda {
        meeting: MeetingId,
        ids: Vec<NominationId>,
    },
    /// Record the votes; `choice` is the outcome the clerk chose (None: as the votes give).
    RecordVotes {
        id: NominationId,
        votes: Votes,
        choice: Option<crate::domain::council::Outcome>,
    },
    /// Number the tờ trình from the register (to the province: the nominations it carries
    /// become "đã trình cấp trên").
    IssueProposal {
        year: i32,
        to_province: bool,
        date: chrono::NaiveDate,
    },
    /// Record that an innovation justifies this nomination.
    UseInnovation {
        id: NominationId,
        innovation: i64,
    },
    SaveReport {
        id: NominationId,
        report: crate::domain::achievement::ReportText,
    },
    /// The achievement report of one nomination.
    Report {
        id: NominationId,
        action: DocumentAction,
    },
    Document {
        year: i32,
        doc: CouncilDoc,
        action: DocumentAction,
    },
}
