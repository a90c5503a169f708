//! What the decisions screen reads, and what it asks for.

use chrono::NaiveDate;

use super::intent::DocumentAction;
use crate::domain::decision::{Decision, DecisionId, DecisionStatus};
use crate::domain::model::CatalogueId;
use crate::domain::text::{fold, folded_matches};

/// A decision in the list, with names for its subjects.
#[derive(Debug, Clone, PartialEq)]
pub struct DecisionLine {
    pub decision: Decision,
    /// (name, title) of each entry, in the entries' order.
    pub names: Vec<(String, String)>,
    pub total: i64,
    /// "Quyết định số 3/QĐ-SCT (hủy bỏ)" for the decisions that amend or cancel this one.
    pub amended_by: Vec<String>,
}

impl DecisionLine {
    /// Whether the line answers the folded search (its number, subject line, the titles
    /// and forms it covers, its subjects' names) and has the status asked for.
    pub fn matches(&self, query: &str, status: Option<DecisionStatus>) -> bool {
        let d = &self.decision;
        let hit = |s: &str| folded_matches(&fold(s), query);
        status.is_none_or(|s| d.status == s)
            && (query.is_empty()
                || hit(&d.number)
                || hit(&d.subject_line)
                || self.names.iter().any(|(n, t)| hit(n) || hit(t)))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct DecisionsView {
    pub year: i32,
    pub lines: Vec<DecisionLine>,
    /// Approved nominations not yet in a decision: (catalogue id, title, how many).
    pub approved: Vec<(CatalogueId, String, usize)>,
    /// The next free "QĐ" number of the current year.
    pub next_number: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub enum DecisionIntent {
    SelectYear(i32),
    /// A draft from the approved nominations of these titles.
    FromNominations {
        year: i32,
        titles: Vec<CatalogueId>,
    },
    SaveDraft(Box<Decision>),
    DeleteDraft(DecisionId),
    Issue {
        id: DecisionId,
        number: Option<u32>,
        date: NaiveDate,
    },
    /// Record another body's decision into the history.
    RecordExternal(Box<Decision>),
    /// Keep this draft's bases, executors, fund and recipients as the defaults.
    SaveDefaults(crate::domain::decision::DecisionDefaults),
    /// A draft cancelling an issued decision.
    Cancel(DecisionId),
    /// A draft amending an issued decision, starting from its list.
    Amend(DecisionId),
    Document {
        id: DecisionId,
        action: DocumentAction,
    },
    /// One certificate per subject, on plain paper or on the blanks.
    Certificates {
        id: DecisionId,
        on_blanks: bool,
    },
    /// The ruler grid for calibrating the blanks.
    CalibrationGrid,
    /// Keep where the fields go on the blanks (setting `certificate_layout`).
    SaveBlankLayout(crate::docs::certificate::BlankLayout),
    /// A test print on plain paper of a sample certificate at these positions, over the grid.
    TestBlank(crate::docs::certificate::BlankLayout),
    /// Ask where, then write the attached list as .xlsx.
    ExportList(DecisionId),
}
