//! Official documents from the window: the plan intents, and generating a PDF on a worker
//! thread, then previewing, saving or printing it.

use std::sync::Arc;

use super::jobs::{FilePicker, JobDone};
use super::{JobOutput, ThiduaApp};
use crate::docs;
use crate::domain::plan::Plan;
use crate::domain::text::slug;
use crate::platform::{files, paths};
use crate::store::StoreError;
use crate::ui::{DocumentAction, Intent, Level};

impl ThiduaApp {
    pub(super) fn apply_plans(&mut self, intent: Intent) -> Result<(), StoreError> {
        match intent {
            Intent::SavePlanDraft { id, amends, plan } => {
                let json = serde_json::to_string(&*plan)
                    .map_err(|e| StoreError::Conflict(e.to_string()))?;
                let saved =
                    self.store
                        .save_plan_draft(plan.year, id.unwrap_or(0), amends, &json)?;
                self.reload_plans()?;
                self.ui.plans.plan_saved(saved);
                self.notify(
                    Level::Success,
                    format!("Đã lưu dự thảo kế hoạch năm {}.", plan.year),
                );
            }
            Intent::IssuePlan { id, number, date } => {
                let record = self.store.plan(id)?;
                let mut plan: Plan = serde_json::from_str(&record.data)
                    .map_err(|e| StoreError::Conflict(e.to_string()))?;
                plan.number = Some(number);
                plan.issued_on = Some(date);
                let json = serde_json::to_string(&plan)
                    .map_err(|e| StoreError::Conflict(e.to_string()))?;
                self.store
                    .issue_plan(id, number, date, &plan.subtitle, &json)?;
                self.reload_plans()?;
                self.ui.plans.issue_number.clear();
                self.notify(
                    Level::Success,
                    format!(
                        "Đã ban hành Kế hoạch số {number}/KH-{} năm {}.",
                        self.vm.org.abbreviation, plan.year
                    ),
                );
            }
            Intent::DeletePlanDraft(id) => {
                self.store.delete_plan_draft(id)?;
                self.reload_plans()?;
                self.ui.plans.selected = None;
                self.notify(Level::Success, "Đã xóa bản dự thảo.");
            }
            Intent::PlanDocument { plan, action } => {
                let org = self.vm.org.clone();
                let stem = match plan.number {
                    Some(n) => format!("KH-{n}-{}-{}", plan.year, slug(&plan.subtitle)),
                    None => format!("KH-du-thao-{}-{}", plan.year, slug(&plan.subtitle)),
                };
                let files = self.files.clone();
                self.spawn_document(
                    format!("Tạo kế hoạch năm {}", plan.year),
                    stem,
                    action,
                    files,
                    move || docs::plan::plan_document(&plan, &org),
                );
            }
            _ => {}
        }
        Ok(())
    }

    /// Lay out and render a document off the UI thread, then preview, save or print it.
    /// Every PDF also stays in the documents folder under a name that never overwrites.
    pub(super) fn spawn_document(
        &mut self,
        label: String,
        stem: String,
        action: DocumentAction,
        files_picker: Arc<dyn FilePicker>,
        layout: impl FnOnce() -> docs::LaidOut + Send + 'static,
    ) {
        self.jobs.spawn(label, move |progress| {
            let target = match action {
                DocumentAction::SaveAs => match files_picker.pick_save(
                    "Lưu văn bản PDF",
                    &format!("{stem}.pdf"),
                    "Tệp PDF",
                    &["pdf"],
                ) {
                    Some(p) => p,
                    None => return Ok(JobDone::Cancelled),
                },
                _ => paths::unused_file_name(&paths::documents_folder(), &stem, "pdf"),
            };
            let doc = layout();
            let bytes =
                docs::render(&doc, &mut |d, t| progress.set(d, t)).map_err(|e| e.to_string())?;
            docs::write(&bytes, &target).map_err(|e| e.to_string())?;
            let shown = target.display();
            let message = match action {
                DocumentAction::Preview => match files::open(&target) {
                    Ok(()) => format!("Đã mở {shown}."),
                    Err(e) => format!("Đã tạo {shown}. {e}"),
                },
                DocumentAction::Print => match files::print(&target) {
                    Ok(()) => format!("Đã gửi {shown} tới máy in."),
                    Err(e) => format!("Đã tạo {shown}. {e}"),
                },
                DocumentAction::SaveAs => format!("Đã lưu {shown} ({} trang).", doc.pages.len()),
            };
            Ok(JobDone::Value(JobOutput::Done {
                message,
                reload: false,
            }))
        });
    }
}
