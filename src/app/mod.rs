//! The application: owns the store, the view model and the screens' state; applies the
//! clerk's intents in one place after each frame; runs long work on worker threads.
//! Errors become Vietnamese notifications, never panics.

mod apply;
mod backups;
mod certificates;
mod decisions;
mod documents;
mod eligibility;
pub(crate) mod excel;
mod exchange;
mod innovations;
pub mod jobs;
mod nominations;
mod refresh;
mod registration_files;
mod registrations;
mod reports;

use std::sync::Arc;

use chrono::NaiveDate;

use crate::store::Store;
use crate::ui::{self, Level, Notification, UiState, ViewModel};
use jobs::{FilePicker, JobDone, Jobs, SystemFilePicker};

/// How long an information toast stays (seconds); errors stay until dismissed.
const TOAST_SECONDS: f64 = 6.0;

/// What a finished background job gives back to the UI thread.
pub enum JobOutput {
    /// A message for the clerk, and whether data changed so lists must be reloaded.
    Done { message: String, reload: bool },
    /// An import read and checked, waiting for the clerk's confirmation.
    ImportReady(Box<excel::PreparedImport>),
    /// A backup checked, waiting for the clerk to confirm the restore.
    RestoreReady(crate::ui::backup_view::RestorePreview),
    /// A package checked and matched, waiting for the clerk's decisions and confirmation.
    PackageReady(Box<(crate::exchange::package::ImportPreview, std::path::PathBuf)>),
    /// A package written and checked on the target.
    Exported(String),
}

pub struct ThiduaApp {
    store: Store,
    pub vm: ViewModel,
    pub ui: UiState,
    jobs: Jobs<JobOutput>,
    files: Arc<dyn FilePicker>,
    pending_import: Option<Box<excel::PreparedImport>>,
    /// A package being imported and the clerk's decisions on its doubtful matches.
    pending_package: Option<exchange::PendingPackage>,
    next_notification: u64,
    /// egui time of the current frame, for toasts.
    now: f64,
    /// A second window on a database open elsewhere: it only reads.
    read_only: bool,
    /// Asked about once a second: has a second window asked this one to come to the front?
    wake_check: Option<Box<dyn FnMut() -> bool>>,
    last_wake_check: f64,
    /// Where automatic backups go (none in tests).
    backup_folder: Option<std::path::PathBuf>,
}

impl ThiduaApp {
    /// An app on an open store, with the system's file dialogs.
    pub fn new(store: Store, today: NaiveDate, is_demo: bool) -> Self {
        Self::with_file_picker(store, today, is_demo, Arc::new(SystemFilePicker))
    }

    /// An app with another way of choosing files (tests use a fixed path).
    pub fn with_file_picker(
        store: Store,
        today: NaiveDate,
        is_demo: bool,
        files: Arc<dyn FilePicker>,
    ) -> Self {
        let mut app = Self {
            store,
            vm: ViewModel::new(today),
            ui: UiState::default(),
            jobs: Jobs::default(),
            files,
            pending_import: None,
            pending_package: None,
            next_notification: 1,
            now: 0.0,
            read_only: false,
            wake_check: None,
            last_wake_check: 0.0,
            backup_folder: None,
        };
        app.vm.is_demo = is_demo;
        app.reload_all();
        app
    }

    /// Warn that the database sits on a network drive.
    pub fn warn_network_drive(&mut self) {
        self.notify(
            Level::Warning,
            "Cơ sở dữ liệu đang nằm trên ổ mạng. SQLite khóa tệp qua mạng không tin cậy: hãy chép tệp về ổ đĩa của máy để tránh hỏng dữ liệu.",
        );
    }

    /// Make this window read-only: it shows the data and refuses every change.
    pub fn set_read_only(&mut self) {
        self.read_only = true;
        self.vm.read_only = true;
        self.notify(
            Level::Warning,
            "Cửa sổ này chỉ để xem: cơ sở dữ liệu đang được mở ở một cửa sổ Thi đua – Khen thưởng khác. Mọi thay đổi hãy làm ở cửa sổ đó.",
        );
    }

    /// Look about once a second whether another window asked this one to come to the front.
    pub fn set_wake_check(&mut self, check: impl FnMut() -> bool + 'static) {
        self.wake_check = Some(Box::new(check));
    }

    fn answer_wake_requests(&mut self, ctx: &egui::Context) {
        let Some(check) = self.wake_check.as_mut() else {
            return;
        };
        if self.now - self.last_wake_check >= 1.0 {
            self.last_wake_check = self.now;
            if check() {
                ctx.send_viewport_cmd(egui::ViewportCommand::Minimized(false));
                ctx.send_viewport_cmd(egui::ViewportCommand::Focus);
                ctx.send_viewport_cmd(egui::ViewportCommand::RequestUserAttention(
                    egui::UserAttentionType::Informational,
                ));
            }
        }
        ctx.request_repaint_after(std::time::Duration::from_secs(1));
    }

    /// The store, for tests and the command line.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// One frame: show the screens, then apply what the clerk asked for.
    pub fn frame(&mut self, ui: &mut egui::Ui) {
        self.now = ui.ctx().input(|i| i.time);
        self.jobs.set_waker(ui.ctx().clone());
        for result in self.jobs.poll() {
            self.job_finished(result);
        }
        self.vm.jobs = self.jobs.views();
        let now = self.now;
        self.vm
            .notifications
            .retain(|n| n.expires_at.is_none_or(|t| t > now));
        self.answer_wake_requests(&ui.ctx().clone());
        let intents = ui::show(ui, &self.vm, &mut self.ui);
        for intent in intents {
            self.apply(intent);
        }
        if !self.jobs.is_idle() {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(100));
        } else if let Some(next) = self
            .vm
            .notifications
            .iter()
            .filter_map(|n| n.expires_at)
            .reduce(f64::min)
        {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_secs_f64((next - now).max(0.05)));
        }
    }

    /// True while background work is under way.
    pub fn is_busy(&self) -> bool {
        !self.jobs.is_idle()
    }

    pub(crate) fn notify(&mut self, level: Level, text: impl Into<String>) {
        let text = text.into();
        match level {
            Level::Error => log::error!("{text}"),
            Level::Warning => log::warn!("{text}"),
            _ => log::info!("{text}"),
        }
        let expires_at = match level {
            Level::Error | Level::Warning => None,
            _ => Some(self.now + TOAST_SECONDS),
        };
        self.vm.notifications.push(Notification {
            id: self.next_notification,
            level,
            text,
            expires_at,
        });
        self.next_notification += 1;
    }

    fn job_finished(&mut self, result: jobs::JobResult<JobOutput>) {
        match result {
            Ok(JobDone::Cancelled) => {}
            Ok(JobDone::Value(JobOutput::Done { message, reload })) => {
                if reload {
                    self.reload_all();
                }
                self.notify(Level::Success, message);
            }
            Ok(JobDone::Value(JobOutput::ImportReady(prepared))) => {
                self.vm.import_preview = Some(prepared.view());
                self.pending_import = Some(prepared);
            }
            Ok(JobDone::Value(JobOutput::RestoreReady(preview))) => {
                self.vm.backups.preview = Some(preview);
            }
            Ok(JobDone::Value(JobOutput::PackageReady(ready))) => {
                let (preview, folder) = *ready;
                self.package_ready(preview, folder);
            }
            Ok(JobDone::Value(JobOutput::Exported(message))) => {
                self.vm.exchange.last_export = Some(message.clone());
                self.notify(Level::Success, message);
            }
            Err(message) => self.notify(Level::Error, message),
        }
    }
}

impl eframe::App for ThiduaApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame(ui);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.backup_on_close();
    }
}
