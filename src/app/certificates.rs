//! Certificates from the window: printing them for a decision, and the blanks' field
//! positions the clerk calibrates once (saved, reset, test-printed over the ruler grid).

use super::ThiduaApp;
use crate::docs::decision_data::CERTIFICATE_LAYOUT;
use crate::store::StoreError;
use crate::ui::decision_view::DecisionIntent;
use crate::ui::{DocumentAction, Level};

impl ThiduaApp {
    pub(super) fn apply_certificate(&mut self, intent: DecisionIntent) -> Result<(), StoreError> {
        let files = self.files.clone();
        match intent {
            DecisionIntent::Certificates { id, on_blanks } => {
                let d = self.store.decision(id)?;
                let (laid_out, stem) =
                    crate::docs::decision_data::certificates(&self.store, &d, on_blanks)?;
                self.spawn_document(
                    "Tạo giấy khen".into(),
                    stem,
                    DocumentAction::Preview,
                    files,
                    move || laid_out,
                );
            }
            DecisionIntent::CalibrationGrid => {
                self.spawn_document(
                    "Tạo lưới căn chỉnh".into(),
                    "luoi-can-chinh-phoi".into(),
                    DocumentAction::Preview,
                    files,
                    crate::docs::certificate::calibration_grid,
                );
            }
            DecisionIntent::SaveBlankLayout(layout) => {
                let problems = layout.problems();
                if !problems.is_empty() {
                    return Err(StoreError::Conflict(format!(
                        "Chưa lưu vị trí trên phôi: {}",
                        problems.join(" ")
                    )));
                }
                self.store.set_setting(CERTIFICATE_LAYOUT, &layout)?;
                self.vm.certificate_layout = layout;
                self.ui.settings.layout_saved();
                self.notify(
                    Level::Success,
                    "Đã lưu vị trí các trường trên phôi giấy khen; lần in trên phôi sau dùng vị trí này.",
                );
            }
            DecisionIntent::TestBlank(layout) => {
                let problems = layout.problems();
                if !problems.is_empty() {
                    return Err(StoreError::Conflict(format!(
                        "Chưa in thử được: {}",
                        problems.join(" ")
                    )));
                }
                let laid_out =
                    crate::docs::decision_data::test_blank(&self.store, &layout, self.vm.today)?;
                self.spawn_document(
                    "In thử phôi giấy khen".into(),
                    "in-thu-phoi-giay-khen".into(),
                    DocumentAction::Preview,
                    files,
                    move || laid_out,
                );
            }
            other => unreachable!("not a certificate intent: {other:?}"),
        }
        Ok(())
    }
}
