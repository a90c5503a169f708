//! What the exchange screen shows and what it can ask for.

use std::path::PathBuf;

use crate::domain::province_list::ListColumn;

/// What goes into the package.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportChoice {
    pub proposal: bool,
    pub minutes: bool,
    pub achievement_reports: bool,
    pub list: bool,
    pub decisions: bool,
}

impl Default for ExportChoice {
    fn default() -> Self {
        Self {
            proposal: true,
            minutes: true,
            achievement_reports: true,
            list: true,
            decisions: true,
        }
    }
}

/// One person of a package being imported whose match is not certain.
#[derive(Debug, Clone, PartialEq)]
pub struct DoubtfulLine {
    pub key: String,
    pub describe: String,
    /// (id, description) of the people here it may be.
    pub candidates: Vec<(i64, String)>,
    /// The clerk's choice so far: Some(Some(id)) the same person, Some(None) a new one.
    pub choice: Option<Option<i64>>,
}

/// A checked package waiting for the clerk's confirmation.
#[derive(Debug, Clone, PartialEq)]
pub struct PackagePreviewView {
    pub folder: PathBuf,
    pub organisation: String,
    pub year: i32,
    pub summary: String,
    pub problems: Vec<String>,
    pub doubtful: Vec<DoubtfulLine>,
}

impl PackagePreviewView {
    /// Whether "Nhập" can be pressed.
    pub fn ready(&self) -> bool {
        self.problems.is_empty() && self.doubtful.iter().all(|d| d.choice.is_some())
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ExchangeView {
    pub year: i32,
    pub choice: ExportChoice,
    /// Removable drives first, as (folder, label).
    pub drives: Vec<(PathBuf, String)>,
    pub target: Option<PathBuf>,
    /// The list's columns, in order.
    pub columns: Vec<ListColumn>,
    /// What the last export wrote.
    pub last_export: Option<String>,
    pub preview: Option<PackagePreviewView>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExchangeIntent {
    SelectYear(i32),
    SetChoice(ExportChoice),
    SetTarget(PathBuf),
    /// Ask for a folder anywhere.
    PickTarget,
    RefreshDrives,
    /// Build, write and check the package.
    Export,
    SetColumns(Vec<ListColumn>),
    /// Ask for a package folder, check it and preview it.
    PickPackage,
    /// For a doubtful person: Some(id) the same person, None a new one.
    Resolve {
        key: String,
        same_as: Option<i64>,
    },
    ConfirmImport,
    CancelImport,
}

impl ExchangeIntent {
    /// Whether it changes the database (refused in a read-only window).
    pub fn writes(&self) -> bool {
        matches!(
            self,
            ExchangeIntent::SetColumns(_) | ExchangeIntent::ConfirmImport
        )
    }
}
