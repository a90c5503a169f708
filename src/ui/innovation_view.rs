//! What the innovations screen reads, and what it asks for.

use chrono::NaiveDate;

use super::intent::DocumentAction;
pub use crate::docs::innovation_data::InnovationDoc;
use crate::domain::innovation::{Innovation, InnovationId, InnovationLevel};
use crate::domain::innovation_scoring::{MemberScores, ScoringSheet};

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
    /// The units of its authors from the staff list.
    pub units: Vec<crate::domain::model::UnitId>,
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
    Document {
        year: i32,
        doc: InnovationDoc,
        action: DocumentAction,
    },
}
