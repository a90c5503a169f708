//! Cụm, khối thi đua: units grouped to sign a covenant (giao ước thi đua), recorded with
//! the year's plan and printed.

use std::collections::BTreeSet;

use egui::{RichText, Ui};

use super::fonts::bold;
use super::intent::Intent;
use super::registration_view::{RegistrationDoc, RegistrationIntent, RegistrationsView};
use super::registrations::{RegistrationsScreen, intent};
use super::view_model::ViewModel;
use super::widgets::ERROR_COLOR;
use crate::domain::model::UnitId;
use crate::domain::registration::Cluster;
use crate::domain::validate::{format_date, parse_date};

/// A cluster as typed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ClusterForm {
    pub id: i64,
    pub name: String,
    pub date: String,
    pub content: String,
    pub members: BTreeSet<UnitId>,
    pub dirty: bool,
}

impl ClusterForm {
    fn from_cluster(c: &Cluster) -> Self {
        Self {
            id: c.id,
            name: c.name.clone(),
            date: c.covenant_date.map(format_date).unwrap_or_default(),
            content: c.covenant_content.clone(),
            members: c.members.iter().copied().collect(),
            dirty: false,
        }
    }

    /// The cluster, or what is wrong with the date.
    fn to_cluster(&self, year: i32, unit_order: &[UnitId]) -> Result<Cluster, String> {
        let date = parse_date(&self.date).map_err(|e| format!("Ngày ký giao ước: {e}"))?;
        Ok(Cluster {
            id: self.id,
            year,
            name: self.name.clone(),
            members: unit_order
                .iter()
                .copied()
                .filter(|u| self.members.contains(u))
                .collect(),
            covenant_date: date,
            covenant_content: self.content.clone(),
        })
    }
}

impl RegistrationsScreen {
    pub(super) fn clusters(
        &mut self,
        ui: &mut Ui,
        vm: &ViewModel,
        view: &RegistrationsView,
        intents: &mut Vec<Intent>,
    ) {
        ui.horizontal(|ui| {
            if ui.button("Thêm cụm, khối thi đua").clicked() {
                self.cluster_form = Some(ClusterForm::default());
            }
        });
        for c in &view.clusters {
            ui.horizontal(|ui| {
                ui.label(bold(&c.name));
                let names: Vec<&str> = c.members.iter().map(|u| vm.unit_name(*u)).collect();
                ui.label(format!("({} đơn vị: {})", names.len(), names.join(", ")));
                if ui.button(format!("Sửa {}", c.name)).clicked() {
                    self.cluster_form = Some(ClusterForm::from_cluster(c));
                }
                let label = format!("In giao ước {}", c.name);
                if let Some(action) = super::widgets::document_menu(ui, &label, true) {
                    intents.push(intent(RegistrationIntent::Document {
                        year: view.year,
                        doc: RegistrationDoc::Covenant(c.id),
                        action,
                    }));
                }
            });
        }
        if view.clusters.is_empty() {
            ui.label(format!("Năm {} chưa có cụm, khối thi đua nào.", view.year));
        }
        ui.separator();
        let Some(form) = self.cluster_form.as_mut() else {
            return;
        };
        let mut changed = false;
        egui::Grid::new("cluster-form")
            .num_columns(2)
            .show(ui, |ui| {
                let label = ui.label("Tên cụm, khối:");
                changed |= ui
                    .text_edit_singleline(&mut form.name)
                    .labelled_by(label.id)
                    .changed();
                ui.end_row();
                let label = ui.label("Ngày ký giao ước:");
                changed |= ui
                    .add(egui::TextEdit::singleline(&mut form.date).hint_text("dd/mm/yyyy"))
                    .labelled_by(label.id)
                    .changed();
                ui.end_row();
                let label = ui.label("Nội dung giao ước (mỗi dòng một nội dung):");
                changed |= ui
                    .add(
                        egui::TextEdit::multiline(&mut form.content)
                            .desired_rows(4)
                            .desired_width(480.0),
                    )
                    .labelled_by(label.id)
                    .changed();
                ui.end_row();
            });
        ui.label(bold("Các đơn vị thành viên:"));
        ui.horizontal_wrapped(|ui| {
            for line in &view.units {
                let mut member = form.members.contains(&line.unit.id);
                if ui.checkbox(&mut member, &line.unit.name).changed() {
                    changed = true;
                    if member {
                        form.members.insert(line.unit.id);
                    } else {
                        form.members.remove(&line.unit.id);
                    }
                }
            }
        });
        form.dirty |= changed;
        let order: Vec<UnitId> = view.units.iter().map(|l| l.unit.id).collect();
        let result = form.to_cluster(view.year, &order);
        if let Err(e) = &result {
            ui.label(RichText::new(e).color(ERROR_COLOR));
        }
        let mut cancel = false;
        ui.horizontal(|ui| {
            if ui
                .add_enabled(result.is_ok(), egui::Button::new(bold("Lưu cụm, khối")))
                .clicked()
                && let Ok(c) = result
            {
                intents.push(intent(RegistrationIntent::SaveCluster(c)));
            }
            if form.id != 0 && ui.button("Xóa cụm, khối").clicked() {
                intents.push(intent(RegistrationIntent::DeleteCluster(form.id)));
            }
            cancel = ui.button("Hủy").clicked();
        });
        if cancel {
            self.cluster_form = None;
        }
    }
}
