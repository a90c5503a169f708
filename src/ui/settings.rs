//! Cài đặt, and the short setup shown on the first start.

use egui::Ui;

use super::fonts::bold;
use super::intent::{ImportKind, Intent};
use super::view_model::ViewModel;
use super::widgets::{self, field_error};
use crate::domain::validate::{FieldError, OrganisationForm, format_date};

#[derive(Debug, Default)]
pub struct SettingsScreen {
    /// The organisation form, loaded from the view model when first shown.
    pub form: Option<OrganisationForm>,
    pub attempted: bool,
    pub rules: super::settings_rules::RulesForm,
    pub layout: super::certificate_layout::LayoutForm,
}

impl SettingsScreen {
    pub fn is_dirty(&self, vm: &ViewModel) -> bool {
        self.rules.is_dirty(vm)
            || self.layout.is_dirty(vm)
            || self.form.as_ref().is_some_and(|f| {
                !f.base_salary.trim().is_empty()
                    || *f != blank_salary(OrganisationForm::from_organisation(&vm.org))
            })
    }

    pub fn discard_forms(&mut self) {
        self.form = None;
        self.attempted = false;
        self.rules = Default::default();
        self.layout = Default::default();
    }

    /// The app saved the positions on the certificate blanks.
    pub fn layout_saved(&mut self) {
        self.layout = Default::default();
    }

    /// The app saved the province's rules.
    pub fn rules_saved(&mut self) {
        self.rules = Default::default();
    }

    /// The app saved the organisation.
    pub fn saved(&mut self) {
        self.form = None;
        self.attempted = false;
    }

    pub fn show(&mut self, ui: &mut Ui, vm: &ViewModel, intents: &mut Vec<Intent>) {
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                ui.heading("Thông tin cơ quan");
                let form = self
                    .form
                    .get_or_insert_with(|| OrganisationForm::from_organisation(&vm.org));
                if organisation_form(ui, form, self.attempted) || widgets::save_shortcut(ui.ctx()) {
                    self.attempted = true;
                    if let Ok((org, salary)) = form.validate() {
                        intents.push(Intent::SaveOrganisation(org));
                        intents.extend(salary.map(Intent::AddBaseSalary));
                    }
                }
                ui.add_space(12.0);
                ui.label(bold("Mức lương cơ sở đã ghi"));
                egui::Grid::new("base-salaries").striped(true).show(ui, |ui| {
                    ui.label(bold("Áp dụng từ ngày"));
                    ui.label(bold("Mức (đồng)"));
                    ui.end_row();
                    for b in &vm.base_salaries {
                        ui.label(format_date(b.effective_from));
                        ui.label(crate::domain::text::group_thousands(b.amount_vnd));
                        ui.end_row();
                    }
                });
                ui.add_space(12.0);
                self.rules.show(ui, vm, intents);
                ui.add_space(12.0);
                self.layout.show(ui, vm, intents);
                ui.add_space(12.0);
                super::settings_display::renderer_section(ui, vm, intents);
                ui.add_space(12.0);
                ui.heading("Nhập, xuất Excel");
                ui.label("Tải mẫu, điền dữ liệu rồi nhập lại. Trước khi ghi, phần mềm cho xem trước và chỉ rõ từng dòng sai.");
                egui::Grid::new("excel").show(ui, |ui| {
                    for kind in ImportKind::ALL {
                        ui.label(format!("Dữ liệu {}:", kind.label()));
                        if ui.button("Tải mẫu Excel…").clicked() {
                            intents.push(Intent::WriteTemplate(kind));
                        }
                        if ui.button("Nhập từ Excel…").clicked() {
                            intents.push(Intent::StartImport(kind));
                        }
                        ui.end_row();
                    }
                });
                ui.add_space(12.0);
                ui.heading("Dữ liệu");
                ui.label(format!("Tệp cơ sở dữ liệu: {}", vm.database_label));
                if vm.is_demo {
                    ui.label("Đây là cơ sở dữ liệu minh họa, tách riêng với dữ liệu thật.");
                }
            });
        });
    }
}

fn blank_salary(mut f: OrganisationForm) -> OrganisationForm {
    f.base_salary.clear();
    f.base_salary_from.clear();
    f
}

/// The organisation fields; returns true when the clerk pressed the save button.
pub fn organisation_form(ui: &mut Ui, form: &mut OrganisationForm, attempted: bool) -> bool {
    let errors: Vec<FieldError> = if attempted {
        form.validate().err().unwrap_or_default()
    } else {
        Vec::new()
    };
    egui::Grid::new("organisation-form")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            widgets::text_row(
                ui,
                "Cơ quan chủ quản:",
                &mut form.parent_body,
                field_error(&errors, "parent_body"),
                "UBND TỈNH GIA LAI",
            );
            widgets::text_row(
                ui,
                "Cơ quan:",
                &mut form.body,
                field_error(&errors, "body"),
                "SỞ CÔNG THƯƠNG",
            );
            widgets::text_row(
                ui,
                "Chữ viết tắt trong số văn bản:",
                &mut form.abbreviation,
                field_error(&errors, "abbreviation"),
                "SCT",
            );
            widgets::text_row(
                ui,
                "Địa danh ghi ngày tháng:",
                &mut form.place,
                field_error(&errors, "place"),
                "Gia Lai",
            );
            widgets::text_row(
                ui,
                "Giám đốc Sở:",
                &mut form.director,
                field_error(&errors, "director"),
                "họ và tên",
            );
            let label = ui.label("Phó Giám đốc (mỗi người một dòng):");
            ui.add(
                egui::TextEdit::multiline(&mut form.deputies)
                    .desired_rows(3)
                    .desired_width(260.0),
            )
            .labelled_by(label.id);
            ui.end_row();
            widgets::text_row(
                ui,
                "Mức lương cơ sở mới (đồng):",
                &mut form.base_salary,
                field_error(&errors, "base_salary"),
                "2.340.000",
            );
            widgets::text_row(
                ui,
                "Áp dụng từ ngày:",
                &mut form.base_salary_from,
                field_error(&errors, "base_salary_from"),
                "01/07/2024",
            );
        });
    ui.add_space(6.0);
    ui.button(bold("Lưu (Ctrl+S)")).clicked()
}

/// The first-start setup, shown over everything while the organisation is incomplete.
pub fn setup_modal(
    ctx: &egui::Context,
    screen: &mut SettingsScreen,
    vm: &ViewModel,
    intents: &mut Vec<Intent>,
) {
    egui::Modal::new(egui::Id::unique("first-start-setup")).show(ctx, |ui| {
        ui.heading("Chào mừng đến với phần mềm Thi đua – Khen thưởng");
        ui.label("Hãy nhập thông tin cơ quan. Các thông tin này được in trên mọi văn bản và có thể sửa sau trong Cài đặt.");
        ui.add_space(8.0);
        let form = screen
            .form
            .get_or_insert_with(|| OrganisationForm::from_organisation(&vm.org));
        if organisation_form(ui, form, screen.attempted) {
            screen.attempted = true;
            if let Ok((org, salary)) = form.validate() {
                intents.push(Intent::SaveOrganisation(org));
                intents.extend(salary.map(Intent::AddBaseSalary));
            }
        }
    });
}
