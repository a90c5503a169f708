//! Đề nghị khen thưởng: the year's nominations with their verdicts, nominating from the
//! registrations or one by one, sending to the council, and suggestions of higher titles.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};
use egui::{Color32, RichText, Ui};

use super::fonts::bold;
use super::intent::Intent;
use super::nomination_view::{NominationIntent, NominationLine, NominationsView, ReasonLevel};
use super::view_model::ViewModel;
use super::widgets::ERROR_COLOR;
use crate::domain::model::{CatalogueId, Rating, Subject, SubjectKind};
use crate::domain::nomination::{NominationId, NominationStatus};
use crate::domain::text::{fold, folded_matches};

const PASS_COLOR: Color32 = Color32::from_rgb(20, 120, 40);
const WARN_COLOR: Color32 = Color32::from_rgb(180, 90, 0);

pub(super) fn level_color(level: ReasonLevel, ui: &Ui) -> Color32 {
    match level {
        ReasonLevel::Pass => PASS_COLOR,
        ReasonLevel::Warn => WARN_COLOR,
        ReasonLevel::Block => ERROR_COLOR,
        ReasonLevel::Info => ui.visuals().text_color(),
    }
}

pub(super) fn intent(i: NominationIntent) -> Intent {
    Intent::Nomination(i)
}

#[derive(Debug, Default)]
pub struct NominationsScreen {
    year: Option<i32>,
    pub ticked: BTreeSet<NominationId>,
    pub selected: Option<NominationId>,
    pub only_blocked: bool,
    pub reason: String,
    /// Achievement text and rating being edited for the selected nomination.
    pub editing: Option<(String, Option<Rating>)>,
    pub search: String,
    pub new_subject: Option<Subject>,
    pub new_title: Option<CatalogueId>,
    /// The achievement report being edited for the selected nomination.
    pub report: Option<crate::domain::achievement::ReportText>,
}

impl NominationsScreen {
    pub fn year(&self, today: NaiveDate) -> i32 {
        self.year.unwrap_or(today.year())
    }

    pub fn set_year(&mut self, year: i32) {
        self.year = Some(year);
        self.discard_forms();
    }

    pub fn created(&mut self) {
        self.new_subject = None;
        self.new_title = None;
        self.search.clear();
    }

    pub fn text_saved(&mut self) {
        self.editing = None;
    }

    pub fn report_saved(&mut self) {
        self.report = None;
    }

    pub fn sent(&mut self) {
        self.ticked.clear();
        self.reason.clear();
    }

    pub fn is_dirty(&self) -> bool {
        self.editing.is_some() || self.report.is_some()
    }

    pub fn discard_forms(&mut self) {
        self.editing = None;
        self.report = None;
        self.ticked.clear();
        self.selected = None;
    }

    pub fn show(&mut self, ui: &mut Ui, vm: &ViewModel, intents: &mut Vec<Intent>) {
        let Some(view) = vm.nominations.as_ref() else {
            ui.label("Đang tải đề nghị khen thưởng…");
            return;
        };
        ui.horizontal(|ui| {
            ui.heading("Đề nghị khen thưởng");
            if let Some(year) = super::widgets::year_picker(
                ui,
                "nomination-year",
                "Năm:",
                view.year,
                vm.today.year() - 4..=vm.today.year(),
            ) {
                intents.push(intent(NominationIntent::SelectYear(year)));
            }
        });
        for t in &view.targets {
            ui.label(t);
        }
        ui.horizontal_wrapped(|ui| {
            ui.label("Tạo đề nghị từ bản đăng ký:");
            for (code, title, waiting) in &view.from_registrations {
                if ui
                    .add_enabled(
                        *waiting > 0,
                        egui::Button::new(format!("{title} ({waiting})")),
                    )
                    .on_hover_text(
                        "Những người, đơn vị đã đăng ký, có xếp loại đủ điều kiện, chưa có đề nghị",
                    )
                    .clicked()
                {
                    intents.push(intent(NominationIntent::FromRegistrations {
                        year: view.year,
                        code: code.clone(),
                    }));
                }
            }
        });
        self.add_one(ui, vm, view, intents);
        ui.separator();
        egui::Panel::right("nomination-detail")
            .resizable(true)
            .default_size(340.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("nomination-detail-scroll")
                    .show(ui, |ui| {
                        let line = self
                            .selected
                            .and_then(|id| view.lines.iter().find(|l| l.nomination.id == id));
                        match line {
                            Some(line) => self.detail(ui, vm, line, intents),
                            None => {
                                ui.label("Chọn một đề nghị để xem lý do và sửa thành tích.");
                            }
                        }
                        self.suggestions(ui, view, intents);
                    });
            });
        egui::CentralPanel::default().show(ui, |ui| self.list(ui, view, intents));
    }

    fn add_one(
        &mut self,
        ui: &mut Ui,
        vm: &ViewModel,
        view: &NominationsView,
        intents: &mut Vec<Intent>,
    ) {
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("Thêm đề nghị cho:");
            ui.add(
                egui::TextEdit::singleline(&mut self.search)
                    .hint_text("gõ tên người hoặc đơn vị")
                    .desired_width(180.0),
            )
            .labelled_by(label.id);
            let query = fold(&self.search);
            let mut options: Vec<(Subject, String)> = Vec::new();
            if !query.is_empty() {
                for u in vm
                    .units
                    .iter()
                    .filter(|u| u.active && folded_matches(&fold(&u.name), &query))
                {
                    options.push((Subject::Unit(u.id), format!("Tập thể {}", u.name)));
                }
                for p in vm.people.iter().filter(|p| {
                    p.person.active && folded_matches(&fold(&p.person.full_name), &query)
                }) {
                    options.push((
                        Subject::Person(p.person.id),
                        format!("{} – {}", p.person.full_name, p.unit_name),
                    ));
                }
                options.truncate(40);
            }
            let chosen = self
                .new_subject
                .and_then(|s| options.iter().find(|(o, _)| *o == s))
                .map_or("— chọn —".to_owned(), |(_, t)| t.clone());
            let label = ui.label("Đối tượng:");
            egui::ComboBox::from_id_salt("nomination-subject")
                .selected_text(chosen)
                .width(260.0)
                .show_ui(ui, |ui| {
                    for (s, text) in &options {
                        ui.selectable_value(&mut self.new_subject, Some(*s), text);
                    }
                })
                .response
                .labelled_by(label.id);
            let kind = self
                .new_subject
                .map(|s| s.kind())
                .unwrap_or(SubjectKind::Individual);
            let label = ui.label("Danh hiệu, hình thức:");
            let titles: Vec<_> = vm
                .catalogue
                .iter()
                .filter(|e| e.active && e.subject_kind == kind)
                .collect();
            let chosen = self
                .new_title
                .and_then(|t| titles.iter().find(|e| e.id == t))
                .map_or("— chọn —".to_owned(), |e| e.name.clone());
            egui::ComboBox::from_id_salt("nomination-title")
                .selected_text(chosen)
                .width(240.0)
                .show_ui(ui, |ui| {
                    for e in &titles {
                        ui.selectable_value(&mut self.new_title, Some(e.id), &e.name);
                    }
                })
                .response
                .labelled_by(label.id);
            let ready = self.new_subject.zip(self.new_title);
            if ui
                .add_enabled(ready.is_some(), egui::Button::new("Thêm đề nghị"))
                .clicked()
                && let Some((subject, catalogue_id)) = ready
            {
                intents.push(intent(NominationIntent::Create {
                    year: view.year,
                    subject,
                    catalogue_id,
                }));
            }
        });
    }

    fn list(&mut self, ui: &mut Ui, view: &NominationsView, intents: &mut Vec<Intent>) {
        ui.horizontal_wrapped(|ui| {
            ui.checkbox(&mut self.only_blocked, "Chỉ đề nghị chưa đủ điều kiện");
            let n = self.ticked.len();
            let label = ui.label("Lý do vẫn trình (khi còn cảnh báo):");
            ui.add(egui::TextEdit::singleline(&mut self.reason).desired_width(220.0))
                .labelled_by(label.id);
            if ui
                .add_enabled(
                    n > 0,
                    egui::Button::new(format!("Trình Hội đồng {n} đề nghị đã chọn")),
                )
                .clicked()
            {
                intents.push(intent(NominationIntent::SendToCouncil {
                    ids: self.ticked.iter().copied().collect(),
                    reason: Some(self.reason.clone()),
                }));
            }
            let drafts: Vec<NominationId> = view
                .lines
                .iter()
                .filter(|l| {
                    l.nomination.status == NominationStatus::Draft
                        && !l.verdict.blocked
                        && !l.verdict.warned
                })
                .map(|l| l.nomination.id)
                .collect();
            if ui
                .add_enabled(
                    !drafts.is_empty(),
                    egui::Button::new(format!("Chọn {} đề nghị đủ điều kiện", drafts.len())),
                )
                .clicked()
            {
                self.ticked = drafts.into_iter().collect();
            }
        });
        ui.label(format!("{} đề nghị", view.lines.len()));
        // Long unit names and titles widen the table past the window: it scrolls both ways.
        egui::ScrollArea::both()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                egui::Grid::new("nomination-grid")
                    .striped(true)
                    .num_columns(6)
                    .show(ui, |ui| {
                        for h in [
                            "Chọn",
                            "Họ và tên / Tên tập thể",
                            "Đơn vị đề nghị",
                            "Danh hiệu, hình thức",
                            "Trạng thái",
                            "Điều kiện",
                        ] {
                            ui.label(bold(h));
                        }
                        ui.end_row();
                        let only_blocked = self.only_blocked;
                        for line in view
                            .lines
                            .iter()
                            .filter(|l| !only_blocked || l.verdict.blocked)
                        {
                            self.row(ui, line);
                            ui.end_row();
                        }
                    });
            });
    }

    fn row(&mut self, ui: &mut Ui, line: &NominationLine) {
        let id = line.nomination.id;
        let mut ticked = self.ticked.contains(&id);
        let draft = line.nomination.status == NominationStatus::Draft;
        let response = ui.add_enabled(draft, egui::Checkbox::without_text(&mut ticked));
        response.widget_info(|| {
            egui::WidgetInfo::selected(
                egui::Role::CheckBox,
                draft,
                ticked,
                format!("Chọn {} – {}", line.name, line.title),
            )
        });
        if response.changed() {
            if ticked {
                self.ticked.insert(id);
            } else {
                self.ticked.remove(&id);
            }
        }
        if ui
            .selectable_label(self.selected == Some(id), &line.name)
            .on_hover_text(&line.position_unit)
            .clicked()
        {
            self.selected = Some(id);
            self.editing = None;
            self.report = None;
        }
        ui.label(&line.proposing_unit);
        ui.label(&line.title);
        let color = if line.verdict.blocked {
            ERROR_COLOR
        } else if line.verdict.warned {
            WARN_COLOR
        } else {
            PASS_COLOR
        };
        ui.label(line.nomination.status.label());
        ui.label(RichText::new(&line.verdict.summary).color(color));
    }

    fn suggestions(&mut self, ui: &mut Ui, view: &NominationsView, intents: &mut Vec<Intent>) {
        ui.separator();
        ui.label(bold(format!(
            "Gợi ý: đã đủ điều kiện danh hiệu, hình thức cao hơn ({})",
            view.suggestions.len()
        )));
        for s in &view.suggestions {
            ui.horizontal_wrapped(|ui| {
                ui.label(format!("{} – {}", s.name, s.title));
                if ui
                    .button(format!("Đề nghị {} – {}", s.name, s.title))
                    .clicked()
                {
                    intents.push(intent(NominationIntent::Create {
                        year: view.year,
                        subject: s.subject,
                        catalogue_id: s.catalogue_id,
                    }));
                }
            });
            for r in &s.reasons {
                ui.label(RichText::new(format!("  {r}")).small());
            }
        }
    }
}
