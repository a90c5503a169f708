//! Nominations (đề nghị khen thưởng): a subject proposed for a title or form in a year,
//! with the proposing unit, the achievements, the year's rating, and where it stands on
//! its way through the council to a decision.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::achievement::ReportText;
use super::council::{MeetingId, Outcome, Votes};
use super::model::{CatalogueEntry, CatalogueId, Rating, Subject, UnitId};

pub type NominationId = i64;

coded_enum! {
    /// Where a nomination stands.
    NominationStatus {
        Draft => "draft", "Nháp";
        ToCouncil => "to_council", "Trình Hội đồng";
        Approved => "approved", "Hội đồng thông qua";
        Rejected => "rejected", "Hội đồng không thông qua";
        Decided => "decided", "Đã ra quyết định";
        Submitted => "submitted", "Đã trình cấp trên";
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Nomination {
    pub id: NominationId,
    pub year: i32,
    pub subject: Subject,
    pub catalogue_id: CatalogueId,
    /// The unit that proposes (the subject's unit, or the unit itself).
    pub proposing_unit: UnitId,
    pub status: NominationStatus,
    /// Thành tích tóm tắt.
    pub achievement: String,
    pub rating: Option<Rating>,
    /// Why the clerk goes on although the rules warn (recorded with the nomination).
    pub override_reason: String,
    pub created_on: NaiveDate,
    pub meeting: Option<MeetingId>,
    pub votes: Option<Votes>,
    pub outcome: Option<Outcome>,
    /// The achievement report's written parts.
    pub report: ReportText,
}

impl Nomination {
    pub fn new(
        year: i32,
        subject: Subject,
        catalogue_id: CatalogueId,
        proposing_unit: UnitId,
        today: NaiveDate,
    ) -> Self {
        Nomination {
            id: 0,
            year,
            subject,
            catalogue_id,
            proposing_unit,
            status: NominationStatus::Draft,
            achievement: String::new(),
            rating: None,
            override_reason: String::new(),
            created_on: today,
            meeting: None,
            votes: None,
            outcome: None,
            report: ReportText::default(),
        }
    }
}

/// Why a subject cannot be nominated for an entry, or None.
pub fn misfit(entry: &CatalogueEntry, subject: Subject) -> Option<String> {
    super::registration::misfit(entry, subject.kind())
}

/// Whether the status can move from `from` to `to` by the clerk's hand (the council's
/// outcome and decisions move it too, through their own paths).
pub fn can_move(from: NominationStatus, to: NominationStatus) -> bool {
    use NominationStatus::*;
    matches!(
        (from, to),
        (Draft, ToCouncil) | (ToCouncil, Draft) | (Approved, Submitted) | (Approved, Decided)
    )
}

/// The words for a refused move.
pub fn move_refused(from: NominationStatus, to: NominationStatus) -> String {
    format!(
        "Không chuyển được đề nghị từ «{}» sang «{}».",
        from.label(),
        to.label()
    )
}
