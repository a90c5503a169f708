//! Sáng kiến: the year's applications with their review deadlines, the application form,
//! the way to recognition, and the council's scores.

use chrono::{Datelike, NaiveDate};
use egui::{RichText, Ui};

use super::fonts::bold;
use super::innovation_form::InnovationForm;
use super::innovation_view::{InnovationDoc, InnovationIntent, InnovationLine, InnovationsView};
use super::intent::Intent;
use super::view_model::ViewModel;
use super::widgets::{ERROR_COLOR, date_field};
use crate::domain::innovation::{InnovationId, InnovationLevel, InnovationStatus};
use crate::domain::innovation_scoring::MemberScores;
use crate::domain::text::{fold, folded_matches};

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
    /// The council meeting being set up.
    pub meeting: Option<super::innovation_meetings::MeetingForm>,
    /// The form edits a recognised innovation: saving it issues an amending decision.
    pub correcting: bool,
    pub correction_date: String,
    /// A recognition from above being recorded.
    pub higher: super::innovation_recognition::HigherForm,
    /// Date of the tờ trình proposing innovations to the province.
    pub proposal_date: String,
}

impl InnovationsScreen {
    pub fn year(&self, today: NaiveDate) -> i32 {
        self.year.unwrap_or(today.year())
    }

    pub fn set_year(&mut self, year: i32) {
        self.year = Some(year);
        self.discard_forms();
    }

    pub fn meeting_saved(&mut self) {
        self.meeting = None;
    }

    pub fn saved(&mut self, id: InnovationId) {
        self.form = None;
        self.correcting = false;
        self.higher = Default::default();
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
        self.correcting = false;
        self.meeting = None;
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
                ("In phiếu chấm điểm", InnovationDoc::ScoringSheets(None)),
                ("In tổng hợp điểm", InnovationDoc::ScoreSummary),
                (
                    "In quyết định công nhận",
                    InnovationDoc::RecognitionDecision(None),
                ),
                (
                    "In danh sách công nhận",
                    InnovationDoc::RecognitionList(None),
                ),
            ] {
                if let Some(action) = super::widgets::document_menu(ui, label, true) {
                    intents.push(intent(InnovationIntent::Document {
                        year: view.year,
                        doc,
                        action,
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
            let date = date_field(ui, "Ngày ký quyết định công nhận:", &mut self.issue_date);
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
        self.province_proposal(ui, view, intents);
        self.council_and_sheet(ui, view, intents);
        self.meetings(ui, view, intents);
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
                                || self
                                    .unit_filter
                                    .is_some_and(|u| !line.units.iter().any(|(x, _)| *x == u))
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
                                self.correcting = false;
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
        } else if self.correcting {
            "Sửa sáng kiến đã công nhận (bằng quyết định sửa đổi)"
        } else {
            "Sửa đơn yêu cầu công nhận sáng kiến"
        });
        form.show(ui, vm);
        let ready = form.to_innovation();
        let mut cancel = false;
        if self.correcting {
            ui.label("Số quyết định sửa đổi lấy từ sổ văn bản; quyết định cũ được giữ trong nhật ký thay đổi.");
            ui.horizontal(|ui| {
                let date = date_field(ui, "Ngày quyết định sửa đổi:", &mut self.correction_date);
                if ui
                    .add_enabled(
                        ready.is_ok() && date.is_some(),
                        egui::Button::new(bold("Ra quyết định sửa đổi")),
                    )
                    .clicked()
                    && let (Ok(i), Some(date)) = (ready, date)
                {
                    intents.push(intent(InnovationIntent::Correct {
                        innovation: Box::new(i),
                        date,
                    }));
                }
                cancel = ui.button("Hủy").clicked();
            });
            if cancel {
                self.form = None;
                self.correcting = false;
            }
            return;
        }
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
                if let Some(action) = super::widgets::document_menu(ui, label, true) {
                    intents.push(intent(InnovationIntent::Document {
                        year: view.year,
                        doc,
                        action,
                    }));
                }
            }
            if i.status == InnovationStatus::Recognised
                && let Some(action) = super::widgets::document_menu(ui, "In giấy chứng nhận", true)
            {
                intents.push(intent(InnovationIntent::Document {
                    year: view.year,
                    doc: InnovationDoc::Certificate(i.id),
                    action,
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
}
