//! Decisions from the window: the year's view, drafts from approved nominations with
//! their amounts, issuing, amending, cancelling, printing.

use chrono::Datelike;

use super::ThiduaApp;
use crate::docs::council_data::Names;
use crate::docs::decision_data::decision_document;
use crate::domain::decision::{Decision, DecisionEntry, DecisionStatus};
use crate::domain::money::{Rounding, reward};
use crate::domain::nomination::NominationStatus;
use crate::store::StoreError;
use crate::ui::Level;
use crate::ui::decision_view::{DecisionIntent, DecisionLine, DecisionsView};

/// Settings key of the decisions' default bases, executors, fund and recipients.
pub const DEFAULTS: &str = "decision_defaults";

/// Settings key of the rounding of rewards.
pub const ROUNDING: &str = "reward_rounding";

impl ThiduaApp {
    pub(crate) fn reload_decisions(&mut self, year: i32) -> Result<(), StoreError> {
        let names = Names::load(&self.store)?;
        let decisions = self.store.decisions(year)?;
        let in_decisions: Vec<i64> = decisions
            .iter()
            .flat_map(|d| d.entries.iter().filter_map(|e| e.nomination))
            .collect();
        let mut approved: Vec<(i64, String, usize)> = Vec::new();
        for n in self.store.nominations(year)? {
            if !matches!(n.status, NominationStatus::Approved) || in_decisions.contains(&n.id) {
                continue;
            }
            let Some(entry) = names.entry(n.catalogue_id) else {
                continue;
            };
            if !crate::docs::council_data::is_director_level(entry) {
                continue;
            }
            match approved.iter_mut().find(|a| a.0 == entry.id) {
                Some(a) => a.2 += 1,
                None => approved.push((entry.id, entry.name.clone(), 1)),
            }
        }
        let amended_by = |id: i64| -> Vec<String> {
            decisions
                .iter()
                .filter(|x| x.amends == Some(id))
                .map(|x| {
                    let what = if x.cancels {
                        "hủy bỏ"
                    } else {
                        "sửa đổi"
                    };
                    let number = if x.number.is_empty() {
                        "dự thảo".to_owned()
                    } else {
                        format!("số {}", x.number)
                    };
                    format!("Quyết định {number} ({what})")
                })
                .collect()
        };
        let amended: Vec<Vec<String>> = decisions.iter().map(|d| amended_by(d.id)).collect();
        let lines = decisions
            .into_iter()
            .zip(amended)
            .map(|(d, amended_by)| DecisionLine {
                amended_by,
                names: d
                    .entries
                    .iter()
                    .map(|e| {
                        (
                            names.subject(e.subject).0,
                            names
                                .entry(e.catalogue_id)
                                .map(|c| c.name.clone())
                                .unwrap_or_default(),
                        )
                    })
                    .collect(),
                total: d.total(),
                decision: d,
            })
            .collect();
        self.vm.decisions = Some(DecisionsView {
            year,
            lines,
            approved,
            next_number: self
                .store
                .next_document_number(self.vm.today.year(), "QĐ")?,
        });
        Ok(())
    }

    fn reload_current_decisions(&mut self) -> Result<(), StoreError> {
        let year = self.ui.decisions.year(self.vm.today);
        self.reload_decisions(year)
    }

    /// Recompute every amount for the decision date (the base salary in force then).
    fn with_amounts(
        &self,
        mut d: Decision,
        date: chrono::NaiveDate,
    ) -> Result<Decision, StoreError> {
        let catalogue = self.store.catalogue()?;
        let salaries = self.store.base_salaries()?;
        let rounding: Rounding = self.store.setting(ROUNDING)?.unwrap_or_default();
        for e in &mut d.entries {
            let coefficient = catalogue
                .iter()
                .find(|c| c.id == e.catalogue_id)
                .and_then(|c| c.coefficient);
            e.amount =
                reward(coefficient, date, &salaries, rounding).map_err(StoreError::Conflict)?;
        }
        Ok(d)
    }

    pub(super) fn apply_decision(&mut self, intent: DecisionIntent) -> Result<(), StoreError> {
        match intent {
            DecisionIntent::SelectYear(year) => {
                self.ui.decisions.set_year(year);
                self.reload_decisions(year)?;
            }
            DecisionIntent::FromNominations { year, titles } => {
                let names = Names::load(&self.store)?;
                let title_names: Vec<String> = titles
                    .iter()
                    .filter_map(|t| {
                        names.entry(*t).map(|e| {
                            e.name
                                .trim_end_matches("(cá nhân)")
                                .trim_end_matches("(tập thể)")
                                .trim()
                                .to_owned()
                        })
                    })
                    .collect();
                let defaults: Option<crate::domain::decision::DecisionDefaults> =
                    self.store.setting(DEFAULTS)?;
                let mut d = Decision::draft(
                    year,
                    &format!(
                        "Về việc tặng danh hiệu, hình thức khen thưởng năm {year} ({})",
                        title_names.join(", ")
                    ),
                    &self.vm.org.director,
                );
                if let Some(defaults) = &defaults {
                    defaults.apply(&mut d);
                }
                if title_names.len() == 1 {
                    d.subject_line = format!("Về việc công nhận {} năm {year}", title_names[0]);
                }
                let decided: Vec<i64> = self
                    .store
                    .decisions(year)?
                    .iter()
                    .flat_map(|x| x.entries.iter().filter_map(|e| e.nomination))
                    .collect();
                d.entries = self
                    .store
                    .nominations(year)?
                    .into_iter()
                    .filter(|n| {
                        n.status == NominationStatus::Approved
                            && titles.contains(&n.catalogue_id)
                            && !decided.contains(&n.id)
                    })
                    .map(|n| DecisionEntry {
                        subject: n.subject,
                        catalogue_id: n.catalogue_id,
                        amount: None,
                        nomination: Some(n.id),
                    })
                    .collect();
                let d = self.with_amounts(d, self.vm.today)?;
                let id = self.store.save_decision_draft(&d)?;
                self.reload_decisions(year)?;
                self.ui.decisions.saved(id);
                self.notify(
                    Level::Success,
                    format!(
                        "Đã tạo dự thảo quyết định cho {} đối tượng.",
                        d.entries.len()
                    ),
                );
            }
            DecisionIntent::SaveDraft(d) => {
                let date = d.issued_on.unwrap_or(self.vm.today);
                let d = self.with_amounts(*d, date)?;
                let id = self.store.save_decision_draft(&d)?;
                self.reload_current_decisions()?;
                self.ui.decisions.saved(id);
                self.notify(Level::Success, "Đã lưu dự thảo quyết định.");
            }
            DecisionIntent::DeleteDraft(id) => {
                self.store.delete_decision_draft(id)?;
                self.reload_current_decisions()?;
                self.ui.decisions.discard_forms();
                self.notify(Level::Success, "Đã xóa dự thảo.");
            }
            DecisionIntent::Issue { id, number, date } => {
                // Amounts follow the base salary in force on the signing date.
                let d = self.with_amounts(self.store.decision(id)?, date)?;
                self.store.save_decision_draft(&d)?;
                let abbreviation = self.vm.org.abbreviation.clone();
                let text = self.store.issue_decision(id, number, date, &abbreviation)?;
                self.reload_all();
                self.ui.decisions.saved(id);
                self.notify(
                    Level::Success,
                    format!("Đã ban hành Quyết định số {text}; lịch sử khen thưởng đã được ghi."),
                );
            }
            DecisionIntent::SaveDefaults(defaults) => {
                self.store.set_setting(DEFAULTS, &defaults)?;
                self.notify(Level::Success, "Đã lưu căn cứ, Điều 3, nguồn tiền và nơi nhận làm mặc định cho quyết định sau.");
            }
            DecisionIntent::RecordExternal(d) => {
                let number = d.number.clone();
                let id = self.store.record_external_decision(&d)?;
                self.reload_all();
                self.ui.decisions.saved(id);
                self.ui.decisions.external = Default::default();
                self.notify(
                    Level::Success,
                    format!("Đã ghi Quyết định {number} vào lịch sử khen thưởng."),
                );
            }
            DecisionIntent::Amend(id) => {
                let old = self.store.decision(id)?;
                if let Some(later) = self
                    .store
                    .decisions(old.year)?
                    .into_iter()
                    .find(|x| x.amends == Some(id) && x.status == DecisionStatus::Issued)
                {
                    return Err(StoreError::Conflict(format!(
                        "Quyết định số {} đã được {} bởi Quyết định số {}; hãy sửa đổi quyết định mới nhất.",
                        old.number,
                        if later.cancels {
                            "hủy bỏ"
                        } else {
                            "sửa đổi"
                        },
                        later.number
                    )));
                }
                let mut d = old.clone();
                d.id = 0;
                d.number.clear();
                d.issued_on = None;
                d.status = DecisionStatus::Draft;
                d.subject_line = format!("Về việc sửa đổi Quyết định số {}", old.number);
                d.amends = Some(id);
                d.cancels = false;
                let d = self.with_amounts(d, self.vm.today)?;
                let new = self.store.save_decision_draft(&d)?;
                self.reload_current_decisions()?;
                self.ui.decisions.saved(new);
                self.notify(
                    Level::Info,
                    format!(
                        "Đã tạo dự thảo quyết định sửa đổi với {} đối tượng của Quyết định số {}; bỏ chọn hoặc thêm người rồi ban hành.",
                        d.entries.len(),
                        old.number
                    ),
                );
            }
            DecisionIntent::Cancel(id) => {
                let old = self.store.decision(id)?;
                let mut d = Decision::draft(
                    old.year,
                    &format!("Về việc hủy bỏ Quyết định số {}", old.number),
                    &self.vm.org.director,
                );
                d.amends = Some(id);
                d.cancels = true;
                let new = self.store.save_decision_draft(&d)?;
                self.reload_current_decisions()?;
                self.ui.decisions.saved(new);
                self.notify(
                    Level::Info,
                    "Đã tạo dự thảo quyết định hủy bỏ; hãy kiểm tra rồi ban hành.",
                );
            }
            i @ (DecisionIntent::Certificates { .. }
            | DecisionIntent::CalibrationGrid
            | DecisionIntent::SaveBlankLayout(_)
            | DecisionIntent::TestBlank(_)) => self.apply_certificate(i)?,
            DecisionIntent::ExportList(id) => {
                let d = self.store.decision(id)?;
                let paper = crate::docs::decision_data::paper(&self.store, &d)?;
                let files = self.files.clone();
                let name = format!(
                    "danh-sach-{}.xlsx",
                    crate::domain::text::slug(&d.subject_line)
                );
                self.jobs.spawn("Xuất danh sách Excel", move |_| {
                    let Some(path) = files.pick_save(
                        "Xuất danh sách kèm theo quyết định",
                        &name,
                        "Tệp Excel",
                        &["xlsx"],
                    ) else {
                        return Ok(super::jobs::JobDone::Cancelled);
                    };
                    crate::exchange::decision_list::export_decision_list(&path, &paper)
                        .map_err(|e| e.to_string())?;
                    Ok(super::jobs::JobDone::Value(super::JobOutput::Done {
                        message: format!("Đã xuất danh sách ra {}.", path.display()),
                        reload: false,
                    }))
                });
            }
            DecisionIntent::Document { id, action } => {
                let d = self.store.decision(id)?;
                let (laid_out, stem) = decision_document(&self.store, &d)?;
                let files = self.files.clone();
                self.spawn_document(
                    "Tạo quyết định".into(),
                    stem,
                    action,
                    files,
                    move || laid_out,
                );
            }
        }
        Ok(())
    }
}
