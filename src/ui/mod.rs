//! egui screens. A screen reads the [`ViewModel`], keeps its own form state, and emits
//! [`Intent`]s; it never touches the database or files.

pub mod backup_view;
pub mod backups;
pub mod catalogue;
pub mod certificate_layout;
pub mod council;
pub mod decision_draft;
pub mod decision_external;
pub mod decision_view;
pub mod decisions;
pub mod exchange;
pub mod exchange_view;
pub mod fonts;
pub mod history;
pub mod innovation_council;
pub mod innovation_form;
pub mod innovation_meetings;
pub mod innovation_recognition;
pub mod innovation_scoring;
pub mod innovation_view;
pub mod innovations;
pub mod intent;
mod nomination_detail;
pub mod nomination_report;
pub mod nomination_view;
pub mod nominations;
pub mod people;
pub mod plans;
pub mod registration_clusters;
mod registration_staff;
pub mod registration_unit;
pub mod registration_view;
pub mod registrations;
pub mod report_charts;
pub mod report_view;
pub mod reports;
pub mod settings;
pub mod settings_display;
pub mod settings_rules;
pub mod view_model;
pub mod widgets;

use egui::{Color32, RichText, Ui};

pub use intent::{DocumentAction, ImportKind, Intent, Screen};
pub use view_model::{Level, Notification, ViewModel};

/// The state of every screen, kept apart from the data.
#[derive(Debug, Default)]
pub struct UiState {
    pub screen: Screen,
    pub people: people::PeopleScreen,
    pub history: history::HistoryScreen,
    pub plans: plans::PlansScreen,
    pub registrations: registrations::RegistrationsScreen,
    pub innovations: innovations::InnovationsScreen,
    pub nominations: nominations::NominationsScreen,
    pub council: council::CouncilScreen,
    pub decisions: decisions::DecisionsScreen,
    pub catalogue: catalogue::CatalogueScreen,
    pub settings: settings::SettingsScreen,
    pub backups: backups::BackupsScreen,
    pub exchange: exchange::ExchangeScreen,
    pub reports: reports::ReportsScreen,
    /// A screen change waiting on the unsaved-changes question.
    pending_screen: Option<Screen>,
}

impl UiState {
    fn is_dirty(&self, vm: &ViewModel) -> bool {
        match self.screen {
            Screen::People => self.people.is_dirty(),
            Screen::History => self.history.is_dirty(),
            Screen::Plans => self.plans.is_dirty(),
            Screen::Registrations => self.registrations.is_dirty(),
            Screen::Innovations => self.innovations.is_dirty(),
            Screen::Nominations => self.nominations.is_dirty(),
            Screen::Council => self.council.is_dirty(),
            Screen::Decisions => self.decisions.is_dirty(),
            Screen::Catalogue => self.catalogue.is_dirty(),
            Screen::Settings => self.settings.is_dirty(vm),
            Screen::Backups => self.backups.is_dirty(),
            Screen::Exchange => self.exchange.is_dirty(),
            Screen::Reports => self.reports.is_dirty(),
        }
    }

    fn discard_current(&mut self) {
        match self.screen {
            Screen::People => self.people.discard_forms(),
            Screen::History => self.history.discard_forms(),
            Screen::Plans => self.plans.discard_forms(),
            Screen::Registrations => self.registrations.discard_forms(),
            Screen::Innovations => self.innovations.discard_forms(),
            Screen::Nominations => self.nominations.discard_forms(),
            Screen::Council => self.council.discard_forms(),
            Screen::Decisions => self.decisions.discard_forms(),
            Screen::Catalogue => self.catalogue.discard_forms(),
            Screen::Settings => self.settings.discard_forms(),
            Screen::Backups => self.backups.discard_forms(),
            Screen::Exchange => self.exchange.discard_forms(),
            Screen::Reports => self.reports.discard_forms(),
        }
    }

    /// Switch screens at once (the app calls this for intents such as opening a history).
    pub fn go_to(&mut self, screen: Screen) {
        self.screen = screen;
    }
}

/// The whole window for one frame. Returns what the clerk asked for.
pub fn show(ui: &mut Ui, vm: &ViewModel, state: &mut UiState) -> Vec<Intent> {
    let mut intents = Vec::new();
    let needs_setup = !vm.org.is_complete();

    egui::Panel::top("title-bar").show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.label(fonts::bold("Thi đua – Khen thưởng").size(18.0));
            ui.separator();
            let org = if vm.org.body.is_empty() {
                "Chưa nhập thông tin cơ quan".to_owned()
            } else {
                format!("{} – {}", vm.org.body, vm.org.parent_body)
            };
            ui.label(org);
            if vm.read_only {
                ui.label(
                    RichText::new("CHỈ XEM")
                        .color(widgets::ERROR_COLOR)
                        .strong(),
                );
            }
            if vm.is_demo {
                ui.label(RichText::new("DỮ LIỆU MINH HỌA").color(Color32::from_rgb(180, 90, 0)));
            }
        });
    });
    egui::Panel::bottom("status-bar").show(ui, |ui| status_bar(ui, vm, &mut intents));
    egui::Panel::left("navigation")
        .resizable(false)
        .exact_size(220.0)
        .show(ui, |ui| {
            ui.add_space(6.0);
            for screen in Screen::ALL {
                if ui
                    .selectable_label(state.screen == screen, fonts::bold(screen.label()))
                    .clicked()
                    && state.screen != screen
                {
                    if state.is_dirty(vm) {
                        state.pending_screen = Some(screen);
                    } else {
                        state.screen = screen;
                    }
                }
            }
        });

    if let Some(target) = state.pending_screen {
        match widgets::unsaved_changes_modal(ui.ctx()) {
            Some(widgets::DiscardChoice::Discard) => {
                state.discard_current();
                state.screen = target;
                state.pending_screen = None;
            }
            Some(widgets::DiscardChoice::Save) => {
                // Saving goes through the screen's own Save; stay so errors can be seen.
                state.pending_screen = None;
                intents.push(Intent::Navigate(state.screen));
            }
            Some(widgets::DiscardChoice::Stay) => state.pending_screen = None,
            None => {}
        }
    }

    egui::CentralPanel::default().show(ui, |ui| match state.screen {
        Screen::People => state.people.show(ui, vm, &mut intents),
        Screen::History => state.history.show(ui, vm, &mut intents),
        Screen::Plans => state.plans.show(ui, vm, &mut intents),
        Screen::Registrations => state.registrations.show(ui, vm, &mut intents),
        Screen::Innovations => state.innovations.show(ui, vm, &mut intents),
        Screen::Nominations => state.nominations.show(ui, vm, &mut intents),
        Screen::Council => state.council.show(ui, vm, &mut intents),
        Screen::Decisions => state.decisions.show(ui, vm, &mut intents),
        Screen::Catalogue => state.catalogue.show(ui, vm, &mut intents),
        Screen::Settings => state.settings.show(ui, vm, &mut intents),
        Screen::Backups => state.backups.show(ui, vm, &mut intents),
        Screen::Exchange => state.exchange.show(ui, vm, &mut intents),
        Screen::Reports => state.reports.show(ui, vm, &mut intents),
    });

    if let Some(preview) = &vm.import_preview {
        import_preview_modal(ui.ctx(), preview, &mut intents);
    }
    if needs_setup {
        settings::setup_modal(ui.ctx(), &mut state.settings, vm, &mut intents);
    }
    notifications(ui.ctx(), vm, &mut intents);
    intents
}

fn status_bar(ui: &mut Ui, vm: &ViewModel, _intents: &mut Vec<Intent>) {
    ui.horizontal(|ui| {
        for job in &vm.jobs {
            ui.label(&job.label);
            match job.progress {
                Some(p) => ui.add(
                    egui::ProgressBar::new(p)
                        .desired_width(200.0)
                        .show_percentage(),
                ),
                None => ui.spinner(),
            };
            ui.separator();
        }
        ui.label(format!(
            "{} đơn vị · {} cá nhân · {}",
            vm.units.len(),
            vm.people.iter().filter(|p| p.person.active).count(),
            vm.database_label
        ));
    });
}

fn import_preview_modal(
    ctx: &egui::Context,
    preview: &view_model::ImportPreviewView,
    intents: &mut Vec<Intent>,
) {
    egui::Modal::new(egui::Id::unique("import-preview")).show(ctx, |ui| {
        ui.heading(format!("Xem trước khi nhập {}", preview.kind.label()));
        ui.label(format!("Tệp: {}", preview.file_name));
        if preview.problems.is_empty() {
            ui.label(format!(
                "{} dòng hợp lệ, sẵn sàng ghi.",
                preview.changes.len()
            ));
        } else {
            ui.label(
                RichText::new(format!(
                    "Có {} dòng sai. Hãy sửa tệp rồi nhập lại; chưa có dòng nào được ghi.",
                    preview.problems.len()
                ))
                .color(widgets::ERROR_COLOR),
            );
        }
        egui::ScrollArea::vertical()
            .max_height(320.0)
            .show(ui, |ui| {
                for (row, message) in &preview.problems {
                    ui.label(
                        RichText::new(format!("Dòng {row}: {message}")).color(widgets::ERROR_COLOR),
                    );
                }
                for change in preview.changes.iter().take(500) {
                    ui.label(change);
                }
                if preview.changes.len() > 500 {
                    ui.label(format!("… và {} dòng nữa", preview.changes.len() - 500));
                }
            });
        ui.horizontal(|ui| {
            if ui
                .add_enabled(
                    preview.problems.is_empty() && !preview.changes.is_empty(),
                    egui::Button::new(fonts::bold("Ghi tất cả")),
                )
                .clicked()
            {
                intents.push(Intent::ConfirmImport);
            }
            if ui.button("Hủy").clicked() {
                intents.push(Intent::CancelImport);
            }
        });
    });
}

fn notifications(ctx: &egui::Context, vm: &ViewModel, intents: &mut Vec<Intent>) {
    if vm.notifications.is_empty() {
        return;
    }
    egui::Area::new(egui::Id::unique("notifications"))
        .anchor(egui::Align2::RIGHT_BOTTOM, [-12.0, -36.0])
        .order(egui::Order::Foreground)
        .show(ctx, |ui| {
            ui.set_max_width(420.0);
            for n in vm.notifications.iter().rev().take(5) {
                let (fill, stroke) = match n.level {
                    Level::Error => (Color32::from_rgb(253, 236, 236), widgets::ERROR_COLOR),
                    Level::Warning => (
                        Color32::from_rgb(255, 246, 225),
                        Color32::from_rgb(180, 110, 0),
                    ),
                    Level::Success => (
                        Color32::from_rgb(232, 246, 236),
                        Color32::from_rgb(20, 120, 50),
                    ),
                    Level::Info => (
                        Color32::from_rgb(236, 242, 252),
                        Color32::from_rgb(40, 80, 160),
                    ),
                };
                egui::Frame::popup(ui.style())
                    .fill(fill)
                    .stroke((1.0, stroke))
                    .show(ui, |ui| {
                        ui.horizontal(|ui| {
                            ui.add(
                                egui::Label::new(RichText::new(&n.text).color(Color32::BLACK))
                                    .wrap(),
                            );
                            if ui
                                .small_button("×")
                                .on_hover_text("Đóng thông báo")
                                .clicked()
                            {
                                intents.push(Intent::DismissNotification(n.id));
                            }
                        });
                    });
            }
        });
}
