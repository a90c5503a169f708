//! One unit's registration: its status (sent, returned with a reason, approved), its own
//! title and form, the commitment, and the staff grid with bulk and keyboard entry.

use egui::{RichText, Ui};

use super::intent::Intent;
use super::registration_view::{
    ErrorPlace, RegistrationDoc, RegistrationIntent, RegistrationsView, StaffLine, UnitLine,
};
use super::registrations::{RegistrationsScreen, intent};
use super::view_model::ViewModel;
use super::widgets::ERROR_COLOR;
use crate::domain::model::{AwardKind, CatalogueEntry, CatalogueId, Subject, SubjectKind};
use crate::domain::registration::{SubjectChoice, SubmissionStatus, choices};
use crate::domain::validate::parse_date;

/// What a row asks for: its title and shown form, and the other forms it keeps.
pub(super) fn choice_of(
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
pub(super) fn other_forms_label(ui: &mut Ui, others: &[CatalogueId], forms: &[&CatalogueEntry]) {
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
pub(super) fn entry_combo(
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
    /// The refused change's reason, in red, when it was made at `place`.
    pub(super) fn error_at(&self, ui: &mut Ui, place: ErrorPlace) {
        if let Some(e) = self.error.as_ref().filter(|e| e.place == place) {
            ui.label(RichText::new(&e.message).color(ERROR_COLOR));
        }
    }

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
        self.error_at(ui, ErrorPlace::Row(unit_subject));
        self.commitment_editor(ui, line, intents);
        self.error_at(ui, ErrorPlace::Submission);
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
                .add_enabled(
                    n > 0,
                    egui::Button::new(format!("Áp dụng danh hiệu cho {n} người")),
                )
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
            let label = ui.label("Hình thức cho các dòng đã chọn:");
            entry_combo(
                ui,
                "bulk-form",
                &mut self.bulk_form,
                &individual_forms,
                200.0,
            )
            .labelled_by(label.id);
            let n = self.ticked.len();
            if ui
                .add_enabled(
                    n > 0,
                    egui::Button::new(format!("Áp dụng hình thức cho {n} người")),
                )
                .on_hover_text("Thay hình thức đang hiện ở mỗi dòng; các hình thức khác được giữ")
                .clicked()
            {
                let choices = self.for_ticked(line, |s| (s.title, self.bulk_form));
                intents.push(intent(RegistrationIntent::Apply { year, choices }));
            }
        });
        self.error_at(ui, ErrorPlace::Selection);
        ui.horizontal_wrapped(|ui| {
            if let Some(action) = super::widgets::document_menu(ui, "In bản đăng ký", true) {
                intents.push(intent(RegistrationIntent::Document {
                    year,
                    doc: RegistrationDoc::UnitForm(line.unit.id),
                    action,
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
        super::registration_staff::withdrawn_lines(ui, line);
    }

    /// Choices for the ticked rows (or the cursor row when none is ticked).
    pub(super) fn for_ticked(
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
            let parsed = parse_date(&self.sent_on);
            let sent_on = parsed.clone().ok().flatten();
            match parsed {
                Err(message) => {
                    ui.label(RichText::new(message).color(ERROR_COLOR));
                }
                Ok(None) => {
                    ui.label(
                        RichText::new("Nhập ngày đơn vị gửi để đánh dấu đã gửi.")
                            .color(ERROR_COLOR),
                    );
                }
                Ok(Some(_)) => {}
            }
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
}
