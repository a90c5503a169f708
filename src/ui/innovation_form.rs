//! The application form (Đơn yêu cầu công nhận sáng kiến) as typed: authors from the
//! registry or from outside, the description, the dates.

use chrono::NaiveDate;
use egui::{RichText, Ui};

use super::fonts::bold;
use super::view_model::ViewModel;
use super::widgets::{ERROR_COLOR, Named};
use crate::domain::innovation::{Author, Innovation, InnovationKind};
use crate::domain::model::PersonId;
use crate::domain::validate::{format_date, parse_date};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct AuthorRow {
    pub person: Option<PersonId>,
    pub name: String,
    pub birth: String,
    pub workplace: String,
    pub title: String,
    pub qualification: String,
    pub share: String,
}

/// The form's state: the innovation being edited with its dates and authors as text.
#[derive(Debug, Clone, PartialEq)]
pub struct InnovationForm {
    pub innovation: Innovation,
    pub received: String,
    pub first_applied: String,
    pub authors: Vec<AuthorRow>,
    pub dirty: bool,
}

impl InnovationForm {
    pub fn new(year: i32, today: NaiveDate) -> Self {
        Self::from_innovation(&Innovation::new(year, today))
    }

    pub fn from_innovation(i: &Innovation) -> Self {
        InnovationForm {
            received: format_date(i.received_on),
            first_applied: i.first_applied.map(format_date).unwrap_or_default(),
            authors: i
                .authors
                .iter()
                .map(|a| AuthorRow {
                    person: a.person,
                    name: a.name.clone(),
                    birth: a.birth_date.map(format_date).unwrap_or_default(),
                    workplace: a.workplace.clone(),
                    title: a.title.clone(),
                    qualification: a.qualification.clone(),
                    share: format!("{}", a.share),
                })
                .collect(),
            innovation: i.clone(),
            dirty: false,
        }
    }

    /// The innovation, or what is wrong with the typed dates and numbers.
    pub fn to_innovation(&self) -> Result<Innovation, Vec<String>> {
        let mut problems = Vec::new();
        let mut i = self.innovation.clone();
        match parse_date(&self.received) {
            Ok(Some(d)) => i.received_on = d,
            Ok(None) => problems.push("Hãy nhập ngày nhận đơn.".to_owned()),
            Err(e) => problems.push(format!("Ngày nhận đơn: {e}")),
        }
        match parse_date(&self.first_applied) {
            Ok(d) => i.first_applied = d,
            Err(e) => problems.push(format!("Ngày áp dụng lần đầu: {e}")),
        }
        i.authors = Vec::new();
        for (n, a) in self.authors.iter().enumerate() {
            let share = a
                .share
                .trim()
                .trim_end_matches('%')
                .replace(',', ".")
                .parse::<f64>();
            let birth = parse_date(&a.birth);
            match (share, birth) {
                (Ok(share), Ok(birth_date)) => i.authors.push(Author {
                    person: a.person,
                    name: a.name.clone(),
                    birth_date,
                    workplace: a.workplace.clone(),
                    title: a.title.clone(),
                    qualification: a.qualification.clone(),
                    share,
                }),
                (Err(_), _) => problems.push(format!(
                    "Tác giả {}: tỷ lệ đóng góp «{}» không phải là số.",
                    n + 1,
                    a.share
                )),
                (_, Err(e)) => problems.push(format!("Tác giả {}: ngày sinh {e}", n + 1)),
            }
        }
        if problems.is_empty() {
            problems.extend(i.problems().into_iter().map(|e| e.message));
        }
        if problems.is_empty() {
            Ok(i)
        } else {
            Err(problems)
        }
    }

    /// Draw the form; true when something changed.
    pub fn show(&mut self, ui: &mut Ui, vm: &ViewModel) -> bool {
        let mut changed = false;
        let i = &mut self.innovation;
        egui::Grid::new("innovation-form")
            .num_columns(2)
            .show(ui, |ui| {
                let mut line = |ui: &mut Ui, label: &str, value: &mut String| {
                    let l = ui.label(label);
                    changed |= ui
                        .add(egui::TextEdit::singleline(value).desired_width(420.0))
                        .labelled_by(l.id)
                        .changed();
                    ui.end_row();
                };
                line(ui, "Tên sáng kiến:", &mut i.name);
                line(ui, "Chủ đầu tư tạo ra sáng kiến:", &mut i.investor);
                line(ui, "Lĩnh vực áp dụng:", &mut i.field);
                line(ui, "Ngày nhận đơn:", &mut self.received);
                line(
                    ui,
                    "Ngày áp dụng lần đầu hoặc áp dụng thử:",
                    &mut self.first_applied,
                );
                let l = ui.label("Loại:");
                egui::ComboBox::from_id_salt("innovation-kind")
                    .selected_text(i.kind.label())
                    .show_ui(ui, |ui| {
                        for k in InnovationKind::ALL {
                            changed |= ui.selectable_value(&mut i.kind, *k, k.label()).changed();
                        }
                    })
                    .response
                    .labelled_by(l.id);
                ui.end_row();
            });
        ui.label(bold("Tác giả (tổng tỷ lệ đóng góp phải đúng 100%)"));
        let mut remove = None;
        egui::Grid::new("innovation-authors")
            .striped(true)
            .num_columns(7)
            .show(ui, |ui| {
                for (n, a) in self.authors.iter_mut().enumerate() {
                    let k = n + 1;
                    for (what, value, width) in [
                        ("Họ tên", &mut a.name, 150.0),
                        ("Ngày sinh", &mut a.birth, 80.0),
                        ("Nơi công tác", &mut a.workplace, 150.0),
                        ("Chức danh", &mut a.title, 100.0),
                        ("Trình độ chuyên môn", &mut a.qualification, 110.0),
                        ("Tỷ lệ đóng góp (%)", &mut a.share, 50.0),
                    ] {
                        changed |= ui
                            .add(
                                egui::TextEdit::singleline(value)
                                    .desired_width(width)
                                    .hint_text(what),
                            )
                            .named(egui::Role::TextInput, &format!("{what} tác giả {k}"))
                            .changed();
                    }
                    if ui.button(format!("Bỏ tác giả {k}")).clicked() {
                        remove = Some(n);
                    }
                    ui.end_row();
                }
            });
        if let Some(n) = remove {
            self.authors.remove(n);
            changed = true;
        }
        ui.horizontal(|ui| {
            let l = ui.label("Thêm tác giả trong danh sách cá nhân:");
            let mut chosen: Option<PersonId> = None;
            egui::ComboBox::from_id_salt("innovation-add-author")
                .selected_text("— chọn —")
                .width(260.0)
                .show_ui(ui, |ui| {
                    for p in vm.people.iter().filter(|p| p.person.active) {
                        ui.selectable_value(
                            &mut chosen,
                            Some(p.person.id),
                            format!("{} – {}", p.person.full_name, p.unit_name),
                        );
                    }
                })
                .response
                .labelled_by(l.id);
            if let Some(id) = chosen
                && let Some(p) = vm.people.iter().find(|p| p.person.id == id)
            {
                self.authors.push(AuthorRow {
                    person: Some(id),
                    name: p.person.full_name.clone(),
                    birth: p.person.birth_date.map(format_date).unwrap_or_default(),
                    workplace: p.unit_name.clone(),
                    title: p.person.position.clone(),
                    qualification: String::new(),
                    share: String::new(),
                });
                changed = true;
            }
            if ui.button("Thêm tác giả ngoài danh sách").clicked() {
                self.authors.push(AuthorRow::default());
                changed = true;
            }
        });
        let i = &mut self.innovation;
        for (label, value) in [
            ("Giải pháp đã biết:", &mut i.known_way),
            ("Điểm mới của sáng kiến:", &mut i.novelty),
            ("Cách thức áp dụng:", &mut i.how_applied),
            ("Thông tin cần được bảo mật:", &mut i.confidential),
            ("Điều kiện cần thiết để áp dụng:", &mut i.conditions),
            ("Lợi ích theo ý kiến tác giả:", &mut i.benefit_by_authors),
            (
                "Lợi ích theo ý kiến người đã áp dụng:",
                &mut i.benefit_by_appliers,
            ),
            (
                "Những người tham gia áp dụng lần đầu (mỗi dòng một người):",
                &mut i.first_appliers,
            ),
            (
                "Tài liệu kèm theo (mỗi dòng một tài liệu):",
                &mut i.attachments,
            ),
        ] {
            let l = ui.label(label);
            changed |= ui
                .add(
                    egui::TextEdit::multiline(value)
                        .desired_rows(2)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(l.id)
                .changed();
        }
        self.dirty |= changed;
        if let Err(problems) = self.to_innovation() {
            for p in problems {
                ui.label(RichText::new(p).color(ERROR_COLOR));
            }
        }
        changed
    }
}
