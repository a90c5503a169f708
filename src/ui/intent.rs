//! What the clerk asked for. Screens emit intents; the app applies them in one place after
//! the frame, talks to the store, and reports back through notifications.

use crate::domain::model::{
    AwardId, CatalogueEntry, CatalogueId, PersonId, Rating, Subject, UnitId,
};
use crate::domain::plan::Plan;
use crate::domain::settings::{BaseSalary, Organisation};
use crate::domain::validate::{AwardForm, PersonForm, UnitForm};
use chrono::NaiveDate;

/// The screens of the left navigation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Screen {
    #[default]
    People,
    History,
    Plans,
    Registrations,
    Innovations,
    Nominations,
    Council,
    Decisions,
    Catalogue,
    Reports,
    Settings,
    Backups,
    Exchange,
}

impl Screen {
    pub const ALL: [Screen; 13] = [
        Screen::People,
        Screen::History,
        Screen::Plans,
        Screen::Registrations,
        Screen::Innovations,
        Screen::Nominations,
        Screen::Council,
        Screen::Decisions,
        Screen::Catalogue,
        Screen::Reports,
        Screen::Settings,
        Screen::Exchange,
        Screen::Backups,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Screen::People => "Đơn vị & Cá nhân",
            Screen::History => "Lịch sử khen thưởng",
            Screen::Plans => "Kế hoạch thi đua",
            Screen::Registrations => "Đăng ký thi đua",
            Screen::Innovations => "Sáng kiến",
            Screen::Nominations => "Đề nghị khen thưởng",
            Screen::Council => "Hội đồng Thi đua - Khen thưởng",
            Screen::Decisions => "Quyết định khen thưởng",
            Screen::Catalogue => "Danh mục danh hiệu, hình thức",
            Screen::Settings => "Cài đặt",
            Screen::Reports => "Báo cáo, thống kê",
            Screen::Backups => "Sao lưu, khôi phục",
            Screen::Exchange => "Trao đổi với tỉnh",
        }
    }
}

/// What an Excel import reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ImportKind {
    Units,
    People,
    Ratings,
    History,
    /// A unit's registration workbook (imported from the registrations screen).
    Registrations,
}

impl ImportKind {
    pub const ALL: [ImportKind; 4] = [
        ImportKind::Units,
        ImportKind::People,
        ImportKind::Ratings,
        ImportKind::History,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ImportKind::Units => "đơn vị",
            ImportKind::People => "cá nhân",
            ImportKind::Ratings => "xếp loại hằng năm",
            ImportKind::History => "lịch sử khen thưởng",
            ImportKind::Registrations => "bản đăng ký thi đua",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Intent {
    Navigate(Screen),
    SaveUnit(UnitForm),
    RemoveUnit(UnitId),
    SavePerson(PersonForm),
    RemovePerson(PersonId),
    ReactivatePerson(PersonId),
    /// Open the history screen on a person or unit.
    OpenHistory(Subject),
    SaveAward(AwardForm),
    DeleteAward(AwardId),
    SetRating {
        subject: Subject,
        year: i32,
        rating: Option<Rating>,
    },
    SaveCatalogueEntry(CatalogueEntry),
    RemoveCatalogueEntry(CatalogueId),
    SaveOrganisation(Organisation),
    AddBaseSalary(BaseSalary),
    /// The province's numbers for the eligibility rules.
    SaveEligibility(crate::domain::eligibility::EligibilitySettings),
    /// How the window is drawn from the next start: `auto`, `wgpu`, `glow` or `software`.
    SaveRenderer(String),
    /// How reward amounts are rounded.
    SaveRounding(crate::domain::money::Rounding),
    /// The council's quorum and vote thresholds.
    SaveCouncilRules(crate::domain::council::CouncilRules),
    /// Ask for a file, then read it into a preview.
    StartImport(ImportKind),
    ConfirmImport,
    CancelImport,
    /// Ask where, then write an Excel template.
    WriteTemplate(ImportKind),
    /// Ask where, then export the people list.
    ExportPeople,
    /// Ask where, then export the shown subject's history.
    ExportHistory(Subject),
    DismissNotification(u64),
    /// Save a plan draft: a new one (id None), an amendment of an issued one, or an edit.
    SavePlanDraft {
        id: Option<i64>,
        amends: Option<i64>,
        plan: Box<Plan>,
    },
    /// Issue a draft with its number from the register and its date.
    IssuePlan {
        id: i64,
        number: u32,
        date: NaiveDate,
    },
    DeletePlanDraft(i64),
    /// Make a document of a plan: preview it, save it where the clerk says, or print it.
    PlanDocument {
        plan: Box<Plan>,
        action: DocumentAction,
    },
    /// Everything of the registrations screen.
    Registration(super::registration_view::RegistrationIntent),
    /// Everything of the decisions screen.
    Decision(super::decision_view::DecisionIntent),
    /// Everything of the innovations screen.
    Innovation(super::innovation_view::InnovationIntent),
    /// Everything of the nominations and council screens.
    Nomination(super::nomination_view::NominationIntent),
    /// Everything of the backups screen.
    Backup(super::backup_view::BackupIntent),
    /// Everything of the exchange screen.
    Exchange(super::exchange_view::ExchangeIntent),
    /// Everything of the reports screen (it only reads).
    Report(super::report_view::ReportIntent),
}

impl Intent {
    /// Whether applying it writes to the database (refused in a read-only window).
    pub fn writes(&self) -> bool {
        use super::decision_view::DecisionIntent as D;
        use super::innovation_view::InnovationIntent as I;
        use super::nomination_view::NominationIntent as N;
        use super::registration_view::RegistrationIntent as R;
        if let Intent::Backup(b) = self {
            return b.writes();
        }
        if let Intent::Exchange(e) = self {
            return e.writes();
        }
        !matches!(
            self,
            Intent::Navigate(_)
                | Intent::OpenHistory(_)
                | Intent::CancelImport
                | Intent::WriteTemplate(_)
                | Intent::ExportPeople
                | Intent::ExportHistory(_)
                | Intent::DismissNotification(_)
                | Intent::Report(_)
                | Intent::PlanDocument { .. }
                | Intent::Registration(
                    R::SelectYear(_) | R::Document { .. } | R::ExportUnitSheet { .. }
                )
                | Intent::Nomination(N::SelectYear(_) | N::Document { .. } | N::Report { .. })
                | Intent::Innovation(I::SelectYear(_) | I::Document { .. })
                | Intent::Decision(
                    D::SelectYear(_)
                        | D::Document { .. }
                        | D::Certificates { .. }
                        | D::CalibrationGrid
                        | D::TestBlank(_)
                )
        )
    }
}

/// What to do with a generated document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentAction {
    /// Open it in the system's PDF viewer (kept in the documents folder).
    Preview,
    /// Ask where, then save it.
    SaveAs,
    /// Send it to the printer.
    Print,
}
