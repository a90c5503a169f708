//! The exchange with the provincial board: the package written on a worker thread with its
//! own read connection (so the window keeps working), and a package's import checked on a
//! worker thread, matched, decided by the clerk, and written in one transaction.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::jobs::{JobDone, Progress};
use super::{JobOutput, ThiduaApp};
use crate::domain::province_list::{LIST_COLUMNS_SETTING, ListColumn, effective_columns};
use crate::exchange::package::{
    Contents, ImportPreview, PersonMatch, RealFs, Resolution, apply_import, export_province,
    open_package,
};
use crate::store::{Store, StoreError};
use crate::ui::Level;
use crate::ui::exchange_view::{DoubtfulLine, ExchangeIntent, ExportChoice, PackagePreviewView};

/// A package waiting for the clerk's confirmation.
pub struct PendingPackage {
    preview: ImportPreview,
    folder: PathBuf,
    choices: HashMap<String, Resolution>,
}

fn contents(c: ExportChoice) -> Contents {
    Contents {
        proposal: c.proposal,
        minutes: c.minutes,
        achievement_reports: c.achievement_reports,
        list: c.list,
        decisions: c.decisions,
    }
}

/// Export on a store of our own: a read connection to `database`, or the app's store when
/// there is no file (tests).
fn export_with(
    store: &Store,
    year: i32,
    choice: ExportChoice,
    target: &Path,
    progress: &Progress,
) -> Result<String, String> {
    let now = chrono::Local::now().naive_local();
    export_province(store, year, contents(choice), target, now, &RealFs, &|f| {
        progress.set((f * 1000.0) as usize, 1000)
    })
    .map(|r| r.describe())
    .map_err(|e| e.to_string())
}

impl ThiduaApp {
    pub(crate) fn reload_exchange(&mut self) {
        let setting: Vec<ListColumn> = self
            .store
            .setting(LIST_COLUMNS_SETTING)
            .ok()
            .flatten()
            .unwrap_or_default();
        let view = &mut self.vm.exchange;
        view.columns = effective_columns(&setting);
        view.drives = crate::platform::drives::removable_drives();
        if view.target.is_none() {
            view.target = view.drives.first().map(|d| d.0.clone());
        }
    }

    pub(super) fn apply_exchange(&mut self, intent: ExchangeIntent) -> Result<(), StoreError> {
        match intent {
            ExchangeIntent::SelectYear(y) => self.vm.exchange.year = y,
            ExchangeIntent::SetChoice(c) => self.vm.exchange.choice = c,
            ExchangeIntent::SetTarget(t) => self.vm.exchange.target = Some(t),
            ExchangeIntent::RefreshDrives => self.reload_exchange(),
            ExchangeIntent::PickTarget => {
                if let Some(folder) = self
                    .files
                    .pick_folder("Chọn thư mục (ổ USB) để ghi gói hồ sơ")
                {
                    self.vm.exchange.target = Some(folder);
                }
            }
            ExchangeIntent::SetColumns(columns) => {
                self.store.set_setting(LIST_COLUMNS_SETTING, &columns)?;
                self.reload_exchange();
                self.notify(Level::Success, "Đã lưu các cột của danh sách gửi tỉnh.");
            }
            ExchangeIntent::Export => self.start_export(),
            ExchangeIntent::PickPackage => self.start_package_check(),
            ExchangeIntent::Resolve { key, same_as } => {
                if let Some(p) = &mut self.pending_package {
                    let r = same_as.map_or(Resolution::NewPerson, Resolution::SamePerson);
                    p.choices.insert(key, r);
                }
                self.show_package();
            }
            ExchangeIntent::ConfirmImport => {
                let Some(p) = self.pending_package.take() else {
                    return Ok(());
                };
                match apply_import(&mut self.store, &p.preview, &p.choices, self.vm.today) {
                    Ok(summary) => {
                        self.vm.exchange.preview = None;
                        self.reload_all();
                        self.notify(Level::Success, summary.describe());
                    }
                    Err(e) => {
                        // Nothing was written; the preview stays for another try.
                        self.notify(Level::Error, e.to_string());
                        self.pending_package = Some(p);
                    }
                }
            }
            ExchangeIntent::CancelImport => {
                self.pending_package = None;
                self.vm.exchange.preview = None;
                self.notify(Level::Info, "Đã hủy nhập gói; dữ liệu không thay đổi.");
            }
        }
        Ok(())
    }

    fn start_export(&mut self) {
        let Some(target) = self.vm.exchange.target.clone() else {
            return;
        };
        let (year, choice) = (self.vm.exchange.year, self.vm.exchange.choice);
        let Some(database) = self.store.path().map(Path::to_path_buf) else {
            let message = export_with(&self.store, year, choice, &target, &Progress::default());
            match message {
                Ok(m) => self.job_finished(Ok(JobDone::Value(JobOutput::Exported(m)))),
                Err(e) => self.notify(Level::Error, e),
            }
            return;
        };
        self.jobs.spawn("Xuất gói hồ sơ gửi tỉnh", move |progress| {
            let store = Store::open_read_only(&database).map_err(|e| e.to_string())?;
            let message = export_with(&store, year, choice, &target, progress)?;
            Ok(JobDone::Value(JobOutput::Exported(message)))
        });
    }

    fn start_package_check(&mut self) {
        let Some(folder) = self.files.pick_folder("Chọn thư mục gói hồ sơ") else {
            return;
        };
        let Some(database) = self.store.path().map(Path::to_path_buf) else {
            match open_package(&self.store, &folder) {
                Ok(p) => self.package_ready(p, folder),
                Err(e) => self.notify(Level::Error, e.to_string()),
            }
            return;
        };
        self.jobs.spawn("Kiểm tra gói hồ sơ", move |_| {
            let store = Store::open_read_only(&database).map_err(|e| e.to_string())?;
            let preview = open_package(&store, &folder).map_err(|e| e.to_string())?;
            Ok(JobDone::Value(JobOutput::PackageReady(Box::new((
                preview, folder,
            )))))
        });
    }

    pub(super) fn package_ready(&mut self, preview: ImportPreview, folder: PathBuf) {
        self.pending_package = Some(PendingPackage {
            preview,
            folder,
            choices: HashMap::new(),
        });
        self.show_package();
    }

    fn show_package(&mut self) {
        let Some(p) = &self.pending_package else {
            self.vm.exchange.preview = None;
            return;
        };
        let doubtful = p
            .preview
            .doubtful()
            .map(|line| DoubtfulLine {
                key: line.key.clone(),
                describe: line.describe.clone(),
                candidates: match &line.matched {
                    PersonMatch::Doubtful(c) => c.clone(),
                    _ => Vec::new(),
                },
                choice: p.choices.get(&line.key).map(|r| match r {
                    Resolution::SamePerson(id) => Some(*id),
                    Resolution::NewPerson => None,
                }),
            })
            .collect();
        self.vm.exchange.preview = Some(PackagePreviewView {
            folder: p.folder.clone(),
            organisation: p.preview.data.organisation.clone(),
            year: p.preview.data.year,
            summary: p.preview.describe(),
            problems: p.preview.problems.clone(),
            doubtful,
        });
    }
}
