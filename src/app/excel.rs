//! Excel import and export, run as background jobs.

use super::ThiduaApp;
use crate::store::StoreError;
use crate::ui::Intent;
use crate::ui::view_model::ImportPreviewView;

/// An import read and checked, waiting for the clerk to confirm.
pub struct PreparedImport {
    view: ImportPreviewView,
}

impl PreparedImport {
    pub fn view(&self) -> ImportPreviewView {
        self.view.clone()
    }
}

impl ThiduaApp {
    pub(super) fn apply_excel(&mut self, intent: Intent) -> Result<(), StoreError> {
        let _ = (intent, &self.pending_import);
        Err(StoreError::Conflict(
            "Chức năng nhập, xuất Excel chưa sẵn sàng trong bản này.".into(),
        ))
    }
}
