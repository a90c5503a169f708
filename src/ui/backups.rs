//! Sao lưu, khôi phục: the automatic backups, a backup by hand (also onto a USB stick),
//! how many are kept, and restoring one after a preview and a confirmation.

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::backup_view::{BackupIntent, BackupsView, RestorePreview, size_label};
use super::fonts::bold;
use super::intent::Intent;
use super::view_model::ViewModel;
use super::widgets;

#[derive(Debug, Default)]
pub struct BackupsScreen {
    /// The number typed for "keep", before it is saved.
    keep: Option<usize>,
}

impl BackupsScreen {
    pub fn is_dirty(&self) -> bool {
        false
    }

    pub fn discard_forms(&mut self) {
        self.keep = None;
    }

    pub fn show(&mut self, ui: &mut Ui, vm: &ViewModel, intents: &mut Vec<Intent>) {
        let view = &vm.backups;
        let mut emit = |i: BackupIntent| intents.push(Intent::Backup(i));
        ui.heading("Sao lưu và khôi phục dữ liệu");
        match &view.folder {
            Some(folder) => ui.label(format!(
                "Phần mềm tự sao lưu khi đóng cửa sổ và mỗi ngày một lần vào thư mục: {}",
                folder.display()
            )),
            None => ui.label(
                RichText::new("Dữ liệu đang ở trong bộ nhớ: không có sao lưu tự động.")
                    .color(widgets::ERROR_COLOR),
            ),
        };
        ui.horizontal(|ui| {
            if ui
                .add_enabled(
                    view.folder.is_some(),
                    egui::Button::new(bold("Sao lưu ngay")),
                )
                .clicked()
            {
                emit(BackupIntent::BackupNow);
            }
            if ui.button("Sao lưu ra USB…").clicked() {
                emit(BackupIntent::BackupToFolder);
            }
            if ui.button("Khôi phục từ tệp khác…").clicked() {
                emit(BackupIntent::PreviewRestoreFromFile);
            }
        });
        ui.horizontal(|ui| {
            let mut keep = self.keep.unwrap_or(view.keep);
            let label = ui.label("Số bản sao lưu tự động được giữ lại:");
            ui.add(egui::DragValue::new(&mut keep).range(1..=365))
                .labelled_by(label.id);
            if keep != view.keep {
                self.keep = Some(keep);
            }
            if ui
                .add_enabled(self.keep.is_some(), egui::Button::new("Lưu số bản"))
                .clicked()
            {
                emit(BackupIntent::SetKeep(keep));
                self.keep = None;
            }
        });
        ui.separator();
        list(ui, view, &mut emit);
        if let Some(preview) = &view.preview {
            preview_modal(ui.ctx(), preview, &mut emit);
        }
    }
}

fn list(ui: &mut Ui, view: &BackupsView, emit: &mut impl FnMut(BackupIntent)) {
    if view.list.is_empty() {
        ui.label("Chưa có bản sao lưu nào trong thư mục sao lưu tự động.");
        return;
    }
    ui.label(format!("{} bản sao lưu, mới nhất ở trên:", view.list.len()));
    TableBuilder::new(ui)
        .id_salt("backups-table")
        .striped(true)
        .column(Column::exact(170.0))
        .column(Column::exact(90.0))
        .column(Column::remainder().clip(true))
        .column(Column::exact(170.0))
        .header(22.0, |mut h| {
            for title in ["Thời điểm", "Dung lượng", "Tệp", ""] {
                h.col(|ui| {
                    ui.label(bold(title));
                });
            }
        })
        .body(|mut body| {
            for row in &view.list {
                body.row(24.0, |mut r| {
                    let when = row
                        .made_at
                        .map(|t| t.format("%H:%M:%S %d/%m/%Y").to_string())
                        .unwrap_or_default();
                    r.col(|ui| widgets::cell(ui, when.clone()));
                    r.col(|ui| widgets::cell(ui, size_label(row.bytes)));
                    r.col(|ui| {
                        let name = row
                            .path
                            .file_name()
                            .map(|n| n.to_string_lossy().into_owned())
                            .unwrap_or_default();
                        widgets::cell(ui, name);
                    });
                    r.col(|ui| {
                        if ui
                            .button("Khôi phục bản này…")
                            .on_hover_text(format!(
                                "Xem bản sao lưu lúc {when} trước khi khôi phục"
                            ))
                            .clicked()
                        {
                            emit(BackupIntent::PreviewRestore(row.path.clone()));
                        }
                    });
                });
            }
        });
}

fn preview_modal(
    ctx: &egui::Context,
    preview: &RestorePreview,
    emit: &mut impl FnMut(BackupIntent),
) {
    egui::Modal::new(egui::Id::unique("restore-preview")).show(ctx, |ui| {
        ui.heading("Khôi phục dữ liệu từ bản sao lưu?");
        let when = preview
            .made_at
            .map(|t| t.format("%H:%M ngày %d/%m/%Y").to_string())
            .unwrap_or_else(|| "(không rõ thời điểm)".into());
        ui.label(format!("Bản sao lưu lúc {when}: đã kiểm tra, dữ liệu nguyên vẹn."));
        ui.label(format!("Tệp: {}", preview.path.display()));
        egui::Grid::new("restore-counts").striped(true).show(ui, |ui| {
            ui.label(bold(""));
            ui.label(bold("Trong bản sao lưu"));
            ui.label(bold("Hiện tại"));
            ui.end_row();
            for (what, in_backup, now) in &preview.counts {
                ui.label(what);
                ui.label(in_backup.to_string());
                let now_text = RichText::new(now.to_string());
                ui.label(if in_backup != now {
                    now_text.color(widgets::ERROR_COLOR)
                } else {
                    now_text
                });
                ui.end_row();
            }
        });
        ui.label(
            "Dữ liệu hiện tại sẽ được thay bằng bản sao lưu. Trước đó, phần mềm giữ lại một bản của dữ liệu hiện tại trong thư mục sao lưu, nên việc này có thể hoàn tác.",
        );
        ui.horizontal(|ui| {
            if ui.button(bold("Khôi phục")).clicked() {
                emit(BackupIntent::ConfirmRestore(preview.path.clone()));
            }
            if ui.button("Hủy").clicked() {
                emit(BackupIntent::CancelRestore);
            }
        });
    });
}
