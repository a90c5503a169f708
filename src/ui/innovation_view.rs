//! What the innovations screen reads, and what it asks for.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::intent::DocumentAction;
pub use crate::docs::innovation_data::InnovationDoc;
use crate::domain::innovation::{Innovation, InnovationId, InnovationLevel, Recognition};
use crate::domain::innovation_council::{InnovationMeeting, InnovationMeetingId, recusal_reason};
use crate::domain::innovation_scoring::{MemberScores, ScoringSheet};
use crate::domain::model::UnitId;
use crate::domain::text::fold;
pub use crate::store::innovation_council::ProvinceProposal;

/// One application in the list.
#[derive(Debug, Clone, PartialEq)]
pub struct InnovationLine {
    pub innovation: Innovation,
    /// "Nguyễn Thị Lan (60%), Trần Văn Bình (40%)".
    pub authors: String,
    /// "còn 12 ngày để xét", "quá hạn xét 5 ngày".
    pub review: Option<String>,
    pub overdue: bool,
    /// Received after the plan's deadline for innovations.
    pub late: bool,
    pub scores: Vec<MemberScores>,
    /// The units (id, name) of its authors from the staff list.
    pub units: Vec<(UnitId, String)>,
    /// Its proposal to the province, if proposed.
    pub proposal: Option<ProvinceProposal>,
    /// The sheet's verdict on the scores so far.
    pub result: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct InnovationsView {
    pub year: i32,
    pub deadline: Option<NaiveDate>,
    pub lines: Vec<InnovationLine>,
    pub sheet: ScoringSheet,
    /// The innovation council of the year.
    pub council: Vec<crate::domain::council::CouncilMember>,
    /// The council's meetings of the year and their agendas.
    pub meetings: Vec<InnovationMeeting>,
    /// The units of the registry's people by folded name (who may have to sit out).
    pub staff_units: BTreeMap<String, Vec<UnitId>>,
}

impl InnovationsView {
    /// Why `member` should sit out the scoring of `line`, or None.
    pub fn recusal(&self, member: &str, line: &InnovationLine) -> Option<String> {
        let units = self
            .staff_units
            .get(&fold(member))
            .map(Vec::as_slice)
            .unwrap_or_default();
        recusal_reason(member, units, &line.innovation.authors, &line.units)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum InnovationIntent {
    SelectYear(i32),
    Save(Box<Innovation>),
    StartReview(InnovationId),
    Recognise {
        id: InnovationId,
        level: InnovationLevel,
        number: String,
        date: NaiveDate,
    },
    Reject {
        id: InnovationId,
        reasons: String,
    },
    Delete(InnovationId),
    /// Issue the decision recognising, at grassroots level, every open application whose
    /// scores pass; its number comes from the register.
    IssueDecision {
        year: i32,
        date: NaiveDate,
    },
    SaveCouncil {
        year: i32,
        members: Vec<crate::domain::council::CouncilMember>,
    },
    SaveSheet(ScoringSheet),
    SaveScores {
        id: InnovationId,
        scores: Vec<MemberScores>,
    },
    SaveMeeting(InnovationMeeting),
    DeleteMeeting(InnovationMeetingId),
    /// Propose (or stop proposing) a recognised cơ sở innovation to the province.
    ProposeToProvince {
        id: InnovationId,
        proposed: bool,
    },
    /// Take the tờ trình's number from the register for the proposals not yet sent.
    IssueProvinceProposal {
        year: i32,
        date: NaiveDate,
    },
    /// Record the province's (or the nation's) recognition.
    RecordHigher {
        id: InnovationId,
        recognition: Recognition,
    },
    /// Correct a recognised innovation by a new decision numbered from the register.
    Correct {
        innovation: Box<Innovation>,
        date: NaiveDate,
    },
    Document {
        year: i32,
        doc: InnovationDoc,
        action: DocumentAction,
    },
}
