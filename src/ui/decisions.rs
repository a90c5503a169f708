//! Quyết định khen thưởng: the year's decisions; a new one from the council's approved
//! nominations in a few clicks; the draft's subjects, order and signer; issuing with the
//! number from the register; printing; an amendment or a cancellation by a new decision.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};
use egui::{RichText, Ui};

use super::decision_view::{DecisionIntent, DecisionLine, DecisionsView};
use super::fonts::bold;
use super::intent::Intent;
use super::view_model::ViewModel;
use super::widgets::ERROR_COLOR;
use crate::domain::decision::{Decision, DecisionId, DecisionStatus};
use crate::domain::model::CatalogueId;
use crate::domain::text::{fold, group_thousands};

fn intent(i: DecisionIntent) -> Intent {
    Intent::Decision(i)
}

#[derive(Debug, Default)]
pub struct DecisionsScreen {
    year: Option<i32>,
    pub search: String,
    /// Only drafts, or only issued decisions (None: all).
    pub status: Option<DecisionStatus>,
    pub selected: Option<DecisionId>,
    pub titles: BTreeSet<CatalogueId>,
    /// The draft being edited.
    pub draft: Option<Decision>,
    pub number: String,
    pub date: String,
    /// Entries of the selected draft unticked (by position).
    pub removed: BTreeSet<usize>,
    /// The draft was edited and not saved.
    pub changed: bool,
    /// Subjects being added to the selected draft.
    pub adding: super::decision_draft::AddForm,
    /// Another body's decision being recorded.
    pub external: super::decision_external::ExternalForm,
}

impl DecisionsScreen {
    pub fn year(&self, today: NaiveDate) -> i32 {
        self.year.unwrap_or(today.year())
    }

    pub fn set_year(&mut self, year: i32) {
        self.year = Some(year);
        self.discard_forms();
    }

    pub fn saved(&mut self, id: DecisionId) {
        self.selected = Some(id);
        self.draft = None;
        self.titles.clear();
        self.removed.clear();
        self.adding = Default::default();
        self.changed = false;
    }

    pub fn is_dirty(&self) -> bool {
        self.changed
    }

    pub fn discard_forms(&mut self) {
        self.draft = None;
        self.selected = None;
        self.titles.clear();
        self.removed.clear();
        self.adding = Default::default();
        self.changed = false;
    }

    pub fn show(&mut self, ui: &mut Ui, vm: &ViewModel, intents: &mut Vec<Intent>) {
        let Some(view) = vm.decisions.as_ref() else {
            ui.label("Đang tải quyết định…");
            return;
        };
        ui.horizontal_wrapped(|ui| {
            ui.heading("Quyết định khen thưởng");
            if let Some(year) = super::widgets::year_picker(
                ui,
                "decision-year",
                "Năm thành tích:",
                view.year,
                vm.today.year() - 5..=vm.today.year(),
            ) {
                intents.push(intent(DecisionIntent::SelectYear(year)));
            }
            let l = ui.label("Tìm:");
            ui.add(
                egui::TextEdit::singleline(&mut self.search)
                    .hint_text("số, trích yếu, danh hiệu hoặc họ tên")
                    .desired_width(240.0),
            )
            .labelled_by(l.id);
            ui.label("Trạng thái:");
            ui.selectable_value(&mut self.status, None, "Tất cả");
            for s in [DecisionStatus::Draft, DecisionStatus::Issued] {
                ui.selectable_value(&mut self.status, Some(s), s.label());
            }
        });
        ui.horizontal_wrapped(|ui| {
            ui.label(bold(
                "Quyết định mới từ đề nghị đã được Hội đồng thông qua:",
            ));
            for (id, title, n) in &view.approved {
                let mut on = self.titles.contains(id);
                if ui.checkbox(&mut on, format!("{title} ({n})")).changed() {
                    if on {
                        self.titles.insert(*id);
                    } else {
                        self.titles.remove(id);
                    }
                }
            }
            if view.approved.is_empty() {
                ui.label("(không còn đề nghị nào chờ quyết định)");
            }
            if ui
                .add_enabled(
                    !self.titles.is_empty(),
                    egui::Button::new("Tạo dự thảo quyết định"),
                )
                .clicked()
            {
                intents.push(intent(DecisionIntent::FromNominations {
                    year: view.year,
                    titles: self.titles.iter().copied().collect(),
                }));
            }
        });
        self.external(ui, vm, view.year, intents);
        ui.separator();
        egui::Panel::left("decision-list")
            .resizable(true)
            .default_size(420.0)
            .show(ui, |ui| self.list(ui, view));
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("decision-detail")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    match self
                        .selected
                        .and_then(|id| view.lines.iter().find(|l| l.decision.id == id))
                    {
                        Some(line) => self.detail(ui, vm, view, line, intents),
                        None => {
                            ui.label("Chọn một quyết định trong danh sách.");
                        }
                    }
                });
        });
    }

    fn list(&mut self, ui: &mut Ui, view: &DecisionsView) {
        let query = fold(&self.search);
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let mut shown = 0;
                for line in &view.lines {
                    let d = &line.decision;
                    if !line.matches(&query, self.status) {
                        continue;
                    }
                    shown += 1;
                    let number = if d.number.is_empty() {
                        "Dự thảo".to_owned()
                    } else {
                        d.number.clone()
                    };
                    let text = format!(
                        "{number} – {} ({} đối tượng)",
                        d.subject_line,
                        d.entries.len()
                    );
                    if ui
                        .selectable_label(self.selected == Some(d.id), text)
                        .clicked()
                    {
                        self.selected = Some(d.id);
                        self.draft = None;
                        self.number.clear();
                        self.removed.clear();
                        self.adding = Default::default();
                        self.changed = false;
                    }
                }
                if shown == 0 && !view.lines.is_empty() {
                    ui.label("Không có quyết định nào khớp với bộ lọc.");
                }
            });
    }

    fn detail(
        &mut self,
        ui: &mut Ui,
        vm: &ViewModel,
        view: &DecisionsView,
        line: &DecisionLine,
        intents: &mut Vec<Intent>,
    ) {
        let d = &line.decision;
        let issued = d.status == DecisionStatus::Issued;
        ui.heading(if issued {
            format!("Quyết định số {}", d.number)
        } else {
            "Dự thảo quyết định".to_owned()
        });
        ui.label(format!(
            "{} · {} đối tượng · tổng tiền {} đồng{}",
            d.status.label(),
            d.entries.len(),
            group_thousands(line.total),
            d.issued_on
                .map(|x| format!(" · ngày {}", x.format("%d/%m/%Y")))
                .unwrap_or_default()
        ));
        ui.horizontal_wrapped(|ui| {
            if let Some(action) = super::widgets::document_menu(ui, "In quyết định", true) {
                intents.push(intent(DecisionIntent::Document { id: d.id, action }));
            }
            if ui.button("Xuất danh sách Excel…").clicked() {
                intents.push(intent(DecisionIntent::ExportList(d.id)));
            }
            if issued && !d.cancels {
                if ui.button("In giấy khen").clicked() {
                    intents.push(intent(DecisionIntent::Certificates {
                        id: d.id,
                        on_blanks: false,
                    }));
                }
                if ui
                    .button("In giấy khen trên phôi")
                    .on_hover_text("Vị trí các trường trên phôi: Cài đặt → Phôi giấy khen")
                    .clicked()
                {
                    intents.push(intent(DecisionIntent::Certificates {
                        id: d.id,
                        on_blanks: true,
                    }));
                }
                if ui.button("In lưới căn chỉnh phôi").clicked() {
                    intents.push(intent(DecisionIntent::CalibrationGrid));
                }
            }
            if issued && d.internal && !d.cancels {
                if ui
                    .button("Ra quyết định sửa đổi")
                    .on_hover_text(
                        "Một dự thảo mới với danh sách của quyết định này: bỏ chọn, thêm người rồi ban hành",
                    )
                    .clicked()
                {
                    intents.push(intent(DecisionIntent::Amend(d.id)));
                }
                if ui.button("Ra quyết định hủy bỏ").clicked() {
                    intents.push(intent(DecisionIntent::Cancel(d.id)));
                }
            }
        });
        for a in &line.amended_by {
            ui.label(RichText::new(format!("Đã có {a}")).color(ERROR_COLOR));
        }
        if let Some(old) = d
            .amends
            .and_then(|id| view.lines.iter().find(|l| l.decision.id == id))
        {
            ui.label(format!(
                "{} Quyết định số {}",
                if d.cancels {
                    "Hủy bỏ"
                } else {
                    "Sửa đổi"
                },
                old.decision.number
            ));
        }
        if issued {
            ui.separator();
            for (name, title) in &line.names {
                ui.label(format!("{name} – {title}"));
            }
            return;
        }
        self.draft_editor(ui, vm, view, line, intents);
    }
}
