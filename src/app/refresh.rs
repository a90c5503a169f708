//! Filling the view model from the store. Runs when data changes, never every frame.

use std::collections::HashMap;

use super::ThiduaApp;
use crate::domain::history::summary_line;
use crate::domain::model::Subject;
use crate::domain::people_list::PersonListRow;
use crate::store::StoreError;
use crate::ui::Level;
use crate::ui::view_model::HistoryView;

impl ThiduaApp {
    /// Reload everything the screens show.
    pub(crate) fn reload_all(&mut self) {
        if let Err(e) = self.try_reload_all() {
            self.notify(Level::Error, format!("Không đọc được dữ liệu: {e}"));
        }
    }

    fn try_reload_all(&mut self) -> Result<(), StoreError> {
        self.vm.database_label = self
            .store
            .path()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| "(trong bộ nhớ)".into());
        self.vm.org = self.store.organisation()?;
        self.vm.base_salaries = self.store.base_salaries()?;
        self.vm.catalogue = self.store.catalogue()?;
        self.vm.eligibility = self.eligibility_settings();
        self.vm.council_rules = crate::docs::council_data::council_rules(&self.store)?;
        self.vm.rounding = self
            .store
            .setting(super::decisions::ROUNDING)?
            .unwrap_or_default();
        self.vm.certificate_layout = self
            .store
            .setting(crate::docs::decision_data::CERTIFICATE_LAYOUT)?
            .unwrap_or_default();
        self.vm.renderer = self
            .store
            .setting(crate::platform::renderer::RENDERER_SETTING)?
            .unwrap_or_else(|| "auto".into());
        self.reload_backups();
        self.reload_exchange();
        self.reload_reports()?;
        self.reload_people()?;
        self.reload_plans()?;
        self.reload_registrations(self.ui.registrations.year(self.vm.today))?;
        self.reload_nominations(self.ui.nominations.year(self.vm.today))?;
        self.reload_innovations(self.ui.innovations.year(self.vm.today))?;
        self.reload_decisions(self.ui.decisions.year(self.vm.today))?;
        if let Some(subject) = self.vm.history.as_ref().map(|h| h.subject) {
            self.load_history(subject)?;
        }
        Ok(())
    }

    /// Reload the plan versions and the next free plan numbers.
    pub(crate) fn reload_plans(&mut self) -> Result<(), StoreError> {
        let mut views = Vec::new();
        for record in self.store.plans()? {
            match serde_json::from_str::<crate::domain::plan::Plan>(&record.data) {
                Ok(plan) => views.push(crate::ui::view_model::PlanView {
                    id: record.id,
                    year: record.year,
                    version: record.version,
                    status: record.status.label(),
                    is_draft: record.status == crate::store::plans::PlanStatus::Draft,
                    is_issued: record.status == crate::store::plans::PlanStatus::Issued,
                    amends: record.amends,
                    plan,
                }),
                Err(e) => log::warn!("plan {} unreadable: {e}", record.id),
            }
        }
        self.vm.next_plan_number.clear();
        for v in &views {
            let next = self.store.next_document_number(v.year, "KH")?;
            self.vm.next_plan_number.insert(v.year, next);
        }
        self.vm.plans = views;
        Ok(())
    }

    /// Reload units and people (after a change to either).
    pub(crate) fn reload_people(&mut self) -> Result<(), StoreError> {
        self.vm.units = self.store.units()?;
        let rows = self.store.people()?;
        let mut counts = HashMap::new();
        for r in rows.iter().filter(|r| r.person.active) {
            *counts.entry(r.person.unit_id).or_insert(0) += 1;
        }
        self.vm.unit_head_counts = counts;
        self.vm.people = rows
            .iter()
            .map(|r| PersonListRow::new(&r.person, &r.unit_name, r.unit_order))
            .collect();
        self.vm.people_version += 1;
        Ok(())
    }

    /// Load one subject's history into the view model.
    pub(crate) fn load_history(&mut self, subject: Subject) -> Result<(), StoreError> {
        let (title, ratings) = match subject {
            Subject::Person(id) => {
                let p = self.store.person(id)?;
                let unit = self.vm.unit_name(p.unit_id).to_owned();
                let title = if p.position.is_empty() {
                    format!("{} – {unit}", p.full_name)
                } else {
                    format!("{} – {}, {unit}", p.full_name, p.position)
                };
                (title, self.store.person_ratings(id)?)
            }
            Subject::Unit(id) => (
                self.vm.unit_name(id).to_owned(),
                self.store.unit_ratings(id)?,
            ),
        };
        let records = self.store.awards_for(subject)?;
        let summary = summary_line(&records, &self.vm.catalogue);
        self.vm.history = Some(HistoryView {
            subject,
            title,
            records,
            ratings,
            summary,
        });
        Ok(())
    }
}
