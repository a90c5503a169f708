//! Đăng ký thi đua: the year's units with their status and counts, progress against the
//! plan's targets, the deadline, and the chosen unit's registration (in
//! `registration_unit`) or the clusters (in `registration_clusters`).

use chrono::{Datelike, NaiveDate};
use egui::{Color32, RichText, Ui};

use super::fonts::bold;
use super::intent::Intent;
use super::registration_clusters::ClusterForm;
use super::registration_view::{
    PlacedError, RegistrationDoc, RegistrationIntent, RegistrationsView,
};
use super::view_model::ViewModel;
use super::widgets::ERROR_COLOR;
use crate::domain::model::{CatalogueId, PersonId, UnitId};
use crate::domain::registration::days_left_text;
use std::collections::BTreeSet;

const MET_COLOR: Color32 = Color32::from_rgb(20, 120, 40);
const SHORT_COLOR: Color32 = Color32::from_rgb(180, 90, 0);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    Units,
    Clusters,
}

/// The screen's own state: the year, the chosen unit, ticked rows and the forms.
#[derive(Debug, Default)]
pub struct RegistrationsScreen {
    year: Option<i32>,
    pub tab: Tab,
    pub only_outstanding: bool,
    pub selected_unit: Option<UnitId>,
    /// People ticked in the staff grid.
    pub ticked: BTreeSet<PersonId>,
    /// The row the keyboard is on.
    pub cursor: usize,
    pub bulk_title: Option<CatalogueId>,
    pub sent_on: String,
    pub return_reason: String,
    /// The commitment text being edited (None: not touched).
    pub commitment: Option<String>,
    pub cluster_form: Option<ClusterForm>,
    /// The form applied to ticked rows.
    pub bulk_form: Option<CatalogueId>,
    /// The last change the store refused, shown where it was made.
    pub error: Option<PlacedError>,
}

pub(super) fn intent(i: RegistrationIntent) -> Intent {
    Intent::Registration(i)
}

impl RegistrationsScreen {
    /// The year shown: the chosen one, else the current year.
    pub fn year(&self, today: NaiveDate) -> i32 {
        self.year.unwrap_or(today.year())
    }

    pub fn set_year(&mut self, year: i32) {
        self.year = Some(year);
        self.discard_forms();
        self.selected_unit = None;
    }

    pub fn clear_selection(&mut self) {
        self.ticked.clear();
        self.error = None;
    }

    /// Show a refused change where it was made (the typed text stays as it was).
    pub fn refused(&mut self, error: PlacedError) {
        self.error = Some(error);
    }

    pub fn submission_saved(&mut self) {
        self.error = None;
        self.return_reason.clear();
        self.commitment = None;
    }

    pub fn cluster_saved(&mut self) {
        self.cluster_form = None;
    }

    pub fn is_dirty(&self) -> bool {
        self.commitment.is_some() || self.cluster_form.as_ref().is_some_and(|f| f.dirty)
    }

    pub fn discard_forms(&mut self) {
        self.commitment = None;
        self.cluster_form = None;
        self.ticked.clear();
        self.return_reason.clear();
        self.error = None;
    }

    pub fn show(&mut self, ui: &mut Ui, vm: &ViewModel, intents: &mut Vec<Intent>) {
        let Some(view) = vm.registrations.as_ref() else {
            ui.label("Đang tải đăng ký thi đua…");
            return;
        };
        self.top_bar(ui, vm, view, intents);
        ui.separator();
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.tab, Tab::Units, bold("Đơn vị và cá nhân"));
            ui.selectable_value(&mut self.tab, Tab::Clusters, bold("Cụm, khối thi đua"));
        });
        ui.separator();
        match self.tab {
            Tab::Units => {
                egui::Panel::top("registration-units")
                    .resizable(true)
                    .default_size(230.0)
                    .show(ui, |ui| self.unit_list(ui, vm, view));
                egui::CentralPanel::default().show(ui, |ui| {
                    let line = self
                        .selected_unit
                        .and_then(|id| view.units.iter().find(|l| l.unit.id == id));
                    match line {
                        Some(line) => {
                            egui::ScrollArea::vertical()
                                .id_salt("registration-unit-detail")
                                .auto_shrink([false, false])
                                .show(ui, |ui| self.unit_detail(ui, vm, view, line, intents));
                        }
                        None => {
                            ui.label(
                                "Chọn một đơn vị ở danh sách bên trái để xem và sửa bản đăng ký.",
                            );
                        }
                    }
                });
            }
            Tab::Clusters => self.clusters(ui, vm, view, intents),
        }
    }

    fn top_bar(
        &mut self,
        ui: &mut Ui,
        vm: &ViewModel,
        view: &RegistrationsView,
        intents: &mut Vec<Intent>,
    ) {
        ui.horizontal(|ui| {
            ui.heading("Đăng ký thi đua");
            if let Some(year) = super::widgets::year_picker(
                ui,
                "registration-year",
                "Năm:",
                view.year,
                vm.today.year() - 4..=vm.today.year() + 1,
            ) {
                intents.push(intent(RegistrationIntent::SelectYear(year)));
            }
            ui.label(&view.plan_label);
        });
        ui.horizontal(|ui| {
            match view.deadline {
                Some(d) => {
                    let text = format!(
                        "Hạn gửi đăng ký: {} ({})",
                        d.format("%d/%m/%Y"),
                        days_left_text(d, vm.today)
                    );
                    let color = if vm.today > d {
                        ERROR_COLOR
                    } else {
                        ui.visuals().text_color()
                    };
                    ui.label(RichText::new(text).color(color));
                }
                None => {
                    ui.label("Kế hoạch chưa ghi hạn đăng ký thi đua.");
                }
            }
            let outstanding = view
                .units
                .iter()
                .filter(|l| l.submission.is_outstanding())
                .count();
            ui.label(format!(
                "· {outstanding}/{} đơn vị chưa có bản đăng ký được chấp nhận",
                view.units.len()
            ));
        });
        for p in &view.progress {
            let color = if p.is_met() { MET_COLOR } else { SHORT_COLOR };
            ui.label(RichText::new(p.text()).color(color));
        }
        ui.horizontal(|ui| {
            if let Some(action) = super::widgets::document_menu(ui, "In bản tổng hợp", true) {
                intents.push(intent(RegistrationIntent::Document {
                    year: view.year,
                    doc: RegistrationDoc::Summary,
                    action,
                }));
            }
            if ui
                .add_enabled(
                    view.previous_year_has_data,
                    egui::Button::new(format!("Sao chép đăng ký năm {}", view.year - 1)),
                )
                .on_hover_text("Chỉ điền cho những người, đơn vị chưa có đăng ký năm nay")
                .clicked()
            {
                intents.push(intent(RegistrationIntent::CopyLastYear {
                    year: view.year,
                    unit: None,
                }));
            }
            if ui.button("Nhập tệp Excel của đơn vị…").clicked() {
                intents.push(intent(RegistrationIntent::ImportUnitSheet {
                    year: view.year,
                }));
            }
        });
    }

    fn unit_list(&mut self, ui: &mut Ui, vm: &ViewModel, view: &RegistrationsView) {
        ui.horizontal_wrapped(|ui| {
            ui.checkbox(&mut self.only_outstanding, "Chỉ đơn vị chưa đăng ký");
            ui.label(
                bold("Đỏ, đậm: quá hạn mà chưa có bản đăng ký được chấp nhận").color(ERROR_COLOR),
            );
            ui.label(RichText::new("· Cam: chưa gửi hoặc bị trả lại, còn hạn").color(SHORT_COLOR));
        });
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                egui::Grid::new("registration-unit-grid")
                    .striped(true)
                    .num_columns(3 + view.columns.len())
                    .show(ui, |ui| {
                        ui.label(bold("Đơn vị"));
                        ui.label(bold("Trạng thái"));
                        ui.label(bold("Số người"));
                        for (_, label) in &view.columns {
                            ui.label(bold(label));
                        }
                        ui.end_row();
                        for line in &view.units {
                            if self.only_outstanding && !line.submission.is_outstanding() {
                                continue;
                            }
                            let selected = self.selected_unit == Some(line.unit.id);
                            if ui.selectable_label(selected, &line.unit.name).clicked() && !selected
                            {
                                self.selected_unit = Some(line.unit.id);
                                self.ticked.clear();
                                self.cursor = 0;
                                self.commitment = None;
                                self.sent_on = vm.today.format("%d/%m/%Y").to_string();
                            }
                            let full = line.submission.status_text();
                            let short = match full.char_indices().nth(60) {
                                Some((i, _)) => format!("{}…", &full[..i]),
                                None => full.clone(),
                            };
                            let status = if view.is_late(line, vm.today) {
                                // egui's strong() only changes the colour: the bold face
                                // is a font of its own.
                                bold(format!("{short} · quá hạn")).color(ERROR_COLOR)
                            } else if line.submission.is_outstanding() {
                                RichText::new(short).color(SHORT_COLOR)
                            } else {
                                RichText::new(short)
                            };
                            ui.label(status).on_hover_text(full);
                            ui.label(line.staff_count.to_string());
                            for n in &line.counts {
                                ui.label(n.to_string());
                            }
                            ui.end_row();
                        }
                    });
            });
    }
}
