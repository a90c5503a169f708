//! Cài đặt › Hiển thị: how the window is drawn, for office PCs with a weak graphics driver
//! or reached over Remote Desktop. The choice takes effect from the next start; the
//! command-line flag `--renderer` and the environment variable still come first.

use egui::Ui;

use super::intent::Intent;
use super::view_model::ViewModel;

/// The choices, as (setting value, what the clerk reads).
pub const RENDERER_CHOICES: [(&str, &str); 4] = [
    ("auto", "Tự động (thử lần lượt OpenGL, card màn hình, CPU)"),
    ("glow", "OpenGL"),
    ("wgpu", "Card màn hình qua DirectX/Vulkan (wgpu)"),
    ("software", "Vẽ bằng CPU (chậm hơn, chạy được trên mọi máy)"),
];

fn choice_label(value: &str) -> &'static str {
    RENDERER_CHOICES
        .iter()
        .find(|(v, _)| *v == value)
        .map_or(RENDERER_CHOICES[0].1, |(_, l)| l)
}

pub fn renderer_section(ui: &mut Ui, vm: &ViewModel, intents: &mut Vec<Intent>) {
    ui.heading("Hiển thị");
    ui.label(
        "Nếu cửa sổ không hiện, bị đen hoặc chập chờn (card màn hình yếu, Remote Desktop), \
         hãy chọn \"Vẽ bằng CPU\". Lựa chọn có hiệu lực từ lần mở chương trình sau.",
    );
    ui.horizontal(|ui| {
        let label = ui.label("Cách vẽ cửa sổ:");
        let mut chosen = vm.renderer.as_str();
        egui::ComboBox::from_id_salt("renderer-choice")
            .selected_text(choice_label(chosen))
            .width(380.0)
            .show_ui(ui, |ui| {
                for (value, text) in RENDERER_CHOICES {
                    ui.selectable_value(&mut chosen, value, text);
                }
            })
            .response
            .labelled_by(label.id);
        if chosen != vm.renderer {
            intents.push(Intent::SaveRenderer(chosen.to_string()));
        }
    });
}
