//! What the reports screen ("Báo cáo, thống kê") shows and what it can ask for.

use crate::store::reports::{PeriodReport, YearResults};

/// The two files the tally can be saved as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TallyFormat {
    Pdf,
    Xlsx,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReportsView {
    /// The period of the tally (from ≤ to).
    pub from: i32,
    pub to: i32,
    pub period: Option<PeriodReport>,
    /// The year whose results are compared with its plan's targets.
    pub results_year: i32,
    pub results: YearResults,
}

impl ReportsView {
    /// The five full years before `this_year`, and last year's results.
    pub fn new(this_year: i32) -> Self {
        Self {
            from: this_year - 5,
            to: this_year - 1,
            period: None,
            results_year: this_year - 1,
            results: YearResults {
                year: this_year - 1,
                ..YearResults::default()
            },
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum ReportIntent {
    /// Show the tally of years `from` to `to`.
    SetRange { from: i32, to: i32 },
    /// Compare another year's results with its plan.
    SetResultsYear(i32),
    /// Ask where, then save the tally.
    SaveTally(TallyFormat),
    /// Ask where, then save the results report as PDF.
    SaveResults,
    /// Ask where, then save a person's or unit's award history as PDF.
    SaveHistory(crate::domain::model::Subject),
}
