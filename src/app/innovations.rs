//! Innovations from the window: the year's view and the screen's intents.

use std::collections::BTreeMap;

use super::ThiduaApp;
use crate::docs::innovation_data::{
    SCORING_SHEET, council_key, innovation_council, innovation_document, scoring_sheet,
};
use crate::domain::innovation::{InnovationStatus, innovation_deadline};
use crate::domain::model::UnitId;
use crate::domain::plan::format_percent;
use crate::domain::text::fold;
use crate::store::StoreError;
use crate::ui::Level;
use crate::ui::innovation_view::{InnovationIntent, InnovationLine, InnovationsView};

impl ThiduaApp {
    pub(crate) fn reload_innovations(&mut self, year: i32) -> Result<(), StoreError> {
        let sheet = scoring_sheet(&self.store)?;
        let deadline = self
            .store
            .plan_for_year(year)?
            .and_then(|r| serde_json::from_str::<crate::domain::plan::Plan>(&r.data).ok())
            .as_ref()
            .and_then(innovation_deadline);
        let today = self.vm.today;
        let people = self.store.people()?;
        let proposals = self.store.province_proposals(year)?;
        let mut staff_units: BTreeMap<String, Vec<UnitId>> = BTreeMap::new();
        for r in people.iter().filter(|r| r.person.active) {
            staff_units
                .entry(fold(&r.person.full_name))
                .or_default()
                .push(r.person.unit_id);
        }
        let mut lines = Vec::new();
        for i in self.store.innovations(year)? {
            let scores = self.store.innovation_scores(i.id)?;
            let result = (!scores.is_empty())
                .then(|| sheet.score(&scores).ok().map(|r| r.text()))
                .flatten();
            lines.push(InnovationLine {
                authors: i
                    .authors
                    .iter()
                    .map(|a| format!("{} ({})", a.name, format_percent(a.share)))
                    .collect::<Vec<_>>()
                    .join(", "),
                units: i
                    .authors
                    .iter()
                    .filter_map(|a| a.person)
                    .filter_map(|p| people.iter().find(|r| r.person.id == p))
                    .map(|r| (r.person.unit_id, r.unit_name.clone()))
                    .collect(),
                proposal: proposals.iter().find(|p| p.innovation == i.id).cloned(),
                review: i.review_text(today),
                overdue: i.is_overdue(today),
                late: i.is_late_for(deadline),
                scores,
                result,
                innovation: i,
            });
        }
        self.vm.innovations = Some(InnovationsView {
            year,
            deadline,
            lines,
            sheet,
            council: innovation_council(&self.store, year)?,
            meetings: self.store.innovation_meetings(year)?,
            staff_units,
        });
        Ok(())
    }

    fn reload_current_innovations(&mut self) -> Result<(), StoreError> {
        let year = self.ui.innovations.year(self.vm.today);
        self.reload_innovations(year)
    }

    pub(super) fn apply_innovation(&mut self, intent: InnovationIntent) -> Result<(), StoreError> {
        match intent {
            InnovationIntent::SelectYear(year) => {
                self.ui.innovations.set_year(year);
                self.reload_innovations(year)?;
            }
            InnovationIntent::Save(i) => {
                let id = self.store.save_innovation(&i)?;
                self.reload_current_innovations()?;
                self.ui.innovations.saved(id);
                self.notify(Level::Success, format!("Đã lưu đơn «{}».", i.name.trim()));
            }
            InnovationIntent::StartReview(id) => {
                let mut i = self.store.innovation(id)?;
                i.status = InnovationStatus::Reviewing;
                self.store.save_innovation(&i)?;
                self.reload_current_innovations()?;
                self.notify(Level::Success, "Đơn đã chuyển sang đang xét.");
            }
            InnovationIntent::Recognise {
                id,
                level,
                number,
                date,
            } => {
                self.store.recognise_innovation(id, level, &number, date)?;
                self.reload_current_innovations()?;
                self.ui.innovations.saved(id);
                self.notify(
                    Level::Success,
                    format!(
                        "Đã công nhận sáng kiến {} theo Quyết định số {}.",
                        level.label().to_lowercase(),
                        number.trim()
                    ),
                );
            }
            InnovationIntent::Reject { id, reasons } => {
                self.store.reject_innovation(id, &reasons)?;
                self.reload_current_innovations()?;
                self.ui.innovations.saved(id);
                self.notify(Level::Success, "Đã ghi không công nhận và lý do.");
            }
            InnovationIntent::Delete(id) => {
                self.store.delete_innovation(id)?;
                self.reload_current_innovations()?;
                self.ui.innovations.discard_forms();
                self.notify(Level::Success, "Đã xóa đơn.");
            }
            InnovationIntent::IssueDecision { year, date } => {
                let sheet = scoring_sheet(&self.store)?;
                let mut ids = Vec::new();
                for i in self
                    .store
                    .innovations(year)?
                    .into_iter()
                    .filter(|i| i.is_open())
                {
                    let scores = self.store.innovation_scores(i.id)?;
                    if sheet.score(&scores).is_ok_and(|r| r.passes) {
                        ids.push(i.id);
                    }
                }
                let abbreviation = self.vm.org.abbreviation.clone();
                let number = self.store.issue_recognition_decision(
                    year,
                    &ids,
                    crate::domain::innovation::InnovationLevel::Grassroots,
                    date,
                    &abbreviation,
                )?;
                self.reload_current_innovations()?;
                self.notify(
                    Level::Success,
                    format!(
                        "Đã ban hành Quyết định số {number} công nhận {} sáng kiến cấp cơ sở.",
                        ids.len()
                    ),
                );
            }
            InnovationIntent::SaveCouncil { year, members } => {
                let members: Vec<_> = members
                    .into_iter()
                    .filter(|m| !m.name.trim().is_empty())
                    .collect();
                self.store.set_setting(&council_key(year), &members)?;
                self.reload_current_innovations()?;
                self.ui.innovations.settings_saved();
                self.notify(
                    Level::Success,
                    format!(
                        "Đã lưu Hội đồng sáng kiến năm {year} ({} thành viên).",
                        members.len()
                    ),
                );
            }
            InnovationIntent::SaveSheet(sheet) => {
                if let Some(problem) = sheet.problem() {
                    return Err(StoreError::Conflict(problem));
                }
                self.store.set_setting(SCORING_SHEET, &sheet)?;
                self.reload_current_innovations()?;
                self.ui.innovations.settings_saved();
                self.notify(Level::Success, "Đã lưu phiếu chấm điểm sáng kiến.");
            }
            InnovationIntent::SaveScores { id, scores } => {
                let sheet = scoring_sheet(&self.store)?;
                self.store.save_innovation_scores(id, &scores, &sheet)?;
                self.reload_current_innovations()?;
                self.ui.innovations.saved(id);
                let text = sheet.score(&scores).map(|r| r.text()).unwrap_or_default();
                self.notify(Level::Success, format!("Đã lưu điểm. {text}"));
            }
            InnovationIntent::SaveMeeting(m) => {
                self.store.save_innovation_meeting(&m)?;
                self.reload_current_innovations()?;
                self.ui.innovations.meeting_saved();
                self.notify(
                    Level::Success,
                    format!(
                        "Đã lưu cuộc họp ngày {} ({} sáng kiến).",
                        m.held_on.format("%d/%m/%Y"),
                        m.innovations.len()
                    ),
                );
            }
            InnovationIntent::DeleteMeeting(id) => {
                self.store.delete_innovation_meeting(id)?;
                self.reload_current_innovations()?;
                self.ui.innovations.meeting_saved();
                self.notify(Level::Success, "Đã xóa cuộc họp.");
            }
            InnovationIntent::ProposeToProvince { id, proposed } => {
                self.store.set_province_proposal(id, proposed)?;
                self.reload_current_innovations()?;
                self.notify(
                    Level::Success,
                    if proposed {
                        "Đã đưa sáng kiến vào danh sách đề nghị công nhận cấp tỉnh."
                    } else {
                        "Đã bỏ sáng kiến khỏi danh sách đề nghị cấp tỉnh."
                    },
                );
            }
            InnovationIntent::IssueProvinceProposal { year, date } => {
                let number = self.store.issue_province_proposal(year, date)?;
                self.reload_current_innovations()?;
                self.notify(
                    Level::Success,
                    format!(
                        "Đã lấy số Tờ trình {number}/TTr-{} đề nghị công nhận sáng kiến cấp tỉnh.",
                        self.vm.org.abbreviation
                    ),
                );
            }
            InnovationIntent::RecordHigher { id, recognition } => {
                let text = format!(
                    "Đã ghi nhận công nhận {} theo Quyết định số {} của {}.",
                    recognition.level.label().to_lowercase(),
                    recognition.number.trim(),
                    recognition.issuer.trim()
                );
                self.store.record_higher_recognition(id, recognition)?;
                self.reload_current_innovations()?;
                self.ui.innovations.saved(id);
                self.notify(Level::Success, text);
            }
            InnovationIntent::Correct { innovation, date } => {
                let abbreviation = self.vm.org.abbreviation.clone();
                let number = self
                    .store
                    .correct_recognition(&innovation, date, &abbreviation)?;
                self.reload_current_innovations()?;
                self.ui.innovations.saved(innovation.id);
                self.notify(
                    Level::Success,
                    format!(
                        "Đã ban hành Quyết định số {number} sửa đổi việc công nhận sáng kiến «{}»; quyết định cũ được giữ trong nhật ký thay đổi.",
                        innovation.name.trim()
                    ),
                );
            }
            InnovationIntent::Document { year, doc, action } => {
                let (laid_out, stem) = innovation_document(&self.store, year, doc)?;
                let files = self.files.clone();
                self.spawn_document(
                    "Tạo văn bản sáng kiến".into(),
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
