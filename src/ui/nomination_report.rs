//! The written parts of a nomination's achievement report, edited beside the nomination.

use egui::Ui;

use super::intent::Intent;
use super::nomination_view::{NominationIntent, NominationLine};
use super::nominations::NominationsScreen;
use crate::domain::achievement::ReportText;
use crate::domain::model::Subject;

impl NominationsScreen {
    pub(super) fn report_editor(
        &mut self,
        ui: &mut Ui,
        line: &NominationLine,
        intents: &mut Vec<Intent>,
    ) {
        let n = &line.nomination;
        egui::CollapsingHeader::new("Báo cáo thành tích")
            .id_salt(("report", n.id))
            .show(ui, |ui| {
                let mut report = self.report.clone().unwrap_or_else(|| n.report.clone());
                let mut changed = false;
                let person = matches!(n.subject, Subject::Person(_));
                let mut field = |ui: &mut Ui, label: &str, value: &mut String, multiline: bool| {
                    let l = ui.label(label);
                    let edit = if multiline {
                        egui::TextEdit::multiline(value).desired_rows(4)
                    } else {
                        egui::TextEdit::singleline(value)
                    };
                    changed |= ui
                        .add(edit.desired_width(f32::INFINITY))
                        .labelled_by(l.id)
                        .changed();
                };
                if person {
                    let ReportText {
                        ethnicity,
                        religion,
                        hometown,
                        residence,
                        political_theory,
                        qualification,
                        degrees,
                        ..
                    } = &mut report;
                    field(ui, "Dân tộc:", ethnicity, false);
                    field(ui, "Tôn giáo:", religion, false);
                    field(ui, "Quê quán:", hometown, false);
                    field(ui, "Nơi thường trú:", residence, false);
                    field(ui, "Trình độ lý luận chính trị:", political_theory, false);
                    field(ui, "Trình độ chuyên môn, nghiệp vụ:", qualification, false);
                    field(
                        ui,
                        "Học hàm, học vị, danh hiệu, giải thưởng:",
                        degrees,
                        false,
                    );
                } else {
                    field(ui, "Đặc điểm, tình hình:", &mut report.situation, true);
                }
                field(
                    ui,
                    "Quyền hạn, nhiệm vụ (chức năng, nhiệm vụ):",
                    &mut report.duties,
                    true,
                );
                field(
                    ui,
                    "Thành tích đạt được (mỗi đoạn một dòng):",
                    &mut report.results,
                    true,
                );
                if changed {
                    self.report = Some(report.clone());
                }
                ui.horizontal(|ui| {
                    if ui
                        .add_enabled(self.report.is_some(), egui::Button::new("Lưu báo cáo"))
                        .clicked()
                    {
                        intents.push(Intent::Nomination(NominationIntent::SaveReport {
                            id: n.id,
                            report,
                        }));
                    }
                    if let Some(action) =
                        super::widgets::document_menu(ui, "In báo cáo thành tích", true)
                    {
                        intents.push(Intent::Nomination(NominationIntent::Report {
                            id: n.id,
                            action,
                        }));
                    }
                });
            });
    }
}
