//! Automatic backups: when the window closes, and at most once a day while it runs.

use std::path::PathBuf;

use chrono::{Duration, Local, NaiveDateTime};

use super::ThiduaApp;
use crate::store::backup::backups_in;
use crate::ui::Level;

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
}
