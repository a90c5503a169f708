//! The one place where intents change data.

use super::ThiduaApp;
use crate::domain::model::Subject;
use crate::store::{Removal, StoreError};
use crate::ui::{Intent, Level, Screen};

impl ThiduaApp {
    /// Apply one intent. Failures become notifications; the form keeps what was typed.
    pub fn apply(&mut self, intent: Intent) {
        if self.read_only && intent.writes() {
            self.notify(
                Level::Warning,
                "Cửa sổ này chỉ để xem nên không lưu được. Hãy làm việc này ở cửa sổ Thi đua – Khen thưởng đang mở cơ sở dữ liệu.",
            );
            return;
        }
        if let Err(e) = self.try_apply(intent) {
            self.notify(Level::Error, e.to_string());
        }
    }

    fn try_apply(&mut self, intent: Intent) -> Result<(), StoreError> {
        match intent {
            Intent::Navigate(screen) => self.ui.go_to(screen),
            Intent::SaveUnit(form) => {
                let unit = form.validate().map_err(StoreError::Invalid)?;
                self.store.save_unit(&unit)?;
                self.reload_people()?;
                self.ui.people.unit_saved();
                self.notify(Level::Success, format!("Đã lưu đơn vị \"{}\".", unit.name));
            }
            Intent::RemoveUnit(id) => {
                let name = self.vm.unit_name(id).to_owned();
                let removal = self.store.remove_unit(id)?;
                self.reload_people()?;
                self.ui.people.discard_forms();
                if self.ui.people.query.unit == Some(id) && removal == Removal::Deleted {
                    self.ui.people.query.unit = None;
                }
                self.notify(Level::Success, match removal {
                    Removal::Deleted => format!("Đã xóa đơn vị \"{name}\"."),
                    Removal::Deactivated => format!("Đơn vị \"{name}\" đã có dữ liệu nên được đánh dấu giải thể, không bị xóa."),
                });
            }
            Intent::SavePerson(form) => {
                let person = form
                    .validate(&self.vm.units, self.vm.today)
                    .map_err(StoreError::Invalid)?;
                let id = self.store.save_person(&person)?;
                self.reload_people()?;
                self.ui.people.person_saved(id);
                self.notify(Level::Success, format!("Đã lưu \"{}\".", person.full_name));
            }
            Intent::RemovePerson(id) => {
                let name = self.store.person(id)?.full_name;
                let removal = self.store.remove_person(id)?;
                self.reload_people()?;
                self.ui.people.discard_forms();
                self.notify(Level::Success, match removal {
                    Removal::Deleted => format!("Đã xóa \"{name}\"."),
                    Removal::Deactivated => format!("\"{name}\" đã có dữ liệu khen thưởng, xếp loại nên được ẩn khỏi danh sách, không bị xóa."),
                });
            }
            Intent::ReactivatePerson(id) => {
                self.store.reactivate_person(id)?;
                self.reload_people()?;
                self.ui.people.discard_forms();
                self.notify(Level::Success, "Đã hiện lại cá nhân trong danh sách.");
            }
            Intent::OpenHistory(subject) => {
                self.load_history(subject)?;
                self.ui.go_to(Screen::History);
            }
            Intent::SaveAward(form) => {
                let record = form
                    .validate(&self.vm.catalogue)
                    .map_err(StoreError::Invalid)?;
                self.store.save_award(&record)?;
                self.load_history(record.subject)?;
                self.ui.history.award_saved();
                self.notify(
                    Level::Success,
                    format!("Đã lưu khen thưởng năm {}.", record.year),
                );
            }
            Intent::DeleteAward(id) => {
                self.store.delete_award(id)?;
                if let Some(subject) = self.vm.history.as_ref().map(|h| h.subject) {
                    self.load_history(subject)?;
                }
                self.notify(Level::Success, "Đã xóa bản ghi khen thưởng.");
            }
            Intent::SetRating {
                subject,
                year,
                rating,
            } => {
                match subject {
                    Subject::Person(id) => self.store.set_person_rating(id, year, rating)?,
                    Subject::Unit(id) => self.store.set_unit_rating(id, year, rating)?,
                }
                self.load_history(subject)?;
                self.notify(
                    Level::Success,
                    match rating {
                        Some(r) => format!("Đã ghi xếp loại năm {year}: {}.", r.label()),
                        None => format!("Đã xóa xếp loại năm {year}."),
                    },
                );
            }
            Intent::SaveCatalogueEntry(entry) => {
                self.store.save_catalogue_entry(&entry)?;
                self.vm.catalogue = self.store.catalogue()?;
                self.ui.catalogue.entry_saved();
                self.notify(Level::Success, format!("Đã lưu \"{}\".", entry.name));
            }
            Intent::RemoveCatalogueEntry(id) => {
                let removal = self.store.remove_catalogue_entry(id)?;
                self.vm.catalogue = self.store.catalogue()?;
                self.ui.catalogue.entry_saved();
                self.notify(Level::Success, match removal {
                    Removal::Deleted => "Đã xóa mục khỏi danh mục.",
                    Removal::Deactivated => "Mục đã được dùng (hoặc là mục theo Luật) nên chỉ ngừng dùng, không bị xóa.",
                });
            }
            Intent::SaveOrganisation(org) => {
                self.store.set_organisation(&org)?;
                self.vm.org = org;
                self.ui.settings.saved();
                self.notify(Level::Success, "Đã lưu thông tin cơ quan.");
            }
            Intent::AddBaseSalary(b) => {
                self.store.set_base_salary(b)?;
                self.vm.base_salaries = self.store.base_salaries()?;
            }
            Intent::SaveEligibility(settings) => {
                let catalogue: Vec<(&str, &str)> = self
                    .vm
                    .catalogue
                    .iter()
                    .map(|e| (e.code.as_str(), e.name.as_str()))
                    .collect();
                let problems = settings.problems(&catalogue);
                if !problems.is_empty() {
                    return Err(StoreError::Conflict(problems.join(" ")));
                }
                self.store
                    .set_setting(super::eligibility::ELIGIBILITY, &settings)?;
                self.vm.eligibility = settings;
                self.ui.settings.rules_saved();
                self.reload_all();
                self.notify(Level::Success, "Đã lưu quy định xét danh hiệu.");
            }
            Intent::SaveRenderer(choice) => {
                choice
                    .parse::<crate::platform::renderer::RendererChoice>()
                    .map_err(StoreError::Conflict)?;
                self.store
                    .set_setting(crate::platform::renderer::RENDERER_SETTING, &choice)?;
                self.vm.renderer = choice;
                self.notify(
                    Level::Success,
                    "Đã lưu cách vẽ cửa sổ; cách mới có hiệu lực từ lần mở chương trình sau.",
                );
            }
            Intent::SaveCouncilRules(rules) => {
                if !(0.0..=100.0).contains(&rules.quorum_percent) {
                    return Err(StoreError::Conflict(
                        "Tỷ lệ có mặt phải từ 0 đến 100%.".into(),
                    ));
                }
                self.store
                    .set_setting(crate::docs::council_data::COUNCIL_RULES, &rules)?;
                self.vm.council_rules = rules;
                self.ui.settings.rules_saved();
                self.reload_all();
                self.notify(Level::Success, "Đã lưu quy định của Hội đồng.");
            }
            Intent::SaveRounding(rounding) => {
                self.store
                    .set_setting(super::decisions::ROUNDING, &rounding)?;
                self.vm.rounding = rounding;
                self.ui.settings.rules_saved();
                self.notify(
                    Level::Success,
                    format!("Tiền thưởng được làm tròn đến {} đồng.", rounding.to),
                );
            }
            Intent::DismissNotification(id) => self.vm.notifications.retain(|n| n.id != id),
            Intent::StartImport(_)
            | Intent::ConfirmImport
            | Intent::CancelImport
            | Intent::WriteTemplate(_)
            | Intent::ExportPeople
            | Intent::ExportHistory(_) => self.apply_excel(intent)?,
            Intent::SavePlanDraft { .. }
            | Intent::IssuePlan { .. }
            | Intent::DeletePlanDraft(_)
            | Intent::PlanDocument { .. } => self.apply_plans(intent)?,
            Intent::Registration(i) => self.apply_registration(i)?,
            Intent::Nomination(i) => self.apply_nomination(i)?,
            Intent::Backup(i) => self.apply_backup(i)?,
            Intent::Exchange(i) => self.apply_exchange(i)?,
            Intent::Report(i) => self.apply_report(i)?,
            Intent::Innovation(i) => self.apply_innovation(i)?,
            Intent::Decision(i) => self.apply_decision(i)?,
        }
        Ok(())
    }
}
