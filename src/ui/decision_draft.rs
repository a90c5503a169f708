//! The draft of a Director's decision: its subject line, order, signer, bases and articles,
//! the subjects (untick to drop, search to add), saving and issuing.

use egui::{RichText, Ui};

use super::decision_view::{DecisionIntent, DecisionLine, DecisionsView};
use super::decisions::DecisionsScreen;
use super::fonts::bold;
use super::intent::Intent;
use super::view_model::ViewModel;
use super::widgets::ERROR_COLOR;
use crate::domain::decision::{DecisionEntry, ListOrder};
use crate::domain::model::{CatalogueId, Subject, SubjectKind};
use crate::domain::plan::SignerMode;
use crate::domain::text::{fold, folded_matches};
use crate::domain::validate::parse_date;

fn intent(i: DecisionIntent) -> Intent {
    Intent::Decision(i)
}

/// Subjects being added to the draft, with the title they receive.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AddForm {
    pub search: String,
    pub title: Option<CatalogueId>,
    /// (entry, "Nguyễn Thị Lan – Phòng Quản lý công nghiệp").
    pub added: Vec<(DecisionEntry, String)>,
}

impl AddForm {
    /// The search and the buttons that add a person or unit not yet in `entries`.
    fn show(
        &mut self,
        ui: &mut Ui,
        vm: &ViewModel,
        entries: &[DecisionEntry],
        default_title: Option<CatalogueId>,
    ) {
        let mut remove = None;
        for (k, (e, text)) in self.added.iter().enumerate() {
            ui.horizontal(|ui| {
                ui.label(format!(
                    "{text} – {} (thêm mới)",
                    vm.catalogue_name(e.catalogue_id)
                ));
                if ui.button(format!("Bỏ {text}")).clicked() {
                    remove = Some(k);
                }
            });
        }
        if let Some(k) = remove {
            self.added.remove(k);
        }
        let title = *self.title.get_or_insert_with(|| {
            default_title.unwrap_or_else(|| {
                vm.catalogue
                    .iter()
                    .find(|e| e.active && is_department(e))
                    .map_or(0, |e| e.id)
            })
        });
        ui.horizontal_wrapped(|ui| {
            let l = ui.label("Thêm với danh hiệu, hình thức:");
            egui::ComboBox::from_id_salt("decision-add-title")
                .selected_text(vm.catalogue_name(title))
                .height(480.0)
                .show_ui(ui, |ui| {
                    for e in vm.catalogue.iter().filter(|e| e.active && is_department(e)) {
                        ui.selectable_value(&mut self.title, Some(e.id), &e.name);
                    }
                })
                .response
                .labelled_by(l.id);
            let l = ui.label("Thêm người, đơn vị vào quyết định:");
            ui.add(
                egui::TextEdit::singleline(&mut self.search)
                    .hint_text("gõ tên")
                    .desired_width(200.0),
            )
            .labelled_by(l.id);
        });
        let query = fold(&self.search);
        if query.is_empty() {
            return;
        }
        let collective = vm
            .catalogue
            .iter()
            .find(|e| e.id == title)
            .is_some_and(|e| e.subject_kind == SubjectKind::Collective);
        let present = |s: Subject| entries.iter().any(|e| e.subject == s);
        let mut found: Vec<(Subject, String)> = Vec::new();
        if collective {
            for u in vm
                .units
                .iter()
                .filter(|u| u.active && folded_matches(&fold(&u.name), &query))
            {
                found.push((Subject::Unit(u.id), format!("Tập thể {}", u.name)));
            }
        } else {
            for p in vm
                .people
                .iter()
                .filter(|p| p.person.active && folded_matches(&fold(&p.person.full_name), &query))
            {
                found.push((
                    Subject::Person(p.person.id),
                    format!("{} – {}", p.person.full_name, p.unit_name),
                ));
            }
        }
        ui.horizontal_wrapped(|ui| {
            for (subject, text) in found.into_iter().filter(|(s, _)| !present(*s)).take(12) {
                if ui.button(format!("Thêm {text}")).clicked() {
                    self.added.push((
                        DecisionEntry {
                            subject,
                            catalogue_id: title,
                            amount: None,
                            nomination: None,
                        },
                        text,
                    ));
                }
            }
        });
    }
}

fn is_department(e: &crate::domain::model::CatalogueEntry) -> bool {
    crate::docs::council_data::is_director_level(e)
}

impl DecisionsScreen {
    pub(super) fn draft_editor(
        &mut self,
        ui: &mut Ui,
        vm: &ViewModel,
        view: &DecisionsView,
        line: &DecisionLine,
        intents: &mut Vec<Intent>,
    ) {
        let d = &line.decision;
        let draft = self.draft.get_or_insert_with(|| d.clone());
        let before = draft.clone();
        egui::Grid::new("decision-draft")
            .num_columns(2)
            .show(ui, |ui| {
                let l = ui.label("Trích yếu:");
                ui.add(egui::TextEdit::singleline(&mut draft.subject_line).desired_width(480.0))
                    .labelled_by(l.id);
                ui.end_row();
                let l = ui.label("Thứ tự danh sách:");
                egui::ComboBox::from_id_salt("decision-order")
                    .selected_text(draft.order.label())
                    .show_ui(ui, |ui| {
                        for o in ListOrder::ALL {
                            ui.selectable_value(&mut draft.order, *o, o.label());
                        }
                    })
                    .response
                    .labelled_by(l.id);
                ui.end_row();
                let l = ui.label("Người ký:");
                egui::ComboBox::from_id_salt("decision-signer")
                    .selected_text(draft.signer_name.clone())
                    .show_ui(ui, |ui| {
                        if ui
                            .selectable_label(
                                draft.signer_mode == SignerMode::Director,
                                format!("Giám đốc {}", vm.org.director),
                            )
                            .clicked()
                        {
                            draft.signer_mode = SignerMode::Director;
                            draft.signer_name = vm.org.director.clone();
                        }
                        for deputy in &vm.org.deputies {
                            if ui
                                .selectable_label(
                                    draft.signer_name == *deputy,
                                    format!("KT. Giám đốc – Phó Giám đốc {deputy}"),
                                )
                                .clicked()
                            {
                                draft.signer_mode = SignerMode::Deputy;
                                draft.signer_name = deputy.clone();
                            }
                        }
                    })
                    .response
                    .labelled_by(l.id);
                ui.end_row();
                let l = ui.label("Nguồn tiền thưởng:");
                ui.add(egui::TextEdit::singleline(&mut draft.fund).desired_width(480.0))
                    .labelled_by(l.id);
                ui.end_row();
                let l = ui.label("Điều 3 (thi hành):");
                ui.add(egui::TextEdit::singleline(&mut draft.executors).desired_width(480.0))
                    .labelled_by(l.id);
                ui.end_row();
                let mut bases = draft.bases.join("\n");
                let l = ui.label("Căn cứ (mỗi dòng một căn cứ):");
                if ui
                    .add(
                        egui::TextEdit::multiline(&mut bases)
                            .desired_rows(3)
                            .desired_width(480.0),
                    )
                    .labelled_by(l.id)
                    .changed()
                {
                    draft.bases = bases.lines().map(str::to_owned).collect();
                }
                ui.end_row();
                let mut recipients = draft.recipients.join("\n");
                let l = ui.label("Nơi nhận (mỗi dòng một nơi):");
                if ui
                    .add(
                        egui::TextEdit::multiline(&mut recipients)
                            .desired_rows(3)
                            .desired_width(480.0),
                    )
                    .labelled_by(l.id)
                    .changed()
                {
                    draft.recipients = recipients.lines().map(str::to_owned).collect();
                }
                ui.end_row();
            });
        if ui
            .button("Lưu căn cứ, Điều 3, nguồn tiền, nơi nhận làm mặc định")
            .clicked()
        {
            intents.push(intent(DecisionIntent::SaveDefaults(
                crate::domain::decision::DecisionDefaults::of(draft),
            )));
        }
        ui.label(bold(
            "Các tập thể, cá nhân (bỏ chọn để loại khỏi quyết định)",
        ));
        for (k, (name, title)) in line.names.iter().enumerate() {
            let mut keep = !self.removed.contains(&k);
            if ui
                .checkbox(&mut keep, format!("{name} – {title}"))
                .changed()
            {
                self.changed = true;
                if keep {
                    self.removed.remove(&k);
                } else {
                    self.removed.insert(k);
                }
            }
        }
        let kept = d
            .entries
            .iter()
            .enumerate()
            .filter(|(k, _)| !self.removed.contains(k))
            .map(|(_, e)| e.clone());
        draft.entries = kept
            .chain(self.adding.added.iter().map(|(e, _)| e.clone()))
            .collect();
        let default_title = d.entries.first().map(|e| e.catalogue_id);
        self.adding.show(ui, vm, &draft.entries, default_title);
        if *draft != before {
            self.changed = true;
        }
        let problems = draft.problems();
        for p in &problems {
            ui.label(RichText::new(p).color(ERROR_COLOR));
        }
        ui.horizontal_wrapped(|ui| {
            if ui
                .add_enabled(problems.is_empty(), egui::Button::new("Lưu dự thảo"))
                .clicked()
            {
                intents.push(intent(DecisionIntent::SaveDraft(Box::new(draft.clone()))));
            }
            if ui.button("Xóa dự thảo").clicked() {
                intents.push(intent(DecisionIntent::DeleteDraft(d.id)));
            }
        });
        if self.changed {
            ui.label("Có thay đổi chưa lưu: hãy lưu dự thảo rồi mới ban hành.");
        }
        ui.separator();
        ui.horizontal_wrapped(|ui| {
            let l = ui.label("Số quyết định:");
            ui.add(
                egui::TextEdit::singleline(&mut self.number)
                    .hint_text(view.next_number.to_string())
                    .desired_width(60.0),
            )
            .labelled_by(l.id);
            let l = ui.label("Ngày ký:");
            ui.add(
                egui::TextEdit::singleline(&mut self.date)
                    .hint_text("dd/mm/yyyy")
                    .desired_width(90.0),
            )
            .labelled_by(l.id);
            let number = self.number.trim().parse::<u32>().ok();
            let date = parse_date(&self.date).ok().flatten();
            let ready = date.is_some() && (self.number.trim().is_empty() || number.is_some());
            // Issuing takes the saved draft: what was changed on screen is saved first.
            let saved = !self.changed;
            if ui
                .add_enabled(
                    ready && problems.is_empty() && saved,
                    egui::Button::new(bold("Ban hành")),
                )
                .on_disabled_hover_text(if saved {
                    "Hãy ghi ngày ký (dd/mm/yyyy)"
                } else {
                    "Hãy lưu dự thảo trước khi ban hành"
                })
                .clicked()
                && let Some(date) = date
            {
                intents.push(intent(DecisionIntent::Issue {
                    id: d.id,
                    number,
                    date,
                }));
            }
        });
    }
}
