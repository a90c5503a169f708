//! A unit's staff grid on the registrations screen: one row per person with the title and
//! form combos, keyboard entry, a refused change shown under its row, and the unit's
//! withdrawn lines.

use egui::{Color32, Key, RichText, Ui};

use super::fonts::bold;
use super::intent::Intent;
use super::registration_unit::{choice_of, entry_combo, other_forms_label};
use super::registration_view::{ErrorPlace, RegistrationIntent, UnitLine};
use super::registrations::{RegistrationsScreen, intent};
use super::widgets::Named;
use crate::domain::model::Subject;

const CURSOR_COLOR: Color32 = Color32::from_rgb(255, 236, 170);

impl RegistrationsScreen {
    pub(super) fn keyboard(
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

    pub(super) fn staff_grid(
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
                            let (mut title, mut form) = (s.title, s.form);
                            let person_name = &s.person.full_name;
                            let title_changed =
                                entry_combo(ui, ("title", id), &mut title, titles, 200.0)
                                    .named(
                                        egui::Role::ComboBox,
                                        &format!("Danh hiệu của {person_name}"),
                                    )
                                    .changed();
                            let form_changed =
                                entry_combo(ui, ("form", id), &mut form, forms, 200.0)
                                    .named(
                                        egui::Role::ComboBox,
                                        &format!("Hình thức của {person_name}"),
                                    )
                                    .changed();
                            if title_changed || form_changed {
                                self.cursor = i;
                                let choice = choice_of(subject, title, form, &s.other_forms);
                                intents.push(intent(RegistrationIntent::Apply {
                                    year,
                                    choices: vec![choice],
                                }));
                            }
                            other_forms_label(ui, &s.other_forms, forms);
                            ui.end_row();
                            if self
                                .error
                                .as_ref()
                                .is_some_and(|e| e.place == ErrorPlace::Row(subject))
                            {
                                ui.label("");
                                ui.label("");
                                self.error_at(ui, ErrorPlace::Row(subject));
                                ui.end_row();
                            }
                        }
                    });
            });
    }
}

/// The unit's withdrawn lines, kept with their dates, behind a header the clerk opens.
pub(super) fn withdrawn_lines(ui: &mut Ui, line: &UnitLine) {
    if line.withdrawn.is_empty() {
        return;
    }
    egui::CollapsingHeader::new(format!("Đăng ký đã rút ({})", line.withdrawn.len()))
        .id_salt(("withdrawn", line.unit.id))
        .show(ui, |ui| {
            for text in &line.withdrawn {
                ui.label(text);
            }
        });
}
