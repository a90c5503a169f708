//! The innovation council's meetings (the date and which innovations each one scores, so
//! the blank sheets carry exactly those) and the tờ trình proposing innovations to the
//! province.

use chrono::NaiveDate;
use egui::{RichText, Ui};

use super::fonts::bold;
use super::innovation_view::{InnovationDoc, InnovationIntent, InnovationsView};
use super::innovations::InnovationsScreen;
use super::intent::{DocumentAction, Intent};
use super::widgets::{ERROR_COLOR, date_field};
use crate::domain::innovation::{InnovationId, InnovationLevel, InnovationStatus};
use crate::domain::innovation_council::{InnovationMeeting, InnovationMeetingId};
use crate::domain::validate::parse_date;

/// A meeting being set up.
#[derive(Debug, Clone, Default)]
pub struct MeetingForm {
    pub id: InnovationMeetingId,
    pub date: String,
    pub place: String,
    pub chosen: Vec<InnovationId>,
}

impl MeetingForm {
    /// A new meeting with every application still under review on its agenda.
    fn new(view: &InnovationsView) -> Self {
        MeetingForm {
            chosen: view
                .lines
                .iter()
                .filter(|l| l.innovation.is_open())
                .map(|l| l.innovation.id)
                .collect(),
            ..Default::default()
        }
    }

    fn of(m: &InnovationMeeting) -> Self {
        MeetingForm {
            id: m.id,
            date: m.held_on.format("%d/%m/%Y").to_string(),
            place: m.place.clone(),
            chosen: m.innovations.clone(),
        }
    }

    fn to_meeting(&self, year: i32) -> Result<InnovationMeeting, String> {
        let held_on: NaiveDate = parse_date(&self.date)
            .map_err(|e| e.to_string())?
            .ok_or("Hãy nhập ngày họp (dd/mm/yyyy).")?;
        let m = InnovationMeeting {
            id: self.id,
            year,
            held_on,
            place: self.place.trim().to_owned(),
            innovations: self.chosen.clone(),
        };
        match m.problem() {
            Some(p) => Err(p),
            None => Ok(m),
        }
    }
}

fn print(year: i32, doc: InnovationDoc, action: DocumentAction) -> Intent {
    Intent::Innovation(InnovationIntent::Document { year, doc, action })
}

impl InnovationsScreen {
    pub(super) fn meetings(
        &mut self,
        ui: &mut Ui,
        view: &InnovationsView,
        intents: &mut Vec<Intent>,
    ) {
        egui::CollapsingHeader::new(format!(
            "Cuộc họp chấm điểm năm {} ({} cuộc họp)",
            view.year,
            view.meetings.len()
        ))
        .id_salt("innovation-meetings")
        .show(ui, |ui| {
            for (n, m) in view.meetings.iter().enumerate() {
                ui.horizontal(|ui| {
                    ui.label(format!(
                        "Cuộc họp ngày {}{}: {} sáng kiến",
                        m.held_on.format("%d/%m/%Y"),
                        if m.place.is_empty() {
                            String::new()
                        } else {
                            format!(" tại {}", m.place)
                        },
                        m.innovations.len()
                    ));
                    let label = format!("In phiếu chấm cuộc họp {}", n + 1);
                    if let Some(action) = super::widgets::document_menu(ui, &label, true) {
                        let doc = InnovationDoc::ScoringSheets(Some(m.id));
                        intents.push(print(view.year, doc, action));
                    }
                    if ui.button(format!("Sửa cuộc họp {}", n + 1)).clicked() {
                        self.meeting = Some(MeetingForm::of(m));
                    }
                    if ui.button(format!("Xóa cuộc họp {}", n + 1)).clicked() {
                        intents.push(Intent::Innovation(InnovationIntent::DeleteMeeting(m.id)));
                    }
                });
            }
            if self.meeting.is_none() && ui.button("Thêm cuộc họp chấm điểm").clicked() {
                self.meeting = Some(MeetingForm::new(view));
            }
            let Some(form) = self.meeting.as_mut() else {
                return;
            };
            ui.separator();
            ui.horizontal(|ui| {
                date_field(ui, "Ngày họp:", &mut form.date);
                let l = ui.label("Địa điểm họp:");
                ui.add(egui::TextEdit::singleline(&mut form.place).desired_width(220.0))
                    .labelled_by(l.id);
            });
            ui.label(bold("Sáng kiến đưa ra cuộc họp:"));
            for line in view
                .lines
                .iter()
                .filter(|l| l.innovation.status != InnovationStatus::NotRecognised)
            {
                let id = line.innovation.id;
                let mut on = form.chosen.contains(&id);
                if ui
                    .checkbox(&mut on, format!("Họp xét: {}", line.innovation.name))
                    .changed()
                {
                    if on {
                        form.chosen.push(id);
                    } else {
                        form.chosen.retain(|c| *c != id);
                    }
                }
            }
            let ready = form.to_meeting(view.year);
            if let Err(e) = &ready {
                ui.label(RichText::new(e).color(ERROR_COLOR));
            }
            let mut cancel = false;
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(ready.is_ok(), egui::Button::new("Lưu cuộc họp"))
                    .clicked()
                    && let Ok(m) = ready
                {
                    intents.push(Intent::Innovation(InnovationIntent::SaveMeeting(m)));
                }
                cancel = ui.button("Hủy cuộc họp đang soạn").clicked();
            });
            if cancel {
                self.meeting = None;
            }
        });
    }

    /// The proposals to the province waiting for a tờ trình, its date and number.
    pub(super) fn province_proposal(
        &mut self,
        ui: &mut Ui,
        view: &InnovationsView,
        intents: &mut Vec<Intent>,
    ) {
        let proposed = view.lines.iter().filter(|l| l.proposal.is_some()).count();
        let waiting = view
            .lines
            .iter()
            .filter(|l| l.proposal.as_ref().is_some_and(|p| p.sent.is_none()))
            .count();
        let candidates = view
            .lines
            .iter()
            .filter(|l| {
                l.proposal.is_none()
                    && l.innovation.level == Some(InnovationLevel::Grassroots)
                    && view
                        .sheet
                        .score(&l.scores)
                        .is_ok_and(|r| r.proposed == Some(InnovationLevel::Province))
            })
            .count();
        ui.horizontal_wrapped(|ui| {
            ui.label(format!(
                "Đề nghị công nhận cấp tỉnh: {proposed} sáng kiến ({waiting} chưa có tờ trình)"
            ));
            if candidates > 0 {
                ui.label(
                    RichText::new(format!(
                        "{candidates} sáng kiến được Hội đồng đề nghị cấp tỉnh chưa được chọn"
                    ))
                    .italics(),
                );
            }
            let date = date_field(ui, "Ngày tờ trình:", &mut self.proposal_date);
            if ui
                .add_enabled(
                    waiting > 0 && date.is_some(),
                    egui::Button::new(format!(
                        "Lấy số tờ trình đề nghị {waiting} sáng kiến cấp tỉnh"
                    )),
                )
                .clicked()
                && let Some(date) = date
            {
                intents.push(Intent::Innovation(
                    InnovationIntent::IssueProvinceProposal {
                        year: view.year,
                        date,
                    },
                ));
            }
            if let Some(action) =
                super::widgets::document_menu(ui, "In tờ trình đề nghị cấp tỉnh", proposed > 0)
            {
                intents.push(print(view.year, InnovationDoc::ProvinceProposal, action));
            }
        });
    }
}
