//! One unit's registration: its status (sent, returned with a reason, approved), its own
//! title and form, the commitment, and the staff grid with bulk and keyboard entry.

use egui::{Color32, Key, RichText, Ui};

use super::fonts::bold;
use super::intent::{DocumentAction, Intent};
use super::registration_view::{
    RegistrationDoc, RegistrationIntent, RegistrationsView, StaffLine, UnitLine,
};
use super::registrations::{RegistrationsScreen, intent};
use super::view_model::ViewModel;
use super::widgets::{ERROR_COLOR, Named};
use crate::domain::model::{AwardKind, CatalogueEntry, CatalogueId, Subject, SubjectKind};
use crate::domain::registration::{SubjectChoice, SubmissionStatus, choices};
use crate::domain::validate::parse_date;

const CURSOR_COLOR: Color32 = Color32::from_rgb(255, 236, 170);

/// What a row asks for: its title and shown form, and the other forms it keeps.
fn choice_of(
    subject: Subject,
    title: Option<CatalogueId>,
    form: Option<CatalogueId>,
    other_forms: &[CatalogueId],
) -> SubjectChoice {
    let mut c = SubjectChoice::new(subject);
    c.title = title;
    c.forms.extend(form);
    c.forms.extend(other_forms);
    c
}

/// "và Giấy khen …" for the forms beyond the one the combo shows.
fn other_forms_label(ui: &mut Ui, others: &[CatalogueId], forms: &[&CatalogueEntry]) {
    let names: Vec<&str> = others
        .iter()
        .filter_map(|f| forms.iter().find(|e| e.id == *f))
        .map(|e| e.name.as_str())
        .collect();
    if !names.is_empty() {
        ui.label(format!("và {}", names.join("; ")));
    }
}

/// A combo over catalogue entries with "Không đăng ký"; true when changed.
fn entry_combo(
    ui: &mut Ui,
    id: impl std::hash::Hash + std::fmt::Debug,
    value: &mut Option<CatalogueId>,
    options: &[&crate::domain::model::CatalogueEntry],
    width: f32,
) -> egui::Response {
    let before = *value;
    let selected = value
        .and_then(|v| options.iter().find(|e| e.id == v))
        .map(|e| e.name.clone())
        .unwrap_or_else(|| "Không đăng ký".into());
    let mut response = egui::ComboBox::from_id_salt(id)
        .selected_text(selected)
        .width(width)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, "Không đăng ký");
            for e in options {
                ui.selectable_value(value, Some(e.id), &e.name);
            }
        })
        .response;
    if *value != before {
        response.mark_changed();
    }
    response
}

impl RegistrationsScreen {
    pub(super) fn unit_detail(
        &mut self,
        ui: &mut Ui,
        vm: &ViewModel,
        view: &RegistrationsView,
        line: &UnitLine,
        intents: &mut Vec<Intent>,
    ) {
        let year = view.year;
        ui.heading(&line.unit.name);
        let status = RichText::new(line.submission.status_text());
        ui.label(if view.is_late(line, vm.today) {
            status.color(ERROR_COLOR).strong()
        } else {
            status
        });
        self.status_actions(ui, line, intents);
        ui.separator();

        let individual_titles = choices(&vm.catalogue, SubjectKind::Individual, AwardKind::Title);
        let individual_forms = choices(
            &vm.catalogue,
            SubjectKind::Individual,
            AwardKind::Commendation,
        );
        let unit_titles = choices(&vm.catalogue, SubjectKind::Collective, AwardKind::Title);
        let unit_forms = choices(
            &vm.catalogue,
            SubjectKind::Collective,
            AwardKind::Commendation,
        );
        let unit_subject = Subject::Unit(line.unit.id);
        ui.horizontal(|ui| {
            let label = ui.label("Danh hiệu tập thể:");
            let mut title = line.title;
            if entry_combo(ui, "unit-title", &mut title, &unit_titles, 230.0)
                .labelled_by(label.id)
                .changed()
            {
                intents.push(intent(RegistrationIntent::Apply {
                    year,
                    choices: vec![choice_of(unit_subject, title, line.form, &line.other_forms)],
                }));
            }
            let label = ui.label("Hình thức tập thể:");
            let mut form = line.form;
            if entry_combo(ui, "unit-form", &mut form, &unit_forms, 230.0)
                .labelled_by(label.id)
                .changed()
            {
                intents.push(intent(RegistrationIntent::Apply {
                    year,
                    choices: vec![choice_of(unit_subject, line.title, form, &line.other_forms)],
                }));
            }
            other_forms_label(ui, &line.other_forms, &unit_forms);
        });
        self.commitment_editor(ui, line, intents);
        ui.separator();

        let ldtt = individual_titles
            .iter()
            .find(|e| e.code == "LDTT")
            .map(|e| e.id);
        ui.horizontal_wrapped(|ui| {
            if ui
                .button("Đăng ký Lao động tiên tiến cho cả đơn vị")
                .on_hover_text("Cho những người đang công tác chưa đăng ký danh hiệu")
                .clicked()
            {
                let choices: Vec<SubjectChoice> = line
                    .staff
                    .iter()
                    .filter(|s| s.left.is_none() && s.title.is_none())
                    .map(|s| choice_of(Subject::Person(s.person.id), ldtt, s.form, &s.other_forms))
                    .collect();
                if !choices.is_empty() {
                    intents.push(intent(RegistrationIntent::Apply { year, choices }));
                }
            }
            let label = ui.label("Danh hiệu cho các dòng đã chọn:");
            entry_combo(
                ui,
                "bulk-title",
                &mut self.bulk_title,
                &individual_titles,
                200.0,
            )
            .labelled_by(label.id);
            let n = self.ticked.len();
            if ui
                .add_enabled(n > 0, egui::Button::new(format!("Áp dụng cho {n} người")))
                .clicked()
            {
                let choices = self.for_ticked(line, |s| (self.bulk_title, s.form));
                intents.push(intent(RegistrationIntent::Apply { year, choices }));
            }
            if ui
                .add_enabled(n > 0, egui::Button::new("Bỏ chọn"))
                .clicked()
            {
                self.ticked.clear();
            }
        });
        ui.horizontal_wrapped(|ui| {
            if ui.button("In bản đăng ký").clicked() {
                intents.push(intent(RegistrationIntent::Document {
                    year,
                    doc: RegistrationDoc::UnitForm(line.unit.id),
                    action: DocumentAction::Preview,
                }));
            }
            if ui.button("Xuất Excel cho đơn vị…").clicked() {
                intents.push(intent(RegistrationIntent::ExportUnitSheet {
                    year,
                    unit: line.unit.id,
                }));
            }
            if ui
                .add_enabled(
                    view.previous_year_has_data,
                    egui::Button::new(format!("Sao chép năm {} cho đơn vị", year - 1)),
                )
                .clicked()
            {
                intents.push(intent(RegistrationIntent::CopyLastYear {
                    year,
                    unit: Some(line.unit.id),
                }));
            }
        });
        ui.label(
            RichText::new("Bàn phím: mũi tên lên, xuống chuyển dòng · Space chọn dòng · L: Lao động tiên tiến · C: Chiến sĩ thi đua cơ sở · K: không đăng ký")
                .small(),
        );
        self.keyboard(ui, line, &individual_titles, year, intents);
        self.staff_grid(
            ui,
            line,
            &individual_titles,
            &individual_forms,
            year,
            intents,
        );
    }

    /// Choices for the ticked rows (or the cursor row when none is ticked).
    fn for_ticked(
        &self,
        line: &UnitLine,
        f: impl Fn(&StaffLine) -> (Option<CatalogueId>, Option<CatalogueId>),
    ) -> Vec<SubjectChoice> {
        line.staff
            .iter()
            .enumerate()
            .filter(|(i, s)| {
                s.left.is_none()
                    && if self.ticked.is_empty() {
                        *i == self.cursor
                    } else {
                        self.ticked.contains(&s.person.id)
                    }
            })
            .map(|(_, s)| {
                let (title, form) = f(s);
                choice_of(Subject::Person(s.person.id), title, form, &s.other_forms)
            })
            .collect()
    }

    fn status_actions(&mut self, ui: &mut Ui, line: &UnitLine, intents: &mut Vec<Intent>) {
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("Ngày gửi:");
            ui.add(egui::TextEdit::singleline(&mut self.sent_on).desired_width(90.0))
                .labelled_by(label.id);
            let sent_on = parse_date(&self.sent_on).ok().flatten();
            if ui
                .add_enabled(sent_on.is_some(), egui::Button::new("Đánh dấu đã gửi"))
                .clicked()
            {
                let mut s = line.submission.clone();
                s.status = SubmissionStatus::Sent;
                s.sent_on = sent_on;
                intents.push(intent(RegistrationIntent::SaveSubmission(s)));
            }
            if ui.button("Duyệt").clicked() {
                let mut s = line.submission.clone();
                s.status = SubmissionStatus::Approved;
                s.sent_on = s.sent_on.or(sent_on);
                intents.push(intent(RegistrationIntent::SaveSubmission(s)));
            }
        });
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("Lý do trả lại:");
            ui.add(egui::TextEdit::singleline(&mut self.return_reason).desired_width(300.0))
                .labelled_by(label.id);
            if ui
                .add_enabled(
                    !self.return_reason.trim().is_empty(),
                    egui::Button::new("Trả lại"),
                )
                .clicked()
            {
                let mut s = line.submission.clone();
                s.status = SubmissionStatus::Returned;
                s.returned_reason = self.return_reason.trim().to_owned();
                intents.push(intent(RegistrationIntent::SaveSubmission(s)));
            }
        });
    }

    fn commitment_editor(&mut self, ui: &mut Ui, line: &UnitLine, intents: &mut Vec<Intent>) {
        let label = ui.label("Nội dung đăng ký, giao ước (mỗi dòng một nội dung):");
        let mut text = self
            .commitment
            .clone()
            .unwrap_or_else(|| line.submission.commitment.clone());
        let response = ui
            .add(
                egui::TextEdit::multiline(&mut text)
                    .desired_rows(3)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        if response.changed() {
            self.commitment = Some(text);
        }
        let dirty = self.commitment.is_some();
        if ui
            .add_enabled(dirty, egui::Button::new("Lưu nội dung đăng ký"))
            .clicked()
            || (dirty && super::widgets::save_shortcut(ui.ctx()))
        {
            let mut s = line.submission.clone();
            s.commitment = self.commitment.clone().unwrap_or_default();
            intents.push(intent(RegistrationIntent::SaveSubmission(s)));
        }
    }

    fn keyboard(
        &mut self,
        ui: &mut Ui,
        line: &UnitLine,
        titles: &[&crate::domain::model::CatalogueEntry],
        year: i32,
        intents: &mut Vec<Intent>,
    ) {
        if ui.ctx().egui_wants_keyboard_input() || line.staff.is_empty() {
            return;
        }
        let code = |c: &str| titles.iter().find(|e| e.code == c).map(|e| e.id);
        let (down, up, space, l, c, k) = ui.input(|i| {
            (
                i.key_pressed(Key::ArrowDown),
                i.key_pressed(Key::ArrowUp),
                i.key_pressed(Key::Space),
                i.key_pressed(Key::L),
                i.key_pressed(Key::C),
                i.key_pressed(Key::K),
            )
        });
        let last = line.staff.len() - 1;
        if down {
            self.cursor = (self.cursor + 1).min(last);
        }
        if up {
            self.cursor = self.cursor.saturating_sub(1);
        }
        self.cursor = self.cursor.min(last);
        if space {
            let id = line.staff[self.cursor].person.id;
            if !self.ticked.remove(&id) {
                self.ticked.insert(id);
            }
        }
        let title = if l {
            Some(code("LDTT"))
        } else if c {
            Some(code("CSTDCS"))
        } else if k {
            Some(None)
        } else {
            None
        };
        if let Some(title) = title {
            let choices = self.for_ticked(line, |s| (title, s.form));
            if !choices.is_empty() {
                intents.push(intent(RegistrationIntent::Apply { year, choices }));
            }
        }
    }

    fn staff_grid(
        &mut self,
        ui: &mut Ui,
        line: &UnitLine,
        titles: &[&crate::domain::model::CatalogueEntry],
        forms: &[&crate::domain::model::CatalogueEntry],
        year: i32,
        intents: &mut Vec<Intent>,
    ) {
        egui::ScrollArea::vertical()
            .id_salt("registration-staff")
            .show(ui, |ui| {
                egui::Grid::new("registration-staff-grid")
                    .striped(true)
                    .num_columns(4)
                    .show(ui, |ui| {
                        ui.label(bold("Họ và tên"));
                        ui.label(bold("Chức vụ"));
                        ui.label(bold("Đăng ký danh hiệu"));
                        ui.label(bold("Đăng ký hình thức"));
                        ui.end_row();
                        for (i, s) in line.staff.iter().enumerate() {
                            let id = s.person.id;
                            let mut ticked = self.ticked.contains(&id);
                            let mut name = RichText::new(&s.person.full_name);
                            if i == self.cursor {
                                name = name.background_color(CURSOR_COLOR);
                            }
                            if ui
                                .add_enabled(
                                    s.left.is_none(),
                                    egui::Checkbox::new(&mut ticked, name),
                                )
                                .changed()
                            {
                                self.cursor = i;
                                if ticked {
                                    self.ticked.insert(id);
                                } else {
                                    self.ticked.remove(&id);
                                }
                            }
                            match &s.left {
                                Some(mark) => ui.label(
                                    RichText::new(format!("{} – {mark}", s.person.position))
                                        .italics(),
                                ),
                                None => ui.label(&s.person.position),
                            };
                            if s.left.is_some() {
                                ui.label(
                                    titles
                                        .iter()
                                        .find(|e| Some(e.id) == s.title)
                                        .map_or("", |e| e.name.as_str()),
                                );
                                ui.label("");
                                ui.end_row();
                                continue;
                            }
                            let subject = Subject::Person(id);
                            let mut title = s.title;
                            let person_name = &s.person.full_name;
                            if entry_combo(ui, ("title", id), &mut title, titles, 200.0)
                                .named(
                                    egui::Role::ComboBox,
                                    &format!("Danh hiệu của {person_name}"),
                                )
                                .changed()
                            {
                                self.cursor = i;
                                intents.push(intent(RegistrationIntent::Apply {
                                    year,
                                    choices: vec![choice_of(
                                        subject,
                                        title,
                                        s.form,
                                        &s.other_forms,
                                    )],
                                }));
                            }
                            let mut form = s.form;
                            if entry_combo(ui, ("form", id), &mut form, forms, 200.0)
                                .named(
                                    egui::Role::ComboBox,
                                    &format!("Hình thức của {person_name}"),
                                )
                                .changed()
                            {
                                self.cursor = i;
                                intents.push(intent(RegistrationIntent::Apply {
                                    year,
                                    choices: vec![choice_of(
                                        subject,
                                        s.title,
                                        form,
                                        &s.other_forms,
                                    )],
                                }));
                            }
                            other_forms_label(ui, &s.other_forms, forms);
                            ui.end_row();
                        }
                    });
            });
    }
}
