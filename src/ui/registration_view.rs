//! What the registrations screen reads, and what it asks for.

use chrono::NaiveDate;

use super::intent::DocumentAction;
pub use crate::docs::registration_data::RegistrationDoc;
use crate::domain::model::{CatalogueId, Person, Subject, Unit, UnitId};
use crate::domain::registration::{Cluster, ClusterId, SubjectChoice, UnitSubmission};
use crate::domain::registration_progress::TargetProgress;

/// A person on a unit's registration list.
#[derive(Debug, Clone, PartialEq)]
pub struct StaffLine {
    pub person: Person,
    pub title: Option<CatalogueId>,
    pub form: Option<CatalogueId>,
    /// Further forms registered beyond `form`: shown beside it, kept by every edit.
    pub other_forms: Vec<CatalogueId>,
    /// "Nghỉ hưu từ 15/06/2026" for a person who left during the year.
    pub left: Option<String>,
}

/// One unit's line in the list, with its own registration and staff.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitLine {
    pub unit: Unit,
    pub submission: UnitSubmission,
    /// Staff still working.
    pub staff_count: usize,
    /// Staff registered for each of the view's title columns.
    pub counts: Vec<usize>,
    pub title: Option<CatalogueId>,
    pub form: Option<CatalogueId>,
    /// Further forms registered beyond `form`: shown beside it, kept by every edit.
    pub other_forms: Vec<CatalogueId>,
    pub staff: Vec<StaffLine>,
    /// Lines of the unit and its staff withdrawn this year, oldest withdrawal first:
    /// "Nguyễn Thị Lan: Lao động tiên tiến — đăng ký 02/01/2026, rút 15/03/2026".
    pub withdrawn: Vec<String>,
}

/// The year's registrations as the screen shows them.
#[derive(Debug, Clone, PartialEq)]
pub struct RegistrationsView {
    pub year: i32,
    /// "Kế hoạch số 12/KH-SCT" or "Chưa có kế hoạch năm 2026".
    pub plan_label: String,
    pub deadline: Option<NaiveDate>,
    pub progress: Vec<TargetProgress>,
    /// (catalogue code, short label) of the per-unit count columns.
    pub columns: Vec<(String, String)>,
    pub units: Vec<UnitLine>,
    pub clusters: Vec<Cluster>,
    /// Whether the year before has registrations to copy.
    pub previous_year_has_data: bool,
}

impl RegistrationsView {
    /// A unit that has not sent a registration that stands, with the deadline passed.
    pub fn is_late(&self, line: &UnitLine, today: NaiveDate) -> bool {
        line.submission.is_outstanding() && self.deadline.is_some_and(|d| today > d)
    }
}

/// Where on the screen a refused change is explained.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorPlace {
    /// Under the row of this subject (a person's row, or the unit's own line).
    Row(Subject),
    /// Beside the controls that change ticked rows or the whole unit.
    Selection,
    /// Under the unit's status (sent, returned, approved) and its commitment text.
    Submission,
}

/// A change the store refused, with the Vietnamese reason, shown where it was made.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedError {
    pub place: ErrorPlace,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum RegistrationIntent {
    SelectYear(i32),
    /// Set what subjects are registered for (one row, a selection or a whole unit).
    Apply {
        year: i32,
        choices: Vec<SubjectChoice>,
    },
    CopyLastYear {
        year: i32,
        unit: Option<UnitId>,
    },
    SaveSubmission(UnitSubmission),
    SaveCluster(Cluster),
    DeleteCluster(ClusterId),
    Document {
        year: i32,
        doc: RegistrationDoc,
        action: DocumentAction,
    },
    /// Ask where, then write the unit's pre-filled Excel file.
    ExportUnitSheet {
        year: i32,
        unit: UnitId,
    },
    /// Ask for a unit's filled Excel file, then preview it.
    ImportUnitSheet {
        year: i32,
    },
}
