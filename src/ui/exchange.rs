//! Trao đổi với tỉnh: the year's package for the provincial Emulation Board written onto a
//! USB stick (removable drives first), the list's columns, and importing a package from a
//! unit or another installation after a preview.

use egui::{RichText, Ui};

use super::exchange_view::{ExchangeIntent, ExchangeView, ExportChoice, PackagePreviewView};
use super::fonts::bold;
use super::intent::Intent;
use super::view_model::ViewModel;
use super::widgets;
use crate::domain::province_list::ListColumn;

#[derive(Debug, Default)]
pub struct ExchangeScreen {
    /// Columns ticked but not yet saved.
    columns: Option<Vec<ListColumn>>,
}

impl ExchangeScreen {
    pub fn is_dirty(&self) -> bool {
        self.columns.is_some()
    }

    pub fn discard_forms(&mut self) {
        self.columns = None;
    }

    pub fn show(&mut self, ui: &mut Ui, vm: &ViewModel, intents: &mut Vec<Intent>) {
        let view = &vm.exchange;
        let mut emit = |i: ExchangeIntent| intents.push(Intent::Exchange(i));
        ui.heading("Trao đổi hồ sơ với Ban Thi đua - Khen thưởng tỉnh");
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.group(|ui| export_part(ui, view, &mut emit));
            ui.add_space(6.0);
            ui.group(|ui| self.columns_part(ui, view, &mut emit));
            ui.add_space(6.0);
            ui.group(|ui| import_part(ui, view, &mut emit));
        });
    }

    fn columns_part(
        &mut self,
        ui: &mut Ui,
        view: &ExchangeView,
        emit: &mut impl FnMut(ExchangeIntent),
    ) {
        ui.label(bold("Cột của danh sách Excel gửi tỉnh"));
        let mut columns = self.columns.clone().unwrap_or_else(|| view.columns.clone());
        ui.horizontal_wrapped(|ui| {
            for c in ListColumn::ALL {
                let mut on = columns.contains(&c);
                let fixed = matches!(c, ListColumn::Number | ListColumn::Name);
                if ui
                    .add_enabled(!fixed, egui::Checkbox::new(&mut on, c.header()))
                    .changed()
                {
                    if on {
                        columns.push(c);
                        columns.sort_by_key(|x| ListColumn::ALL.iter().position(|y| y == x));
                    } else {
                        columns.retain(|x| *x != c);
                    }
                }
            }
        });
        if columns != view.columns {
            self.columns = Some(columns.clone());
        }
        if ui
            .add_enabled(self.columns.is_some(), egui::Button::new("Lưu cột"))
            .clicked()
        {
            emit(ExchangeIntent::SetColumns(columns));
            self.columns = None;
        }
    }
}

fn export_part(ui: &mut Ui, view: &ExchangeView, emit: &mut impl FnMut(ExchangeIntent)) {
    ui.label(bold("Xuất gói hồ sơ gửi tỉnh"));
    let this_year = chrono::Datelike::year(&chrono::Local::now().date_naive());
    ui.horizontal(|ui| {
        if let Some(y) = widgets::year_picker(
            ui,
            "exchange-year",
            "Năm:",
            view.year,
            this_year - 10..=this_year + 1,
        ) {
            emit(ExchangeIntent::SelectYear(y));
        }
    });
    let mut c: ExportChoice = view.choice;
    ui.horizontal_wrapped(|ui| {
        ui.checkbox(&mut c.proposal, "Tờ trình");
        ui.checkbox(&mut c.minutes, "Biên bản họp Hội đồng");
        ui.checkbox(&mut c.achievement_reports, "Báo cáo thành tích");
        ui.checkbox(&mut c.list, "Danh sách (Excel)");
        ui.checkbox(&mut c.decisions, "Quyết định đã ban hành");
    });
    if c != view.choice {
        emit(ExchangeIntent::SetChoice(c));
    }
    ui.horizontal(|ui| {
        let label = ui.label("Ghi vào:");
        let shown = view
            .target
            .as_ref()
            .map(|t| {
                view.drives
                    .iter()
                    .find(|(p, _)| p == t)
                    .map(|(_, l)| l.clone())
                    .unwrap_or_else(|| t.display().to_string())
            })
            .unwrap_or_else(|| "(chưa chọn)".into());
        egui::ComboBox::from_id_salt("exchange-target")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                for (path, name) in &view.drives {
                    if ui
                        .selectable_label(view.target.as_ref() == Some(path), name)
                        .clicked()
                    {
                        emit(ExchangeIntent::SetTarget(path.clone()));
                    }
                }
                if view.drives.is_empty() {
                    ui.label("Không thấy ổ USB nào.");
                }
            })
            .response
            .labelled_by(label.id);
        if ui.button("Chọn thư mục khác…").clicked() {
            emit(ExchangeIntent::PickTarget);
        }
        if ui.button("Tìm lại ổ USB").clicked() {
            emit(ExchangeIntent::RefreshDrives);
        }
    });
    if ui
        .add_enabled(
            view.target.is_some(),
            egui::Button::new(bold("Xuất gói hồ sơ")),
        )
        .clicked()
    {
        emit(ExchangeIntent::Export);
    }
    if let Some(done) = &view.last_export {
        ui.label(RichText::new(done).color(widgets::SUCCESS_COLOR));
    }
}

fn import_part(ui: &mut Ui, view: &ExchangeView, emit: &mut impl FnMut(ExchangeIntent)) {
    ui.label(bold("Nhập gói hồ sơ của đơn vị hoặc của máy khác"));
    if ui.button("Chọn thư mục gói…").clicked() {
        emit(ExchangeIntent::PickPackage);
    }
    if let Some(p) = &view.preview {
        preview(ui, p, emit);
    }
}

fn preview(ui: &mut Ui, p: &PackagePreviewView, emit: &mut impl FnMut(ExchangeIntent)) {
    ui.separator();
    ui.label(format!(
        "Gói của {} năm {} ({})",
        p.organisation,
        p.year,
        p.folder.display()
    ));
    ui.label(&p.summary);
    for problem in &p.problems {
        ui.label(RichText::new(problem).color(widgets::ERROR_COLOR));
    }
    if !p.doubtful.is_empty() {
        ui.label(bold("Trường hợp trùng tên cần quyết định:"));
    }
    for d in &p.doubtful {
        ui.horizontal_wrapped(|ui| {
            ui.label(format!("{}:", d.describe));
            for (id, text) in &d.candidates {
                if ui
                    .radio(
                        d.choice == Some(Some(*id)),
                        format!("Cùng một người: {text}"),
                    )
                    .clicked()
                {
                    emit(ExchangeIntent::Resolve {
                        key: d.key.clone(),
                        same_as: Some(*id),
                    });
                }
            }
            if ui
                .radio(d.choice == Some(None), "Người khác (thêm mới)")
                .clicked()
            {
                emit(ExchangeIntent::Resolve {
                    key: d.key.clone(),
                    same_as: None,
                });
            }
        });
    }
    ui.horizontal(|ui| {
        if ui
            .add_enabled(p.ready(), egui::Button::new(bold("Nhập tất cả")))
            .clicked()
        {
            emit(ExchangeIntent::ConfirmImport);
        }
        if ui.button("Hủy").clicked() {
            emit(ExchangeIntent::CancelImport);
        }
    });
}
