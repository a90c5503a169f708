//! Small shared widgets: labelled fields with their errors, the unsaved-changes guard.

use egui::{Color32, RichText, TextEdit, Ui};

use crate::domain::validate::FieldError;

pub const ERROR_COLOR: Color32 = Color32::from_rgb(190, 30, 30);
pub const SUCCESS_COLOR: Color32 = Color32::from_rgb(20, 120, 40);

/// The first error for `field`, if any.
pub fn field_error<'a>(errors: &'a [FieldError], field: &str) -> Option<&'a str> {
    errors
        .iter()
        .find(|e| e.field == field)
        .map(|e| e.message.as_str())
}

/// A row of a form grid: the label, a single-line text field labelled by it, and the
/// field's error under it. Returns the field's response.
pub fn text_row(
    ui: &mut Ui,
    label: &str,
    value: &mut String,
    error: Option<&str>,
    hint: &str,
) -> egui::Response {
    let label_response = ui.label(label);
    let response = ui
        .add(
            TextEdit::singleline(value)
                .hint_text(hint)
                .desired_width(260.0),
        )
        .labelled_by(label_response.id);
    ui.end_row();
    error_row(ui, error);
    response
}

/// An error line under a field (an empty cell and the red text).
pub fn error_row(ui: &mut Ui, error: Option<&str>) {
    if let Some(message) = error {
        ui.label("");
        ui.label(RichText::new(message).color(ERROR_COLOR).small());
        ui.end_row();
    }
}

/// A labelled combo box over a closed set of values.
pub fn combo_row<T: Copy + PartialEq>(
    ui: &mut Ui,
    id: &str,
    label: &str,
    value: &mut Option<T>,
    choices: &[T],
    name: impl Fn(T) -> String,
    error: Option<&str>,
) {
    let label_response = ui.label(label);
    let selected = value.map(&name).unwrap_or_else(|| "— chọn —".to_owned());
    egui::ComboBox::from_id_salt(id)
        .selected_text(selected)
        .width(260.0)
        .show_ui(ui, |ui| {
            for &c in choices {
                ui.selectable_value(value, Some(c), name(c));
            }
        })
        .response
        .labelled_by(label_response.id);
    ui.end_row();
    error_row(ui, error);
}

/// What the clerk chose in the unsaved-changes dialog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiscardChoice {
    Save,
    Discard,
    Stay,
}

/// The modal asking what to do with unsaved changes. `None` while the clerk has not chosen.
pub fn unsaved_changes_modal(ctx: &egui::Context) -> Option<DiscardChoice> {
    let mut choice = None;
    egui::Modal::new(egui::Id::unique("unsaved-changes")).show(ctx, |ui| {
        ui.heading("Có thay đổi chưa lưu");
        ui.label("Biểu mẫu đang mở có thay đổi chưa được lưu. Bạn muốn làm gì?");
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Lưu thay đổi").clicked() {
                choice = Some(DiscardChoice::Save);
            }
            if ui.button("Bỏ thay đổi").clicked() {
                choice = Some(DiscardChoice::Discard);
            }
            if ui.button("Quay lại sửa tiếp").clicked() {
                choice = Some(DiscardChoice::Stay);
            }
        });
    });
    choice
}

/// Ctrl+S pressed this frame (consumed).
pub fn save_shortcut(ctx: &egui::Context) -> bool {
    ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::S))
}

/// Ctrl+F pressed this frame (consumed).
pub fn find_shortcut(ctx: &egui::Context) -> bool {
    ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::F))
}

/// A clickable column header showing the sort direction.
pub fn sort_header(ui: &mut Ui, label: &str, active: bool, ascending: bool) -> bool {
    let text = if active {
        format!("{label} {}", if ascending { "˄" } else { "˅" })
    } else {
        label.to_owned()
    };
    ui.add(egui::Button::new(super::fonts::bold(text)).frame(false))
        .clicked()
}

/// A table cell's text on one line, cut with "…" when the column is too narrow.
pub fn cell(ui: &mut Ui, text: impl Into<egui::WidgetText>) {
    ui.add(egui::Label::new(text).truncate());
}

/// Gives a widget without a visible label its accessible name (for screen readers and
/// for tests that find widgets by label).
pub trait Named {
    fn named(self, role: egui::Role, name: &str) -> Self;
}

impl Named for egui::Response {
    fn named(self, role: egui::Role, name: &str) -> Self {
        self.widget_info(|| egui::WidgetInfo::labeled(role, self.enabled(), name));
        self
    }
}

/// A labelled year picker over `years` (newest first); the year chosen, when it changed.
pub fn year_picker(
    ui: &mut Ui,
    id: &str,
    label: &str,
    current: i32,
    years: std::ops::RangeInclusive<i32>,
) -> Option<i32> {
    let l = ui.label(label);
    let mut year = current;
    egui::ComboBox::from_id_salt(id)
        .selected_text(year.to_string())
        .show_ui(ui, |ui| {
            for y in years.rev() {
                ui.selectable_value(&mut year, y, y.to_string());
            }
        })
        .response
        .labelled_by(l.id);
    (year != current).then_some(year)
}

/// What a document's menu offers, in the order shown.
const DOCUMENT_ACTIONS: [(&str, super::intent::DocumentAction); 3] = [
    ("Xem trước", super::intent::DocumentAction::Preview),
    ("Lưu PDF…", super::intent::DocumentAction::SaveAs),
    ("In ra máy in", super::intent::DocumentAction::Print),
];

/// A document's button: it opens a small menu to preview the PDF, save it where the clerk
/// chooses, or send it to the default printer. The action chosen, in the frame it was.
pub fn document_menu(
    ui: &mut Ui,
    label: &str,
    enabled: bool,
) -> Option<super::intent::DocumentAction> {
    const HINT: &str = "Xem trước, lưu thành tệp PDF hoặc in thẳng ra máy in mặc định";
    if !enabled {
        ui.add_enabled(false, egui::Button::new(label));
        return None;
    }
    // Laid out in `ui` itself (no child scope) and on one line, so that a wrapping row moves
    // the button to the next line as it does a plain one instead of squeezing its label.
    let wrap = ui.style().wrap_mode;
    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
    let mut chosen = None;
    ui.menu_button(label, |ui| {
        for (text, action) in DOCUMENT_ACTIONS {
            if ui.button(text).clicked() {
                chosen = Some(action);
                ui.close();
            }
        }
    })
    .response
    .on_hover_text(HINT);
    ui.style_mut().wrap_mode = wrap;
    chosen
}

/// A labelled short date field ("dd/mm/yyyy"); the date typed, when it is one.
pub fn date_field(ui: &mut Ui, label: &str, text: &mut String) -> Option<chrono::NaiveDate> {
    let l = ui.label(label);
    ui.add(
        TextEdit::singleline(text)
            .hint_text("dd/mm/yyyy")
            .desired_width(90.0),
    )
    .labelled_by(l.id);
    crate::domain::validate::parse_date(text).ok().flatten()
}
