//! Recording another body's decision (the province, a ministry, the Prime Minister) with its
//! list, so it goes into the award history.

use egui::{RichText, Ui};

use super::decision_view::DecisionIntent;
use super::decisions::DecisionsScreen;
use super::intent::Intent;
use super::view_model::ViewModel;
use super::widgets::ERROR_COLOR;
use crate::domain::decision::{Decision, DecisionEntry};
use crate::domain::model::{CatalogueId, ISSUERS, Subject};
use crate::domain::text::{fold, folded_matches};
use crate::domain::validate::parse_date;

/// The external decision as typed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ExternalForm {
    pub number: String,
    pub date: String,
    pub issuer: String,
    pub title: Option<CatalogueId>,
    pub search: String,
    pub subjects: Vec<(Subject, String)>,
}

impl DecisionsScreen {
    pub(super) fn external(
        &mut self,
        ui: &mut Ui,
        vm: &ViewModel,
        year: i32,
        intents: &mut Vec<Intent>,
    ) {
        egui::CollapsingHeader::new("Ghi quyết định khen thưởng của cơ quan khác")
            .id_salt("external-decision")
            .show(ui, |ui| {
                let f = &mut self.external;
                egui::Grid::new("external-grid")
                    .num_columns(2)
                    .show(ui, |ui| {
                        let l = ui.label("Số quyết định (của cơ quan ban hành):");
                        ui.add(egui::TextEdit::singleline(&mut f.number).hint_text("345/QĐ-UBND"))
                            .labelled_by(l.id);
                        ui.end_row();
                        let l = ui.label("Ngày quyết định:");
                        ui.add(egui::TextEdit::singleline(&mut f.date).hint_text("dd/mm/yyyy"))
                            .labelled_by(l.id);
                        ui.end_row();
                        let l = ui.label("Cơ quan ban hành:");
                        egui::ComboBox::from_id_salt("external-issuer")
                            .selected_text(if f.issuer.is_empty() {
                                "— chọn —".to_owned()
                            } else {
                                f.issuer.clone()
                            })
                            .show_ui(ui, |ui| {
                                for i in ISSUERS.iter().filter(|i| !i.starts_with("Giám đốc")) {
                                    ui.selectable_value(&mut f.issuer, (*i).to_owned(), *i);
                                }
                            })
                            .response
                            .labelled_by(l.id);
                        ui.end_row();
                        let l = ui.label("Danh hiệu, hình thức:");
                        egui::ComboBox::from_id_salt("external-title")
                            .selected_text(f.title.map_or("— chọn —", |t| vm.catalogue_name(t)))
                            .height(480.0)
                            .show_ui(ui, |ui| {
                                for e in vm.catalogue.iter().filter(|e| e.active) {
                                    ui.selectable_value(&mut f.title, Some(e.id), &e.name);
                                }
                            })
                            .response
                            .labelled_by(l.id);
                        ui.end_row();
                        let l = ui.label("Thêm người, đơn vị:");
                        ui.add(egui::TextEdit::singleline(&mut f.search).hint_text("gõ tên"))
                            .labelled_by(l.id);
                        ui.end_row();
                    });
                let query = fold(&f.search);
                if !query.is_empty() {
                    ui.horizontal_wrapped(|ui| {
                        let people = vm.people.iter().filter(|p| {
                            p.person.active && folded_matches(&fold(&p.person.full_name), &query)
                        });
                        for p in people.take(12) {
                            let text = format!("{} – {}", p.person.full_name, p.unit_name);
                            if ui.button(format!("Thêm {text}")).clicked() {
                                f.subjects.push((Subject::Person(p.person.id), text));
                            }
                        }
                        for u in vm
                            .units
                            .iter()
                            .filter(|u| u.active && folded_matches(&fold(&u.name), &query))
                            .take(5)
                        {
                            if ui.button(format!("Thêm tập thể {}", u.name)).clicked() {
                                f.subjects
                                    .push((Subject::Unit(u.id), format!("Tập thể {}", u.name)));
                            }
                        }
                    });
                }
                let mut remove = None;
                for (k, (_, text)) in f.subjects.iter().enumerate() {
                    ui.horizontal(|ui| {
                        ui.label(text);
                        if ui.button(format!("Bỏ {text}")).clicked() {
                            remove = Some(k);
                        }
                    });
                }
                if let Some(k) = remove {
                    f.subjects.remove(k);
                }
                let date = parse_date(&f.date).ok().flatten();
                let ready = match (date, f.title) {
                    (Some(date), Some(title))
                        if !f.number.trim().is_empty()
                            && !f.issuer.is_empty()
                            && !f.subjects.is_empty() =>
                    {
                        let mut d = Decision::draft(
                            year,
                            &format!("Quyết định {} của {}", f.number.trim(), f.issuer),
                            "",
                        );
                        d.internal = false;
                        d.number = f.number.trim().to_owned();
                        d.issued_on = Some(date);
                        d.issuer = f.issuer.clone();
                        d.entries = f
                            .subjects
                            .iter()
                            .map(|(s, _)| DecisionEntry {
                                subject: *s,
                                catalogue_id: title,
                                amount: None,
                                nomination: None,
                            })
                            .collect();
                        Some(d)
                    }
                    _ => None,
                };
                if let Some(d) = &ready {
                    for p in d.problems() {
                        ui.label(RichText::new(p).color(ERROR_COLOR));
                    }
                }
                if ui
                    .add_enabled(
                        ready.is_some(),
                        egui::Button::new("Ghi vào lịch sử khen thưởng"),
                    )
                    .clicked()
                    && let Some(d) = ready
                {
                    intents.push(Intent::Decision(DecisionIntent::RecordExternal(Box::new(
                        d,
                    ))));
                }
            });
    }
}
