//! Đơn vị & Cá nhân: the units, the people list, and their forms.

use egui::{Sense, Ui};
use egui_extras::{Column, TableBuilder};

use super::fonts::bold;
use super::intent::{ImportKind, Intent};
use super::view_model::ViewModel;
use super::widgets::{self, DiscardChoice, field_error};
use crate::domain::model::{Gender, PersonId, PersonStatus, Subject, UnitId, UnitKind};
use crate::domain::people_list::{ListQuery, SortColumn, filter_and_sort};
use crate::domain::validate::{FieldError, PersonForm, UnitForm, format_opt_date};

/// A form with the values it was opened with, so unsaved changes can be told.
#[derive(Debug, Clone)]
pub struct EditForm<F> {
    pub form: F,
    original: F,
    /// The clerk pressed Save once: show every error, not only those of typed fields.
    pub attempted: bool,
}

impl<F: Clone + PartialEq> EditForm<F> {
    pub fn new(form: F) -> Self {
        Self {
            original: form.clone(),
            form,
            attempted: false,
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.form != self.original
    }
}

/// Something the clerk asked for that waits on the unsaved-changes question.
#[derive(Debug, Clone, PartialEq)]
enum Pending {
    Select(PersonId),
    NewPerson,
    EditUnit(Option<UnitId>),
    CloseForm,
}

#[derive(Debug, Default)]
pub struct PeopleScreen {
    pub query: ListQuery,
    visible: Vec<usize>,
    cached_for: Option<(ListQuery, u64)>,
    pub selected: Option<PersonId>,
    pub person_form: Option<EditForm<PersonForm>>,
    pub unit_form: Option<EditForm<UnitForm>>,
    pending: Option<Pending>,
    focus_search: bool,
}

impl PeopleScreen {
    /// True when a form holds changes not yet saved.
    pub fn is_dirty(&self) -> bool {
        self.person_form.as_ref().is_some_and(EditForm::is_dirty)
            || self.unit_form.as_ref().is_some_and(EditForm::is_dirty)
    }

    /// Drop open forms (after the clerk chose to discard them).
    pub fn discard_forms(&mut self) {
        self.person_form = None;
        self.unit_form = None;
    }

    /// The app saved the person: close the form and select them.
    pub fn person_saved(&mut self, id: PersonId) {
        self.person_form = None;
        self.selected = Some(id);
        self.cached_for = None;
    }

    pub fn unit_saved(&mut self) {
        self.unit_form = None;
        self.cached_for = None;
    }

    /// Ask for the search box to take the keyboard focus next frame.
    pub fn focus_search(&mut self) {
        self.focus_search = true;
    }

    /// The rows shown, as indices into `vm.people`.
    pub fn visible_rows(&mut self, vm: &ViewModel) -> &[usize] {
        let key = (self.query.clone(), vm.people_version);
        if self.cached_for.as_ref() != Some(&key) {
            self.visible = filter_and_sort(&vm.people, &self.query);
            self.cached_for = Some(key);
        }
        &self.visible
    }

    fn request(&mut self, action: Pending, vm: &ViewModel) {
        if self.is_dirty() {
            self.pending = Some(action);
        } else {
            self.perform(action, vm);
        }
    }

    fn perform(&mut self, action: Pending, vm: &ViewModel) {
        match action {
            Pending::Select(id) => {
                self.selected = Some(id);
                self.unit_form = None;
                self.person_form = person_form_for(vm, id);
            }
            Pending::NewPerson => {
                self.unit_form = None;
                let mut form = PersonForm::new();
                form.unit_id = self.query.unit;
                self.person_form = Some(EditForm::new(form));
            }
            Pending::EditUnit(id) => {
                self.person_form = None;
                let form = id
                    .and_then(|id| vm.units.iter().find(|u| u.id == id))
                    .map(UnitForm::from_unit)
                    .unwrap_or_else(UnitForm::new);
                self.unit_form = Some(EditForm::new(form));
            }
            Pending::CloseForm => self.discard_forms(),
        }
    }

    pub fn show(&mut self, ui: &mut Ui, vm: &ViewModel, intents: &mut Vec<Intent>) {
        if widgets::find_shortcut(ui.ctx()) {
            self.focus_search = true;
        }
        if let Some(action) = self.pending.clone() {
            match widgets::unsaved_changes_modal(ui.ctx()) {
                Some(DiscardChoice::Save) => {
                    self.pending = None;
                    self.submit(vm, intents);
                }
                Some(DiscardChoice::Discard) => {
                    self.pending = None;
                    self.discard_forms();
                    self.perform(action, vm);
                }
                Some(DiscardChoice::Stay) => self.pending = None,
                None => {}
            }
        }
        self.toolbar(ui, vm, intents);
        egui::Panel::left("people-units")
            .resizable(true)
            .default_size(210.0)
            .show(ui, |ui| self.units_panel(ui, vm));
        if self.person_form.is_some() || self.unit_form.is_some() {
            egui::Panel::right("people-form")
                .resizable(true)
                .default_size(400.0)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical().show(ui, |ui| {
                        if self.person_form.is_some() {
                            self.person_form_ui(ui, vm, intents);
                        } else {
                            self.unit_form_ui(ui, intents);
                        }
                    });
                });
        }
        egui::CentralPanel::default().show(ui, |ui| self.table(ui, vm));
    }

    fn toolbar(&mut self, ui: &mut Ui, vm: &ViewModel, intents: &mut Vec<Intent>) {
        ui.horizontal(|ui| {
            let label = ui.label("Tìm kiếm:");
            let search = ui
                .add(
                    egui::TextEdit::singleline(&mut self.query.search)
                        .hint_text("tên, chức vụ, đơn vị — gõ không dấu cũng được (Ctrl+F)")
                        .desired_width(320.0),
                )
                .labelled_by(label.id);
            if self.focus_search {
                search.request_focus();
                self.focus_search = false;
            }
            ui.checkbox(&mut self.query.include_inactive, "Hiện cả người đã ẩn");
            ui.separator();
            if ui.button("Thêm cá nhân").clicked() {
                self.request(Pending::NewPerson, vm);
            }
            if ui.button("Thêm đơn vị").clicked() {
                self.request(Pending::EditUnit(None), vm);
            }
            ui.separator();
            if ui.button("Nhập từ Excel…").clicked() {
                intents.push(Intent::StartImport(ImportKind::People));
            }
            if ui.button("Xuất Excel…").clicked() {
                intents.push(Intent::ExportPeople);
            }
        });
        ui.separator();
    }

    fn units_panel(&mut self, ui: &mut Ui, vm: &ViewModel) {
        ui.label(bold("Đơn vị"));
        egui::ScrollArea::vertical().show(ui, |ui| {
            let total: usize = vm.unit_head_counts.values().sum();
            if ui
                .selectable_label(
                    self.query.unit.is_none(),
                    format!("Tất cả đơn vị ({total})"),
                )
                .clicked()
            {
                self.query.unit = None;
            }
            for unit in &vm.units {
                let count = vm.unit_head_counts.get(&unit.id).copied().unwrap_or(0);
                let mut text = format!("{} ({count})", unit.name);
                if !unit.active {
                    text.push_str(" — đã giải thể");
                }
                let response = ui.selectable_label(self.query.unit == Some(unit.id), text);
                if response.clicked() {
                    self.query.unit = Some(unit.id);
                }
                if response.double_clicked() {
                    self.request(Pending::EditUnit(Some(unit.id)), vm);
                }
            }
            ui.add_space(8.0);
            if let Some(id) = self.query.unit
                && ui.button("Sửa đơn vị đang chọn").clicked()
            {
                self.request(Pending::EditUnit(Some(id)), vm);
            }
        });
    }

    fn table(&mut self, ui: &mut Ui, vm: &ViewModel) {
        let visible = self.visible_rows(vm).to_vec();
        ui.label(format!("{} cá nhân", visible.len()));
        let (sort, ascending) = (self.query.sort, self.query.ascending);
        let mut clicked_sort = None;
        let mut clicked_row = None;
        let selected = self.selected;
        // A click anywhere on a row selects it: labels must not take the click for text selection.
        ui.style_mut().interaction.selectable_labels = false;
        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
        TableBuilder::new(ui)
            .id_salt("people-table")
            .striped(true)
            .sense(Sense::click())
            .column(Column::exact(48.0))
            .column(Column::initial(190.0).resizable(true).clip(true))
            .column(Column::exact(60.0))
            .column(Column::exact(88.0))
            .column(Column::initial(150.0).resizable(true).clip(true))
            .column(Column::initial(170.0).resizable(true).clip(true))
            .column(Column::remainder().at_least(90.0).clip(true))
            .header(26.0, |mut header| {
                header.col(|ui| {
                    ui.label(bold("STT"));
                });
                for (label, column) in [
                    ("Họ và tên", SortColumn::Name),
                    ("Giới tính", SortColumn::Gender),
                    ("Ngày sinh", SortColumn::BirthDate),
                    ("Chức vụ", SortColumn::Position),
                    ("Đơn vị", SortColumn::Unit),
                    ("Tình trạng", SortColumn::Status),
                ] {
                    header.col(|ui| {
                        if widgets::sort_header(ui, label, sort == column, ascending) {
                            clicked_sort = Some(column);
                        }
                    });
                }
            })
            .body(|body| {
                body.rows(22.0, visible.len(), |mut row| {
                    let n = row.index();
                    let Some(r) = visible.get(n).and_then(|&i| vm.people.get(i)) else {
                        return;
                    };
                    row.set_selected(selected == Some(r.id()));
                    row.col(|ui| {
                        widgets::cell(ui, (n + 1).to_string());
                    });
                    row.col(|ui| {
                        widgets::cell(ui, &r.person.full_name);
                    });
                    row.col(|ui| {
                        widgets::cell(ui, r.person.gender.label());
                    });
                    row.col(|ui| {
                        widgets::cell(ui, format_opt_date(r.person.birth_date));
                    });
                    row.col(|ui| {
                        widgets::cell(ui, &r.person.position);
                    });
                    row.col(|ui| {
                        widgets::cell(ui, &r.unit_name);
                    });
                    row.col(|ui| {
                        let mut status = r.person.status.label().to_owned();
                        if !r.person.active {
                            status.push_str(" (đã ẩn)");
                        }
                        widgets::cell(ui, status);
                    });
                    if row.response().clicked() {
                        clicked_row = Some(r.id());
                    }
                });
            });
        if let Some(column) = clicked_sort {
            if self.query.sort == column {
                self.query.ascending = !self.query.ascending;
            } else {
                self.query.sort = column;
                self.query.ascending = true;
            }
        }
        if let Some(id) = clicked_row
            && self.selected != Some(id)
        {
            self.request(Pending::Select(id), vm);
        }
    }

    fn person_form_ui(&mut self, ui: &mut Ui, vm: &ViewModel, intents: &mut Vec<Intent>) {
        let Some(edit) = self.person_form.as_mut() else {
            return;
        };
        let title = if edit.form.id.is_some() {
            "Sửa thông tin cá nhân"
        } else {
            "Thêm cá nhân"
        };
        ui.heading(title);
        let all_errors = edit
            .form
            .validate(&vm.units, vm.today)
            .err()
            .unwrap_or_default();
        let errors = shown_person_errors(&edit.form, all_errors, edit.attempted);
        let active_units: Vec<UnitId> = vm
            .units
            .iter()
            .filter(|u| u.active || Some(u.id) == edit.form.unit_id)
            .map(|u| u.id)
            .collect();
        egui::Grid::new("person-form")
            .num_columns(2)
            .spacing([8.0, 6.0])
            .show(ui, |ui| {
                let f = &mut edit.form;
                widgets::text_row(
                    ui,
                    "Họ và tên:",
                    &mut f.full_name,
                    field_error(&errors, "full_name"),
                    "Nguyễn Thị Ánh",
                );
                widgets::combo_row(
                    ui,
                    "gender",
                    "Giới tính:",
                    &mut f.gender,
                    Gender::ALL,
                    |g| g.label().into(),
                    field_error(&errors, "gender"),
                );
                widgets::text_row(
                    ui,
                    "Ngày sinh:",
                    &mut f.birth_date,
                    field_error(&errors, "birth_date"),
                    "ngày/tháng/năm",
                );
                widgets::combo_row(
                    ui,
                    "unit",
                    "Đơn vị:",
                    &mut f.unit_id,
                    &active_units,
                    |id| vm.unit_name(id).to_owned(),
                    field_error(&errors, "unit"),
                );
                widgets::text_row(ui, "Chức vụ:", &mut f.position, None, "Chuyên viên");
                widgets::text_row(
                    ui,
                    "Thứ bậc chức vụ:",
                    &mut f.position_rank,
                    field_error(&errors, "position_rank"),
                    "1 = Giám đốc … 50 = Chuyên viên",
                );
                ui.label("Lãnh đạo Sở:");
                ui.checkbox(&mut f.is_department_leader, "không tính vào tỷ lệ chỉ tiêu");
                ui.end_row();
                widgets::text_row(
                    ui,
                    "Ngày tuyển dụng:",
                    &mut f.recruited_on,
                    field_error(&errors, "recruited_on"),
                    "ngày/tháng/năm",
                );
                widgets::combo_row(
                    ui,
                    "status",
                    "Tình trạng:",
                    &mut f.status,
                    PersonStatus::ALL,
                    |s| s.label().into(),
                    None,
                );
                if f.status.is_some_and(|s| s != PersonStatus::Working) {
                    widgets::text_row(
                        ui,
                        "Từ ngày:",
                        &mut f.status_date,
                        field_error(&errors, "status_date"),
                        "ngày/tháng/năm",
                    );
                }
            });
        ui.add_space(8.0);
        let id = edit.form.id;
        let mut save = widgets::save_shortcut(ui.ctx());
        let mut close = false;
        ui.horizontal(|ui| {
            save |= ui.button(bold("Lưu (Ctrl+S)")).clicked();
            close = ui.button("Đóng").clicked();
            if let Some(id) = id {
                if ui.button("Xem lịch sử khen thưởng").clicked() {
                    intents.push(Intent::OpenHistory(Subject::Person(id)));
                }
                if ui
                    .button("Xóa / ẩn")
                    .on_hover_text("Người đã có dữ liệu liên quan sẽ được ẩn, không bị xóa.")
                    .clicked()
                {
                    intents.push(Intent::RemovePerson(id));
                }
            }
        });
        if id.is_some_and(|id| vm.people.iter().any(|r| r.id() == id && !r.person.active))
            && ui.button("Hiện lại người này").clicked()
        {
            intents.extend(id.map(Intent::ReactivatePerson));
        }
        if save {
            self.submit(vm, intents);
        }
        if close {
            self.request(Pending::CloseForm, vm);
        }
    }

    fn unit_form_ui(&mut self, ui: &mut Ui, intents: &mut Vec<Intent>) {
        let Some(edit) = self.unit_form.as_mut() else {
            return;
        };
        ui.heading(if edit.form.id.is_some() {
            "Sửa đơn vị"
        } else {
            "Thêm đơn vị"
        });
        let all_errors = edit.form.validate().err().unwrap_or_default();
        let errors: Vec<FieldError> = if edit.attempted {
            all_errors
        } else {
            all_errors
                .into_iter()
                .filter(|e| e.field != "name")
                .collect()
        };
        egui::Grid::new("unit-form")
            .num_columns(2)
            .spacing([8.0, 6.0])
            .show(ui, |ui| {
                let f = &mut edit.form;
                widgets::text_row(
                    ui,
                    "Tên đơn vị:",
                    &mut f.name,
                    field_error(&errors, "name"),
                    "Phòng Quản lý thương mại",
                );
                widgets::text_row(ui, "Tên viết tắt:", &mut f.short_name, None, "QLTM");
                widgets::combo_row(
                    ui,
                    "unit-kind",
                    "Loại đơn vị:",
                    &mut f.kind,
                    UnitKind::ALL,
                    |k| k.label().into(),
                    field_error(&errors, "kind"),
                );
                widgets::text_row(
                    ui,
                    "Thứ tự trong danh sách:",
                    &mut f.sort_order,
                    field_error(&errors, "sort_order"),
                    "10",
                );
                ui.label("Hoạt động:");
                ui.checkbox(&mut f.active, "đang hoạt động");
                ui.end_row();
                if !f.active {
                    widgets::text_row(
                        ui,
                        "Ngày giải thể:",
                        &mut f.dissolved_on,
                        field_error(&errors, "dissolved_on"),
                        "ngày/tháng/năm",
                    );
                }
            });
        let id = edit.form.id;
        let mut save = widgets::save_shortcut(ui.ctx());
        let mut close = false;
        ui.horizontal(|ui| {
            save |= ui.button(bold("Lưu (Ctrl+S)")).clicked();
            close = ui.button("Đóng").clicked();
            if let Some(id) = id {
                if ui.button("Xem lịch sử khen thưởng").clicked() {
                    intents.push(Intent::OpenHistory(Subject::Unit(id)));
                }
                if ui.button("Xóa / giải thể").clicked() {
                    intents.push(Intent::RemoveUnit(id));
                }
            }
        });
        if save {
            edit.attempted = true;
            if edit.form.validate().is_ok() {
                intents.push(Intent::SaveUnit(edit.form.clone()));
            }
        }
        if close {
            self.pending = if self.is_dirty() {
                Some(Pending::CloseForm)
            } else {
                None
            };
            if self.pending.is_none() {
                self.unit_form = None;
            }
        }
    }

    /// Save whichever form is open, if it is valid.
    fn submit(&mut self, vm: &ViewModel, intents: &mut Vec<Intent>) {
        if let Some(edit) = self.person_form.as_mut() {
            edit.attempted = true;
            if edit.form.validate(&vm.units, vm.today).is_ok() {
                intents.push(Intent::SavePerson(edit.form.clone()));
            }
        } else if let Some(edit) = self.unit_form.as_mut() {
            edit.attempted = true;
            if edit.form.validate().is_ok() {
                intents.push(Intent::SaveUnit(edit.form.clone()));
            }
        }
    }
}

/// The form of a person in the list.
fn person_form_for(vm: &ViewModel, id: PersonId) -> Option<EditForm<PersonForm>> {
    vm.people
        .iter()
        .find(|r| r.id() == id)
        .map(|r| EditForm::new(PersonForm::from_person(&r.person)))
}

/// Before the first save only the errors of fields the clerk has typed in are shown.
fn shown_person_errors(
    form: &PersonForm,
    errors: Vec<FieldError>,
    attempted: bool,
) -> Vec<FieldError> {
    if attempted {
        return errors;
    }
    errors
        .into_iter()
        .filter(|e| match e.field {
            "full_name" => !form.full_name.trim().is_empty(),
            "birth_date" => !form.birth_date.trim().is_empty(),
            "recruited_on" => !form.recruited_on.trim().is_empty(),
            "status_date" => !form.status_date.trim().is_empty(),
            "position_rank" => true,
            _ => false,
        })
        .collect()
}
