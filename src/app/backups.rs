//! Backups: automatically when the window closes and at most once a day while it runs;
//! by hand from the backups screen (also onto a USB stick); and restoring one after a
//! preview of what it holds and the clerk's confirmation.

use std::path::{Path, PathBuf};

use chrono::{Duration, Local, NaiveDateTime};

use super::jobs::JobDone;
use super::{JobOutput, ThiduaApp};
use crate::store::backup::{BackupInfo, backup_file_to, backups_in, check_file, restore};
use crate::store::{Store, StoreError};
use crate::ui::Level;
use crate::ui::backup_view::{BackupIntent, BackupRow, RestorePreview};

/// Settings key: how many automatic backups to keep.
pub const KEEP_BACKUPS: &str = "backups_to_keep";
const DEFAULT_KEEP: usize = 30;

impl ThiduaApp {
    /// Turn on automatic backups into `folder` (a backup is made now if the newest one is
    /// more than a day old).
    pub fn set_backup_folder(&mut self, folder: PathBuf) {
        self.backup_folder = Some(folder);
        if !self.read_only
            && self
                .newest_backup_age()
                .is_none_or(|age| age > Duration::days(1))
        {
            self.backup_now();
        }
        self.reload_backups();
    }

    fn keep(&self) -> usize {
        self.store
            .setting::<usize>(KEEP_BACKUPS)
            .ok()
            .flatten()
            .unwrap_or(DEFAULT_KEEP)
    }

    fn newest_backup_age(&self) -> Option<Duration> {
        let folder = self.backup_folder.as_ref()?;
        let newest: NaiveDateTime = backups_in(folder).first()?.made_at?;
        Some(Local::now().naive_local() - newest)
    }

    /// Back up into the automatic folder; a failure becomes a notification.
    pub fn backup_now(&mut self) {
        let Some(folder) = self.backup_folder.clone() else {
            return;
        };
        match self.store.backup_to(&folder, self.keep()) {
            Ok(b) => log::info!("sao lưu tự động: {}", b.path.display()),
            Err(e) => self.notify(Level::Warning, format!("Chưa sao lưu tự động được: {e}")),
        }
    }

    pub(super) fn backup_on_close(&mut self) {
        if !self.read_only {
            self.backup_now();
        }
    }

    /// The backups screen's list (file names and sizes only: reading a directory).
    pub(crate) fn reload_backups(&mut self) {
        let view = &mut self.vm.backups;
        view.folder = self.backup_folder.clone();
        view.keep = self
            .store
            .setting::<usize>(KEEP_BACKUPS)
            .ok()
            .flatten()
            .unwrap_or(DEFAULT_KEEP);
        view.list = self
            .backup_folder
            .as_deref()
            .map(backups_in)
            .unwrap_or_default()
            .into_iter()
            .map(|b| BackupRow {
                path: b.path,
                made_at: b.made_at,
                bytes: b.bytes,
            })
            .collect();
    }

    pub(super) fn apply_backup(&mut self, intent: BackupIntent) -> Result<(), StoreError> {
        match intent {
            BackupIntent::BackupNow => {
                let Some(folder) = self.backup_folder.clone() else {
                    return Ok(());
                };
                let info = self.store.backup_to(&folder, self.keep())?;
                self.reload_backups();
                self.notify(Level::Success, done_message(&info));
            }
            BackupIntent::BackupToFolder => {
                let Some(database) = self.store.path().map(Path::to_path_buf) else {
                    return Err(StoreError::Conflict(
                        "Dữ liệu đang ở trong bộ nhớ nên không có tệp để sao lưu.".into(),
                    ));
                };
                let files = self.files.clone();
                self.jobs.spawn("Sao lưu ra USB", move |progress| {
                    let Some(folder) = files.pick_folder("Chọn thư mục (ổ USB) để ghi bản sao lưu")
                    else {
                        return Ok(JobDone::Cancelled);
                    };
                    let info = backup_file_to(&database, &folder, 0, &mut |done, total| {
                        progress.set(done, total)
                    })
                    .map_err(|e| e.to_string())?;
                    Ok(JobDone::Value(JobOutput::Done {
                        message: format!("{} Có thể rút USB.", done_message(&info)),
                        reload: false,
                    }))
                });
            }
            BackupIntent::SetKeep(n) => {
                let n = n.max(1);
                self.store.set_setting(KEEP_BACKUPS, &n)?;
                self.reload_backups();
                self.notify(
                    Level::Success,
                    format!("Từ nay giữ lại {n} bản sao lưu tự động gần nhất."),
                );
            }
            BackupIntent::PreviewRestore(path) => self.preview_restore(Some(path)),
            BackupIntent::PreviewRestoreFromFile => self.preview_restore(None),
            BackupIntent::ConfirmRestore(path) => {
                self.vm.backups.preview = None;
                self.restore_from(&path)?;
            }
            BackupIntent::CancelRestore => {
                self.vm.backups.preview = None;
                self.notify(Level::Info, "Đã hủy khôi phục; dữ liệu không thay đổi.");
            }
        }
        Ok(())
    }

    /// Check a backup on a worker thread (an integrity check can take a while on a USB
    /// stick) and show what it holds beside what the database holds now.
    fn preview_restore(&mut self, path: Option<PathBuf>) {
        let now = match self.store.counts() {
            Ok(c) => c,
            Err(e) => {
                self.notify(Level::Error, e.to_string());
                return;
            }
        };
        let files = self.files.clone();
        self.jobs.spawn("Kiểm tra bản sao lưu", move |_| {
            let path = match path {
                Some(p) => p,
                None => match files.pick_open("Chọn bản sao lưu", "Bản sao lưu", &["sqlite"])
                {
                    Some(p) => p,
                    None => return Ok(JobDone::Cancelled),
                },
            };
            let counts = check_file(&path)
                .map_err(|e| format!("Không dùng được bản sao lưu {}: {e}", path.display()))?;
            let made_at = backups_in(path.parent().unwrap_or(Path::new(".")))
                .into_iter()
                .find(|b| b.path == path)
                .and_then(|b| b.made_at);
            let counts = counts
                .into_iter()
                .map(|(what, n)| {
                    let current = now.iter().find(|(w, _)| *w == what).map_or(0, |(_, c)| *c);
                    (what.to_owned(), n, current)
                })
                .collect();
            Ok(JobDone::Value(JobOutput::RestoreReady(RestorePreview {
                path,
                made_at,
                counts,
            })))
        });
    }

    /// Put a backup in place of the database: the connection is closed, the current file is
    /// kept in the backup folder, the backup is copied in, and the database reopened.
    fn restore_from(&mut self, backup: &Path) -> Result<(), StoreError> {
        let Some(database) = self.store.path().map(Path::to_path_buf) else {
            return Err(StoreError::Conflict(
                "Dữ liệu đang ở trong bộ nhớ nên không khôi phục được vào tệp.".into(),
            ));
        };
        let keep_folder = self
            .backup_folder
            .clone()
            .unwrap_or_else(|| crate::platform::paths::backup_folder_for(&database));
        // Close our connection (it checkpoints the WAL) before the file is replaced.
        let previous = std::mem::replace(&mut self.store, Store::open_in_memory()?);
        drop(previous);
        let outcome = restore(backup, &database, &keep_folder);
        // Whatever happened, work goes on with the file at the database's place.
        match Store::open(&database) {
            Ok(store) => self.store = store,
            Err(e) => {
                // Never go on writing into memory as if it were the clerk's data.
                self.set_read_only();
                return Err(StoreError::Conflict(format!(
                    "Không mở lại được cơ sở dữ liệu sau khi khôi phục: {e} Hãy đóng rồi mở lại phần mềm."
                )));
            }
        }
        let kept = outcome?;
        self.reload_all();
        self.notify(
            Level::Success,
            match kept {
                Some(p) => format!(
                    "Đã khôi phục dữ liệu từ bản sao lưu. Dữ liệu trước khi khôi phục được giữ tại {}.",
                    p.display()
                ),
                None => "Đã khôi phục dữ liệu từ bản sao lưu.".into(),
            },
        );
        Ok(())
    }
}

fn done_message(info: &BackupInfo) -> String {
    format!(
        "Đã sao lưu và kiểm tra: {} ({}).",
        info.path.display(),
        crate::ui::backup_view::size_label(info.bytes)
    )
}
