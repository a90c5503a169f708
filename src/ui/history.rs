//! Lịch sử khen thưởng: one person's or unit's awards and ratings by year.

use chrono::Datelike;
use egui::Ui;
use egui_extras::{Column, TableBuilder};

use super::fonts::bold;
use super::intent::Intent;
use super::people::EditForm;
use super::view_model::{HistoryView, ViewModel};
use super::widgets::{self, field_error};
use crate::domain::model::{ISSUERS, Rating, Subject};
use crate::domain::text::{fold, folded_matches};
use crate::domain::validate::{AwardForm, FieldError, format_opt_date};

#[derive(Debug, Default)]
pub struct HistoryScreen {
    pub subject_search: String,
    pub form: Option<EditForm<AwardForm>>,
    pub rating_year: String,
    pub rating: Option<Rating>,
}

impl HistoryScreen {
    pub fn is_dirty(&self) -> bool {
        self.form.as_ref().is_some_and(EditForm::is_dirty)
    }

    pub fn discard_forms(&mut self) {
        self.form = None;
    }

    /// The app saved the record.
    pub fn award_saved(&mut self) {
        self.form = None;
    }

    pub fn show(&mut self, ui: &mut Ui, vm: &ViewModel, intents: &mut Vec<Intent>) {
        egui::Panel::left("history-subjects")
            .resizable(true)
            .default_size(260.0)
            .show(ui, |ui| self.subject_picker(ui, vm, intents));
        egui::CentralPanel::default().show(ui, |ui| match &vm.history {
            None => {
                ui.label("Chọn một cá nhân hoặc tập thể ở bên trái để xem lịch sử khen thưởng.");
            }
            Some(history) => {
                egui::ScrollArea::vertical()
                    .show(ui, |ui| self.history_ui(ui, vm, history, intents));
            }
        });
    }

    fn subject_picker(&mut self, ui: &mut Ui, vm: &ViewModel, intents: &mut Vec<Intent>) {
        let label = ui.label("Tìm cá nhân, tập thể:");
        let search = ui
            .add(
                egui::TextEdit::singleline(&mut self.subject_search)
                    .hint_text("gõ tên, không dấu cũng được"),
            )
            .labelled_by(label.id);
        if widgets::find_shortcut(ui.ctx()) {
            search.request_focus();
        }
        let needle = fold(&self.subject_search);
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.label(bold("Tập thể"));
            for unit in vm
                .units
                .iter()
                .filter(|u| folded_matches(&fold(&u.name), &needle))
            {
                let current =
                    vm.history.as_ref().map(|h| h.subject) == Some(Subject::Unit(unit.id));
                if ui.selectable_label(current, &unit.name).clicked() {
                    intents.push(Intent::OpenHistory(Subject::Unit(unit.id)));
                }
            }
            ui.add_space(6.0);
            ui.label(bold("Cá nhân"));
            if needle.is_empty() {
                ui.label("Gõ tên để tìm cá nhân.");
                return;
            }
            let hits: Vec<_> = vm
                .people
                .iter()
                .filter(|r| folded_matches(&fold(&r.person.full_name), &needle))
                .take(100)
                .collect();
            for r in hits {
                let subject = Subject::Person(r.id());
                let current = vm.history.as_ref().map(|h| h.subject) == Some(subject);
                let text = format!("{} – {}", r.person.full_name, r.unit_name);
                if ui.selectable_label(current, text).clicked() {
                    intents.push(Intent::OpenHistory(subject));
                }
            }
        });
    }

    fn history_ui(
        &mut self,
        ui: &mut Ui,
        vm: &ViewModel,
        history: &HistoryView,
        intents: &mut Vec<Intent>,
    ) {
        ui.heading(&history.title);
        if history.records.is_empty() {
            ui.label("Chưa có khen thưởng nào được ghi.");
        } else if history.summary.is_empty() {
            ui.label("Tóm tắt: không còn khen thưởng nào có hiệu lực.");
        } else {
            ui.label(format!("Tóm tắt: {}", history.summary));
        }
        ui.horizontal(|ui| {
            if ui.button("Thêm khen thưởng").clicked() && !self.is_dirty() {
                self.form = Some(EditForm::new(AwardForm {
                    subject: Some(history.subject),
                    year: (vm.today.year() - 1).to_string(),
                    ..AwardForm::default()
                }));
            }
            if ui.button("Xuất Excel…").clicked() {
                intents.push(Intent::ExportHistory(history.subject));
            }
            if ui.button("In quá trình khen thưởng…").clicked() {
                intents.push(Intent::Report(
                    super::report_view::ReportIntent::SaveHistory(history.subject),
                ));
            }
        });
        if self
            .form
            .as_ref()
            .is_some_and(|f| f.form.subject != Some(history.subject))
        {
            self.form = None;
        }
        if self.form.is_some() {
            ui.group(|ui| self.award_form_ui(ui, vm, intents));
        }
        ui.add_space(6.0);
        let mut edit = None;
        let mut delete = None;
        {
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
        }
        TableBuilder::new(ui)
            .id_salt("history-table")
            .striped(true)
            .vscroll(false)
            .column(Column::exact(50.0))
            .column(Column::initial(280.0).resizable(true).clip(true))
            .column(Column::initial(110.0))
            .column(Column::exact(96.0))
            .column(Column::initial(170.0).clip(true))
            .column(Column::initial(120.0).clip(true))
            .column(Column::remainder())
            .header(24.0, |mut h| {
                for title in [
                    "Năm",
                    "Danh hiệu, hình thức",
                    "Số quyết định",
                    "Ngày QĐ",
                    "Cơ quan, người ký",
                    "Ghi chú",
                    "",
                ] {
                    h.col(|ui| {
                        ui.label(bold(title));
                    });
                }
            })
            .body(|mut body| {
                for record in &history.records {
                    body.row(22.0, |mut row| {
                        row.col(|ui| {
                            widgets::cell(ui, record.year.to_string());
                        });
                        row.col(|ui| {
                            let name = vm.catalogue_name(record.catalogue_id);
                            match &record.cancelled_by {
                                None => widgets::cell(ui, name),
                                Some(by) => widgets::cell(
                                    ui,
                                    egui::RichText::new(format!(
                                        "{name} (đã hủy theo Quyết định số {by})"
                                    ))
                                    .weak(),
                                ),
                            }
                        });
                        row.col(|ui| {
                            widgets::cell(ui, &record.decision_number);
                        });
                        row.col(|ui| {
                            widgets::cell(ui, format_opt_date(record.decision_date));
                        });
                        row.col(|ui| {
                            widgets::cell(ui, &record.issuer);
                        });
                        row.col(|ui| {
                            widgets::cell(ui, &record.note);
                        });
                        row.col(|ui| {
                            if ui.small_button("Sửa").clicked() {
                                edit = Some(record.clone());
                            }
                            if ui.small_button("Xóa").clicked() {
                                delete = Some(record.id);
                            }
                        });
                    });
                }
            });
        if let Some(r) = edit
            && !self.is_dirty()
        {
            self.form = Some(EditForm::new(AwardForm {
                id: Some(r.id),
                subject: Some(r.subject),
                year: r.year.to_string(),
                catalogue_id: Some(r.catalogue_id),
                decision_number: r.decision_number,
                decision_date: format_opt_date(r.decision_date),
                issuer: r.issuer,
                note: r.note,
            }));
        }
        intents.extend(delete.map(Intent::DeleteAward));
        ui.add_space(12.0);
        self.ratings_ui(ui, history, intents);
    }

    fn award_form_ui(&mut self, ui: &mut Ui, vm: &ViewModel, intents: &mut Vec<Intent>) {
        let Some(edit) = self.form.as_mut() else {
            return;
        };
        ui.label(bold(if edit.form.id.is_some() {
            "Sửa khen thưởng"
        } else {
            "Thêm khen thưởng"
        }));
        let all: Vec<FieldError> = edit.form.validate(&vm.catalogue).err().unwrap_or_default();
        let errors: Vec<FieldError> = if edit.attempted {
            all
        } else {
            all.into_iter()
                .filter(|e| e.field == "decision_date" || e.field == "year")
                .collect()
        };
        let kind = edit.form.subject.map(Subject::kind);
        let choices: Vec<i64> = vm
            .catalogue
            .iter()
            .filter(|c| {
                (c.active || Some(c.id) == edit.form.catalogue_id) && Some(c.subject_kind) == kind
            })
            .map(|c| c.id)
            .collect();
        egui::Grid::new("award-form")
            .num_columns(2)
            .spacing([8.0, 6.0])
            .show(ui, |ui| {
                let f = &mut edit.form;
                widgets::text_row(
                    ui,
                    "Năm thành tích:",
                    &mut f.year,
                    field_error(&errors, "year"),
                    "2026",
                );
                widgets::combo_row(
                    ui,
                    "award-catalogue",
                    "Danh hiệu, hình thức:",
                    &mut f.catalogue_id,
                    &choices,
                    |id| vm.catalogue_name(id).to_owned(),
                    field_error(&errors, "catalogue"),
                );
                widgets::text_row(
                    ui,
                    "Số quyết định:",
                    &mut f.decision_number,
                    None,
                    "12/QĐ-SCT",
                );
                widgets::text_row(
                    ui,
                    "Ngày quyết định:",
                    &mut f.decision_date,
                    field_error(&errors, "decision_date"),
                    "ngày/tháng/năm",
                );
                let label = ui.label("Cơ quan, người ký:");
                ui.horizontal(|ui| {
                    ui.add(egui::TextEdit::singleline(&mut f.issuer).desired_width(200.0))
                        .labelled_by(label.id);
                    egui::ComboBox::from_label("gợi ý")
                        .selected_text("chọn")
                        .width(60.0)
                        .show_ui(ui, |ui| {
                            for issuer in ISSUERS {
                                if ui.selectable_label(f.issuer == *issuer, *issuer).clicked() {
                                    f.issuer = (*issuer).to_owned();
                                }
                            }
                        });
                });
                ui.end_row();
                widgets::text_row(ui, "Ghi chú:", &mut f.note, None, "");
            });
        let mut save = widgets::save_shortcut(ui.ctx());
        let mut close = false;
        ui.horizontal(|ui| {
            save |= ui.button(bold("Lưu (Ctrl+S)")).clicked();
            close = ui.button("Hủy").clicked();
        });
        if save {
            edit.attempted = true;
            if edit.form.validate(&vm.catalogue).is_ok() {
                intents.push(Intent::SaveAward(edit.form.clone()));
            }
        }
        if close {
            self.form = None;
        }
    }

    fn ratings_ui(&mut self, ui: &mut Ui, history: &HistoryView, intents: &mut Vec<Intent>) {
        ui.label(bold("Xếp loại hằng năm"));
        if history.ratings.is_empty() {
            ui.label("Chưa có xếp loại.");
        }
        egui::Grid::new("ratings").striped(true).show(ui, |ui| {
            for (year, rating) in &history.ratings {
                ui.label(year.to_string());
                ui.label(format!("{} – {}", rating.short(), rating.label()));
                if ui.small_button("Xóa").clicked() {
                    intents.push(Intent::SetRating {
                        subject: history.subject,
                        year: *year,
                        rating: None,
                    });
                }
                ui.end_row();
            }
        });
        ui.horizontal(|ui| {
            let label = ui.label("Năm:");
            ui.add(egui::TextEdit::singleline(&mut self.rating_year).desired_width(60.0))
                .labelled_by(label.id);
            let label = ui.label("Xếp loại:");
            egui::ComboBox::from_id_salt("rating-choice")
                .selected_text(self.rating.map(|r| r.short()).unwrap_or("— chọn —"))
                .show_ui(ui, |ui| {
                    for r in Rating::ALL {
                        ui.selectable_value(
                            &mut self.rating,
                            Some(*r),
                            format!("{} – {}", r.short(), r.label()),
                        );
                    }
                })
                .response
                .labelled_by(label.id);
            let year = self
                .rating_year
                .trim()
                .parse::<i32>()
                .ok()
                .filter(|y| (1945..=2200).contains(y));
            let enabled = year.is_some() && self.rating.is_some();
            if ui
                .add_enabled(enabled, egui::Button::new("Ghi xếp loại"))
                .clicked()
                && let Some(year) = year
            {
                intents.push(Intent::SetRating {
                    subject: history.subject,
                    year,
                    rating: self.rating,
                });
            }
        });
    }
}
