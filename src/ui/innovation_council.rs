//! The innovation council of the year (its members and their roles) and the scoring sheet
//! (criteria, weights, maximum points, pass mark), both kept in settings.

use egui::{RichText, Ui};

use super::fonts::bold;
use super::innovation_view::{InnovationIntent, InnovationsView};
use super::innovations::InnovationsScreen;
use super::intent::Intent;
use super::widgets::{ERROR_COLOR, Named};
use crate::domain::council::{CouncilMember, MemberRole};
use crate::domain::innovation_scoring::Criterion;

impl InnovationsScreen {
    pub(super) fn council_and_sheet(
        &mut self,
        ui: &mut Ui,
        view: &InnovationsView,
        intents: &mut Vec<Intent>,
    ) {
        egui::CollapsingHeader::new(format!(
            "Hội đồng sáng kiến năm {} ({} thành viên)",
            view.year,
            view.council.len()
        ))
        .id_salt("innovation-council")
        .show(ui, |ui| {
            let members = self.council.get_or_insert_with(|| view.council.clone());
            let mut remove = None;
            egui::Grid::new("innovation-council-grid")
                .num_columns(3)
                .show(ui, |ui| {
                    for (n, m) in members.iter_mut().enumerate() {
                        ui.add(egui::TextEdit::singleline(&mut m.name).desired_width(200.0))
                            .named(
                                egui::Role::TextInput,
                                &format!("Thành viên Hội đồng sáng kiến {}", n + 1),
                            );
                        egui::ComboBox::from_id_salt(("innovation-council-role", n))
                            .selected_text(m.role.label())
                            .show_ui(ui, |ui| {
                                for r in MemberRole::ALL {
                                    ui.selectable_value(&mut m.role, *r, r.label());
                                }
                            })
                            .response
                            .named(
                                egui::Role::ComboBox,
                                &format!("Vai trò thành viên Hội đồng sáng kiến {}", n + 1),
                            );
                        if ui
                            .button(format!("Bỏ thành viên Hội đồng sáng kiến {}", n + 1))
                            .clicked()
                        {
                            remove = Some(n);
                        }
                        ui.end_row();
                    }
                });
            if let Some(n) = remove {
                members.remove(n);
            }
            ui.horizontal(|ui| {
                if ui.button("Thêm thành viên Hội đồng sáng kiến").clicked() {
                    members.push(CouncilMember {
                        name: String::new(),
                        position: String::new(),
                        role: MemberRole::Member,
                        present: true,
                    });
                }
                if ui.button("Lưu Hội đồng sáng kiến").clicked() {
                    intents.push(Intent::Innovation(InnovationIntent::SaveCouncil {
                        year: view.year,
                        members: members.clone(),
                    }));
                }
            });
        });
        egui::CollapsingHeader::new("Phiếu chấm điểm (tiêu chí, trọng số, điểm đạt)")
            .id_salt("innovation-sheet")
            .show(ui, |ui| {
                let sheet = self.sheet.get_or_insert_with(|| view.sheet.clone());
                let mut remove = None;
                egui::Grid::new("innovation-sheet-grid")
                    .num_columns(4)
                    .show(ui, |ui| {
                        ui.label(bold("Tiêu chí"));
                        ui.label(bold("Trọng số"));
                        ui.label(bold("Điểm tối đa"));
                        ui.end_row();
                        for (n, c) in sheet.criteria.iter_mut().enumerate() {
                            ui.add(egui::TextEdit::singleline(&mut c.name).desired_width(200.0))
                                .named(egui::Role::TextInput, &format!("Tên tiêu chí {}", n + 1));
                            ui.add(
                                egui::DragValue::new(&mut c.weight)
                                    .speed(0.05)
                                    .range(0.0..=100.0),
                            )
                            .named(
                                egui::Role::SpinButton,
                                &format!("Trọng số tiêu chí {}", n + 1),
                            );
                            ui.add(egui::DragValue::new(&mut c.max_points).range(0.0..=1000.0))
                                .named(
                                    egui::Role::SpinButton,
                                    &format!("Điểm tối đa tiêu chí {}", n + 1),
                                );
                            if ui.button(format!("Bỏ tiêu chí {}", n + 1)).clicked() {
                                remove = Some(n);
                            }
                            ui.end_row();
                        }
                    });
                if let Some(n) = remove {
                    sheet.criteria.remove(n);
                }
                ui.horizontal(|ui| {
                    let l = ui.label("Điểm đạt (thang 100):");
                    ui.add(egui::DragValue::new(&mut sheet.pass_mark).range(0.0..=100.0))
                        .labelled_by(l.id);
                    let l = ui.label("Đề nghị cấp tỉnh từ:");
                    ui.add(egui::DragValue::new(&mut sheet.province_mark).range(0.0..=100.0))
                        .labelled_by(l.id);
                    if ui.button("Thêm tiêu chí").clicked() {
                        sheet.criteria.push(Criterion {
                            name: String::new(),
                            weight: 1.0,
                            max_points: 100.0,
                        });
                    }
                });
                let problem = sheet.problem();
                if let Some(p) = &problem {
                    ui.label(RichText::new(p).color(ERROR_COLOR));
                }
                if ui
                    .add_enabled(problem.is_none(), egui::Button::new("Lưu phiếu chấm điểm"))
                    .clicked()
                {
                    intents.push(Intent::Innovation(InnovationIntent::SaveSheet(
                        sheet.clone(),
                    )));
                }
            });
    }
}
