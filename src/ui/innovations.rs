//! Sáng kiến: the year's applications with their review deadlines, the application form,
//! the way to recognition, and the council's scores.

use chrono::{Datelike, NaiveDate};
use egui::{RichText, Ui};

use super::fonts::bold;
use super::innovation_form::InnovationForm;
use super::innovation_view::{InnovationDoc, InnovationIntent, InnovationLine, InnovationsView};
use super::intent::{DocumentAction, Intent};
use super::view_model::ViewModel;
use super::widgets::{ERROR_COLOR, Named};
use crate::domain::innovation::{InnovationId, InnovationLevel, InnovationStatus};
use crate::domain::innovation_scoring::MemberScores;
use crate::domain::text::{fold, folded_matches};
use crate::domain::validate::parse_date;

fn intent(i: InnovationIntent) -> Intent {
    Intent::Innovation(i)
}

#[derive(Debug, Default)]
pub struct InnovationsScreen {
    year: Option<i32>,
    pub search: String,
    pub status: Option<InnovationStatus>,
    pub unit_filter: Option<crate::domain::model::UnitId>,
    pub level_filter: Option<InnovationLevel>,
    pub selected: Option<InnovationId>,
    pub form: Option<InnovationForm>,
    pub decision_number: String,
    pub decision_date: String,
    pub level: Option<InnovationLevel>,
    pub reasons: String,
    /// Scores being typed for the selected innovation.
    pub scores: Option<Vec<MemberScores>>,
    pub new_member: String,
    /// Date of the recognition decision to issue.
    pub issue_date: String,
    /// The council and the sheet being edited.
    pub council: Option<Vec<crate::domain::council::CouncilMember>>,
    pub sheet: Option<crate::domain::innovation_scoring::ScoringSheet>,
}

impl InnovationsScreen {
    pub fn year(&self, today: NaiveDate) -> i32 {
        self.year.unwrap_or(today.year())
    }

    pub fn set_year(&mut self, year: i32) {
        self.year = Some(year);
        self.discard_forms();
    }

    pub fn saved(&mut self, id: InnovationId) {
        self.form = None;
        self.selected = Some(id);
        self.reasons.clear();
        self.scores = None;
    }

    pub fn is_dirty(&self) -> bool {
        self.form.as_ref().is_some_and(|f| f.dirty) || self.scores.is_some()
    }

    pub fn settings_saved(&mut self) {
        self.council = None;
        self.sheet = None;
    }

    pub fn discard_forms(&mut self) {
        self.form = None;
        self.scores = None;
        self.selected = None;
    }

    pub fn show(&mut self, ui: &mut Ui, vm: &ViewModel, intents: &mut Vec<Intent>) {
        let Some(view) = vm.innovations.as_ref() else {
            ui.label("Đang tải sáng kiến…");
            return;
        };
        ui.horizontal_wrapped(|ui| {
            ui.heading("Sáng kiến");
            if let Some(year) = super::widgets::year_picker(
                ui,
                "innovation-year",
                "Năm:",
                view.year,
                vm.today.year() - 5..=vm.today.year(),
            ) {
                intents.push(intent(InnovationIntent::SelectYear(year)));
            }
            if let Some(d) = view.deadline {
                ui.label(format!(
                    "Hạn nộp đơn theo kế hoạch: {}",
                    d.format("%d/%m/%Y")
                ));
            }
            if ui.button("Nhận đơn mới").clicked() {
                self.form = Some(InnovationForm::new(view.year, vm.today));
                self.selected = None;
            }
            for (label, doc) in [
                ("In phiếu chấm điểm", InnovationDoc::ScoringSheets),
                ("In tổng hợp điểm", InnovationDoc::ScoreSummary),
                (
                    "In quyết định công nhận",
                    InnovationDoc::RecognitionDecision,
                ),
                ("In danh sách công nhận", InnovationDoc::RecognitionList),
            ] {
                if ui.button(label).clicked() {
                    intents.push(intent(InnovationIntent::Document {
                        year: view.year,
                        doc,
                        action: DocumentAction::Preview,
                    }));
                }
            }
        });
        ui.horizontal(|ui| {
            let passing = view
                .lines
                .iter()
                .filter(|l| {
                    l.innovation.is_open() && view.sheet.score(&l.scores).is_ok_and(|r| r.passes)
                })
                .count();
            let l = ui.label("Ngày ký quyết định công nhận:");
            ui.add(
                egui::TextEdit::singleline(&mut self.issue_date)
                    .hint_text("dd/mm/yyyy")
                    .desired_width(90.0),
            )
            .labelled_by(l.id);
            let date = parse_date(&self.issue_date).ok().flatten();
            if ui
                .add_enabled(
                    passing > 0 && date.is_some(),
                    egui::Button::new(format!(
                        "Ban hành quyết định công nhận {passing} sáng kiến đạt"
                    )),
                )
                .clicked()
                && let Some(date) = date
            {
                intents.push(intent(InnovationIntent::IssueDecision {
                    year: view.year,
                    date,
                }));
            }
        });
        ui.horizontal(|ui| {
            let l = ui.label("Tìm:");
            ui.add(
                egui::TextEdit::singleline(&mut self.search)
                    .hint_text("tên sáng kiến hoặc tác giả")
                    .desired_width(220.0),
            )
            .labelled_by(l.id);
            let l = ui.label("Trạng thái:");
            egui::ComboBox::from_id_salt("innovation-status-filter")
                .selected_text(self.status.map_or("Tất cả", |s| s.label()))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.status, None, "Tất cả");
                    for s in InnovationStatus::ALL {
                        ui.selectable_value(&mut self.status, Some(*s), s.label());
                    }
                })
                .response
                .labelled_by(l.id);
            let l = ui.label("Đơn vị:");
            egui::ComboBox::from_id_salt("innovation-unit-filter")
                .selected_text(self.unit_filter.map_or("Tất cả", |u| vm.unit_name(u)))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.unit_filter, None, "Tất cả");
                    for u in vm.units.iter().filter(|u| u.active) {
                        ui.selectable_value(&mut self.unit_filter, Some(u.id), &u.name);
                    }
                })
                .response
                .labelled_by(l.id);
            let l = ui.label("Cấp:");
            egui::ComboBox::from_id_salt("innovation-level-filter")
                .selected_text(self.level_filter.map_or("Tất cả", |x| x.label()))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.level_filter, None, "Tất cả");
                    for x in InnovationLevel::ALL {
                        ui.selectable_value(&mut self.level_filter, Some(*x), x.label());
                    }
                })
                .response
                .labelled_by(l.id);
        });
        self.council_and_sheet(ui, view, intents);
        ui.separator();
        egui::Panel::top("innovation-list")
            .resizable(true)
            .default_size(220.0)
            .show(ui, |ui| self.list(ui, view));
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("innovation-detail")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    if self.form.is_some() {
                        self.form_panel(ui, vm, intents);
                    } else if let Some(line) = self
                        .selected
                        .and_then(|id| view.lines.iter().find(|l| l.innovation.id == id))
                    {
                        self.detail(ui, vm, view, line, intents);
                    } else {
                        ui.label("Chọn một sáng kiến trong danh sách, hoặc bấm «Nhận đơn mới».");
                    }
                });
        });
    }

    fn list(&mut self, ui: &mut Ui, view: &InnovationsView) {
        let query = fold(&self.search);
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                egui::Grid::new("innovation-grid")
                    .striped(true)
                    .num_columns(5)
                    .show(ui, |ui| {
                        for h in [
                            "Tên sáng kiến",
                            "Tác giả",
                            "Nhận đơn",
                            "Trạng thái",
                            "Hạn xét",
                        ] {
                            ui.label(bold(h));
                        }
                        ui.end_row();
                        for line in &view.lines {
                            let i = &line.innovation;
                            if self.status.is_some_and(|s| s != i.status)
                                || self.unit_filter.is_some_and(|u| !line.units.contains(&u))
                                || self.level_filter.is_some_and(|x| i.level != Some(x))
                                || !(query.is_empty()
                                    || folded_matches(&fold(&i.name), &query)
                                    || folded_matches(&fold(&line.authors), &query))
                            {
                                continue;
                            }
                            if ui
                                .selectable_label(self.selected == Some(i.id), &i.name)
                                .clicked()
                            {
                                self.selected = Some(i.id);
                                self.form = None;
                                self.scores = None;
                            }
                            ui.label(&line.authors);
                            let received = i.received_on.format("%d/%m/%Y").to_string();
                            ui.label(if line.late {
                                RichText::new(format!("{received} (nộp muộn)")).color(ERROR_COLOR)
                            } else {
                                RichText::new(received)
                            });
                            let status = match i.level {
                                Some(l) if i.status == InnovationStatus::Recognised => {
                                    format!("{} {}", i.status.label(), l.label().to_lowercase())
                                }
                                _ => i.status.label().to_owned(),
                            };
                            ui.label(status);
                            let review = RichText::new(line.review.clone().unwrap_or_default());
                            ui.label(if line.overdue {
                                review.color(ERROR_COLOR).strong()
                            } else {
                                review
                            });
                            ui.end_row();
                        }
                    });
            });
    }

    fn form_panel(&mut self, ui: &mut Ui, vm: &ViewModel, intents: &mut Vec<Intent>) {
        let Some(form) = self.form.as_mut() else {
            return;
        };
        ui.heading(if form.innovation.id == 0 {
            "Đơn yêu cầu công nhận sáng kiến (mới)"
        } else {
            "Sửa đơn yêu cầu công nhận sáng kiến"
        });
        form.show(ui, vm);
        let ready = form.to_innovation();
        let mut cancel = false;
        ui.horizontal(|ui| {
            let save = ui
                .add_enabled(ready.is_ok(), egui::Button::new(bold("Lưu đơn")))
                .clicked()
                || (ready.is_ok() && form.dirty && super::widgets::save_shortcut(ui.ctx()));
            if save && let Ok(i) = ready {
                intents.push(intent(InnovationIntent::Save(Box::new(i))));
            }
            cancel = ui.button("Hủy").clicked();
        });
        if cancel {
            self.form = None;
        }
    }

    fn detail(
        &mut self,
        ui: &mut Ui,
        vm: &ViewModel,
        view: &InnovationsView,
        line: &InnovationLine,
        intents: &mut Vec<Intent>,
    ) {
        let i = &line.innovation;
        ui.heading(&i.name);
        ui.label(format!(
            "{} · {} · tác giả: {}",
            i.kind.label(),
            i.status.label(),
            line.authors
        ));
        if let Some(r) = &line.review {
            ui.label(
                RichText::new(format!(
                    "Hạn xét {}: {r}",
                    i.review_due().format("%d/%m/%Y")
                ))
                .color(if line.overdue {
                    ERROR_COLOR
                } else {
                    ui.visuals().text_color()
                }),
            );
        }
        if i.status == InnovationStatus::Recognised {
            ui.label(format!(
                "Công nhận {} theo Quyết định số {} ngày {}",
                i.level.map_or("", |l| l.label()),
                i.decision_number,
                i.decision_date
                    .map(|d| d.format("%d/%m/%Y").to_string())
                    .unwrap_or_default()
            ));
        }
        if i.status == InnovationStatus::NotRecognised {
            ui.label(format!("Lý do không công nhận: {}", i.rejection_reasons));
        }
        ui.horizontal_wrapped(|ui| {
            if i.status != InnovationStatus::Recognised && ui.button("Sửa đơn").clicked() {
                self.form = Some(InnovationForm::from_innovation(i));
            }
            if i.status == InnovationStatus::Received && ui.button("Chuyển sang đang xét").clicked()
            {
                intents.push(intent(InnovationIntent::StartReview(i.id)));
            }
            for (label, doc) in [
                ("In đơn", InnovationDoc::Application(i.id)),
                ("In giấy biên nhận", InnovationDoc::Receipt(i.id)),
            ] {
                if ui.button(label).clicked() {
                    intents.push(intent(InnovationIntent::Document {
                        year: view.year,
                        doc,
                        action: DocumentAction::Preview,
                    }));
                }
            }
            if i.status == InnovationStatus::Recognised && ui.button("In giấy chứng nhận").clicked()
            {
                intents.push(intent(InnovationIntent::Document {
                    year: view.year,
                    doc: InnovationDoc::Certificate(i.id),
                    action: DocumentAction::Preview,
                }));
            }
            if !matches!(i.status, InnovationStatus::Recognised) && ui.button("Xóa đơn").clicked()
            {
                intents.push(intent(InnovationIntent::Delete(i.id)));
            }
        });
        ui.separator();
        self.scoring(ui, view, line, intents);
        ui.separator();
        self.decide(ui, line, intents);
        let _ = vm;
    }

    fn scoring(
        &mut self,
        ui: &mut Ui,
        view: &InnovationsView,
        line: &InnovationLine,
        intents: &mut Vec<Intent>,
    ) {
        ui.label(bold("Chấm điểm của Hội đồng sáng kiến"));
        if let Some(r) = &line.result {
            ui.label(r);
        }
        let sheet = &view.sheet;
        let scores = self.scores.get_or_insert_with(|| line.scores.clone());
        let mut remove = None;
        egui::Grid::new("innovation-scores")
            .striped(true)
            .show(ui, |ui| {
                ui.label(bold("Thành viên"));
                for c in &sheet.criteria {
                    ui.label(bold(format!("{} (tối đa {})", c.name, c.max_points)));
                }
                ui.label(bold("Tổng (thang 100)"));
                ui.label(bold("Không tính"));
                ui.end_row();
                for (n, m) in scores.iter_mut().enumerate() {
                    ui.label(&m.member);
                    m.scores.resize(sheet.criteria.len(), 0.0);
                    for (c, s) in sheet.criteria.iter().zip(m.scores.iter_mut()) {
                        ui.add(egui::DragValue::new(s).range(0.0..=1000.0))
                            .named(egui::Role::SpinButton, &format!("{}: {}", c.name, m.member));
                    }
                    let total = sheet.total(&m.scores);
                    let total = format!("{:.1}", total).replace('.', ",");
                    ui.label(if m.recused {
                        RichText::new(format!("{total} (không tính)")).italics()
                    } else {
                        RichText::new(total)
                    });
                    ui.checkbox(&mut m.recused, format!("Không tính ({})", m.member))
                        .on_hover_text("Thành viên là tác giả hoặc cùng đơn vị với tác giả");
                    if ui.button(format!("Bỏ {}", m.member)).clicked() {
                        remove = Some(n);
                    }
                    ui.end_row();
                }
            });
        if let Some(n) = remove {
            scores.remove(n);
        }
        ui.horizontal(|ui| {
            if ui
                .add_enabled(
                    !view.council.is_empty(),
                    egui::Button::new("Thêm cả Hội đồng sáng kiến"),
                )
                .clicked()
            {
                for m in &view.council {
                    if !scores.iter().any(|s| s.member == m.name) {
                        scores.push(MemberScores {
                            member: m.name.clone(),
                            scores: vec![0.0; sheet.criteria.len()],
                            recused: false,
                        });
                    }
                }
            }
            let l = ui.label("Thành viên:");
            ui.add(egui::TextEdit::singleline(&mut self.new_member).desired_width(200.0))
                .labelled_by(l.id);
            if ui
                .add_enabled(
                    !self.new_member.trim().is_empty(),
                    egui::Button::new("Thêm thành viên chấm"),
                )
                .clicked()
            {
                scores.push(MemberScores {
                    member: self.new_member.trim().to_owned(),
                    scores: vec![0.0; sheet.criteria.len()],
                    recused: false,
                });
                self.new_member.clear();
            }
        });
        match sheet.score(scores) {
            Ok(r) if !scores.is_empty() => {
                ui.label(r.text());
            }
            Ok(_) => {}
            Err(e) => {
                ui.label(RichText::new(e).color(ERROR_COLOR));
            }
        }
        if ui.button("Lưu điểm").clicked() {
            intents.push(intent(InnovationIntent::SaveScores {
                id: line.innovation.id,
                scores: scores.clone(),
            }));
        }
    }

    fn decide(&mut self, ui: &mut Ui, line: &InnovationLine, intents: &mut Vec<Intent>) {
        let i = &line.innovation;
        ui.label(bold(if i.status == InnovationStatus::Recognised {
            "Sửa việc công nhận (bằng quyết định mới)"
        } else {
            "Kết quả xét"
        }));
        egui::Grid::new("innovation-decide")
            .num_columns(2)
            .show(ui, |ui| {
                let l = ui.label("Cấp công nhận:");
                egui::ComboBox::from_id_salt("innovation-level")
                    .selected_text(self.level.map_or("— chọn —", |l| l.label()))
                    .show_ui(ui, |ui| {
                        for l in InnovationLevel::ALL {
                            ui.selectable_value(&mut self.level, Some(*l), l.label());
                        }
                    })
                    .response
                    .labelled_by(l.id);
                ui.end_row();
                let l = ui.label("Số quyết định công nhận:");
                ui.text_edit_singleline(&mut self.decision_number)
                    .labelled_by(l.id);
                ui.end_row();
                let l = ui.label("Ngày quyết định:");
                ui.text_edit_singleline(&mut self.decision_date)
                    .labelled_by(l.id);
                ui.end_row();
            });
        let date = parse_date(&self.decision_date).ok().flatten();
        let ready = self
            .level
            .zip(date)
            .filter(|_| !self.decision_number.trim().is_empty());
        if ui
            .add_enabled(ready.is_some(), egui::Button::new("Công nhận"))
            .clicked()
            && let Some((level, date)) = ready
        {
            intents.push(intent(InnovationIntent::Recognise {
                id: i.id,
                level,
                number: self.decision_number.clone(),
                date,
            }));
        }
        if i.status != InnovationStatus::Recognised {
            ui.horizontal(|ui| {
                let l = ui.label("Lý do không công nhận:");
                ui.add(egui::TextEdit::singleline(&mut self.reasons).desired_width(320.0))
                    .labelled_by(l.id);
                if ui
                    .add_enabled(
                        !self.reasons.trim().is_empty(),
                        egui::Button::new("Không công nhận"),
                    )
                    .clicked()
                {
                    intents.push(intent(InnovationIntent::Reject {
                        id: i.id,
                        reasons: self.reasons.clone(),
                    }));
                }
            });
        }
    }
}
