//! Danh mục danh hiệu, hình thức: the catalogue of titles and forms of commendation.

use egui::Ui;
use egui_extras::{Column, TableBuilder};

use super::fonts::bold;
use super::intent::Intent;
use super::people::EditForm;
use super::view_model::ViewModel;
use super::widgets::{self, field_error};
use crate::domain::model::{AwardKind, AwardLevel, SubjectKind};
use crate::domain::validate::CatalogueForm;

#[derive(Debug, Default)]
pub struct CatalogueScreen {
    pub form: Option<EditForm<CatalogueForm>>,
}

impl CatalogueScreen {
    pub fn is_dirty(&self) -> bool {
        self.form.as_ref().is_some_and(EditForm::is_dirty)
    }

    pub fn discard_forms(&mut self) {
        self.form = None;
    }

    pub fn entry_saved(&mut self) {
        self.form = None;
    }

    pub fn show(&mut self, ui: &mut Ui, vm: &ViewModel, intents: &mut Vec<Intent>) {
        if self.form.is_some() {
            egui::Panel::right("catalogue-form")
                .default_size(380.0)
                .show(ui, |ui| self.form_ui(ui, intents));
        }
        egui::CentralPanel::default().show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.heading("Danh mục danh hiệu thi đua và hình thức khen thưởng");
                if ui.button("Thêm mục").clicked() && !self.is_dirty() {
                    self.form = Some(EditForm::new(CatalogueForm::new()));
                }
            });
            ui.label(
                "Mục đã dùng trong lịch sử khen thưởng chỉ có thể ngừng dùng, không xóa được.",
            );
            let mut open = None;
            ui.style_mut().interaction.selectable_labels = false;
            {
                ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
            }
            TableBuilder::new(ui)
                .id_salt("catalogue-table")
                .striped(true)
                .sense(egui::Sense::click())
                .column(Column::exact(110.0))
                .column(Column::initial(330.0).resizable(true).clip(true))
                .column(Column::exact(70.0))
                .column(Column::initial(150.0))
                .column(Column::exact(100.0))
                .column(Column::initial(150.0).clip(true))
                .column(Column::exact(70.0))
                .column(Column::remainder())
                .header(24.0, |mut h| {
                    for t in [
                        "Mã",
                        "Tên",
                        "Đối tượng",
                        "Loại",
                        "Cấp",
                        "Thẩm quyền",
                        "Hệ số",
                        "Tình trạng",
                    ] {
                        h.col(|ui| {
                            ui.label(bold(t));
                        });
                    }
                })
                .body(|body| {
                    body.rows(22.0, vm.catalogue.len(), |mut row| {
                        let e = &vm.catalogue[row.index()];
                        row.col(|ui| {
                            widgets::cell(ui, &e.code);
                        });
                        row.col(|ui| {
                            widgets::cell(ui, &e.name);
                        });
                        row.col(|ui| {
                            widgets::cell(ui, e.subject_kind.label());
                        });
                        row.col(|ui| {
                            widgets::cell(ui, e.kind.label());
                        });
                        row.col(|ui| {
                            widgets::cell(ui, e.level.label());
                        });
                        row.col(|ui| {
                            widgets::cell(ui, &e.decided_by);
                        });
                        row.col(|ui| {
                            widgets::cell(
                                ui,
                                e.coefficient
                                    .map(|c| c.to_string().replace('.', ","))
                                    .unwrap_or_else(|| "—".into()),
                            );
                        });
                        row.col(|ui| {
                            widgets::cell(
                                ui,
                                if e.active {
                                    "Đang dùng"
                                } else {
                                    "Ngừng dùng"
                                },
                            );
                        });
                        if row.response().clicked() {
                            open = Some(e.clone());
                        }
                    });
                });
            if let Some(e) = open
                && !self.is_dirty()
            {
                self.form = Some(EditForm::new(CatalogueForm::from_entry(&e)));
            }
        });
    }

    fn form_ui(&mut self, ui: &mut Ui, intents: &mut Vec<Intent>) {
        let Some(edit) = self.form.as_mut() else {
            return;
        };
        ui.heading(if edit.form.id.is_some() {
            "Sửa mục danh mục"
        } else {
            "Thêm mục danh mục"
        });
        let all = edit.form.validate().err().unwrap_or_default();
        let errors: Vec<_> = if edit.attempted {
            all
        } else {
            all.into_iter()
                .filter(|e| e.field == "coefficient")
                .collect()
        };
        let builtin = edit.form.builtin;
        egui::Grid::new("catalogue-form-grid")
            .num_columns(2)
            .spacing([8.0, 6.0])
            .show(ui, |ui| {
                let f = &mut edit.form;
                if builtin {
                    ui.label("Mã:");
                    ui.label(format!("{} (mục theo Luật, không đổi mã)", f.code));
                    ui.end_row();
                } else {
                    widgets::text_row(
                        ui,
                        "Mã:",
                        &mut f.code,
                        field_error(&errors, "code"),
                        "KNC_BCT",
                    );
                }
                widgets::text_row(
                    ui,
                    "Tên:",
                    &mut f.name,
                    field_error(&errors, "name"),
                    "Kỷ niệm chương …",
                );
                if !builtin {
                    widgets::combo_row(
                        ui,
                        "cat-subject",
                        "Đối tượng:",
                        &mut f.subject_kind,
                        SubjectKind::ALL,
                        |k| k.label().into(),
                        None,
                    );
                }
                widgets::combo_row(
                    ui,
                    "cat-kind",
                    "Loại:",
                    &mut f.kind,
                    AwardKind::ALL,
                    |k| k.label().into(),
                    None,
                );
                widgets::combo_row(
                    ui,
                    "cat-level",
                    "Cấp:",
                    &mut f.level,
                    AwardLevel::ALL,
                    |k| k.label().into(),
                    None,
                );
                widgets::text_row(
                    ui,
                    "Thẩm quyền quyết định:",
                    &mut f.decided_by,
                    None,
                    "Bộ trưởng Bộ Công Thương",
                );
                widgets::text_row(
                    ui,
                    "Hệ số × lương cơ sở:",
                    &mut f.coefficient,
                    field_error(&errors, "coefficient"),
                    "để trống nếu chưa rõ",
                );
                widgets::text_row(
                    ui,
                    "Thứ tự:",
                    &mut f.sort_order,
                    field_error(&errors, "sort_order"),
                    "500",
                );
                ui.label("Tình trạng:");
                ui.checkbox(&mut f.active, "đang dùng");
                ui.end_row();
            });
        let mut save = widgets::save_shortcut(ui.ctx());
        let mut close = false;
        let id = edit.form.id;
        ui.horizontal(|ui| {
            save |= ui.button(bold("Lưu (Ctrl+S)")).clicked();
            close = ui.button("Đóng").clicked();
            if let Some(id) = id
                && ui.button("Xóa / ngừng dùng").clicked()
            {
                intents.push(Intent::RemoveCatalogueEntry(id));
            }
        });
        if save {
            edit.attempted = true;
            if let Ok(entry) = edit.form.validate() {
                intents.push(Intent::SaveCatalogueEntry(entry));
            }
        }
        if close {
            self.form = None;
        }
    }
}
