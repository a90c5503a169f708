//! The selected nomination beside the list: its reasons, proposing unit, achievement text
//! and rating, the innovations it may rest on, and its achievement report.

use egui::{RichText, Ui};

use super::fonts::bold;
use super::intent::Intent;
use super::nomination_view::{NominationIntent, NominationLine};
use super::nominations::{NominationsScreen, intent, level_color};
use super::view_model::ViewModel;
use crate::domain::model::Rating;
use crate::domain::nomination::NominationStatus;

impl NominationsScreen {
    pub(super) fn detail(
        &mut self,
        ui: &mut Ui,
        vm: &ViewModel,
        line: &NominationLine,
        intents: &mut Vec<Intent>,
    ) {
        let n = &line.nomination;
        ui.heading(&line.name);
        ui.label(&line.position_unit);
        ui.label(bold(format!("{} năm {}", line.title, n.year)));
        ui.label(format!("Trạng thái: {}", n.status.label()));
        proposing_unit(ui, vm, line, intents);
        if !n.override_reason.is_empty() {
            ui.label(format!("Lý do vẫn trình: {}", n.override_reason));
        }
        if let (Some(v), Some(o)) = (n.votes, n.outcome) {
            ui.label(format!(
                "Hội đồng: {} đồng ý, {} không đồng ý — {}",
                v.agree,
                v.disagree,
                o.label()
            ));
        }
        ui.separator();
        ui.label(bold("Điều kiện theo quy định"));
        for (level, text) in &line.verdict.reasons {
            ui.label(RichText::new(text).color(level_color(*level, ui)));
        }
        ui.separator();
        let (mut text, mut rating) = self
            .editing
            .clone()
            .unwrap_or_else(|| (n.achievement.clone(), n.rating));
        let label = ui.label("Thành tích tóm tắt:");
        let mut changed = ui
            .add(
                egui::TextEdit::multiline(&mut text)
                    .desired_rows(4)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id)
            .changed();
        let label = ui.label("Xếp loại năm:");
        egui::ComboBox::from_id_salt("nomination-rating")
            .selected_text(rating.map_or("— chưa có —", |r| r.label()))
            .show_ui(ui, |ui| {
                for r in Rating::ALL {
                    changed |= ui
                        .selectable_value(&mut rating, Some(*r), r.label())
                        .changed();
                }
            })
            .response
            .labelled_by(label.id);
        if changed {
            self.editing = Some((text.clone(), rating));
        }
        ui.horizontal(|ui| {
            if ui
                .add_enabled(self.editing.is_some(), egui::Button::new("Lưu thành tích"))
                .clicked()
                || (self.editing.is_some() && super::widgets::save_shortcut(ui.ctx()))
            {
                intents.push(intent(NominationIntent::UpdateText {
                    id: n.id,
                    achievement: text,
                    rating,
                }));
            }
            if n.status == NominationStatus::ToCouncil
                && n.meeting.is_none()
                && ui.button("Rút về nháp").clicked()
            {
                intents.push(intent(NominationIntent::BackToDraft(n.id)));
            }
            if n.status == NominationStatus::Draft && ui.button("Xóa đề nghị nháp").clicked()
            {
                intents.push(intent(NominationIntent::Delete(n.id)));
            }
        });
        if !line.innovations.is_empty() {
            ui.separator();
            ui.label(bold("Sáng kiến, đề tài được công nhận"));
            for (innovation, text, used) in &line.innovations {
                ui.horizontal_wrapped(|ui| {
                    ui.label(text);
                    match used {
                        Some(u) => {
                            ui.label(RichText::new(u).italics());
                        }
                        None => {
                            if ui.button(format!("Dùng làm căn cứ: {text}")).clicked() {
                                intents.push(intent(NominationIntent::UseInnovation {
                                    id: n.id,
                                    innovation: *innovation,
                                }));
                            }
                        }
                    }
                });
            }
        }
        self.report_editor(ui, line, intents);
    }
}

/// The proposing unit, which the clerk may change until the nomination is decided.
fn proposing_unit(ui: &mut Ui, vm: &ViewModel, line: &NominationLine, intents: &mut Vec<Intent>) {
    let n = &line.nomination;
    let open = !matches!(
        n.status,
        NominationStatus::Decided | NominationStatus::Submitted
    );
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Đơn vị đề nghị:");
        let mut chosen = n.proposing_unit;
        ui.add_enabled_ui(open, |ui| {
            egui::ComboBox::from_id_salt("nomination-proposing-unit")
                .selected_text(&line.proposing_unit)
                .width(220.0)
                .show_ui(ui, |ui| {
                    for u in vm.units.iter().filter(|u| u.active) {
                        ui.selectable_value(&mut chosen, u.id, &u.name);
                    }
                })
                .response
                .labelled_by(label.id);
        });
        if chosen != n.proposing_unit {
            intents.push(intent(NominationIntent::SetProposingUnit {
                id: n.id,
                unit: chosen,
            }));
        }
    });
}
