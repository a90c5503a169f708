//! Settings: where each field goes on the pre-printed certificate blanks (phôi), in
//! millimetres from the sheet's edges, calibrated once with the ruler grid and a test print.

use egui::{RichText, Ui};

use super::decision_view::DecisionIntent;
use super::fonts::bold;
use super::intent::Intent;
use super::view_model::ViewModel;
use super::widgets::{ERROR_COLOR, Named};
use crate::docs::certificate::{BlankLayout, SHEET_MM};

/// The positions being edited (None: as saved).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LayoutForm {
    pub layout: Option<BlankLayout>,
}

/// The four numbers of a field: the column heading and the accessible name's tail.
const COLUMNS: [&str; 4] = [
    "giữa dòng cách mép trái (mm)",
    "chân chữ cách mép trên (mm)",
    "cỡ chữ (pt)",
    "rộng tối đa (mm)",
];

impl LayoutForm {
    pub fn is_dirty(&self, vm: &ViewModel) -> bool {
        self.layout
            .as_ref()
            .is_some_and(|l| *l != vm.certificate_layout)
    }

    pub fn show(&mut self, ui: &mut Ui, vm: &ViewModel, intents: &mut Vec<Intent>) {
        ui.heading("Phôi giấy khen: vị trí các trường");
        ui.label(
            "Đo trên phôi (khổ A4 ngang) bằng lưới căn chỉnh: mỗi dòng chữ được căn giữa quanh vị trí ngang, \
             chân chữ nằm ở vị trí dọc; tên dài tự thu nhỏ cho vừa độ rộng tối đa.",
        );
        let layout = self
            .layout
            .get_or_insert_with(|| vm.certificate_layout.clone());
        let (w, h) = SHEET_MM;
        egui::Grid::new("blank-layout")
            .num_columns(5)
            .striped(true)
            .show(ui, |ui| {
                ui.label(bold("Trường"));
                for c in COLUMNS {
                    ui.label(bold(capitalised(c)));
                }
                ui.end_row();
                for (label, pos) in layout.fields_mut() {
                    ui.label(label);
                    let ranges = [(0.0, w), (0.0, h), (6.0, 72.0), (10.0, w)];
                    let values = [
                        &mut pos.x_mm,
                        &mut pos.y_mm,
                        &mut pos.size,
                        &mut pos.width_mm,
                    ];
                    for ((value, (lo, hi)), column) in values.into_iter().zip(ranges).zip(COLUMNS) {
                        ui.add(
                            egui::DragValue::new(value)
                                .range(lo..=hi)
                                .speed(0.5)
                                .max_decimals(1),
                        )
                        .named(egui::Role::SpinButton, &format!("{label}: {column}"));
                    }
                    ui.end_row();
                }
            });
        let problems = layout.problems();
        for p in &problems {
            ui.label(RichText::new(p).color(ERROR_COLOR));
        }
        ui.horizontal_wrapped(|ui| {
            if ui
                .add_enabled(
                    problems.is_empty() && *layout != vm.certificate_layout,
                    egui::Button::new("Lưu vị trí các trường"),
                )
                .clicked()
            {
                intents.push(Intent::Decision(DecisionIntent::SaveBlankLayout(
                    layout.clone(),
                )));
            }
            if ui
                .add_enabled(
                    *layout != BlankLayout::default(),
                    egui::Button::new("Về vị trí mặc định"),
                )
                .on_hover_text("Đưa các ô về vị trí có sẵn của phần mềm; bấm Lưu để giữ.")
                .clicked()
            {
                *layout = BlankLayout::default();
            }
            if ui
                .add_enabled(
                    problems.is_empty(),
                    egui::Button::new("In thử trên giấy trắng"),
                )
                .on_hover_text(
                    "In một giấy khen mẫu theo các vị trí đang nhập, chồng lên lưới; \
                     đặt lên phôi, soi đèn để so.",
                )
                .clicked()
            {
                intents.push(Intent::Decision(DecisionIntent::TestBlank(layout.clone())));
            }
            if ui.button("In lưới căn chỉnh phôi").clicked() {
                intents.push(Intent::Decision(DecisionIntent::CalibrationGrid));
            }
        });
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
