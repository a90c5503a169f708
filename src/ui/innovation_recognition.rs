//! The outcome of an application: recognition by a numbered decision or refusal with
//! reasons; once recognised, its proposal to the province, the recognition that comes back
//! from above, and corrections by a new decision numbered from the register.

use egui::{RichText, Ui};

use super::fonts::bold;
use super::innovation_form::InnovationForm;
use super::innovation_view::{InnovationDoc, InnovationIntent, InnovationLine};
use super::innovations::InnovationsScreen;
use super::intent::Intent;
use crate::domain::innovation::{InnovationLevel, InnovationStatus, Recognition};
use crate::domain::validate::parse_date;

fn intent(i: InnovationIntent) -> Intent {
    Intent::Innovation(i)
}

/// A recognition from above being recorded.
#[derive(Debug, Clone, Default)]
pub struct HigherForm {
    pub level: Option<InnovationLevel>,
    pub number: String,
    pub date: String,
    pub issuer: String,
}

impl InnovationsScreen {
    pub(super) fn decide(&mut self, ui: &mut Ui, line: &InnovationLine, intents: &mut Vec<Intent>) {
        if line.innovation.status == InnovationStatus::Recognised {
            self.recognised(ui, line, intents);
        } else {
            self.outcome(ui, line, intents);
        }
    }

    fn outcome(&mut self, ui: &mut Ui, line: &InnovationLine, intents: &mut Vec<Intent>) {
        let i = &line.innovation;
        ui.label(bold("Kết quả xét"));
        egui::Grid::new("innovation-decide")
            .num_columns(2)
            .show(ui, |ui| {
                let l = ui.label("Cấp công nhận:");
                egui::ComboBox::from_id_salt("innovation-level")
                    .selected_text(self.level.map_or("— chọn —", |l| l.label()))
                    .show_ui(ui, |ui| {
                        for l in InnovationLevel::ALL {
                            ui.selectable_value(&mut self.level, Some(*l), l.label());
                        }
                    })
                    .response
                    .labelled_by(l.id);
                ui.end_row();
                let l = ui.label("Số quyết định công nhận:");
                ui.text_edit_singleline(&mut self.decision_number)
                    .labelled_by(l.id);
                ui.end_row();
                let l = ui.label("Ngày quyết định:");
                ui.text_edit_singleline(&mut self.decision_date)
                    .labelled_by(l.id);
                ui.end_row();
            });
        let date = parse_date(&self.decision_date).ok().flatten();
        let ready = self
            .level
            .zip(date)
            .filter(|_| !self.decision_number.trim().is_empty());
        if ui
            .add_enabled(ready.is_some(), egui::Button::new("Công nhận"))
            .clicked()
            && let Some((level, date)) = ready
        {
            intents.push(intent(InnovationIntent::Recognise {
                id: i.id,
                level,
                number: self.decision_number.clone(),
                date,
            }));
        }
        ui.horizontal(|ui| {
            let l = ui.label("Lý do không công nhận:");
            ui.add(egui::TextEdit::singleline(&mut self.reasons).desired_width(320.0))
                .labelled_by(l.id);
            if ui
                .add_enabled(
                    !self.reasons.trim().is_empty(),
                    egui::Button::new("Không công nhận"),
                )
                .clicked()
            {
                intents.push(intent(InnovationIntent::Reject {
                    id: i.id,
                    reasons: self.reasons.clone(),
                }));
            }
        });
    }

    fn recognised(&mut self, ui: &mut Ui, line: &InnovationLine, intents: &mut Vec<Intent>) {
        let i = &line.innovation;
        ui.label(bold("Công nhận"));
        for r in i.recognitions() {
            ui.label(format!(
                "{} theo Quyết định số {} ngày {} của {}",
                r.level.label(),
                r.number,
                r.date.format("%d/%m/%Y"),
                if r.issuer.trim().is_empty() {
                    "Giám đốc Sở"
                } else {
                    r.issuer.trim()
                }
            ));
        }
        let own = i.recognition().is_some_and(|r| r.issuer.trim().is_empty());
        ui.horizontal(|ui| {
            if let Some(r) = i.own_recognition()
                && let Some(action) =
                    super::widgets::document_menu(ui, "In quyết định công nhận sáng kiến này", true)
            {
                intents.push(intent(InnovationIntent::Document {
                    year: i.year,
                    doc: InnovationDoc::RecognitionDecision(Some(r.number)),
                    action,
                }));
            }
            if own && ui.button("Sửa đơn bằng quyết định sửa đổi").clicked() {
                self.form = Some(InnovationForm::from_innovation(i));
                self.correcting = true;
            }
        });
        match &line.proposal {
            Some(p) => {
                match p.sent {
                    Some((n, d)) => ui.label(format!(
                        "Đã đề nghị công nhận cấp tỉnh tại Tờ trình số {n}/TTr ngày {}",
                        d.format("%d/%m/%Y")
                    )),
                    None => ui.label("Đã chọn đề nghị công nhận cấp tỉnh (chưa lấy số tờ trình)."),
                };
                if p.sent.is_none() && ui.button("Bỏ đề nghị cấp tỉnh").clicked() {
                    intents.push(intent(InnovationIntent::ProposeToProvince {
                        id: i.id,
                        proposed: false,
                    }));
                }
            }
            None if i.level == Some(InnovationLevel::Grassroots)
                && ui.button("Đề nghị công nhận cấp tỉnh").clicked() =>
            {
                intents.push(intent(InnovationIntent::ProposeToProvince {
                    id: i.id,
                    proposed: true,
                }));
            }
            None => {}
        }
        if i.level == Some(InnovationLevel::National) {
            return;
        }
        ui.separator();
        ui.label(bold("Ghi nhận công nhận cấp trên (cấp tỉnh, toàn quốc)"));
        let h = &mut self.higher;
        egui::Grid::new("innovation-higher")
            .num_columns(2)
            .show(ui, |ui| {
                let l = ui.label("Cấp công nhận cấp trên:");
                egui::ComboBox::from_id_salt("innovation-higher-level")
                    .selected_text(h.level.map_or("— chọn —", |l| l.label()))
                    .show_ui(ui, |ui| {
                        for l in [InnovationLevel::Province, InnovationLevel::National] {
                            ui.selectable_value(&mut h.level, Some(l), l.label());
                        }
                    })
                    .response
                    .labelled_by(l.id);
                ui.end_row();
                for (label, text, hint) in [
                    ("Số quyết định cấp trên:", &mut h.number, "1234/QĐ-UBND"),
                    ("Ngày quyết định cấp trên:", &mut h.date, "dd/mm/yyyy"),
                    (
                        "Cơ quan ban hành:",
                        &mut h.issuer,
                        "Chủ tịch Ủy ban nhân dân tỉnh",
                    ),
                ] {
                    let l = ui.label(label);
                    ui.add(egui::TextEdit::singleline(text).hint_text(hint))
                        .labelled_by(l.id);
                    ui.end_row();
                }
            });
        let date = parse_date(&h.date).ok().flatten();
        let ready = h
            .level
            .zip(date)
            .filter(|_| !h.number.trim().is_empty() && !h.issuer.trim().is_empty());
        if ready.is_none() {
            ui.label(RichText::new("Cần cấp, số, ngày quyết định và cơ quan ban hành.").italics());
        }
        if ui
            .add_enabled(
                ready.is_some(),
                egui::Button::new("Ghi nhận công nhận cấp trên"),
            )
            .clicked()
            && let Some((level, date)) = ready
        {
            intents.push(intent(InnovationIntent::RecordHigher {
                id: i.id,
                recognition: Recognition {
                    level,
                    number: h.number.trim().to_owned(),
                    date,
                    issuer: h.issuer.trim().to_owned(),
                    replaces: String::new(),
                },
            }));
        }
    }
}
