//! Fonts for the window. egui's built-in font lacks most Vietnamese letters, and system
//! fonts differ from one PC to the next, so the app bundles Noto Sans.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

/// The family for real bold text (`RichText::strong()` only brightens).
pub const BOLD: &str = "bold";

/// Install the bundled fonts and the light office theme into `ctx`.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
    ctx.set_theme(egui::Theme::Light);
}

/// Font definitions with Noto Sans first in every family.
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        "noto-sans".into(),
        Arc::new(FontData::from_static(include_bytes!(
            "../../assets/fonts/NotoSans-Regular.ttf"
        ))),
    );
    fonts.font_data.insert(
        "noto-sans-bold".into(),
        Arc::new(FontData::from_static(include_bytes!(
            "../../assets/fonts/NotoSans-Bold.ttf"
        ))),
    );
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .insert(0, "noto-sans".into());
    }
    let mut bold = vec!["noto-sans-bold".to_owned()];
    bold.extend(
        fonts
            .families
            .get(&FontFamily::Proportional)
            .cloned()
            .unwrap_or_default(),
    );
    fonts.families.insert(FontFamily::Name(BOLD.into()), bold);
    fonts
}

/// Text in the bundled bold face.
pub fn bold(text: impl Into<String>) -> egui::RichText {
    egui::RichText::new(text).family(FontFamily::Name(BOLD.into()))
}
