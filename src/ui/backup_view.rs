//! What the backups screen shows and what it can ask for.

use std::path::PathBuf;

use chrono::NaiveDateTime;

/// One backup file in the automatic folder.
#[derive(Debug, Clone, PartialEq)]
pub struct BackupRow {
    pub path: PathBuf,
    pub made_at: Option<NaiveDateTime>,
    pub bytes: u64,
}

/// A backup checked and waiting for the clerk's confirmation before it replaces the data.
#[derive(Debug, Clone, PartialEq)]
pub struct RestorePreview {
    pub path: PathBuf,
    pub made_at: Option<NaiveDateTime>,
    /// (what, in the backup, in the database now)
    pub counts: Vec<(String, i64, i64)>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct BackupsView {
    /// Where automatic backups go; None when the app has no database file (tests, memory).
    pub folder: Option<PathBuf>,
    /// How many automatic backups are kept.
    pub keep: usize,
    pub list: Vec<BackupRow>,
    pub preview: Option<RestorePreview>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum BackupIntent {
    /// Back up into the automatic folder now.
    BackupNow,
    /// Ask for a folder (a USB stick), then back up there.
    BackupToFolder,
    /// Keep this many automatic backups.
    SetKeep(usize),
    /// Check a backup and show what it holds.
    PreviewRestore(PathBuf),
    /// Ask for a backup file anywhere (a USB stick), then preview it.
    PreviewRestoreFromFile,
    /// Put the previewed backup in place of the database.
    ConfirmRestore(PathBuf),
    CancelRestore,
}

impl BackupIntent {
    /// Whether it changes the database (refused in a read-only window).
    pub fn writes(&self) -> bool {
        matches!(
            self,
            BackupIntent::SetKeep(_) | BackupIntent::ConfirmRestore(_)
        )
    }
}

/// "1,5 MB", "820 KB": sizes as a clerk reads them.
pub fn size_label(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0)).replace('.', ",")
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_the_vietnamese_way() {
        assert_eq!(size_label(1_572_864), "1,5 MB");
        assert_eq!(size_label(1000), "1 KB");
        assert_eq!(size_label(839_680), "820 KB");
    }
}
