//! What the screens read. The app fills it from the store when data changes, never inside
//! a frame; screens only read it.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::intent::ImportKind;
use crate::domain::model::{AwardRecord, CatalogueEntry, Rating, Subject, Unit, UnitId};
use crate::domain::people_list::PersonListRow;
use crate::domain::settings::{BaseSalary, Organisation};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Info,
    Success,
    Warning,
    Error,
}

/// A message for the clerk. Errors stay until dismissed; the rest fade after a few seconds.
#[derive(Debug, Clone, PartialEq)]
pub struct Notification {
    pub id: u64,
    pub level: Level,
    pub text: String,
    /// Time (egui seconds) after which it disappears; `None` = until dismissed.
    pub expires_at: Option<f64>,
}

/// A subject's history as the history screen shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryView {
    pub subject: Subject,
    /// "Nguyễn Thị Ánh – Chuyên viên, Văn phòng" or the unit's name.
    pub title: String,
    pub records: Vec<AwardRecord>,
    pub ratings: Vec<(i32, Rating)>,
    /// "Tập thể lao động xuất sắc 2019, 2021; …"
    pub summary: String,
}

/// The preview of an import waiting for the clerk's confirmation.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPreviewView {
    pub kind: ImportKind,
    pub file_name: String,
    /// Lines describing what will be added or changed.
    pub changes: Vec<String>,
    /// (Excel row number, what is wrong).
    pub problems: Vec<(usize, String)>,
}

/// A background job with its progress (0..=1) when known.
#[derive(Debug, Clone, PartialEq)]
pub struct JobView {
    pub label: String,
    pub progress: Option<f32>,
}

/// A stored plan version as the plans screen lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanView {
    pub id: i64,
    pub year: i32,
    pub version: i64,
    pub status: &'static str,
    pub is_draft: bool,
    pub is_issued: bool,
    pub amends: Option<i64>,
    pub plan: crate::domain::plan::Plan,
}

#[derive(Debug, Clone)]
pub struct ViewModel {
    pub today: NaiveDate,
    /// Where the data lives, shown in settings and the status bar.
    pub database_label: String,
    pub is_demo: bool,
    /// A second window that only reads.
    pub read_only: bool,
    pub org: Organisation,
    pub base_salaries: Vec<BaseSalary>,
    pub units: Vec<Unit>,
    /// Active people per unit.
    pub unit_head_counts: HashMap<UnitId, usize>,
    pub people: Vec<PersonListRow>,
    /// Bumped whenever `people` changes, so screens know to refilter.
    pub people_version: u64,
    pub catalogue: Vec<CatalogueEntry>,
    pub history: Option<HistoryView>,
    pub plans: Vec<PlanView>,
    /// The next free KH number per year, for the issue form.
    pub next_plan_number: std::collections::HashMap<i32, u32>,
    /// The registrations of the year the registrations screen shows.
    pub registrations: Option<super::registration_view::RegistrationsView>,
    /// The nominations and council meetings of the year the nominations screen shows.
    pub nominations: Option<super::nomination_view::NominationsView>,
    /// The innovations of the year the innovations screen shows.
    pub innovations: Option<super::innovation_view::InnovationsView>,
    /// The decisions of the year the decisions screen shows.
    pub decisions: Option<super::decision_view::DecisionsView>,
    pub import_preview: Option<ImportPreviewView>,
    pub backups: super::backup_view::BackupsView,
    pub exchange: super::exchange_view::ExchangeView,
    pub reports: super::report_view::ReportsView,
    pub eligibility: crate::domain::eligibility::EligibilitySettings,
    pub council_rules: crate::domain::council::CouncilRules,
    pub rounding: crate::domain::money::Rounding,
    /// Where the fields go on the pre-printed certificate blanks.
    pub certificate_layout: crate::docs::certificate::BlankLayout,
    /// The renderer setting (`auto`, `wgpu`, `glow`, `software`), used from the next start.
    pub renderer: String,
    pub jobs: Vec<JobView>,
    pub notifications: Vec<Notification>,
}

impl ViewModel {
    pub fn new(today: NaiveDate) -> Self {
        Self {
            today,
            database_label: String::new(),
            is_demo: false,
            read_only: false,
            org: Organisation::default(),
            base_salaries: Vec::new(),
            units: Vec::new(),
            unit_head_counts: HashMap::new(),
            people: Vec::new(),
            people_version: 0,
            catalogue: Vec::new(),
            history: None,
            plans: Vec::new(),
            next_plan_number: HashMap::new(),
            registrations: None,
            nominations: None,
            innovations: None,
            decisions: None,
            import_preview: None,
            backups: Default::default(),
            exchange: super::exchange_view::ExchangeView {
                year: chrono::Datelike::year(&today),
                ..Default::default()
            },
            reports: super::report_view::ReportsView::new(chrono::Datelike::year(&today)),
            eligibility: Default::default(),
            council_rules: Default::default(),
            rounding: Default::default(),
            certificate_layout: Default::default(),
            renderer: "auto".into(),
            jobs: Vec::new(),
            notifications: Vec::new(),
        }
    }

    pub fn unit_name(&self, id: UnitId) -> &str {
        self.units
            .iter()
            .find(|u| u.id == id)
            .map(|u| u.name.as_str())
            .unwrap_or("(không rõ đơn vị)")
    }

    pub fn catalogue_name(&self, id: i64) -> &str {
        self.catalogue
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.name.as_str())
            .unwrap_or("(không rõ)")
    }
}
