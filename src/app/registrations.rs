//! Registrations from the window: loading the year's view and applying the screen's
//! intents.

use std::collections::HashMap;

use super::ThiduaApp;
use crate::domain::collation::person_name_key;
use crate::domain::model::{AwardKind, CatalogueEntry, CatalogueId, Subject};
use crate::domain::plan::{Plan, TargetBase, TitleTarget};
use crate::domain::registration::{
    self, Registration, left_mark, person_in_year, unit_in_year, withdrawn_text,
};
use crate::domain::registration_progress::{progress, unit_count};
use crate::store::StoreError;
use crate::ui::Level;
use crate::ui::registration_view::{
    ErrorPlace, PlacedError, RegistrationIntent, RegistrationsView, StaffLine, UnitLine,
};

/// Short column labels for the usual titles.
pub fn short_label(code: &str, name: &str) -> String {
    match code {
        "LDTT" => "LĐTT".into(),
        "CSTDCS" => "CSTĐCS".into(),
        "CSTD_TINH" => "CSTĐ tỉnh".into(),
        _ => name.into(),
    }
}

/// The targets used when a year has no plan yet: the usual ones.
pub(crate) fn default_targets() -> Vec<TitleTarget> {
    vec![
        TitleTarget {
            catalogue_code: "LDTT".into(),
            title_name: "Lao động tiên tiến".into(),
            percent: 90.0,
            base: TargetBase::Staff,
            leaders_count: true,
        },
        TitleTarget {
            catalogue_code: "CSTDCS".into(),
            title_name: "Chiến sĩ thi đua cơ sở".into(),
            percent: 15.0,
            base: TargetBase::Staff,
            leaders_count: false,
        },
    ]
}

/// The subject's current title, first form and other forms among `regs`.
fn current_of(
    regs: &[&Registration],
    subject: Subject,
    catalogue: &[CatalogueEntry],
) -> (Option<CatalogueId>, Option<CatalogueId>, Vec<CatalogueId>) {
    let mut title = None;
    let mut form = None;
    let mut other_forms = Vec::new();
    for r in regs.iter().filter(|r| r.subject == subject) {
        match catalogue
            .iter()
            .find(|e| e.id == r.catalogue_id)
            .map(|e| e.kind)
        {
            Some(AwardKind::Title) => title = Some(r.catalogue_id),
            Some(AwardKind::Commendation) if form.is_none() => form = Some(r.catalogue_id),
            Some(AwardKind::Commendation) => other_forms.push(r.catalogue_id),
            _ => {}
        }
    }
    (title, form, other_forms)
}

/// The withdrawn lines of the unit and its staff, oldest withdrawal first, each named.
fn withdrawn_of(
    unit: &crate::domain::model::Unit,
    staff: &[StaffLine],
    regs: &[Registration],
    catalogue: &[CatalogueEntry],
) -> Vec<String> {
    let name_of = |subject: Subject| match subject {
        Subject::Unit(id) if id == unit.id => Some(unit.name.as_str()),
        Subject::Person(id) => staff
            .iter()
            .find(|s| s.person.id == id)
            .map(|s| s.person.full_name.as_str()),
        _ => None,
    };
    let mut lines: Vec<(chrono::NaiveDate, String)> = regs
        .iter()
        .filter_map(|r| {
            let who = name_of(r.subject)?;
            let entry = catalogue.iter().find(|e| e.id == r.catalogue_id)?;
            let text = withdrawn_text(&entry.name, r)?;
            Some((r.withdrawn_on?, format!("{who}: {text}")))
        })
        .collect();
    lines.sort();
    lines.into_iter().map(|(_, t)| t).collect()
}

impl ThiduaApp {
    /// Load the registrations of `year` into the view model.
    pub(crate) fn reload_registrations(&mut self, year: i32) -> Result<(), StoreError> {
        let plan: Option<Plan> = self
            .store
            .plan_for_year(year)?
            .and_then(|r| serde_json::from_str(&r.data).ok());
        let org = &self.vm.org;
        let plan_label = match &plan {
            Some(p) => match (p.number, p.issued_on) {
                (Some(n), Some(d)) => format!(
                    "Kế hoạch số {n}/KH-{} ngày {}",
                    org.abbreviation,
                    d.format("%d/%m/%Y")
                ),
                _ => format!("Kế hoạch năm {year} (dự thảo)"),
            },
            None => format!("Chưa có kế hoạch năm {year}; chỉ tiêu mặc định"),
        };
        let targets = plan
            .as_ref()
            .map(|p| p.title_targets.clone())
            .filter(|t| !t.is_empty())
            .unwrap_or_else(default_targets);
        let deadline = plan.as_ref().and_then(registration::registration_deadline);
        let catalogue = self.vm.catalogue.clone();
        let people: Vec<_> = self.store.people()?.into_iter().map(|r| r.person).collect();
        let units = self.store.units()?;
        let regs = self.store.registrations_of_year(year)?;
        let current: Vec<&Registration> = regs.iter().filter(|r| r.is_current()).collect();
        let columns: Vec<(String, String)> = targets
            .iter()
            .filter(|t| t.base == TargetBase::Staff)
            .map(|t| {
                (
                    t.catalogue_code.clone(),
                    short_label(&t.catalogue_code, &t.title_name),
                )
            })
            .collect();
        let submissions: HashMap<_, _> = self
            .store
            .submissions(year)?
            .into_iter()
            .map(|s| (s.unit_id, s))
            .collect();
        let mut lines = Vec::new();
        for unit in units.iter().filter(|u| unit_in_year(u, year)) {
            let mut staff: Vec<StaffLine> = people
                .iter()
                .filter(|p| p.unit_id == unit.id && person_in_year(p, year))
                .map(|p| {
                    let (title, form, other_forms) =
                        current_of(&current, Subject::Person(p.id), &catalogue);
                    StaffLine {
                        person: p.clone(),
                        title,
                        form,
                        other_forms,
                        left: left_mark(p),
                    }
                })
                .collect();
            staff.sort_by_cached_key(|s| {
                (s.person.position_rank, person_name_key(&s.person.full_name))
            });
            let (title, form, other_forms) =
                current_of(&current, Subject::Unit(unit.id), &catalogue);
            let withdrawn = withdrawn_of(unit, &staff, &regs, &catalogue);
            lines.push(UnitLine {
                staff_count: staff.iter().filter(|s| s.left.is_none()).count(),
                counts: columns
                    .iter()
                    .map(|(code, _)| unit_count(unit.id, code, year, &people, &catalogue, &regs))
                    .collect(),
                submission: submissions
                    .get(&unit.id)
                    .cloned()
                    .unwrap_or_else(|| registration::UnitSubmission::new(unit.id, year)),
                unit: unit.clone(),
                title,
                form,
                other_forms,
                staff,
                withdrawn,
            });
        }
        self.vm.registrations = Some(RegistrationsView {
            year,
            plan_label,
            deadline,
            progress: progress(&targets, year, &people, &units, &catalogue, &regs),
            columns,
            units: lines,
            clusters: self.store.clusters(year)?,
            previous_year_has_data: !self.store.registrations_of_year(year - 1)?.is_empty(),
        });
        Ok(())
    }

    fn reload_current_registrations(&mut self) -> Result<(), StoreError> {
        let year = self.ui.registrations.year(self.vm.today);
        self.reload_registrations(year)
    }

    pub(super) fn apply_registration(
        &mut self,
        intent: RegistrationIntent,
    ) -> Result<(), StoreError> {
        let today = self.vm.today;
        match intent {
            RegistrationIntent::SelectYear(year) => {
                self.ui.registrations.set_year(year);
                self.reload_registrations(year)?;
            }
            RegistrationIntent::Apply { year, choices } => {
                let place = match choices.as_slice() {
                    [one] => ErrorPlace::Row(one.subject),
                    _ => ErrorPlace::Selection,
                };
                let n = self
                    .store
                    .apply_choices(year, &choices, today)
                    .inspect_err(|e| {
                        self.ui.registrations.refused(PlacedError {
                            place,
                            message: e.to_string(),
                        })
                    })?;
                self.reload_registrations(year)?;
                self.ui.registrations.clear_selection();
                if n > 0 {
                    let who = if choices.len() == 1 {
                        "1 đối tượng".to_owned()
                    } else {
                        format!("{} đối tượng", choices.len())
                    };
                    self.notify(Level::Success, format!("Đã cập nhật đăng ký của {who}."));
                }
            }
            RegistrationIntent::CopyLastYear { year, unit } => {
                let n = self
                    .store
                    .copy_registrations(year - 1, year, unit, today)
                    .inspect_err(|e| {
                        self.ui.registrations.refused(PlacedError {
                            place: ErrorPlace::Selection,
                            message: e.to_string(),
                        })
                    })?;
                self.reload_registrations(year)?;
                self.notify(
                    if n > 0 { Level::Success } else { Level::Info },
                    if n > 0 {
                        format!("Đã sao chép {n} dòng đăng ký từ năm {}.", year - 1)
                    } else {
                        format!(
                            "Không có gì để sao chép: những người đã có đăng ký năm {year} được giữ nguyên."
                        )
                    },
                );
            }
            RegistrationIntent::SaveSubmission(s) => {
                let status = s.status_text();
                let name = self.vm.unit_name(s.unit_id).to_owned();
                self.store.save_submission(&s).inspect_err(|e| {
                    self.ui.registrations.refused(PlacedError {
                        place: ErrorPlace::Submission,
                        message: e.to_string(),
                    })
                })?;
                self.reload_registrations(s.year)?;
                self.ui.registrations.submission_saved();
                self.notify(Level::Success, format!("{name}: {status}."));
            }
            RegistrationIntent::SaveCluster(c) => {
                self.store.save_cluster(&c)?;
                self.reload_registrations(c.year)?;
                self.ui.registrations.cluster_saved();
                self.notify(Level::Success, format!("Đã lưu {}.", c.name.trim()));
            }
            RegistrationIntent::DeleteCluster(id) => {
                self.store.delete_cluster(id)?;
                self.reload_current_registrations()?;
                self.ui.registrations.cluster_saved();
                self.notify(Level::Success, "Đã xóa cụm, khối thi đua.");
            }
            RegistrationIntent::Document { year, doc, action } => {
                self.registration_document(year, doc, action)?;
            }
            RegistrationIntent::ExportUnitSheet { year, unit } => {
                self.export_registration_sheet(year, unit)?;
            }
            RegistrationIntent::ImportUnitSheet { year } => {
                self.import_registration_sheet(year);
            }
        }
        Ok(())
    }
}
