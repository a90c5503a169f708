//! Starting the window on any office PC. eframe does not fall back between renderers by
//! itself, so we try, in order: OpenGL (glow), wgpu on the hardware adapter (DX12/Vulkan),
//! and wgpu on a software adapter (WARP on Windows, llvmpipe/lavapipe on Linux). Each
//! failure is logged; if nothing starts, the caller shows a message box that says what to do.
//!
//! OpenGL goes first because it fails fast and cleanly where it cannot work (Remote Desktop
//! and the basic display driver offer only OpenGL 1.1, and egui_glow refuses that with an
//! error), while wgpu was seen to hang rather than fail on a machine without a usable
//! adapter (the Windows build under Wine), which no fallback can catch.
//!
//! A renderer is forced with `--renderer`, the environment variable `THIDUA_RENDERER`, or
//! the setting of the same name: `auto`, `wgpu`, `glow`, `software`.

use std::str::FromStr;
use std::sync::Arc;

use eframe::egui_wgpu::{self, WgpuSetup, WgpuSetupCreateNew, wgpu};

/// The environment variable that forces a renderer.
pub const RENDERER_ENV: &str = "THIDUA_RENDERER";

/// The setting (chosen on the settings screen) that forces a renderer from the next start.
pub const RENDERER_SETTING: &str = "renderer";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum RendererChoice {
    #[default]
    Auto,
    Wgpu,
    Glow,
    Software,
}

impl FromStr for RendererChoice {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "" | "auto" => Ok(Self::Auto),
            "wgpu" => Ok(Self::Wgpu),
            "glow" | "opengl" | "gl" => Ok(Self::Glow),
            "software" | "cpu" | "warp" => Ok(Self::Software),
            other => Err(format!(
                "Không hiểu bộ dựng hình \"{other}\": hãy dùng auto, wgpu, glow hoặc software."
            )),
        }
    }
}

/// One way of starting the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attempt {
    WgpuHardware,
    Glow,
    WgpuSoftware,
}

impl Attempt {
    pub fn label(self) -> &'static str {
        match self {
            Attempt::WgpuHardware => "wgpu (card màn hình)",
            Attempt::Glow => "OpenGL (glow)",
            Attempt::WgpuSoftware => "wgpu (dựng hình bằng CPU)",
        }
    }
}

/// The attempts for a choice, in order.
pub fn attempts(choice: RendererChoice) -> Vec<Attempt> {
    match choice {
        RendererChoice::Auto => vec![Attempt::Glow, Attempt::WgpuHardware, Attempt::WgpuSoftware],
        RendererChoice::Wgpu => vec![Attempt::WgpuHardware],
        RendererChoice::Glow => vec![Attempt::Glow],
        RendererChoice::Software => vec![Attempt::WgpuSoftware],
    }
}

/// The window options for an attempt.
pub fn native_options(attempt: Attempt, viewport: egui::ViewportBuilder) -> eframe::NativeOptions {
    let mut options = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    match attempt {
        Attempt::WgpuHardware => options.renderer = eframe::Renderer::Wgpu,
        Attempt::Glow => options.renderer = eframe::Renderer::Glow,
        Attempt::WgpuSoftware => {
            options.renderer = eframe::Renderer::Wgpu;
            let mut setup = WgpuSetupCreateNew::without_display_handle();
            setup.native_adapter_selector = Some(Arc::new(
                |adapters: &[wgpu::Adapter], _surface: Option<&wgpu::Surface<'_>>| {
                    adapters
                        .iter()
                        .find(|a| a.get_info().device_type == wgpu::DeviceType::Cpu)
                        .cloned()
                        .ok_or_else(|| "không có bộ dựng hình bằng CPU".to_owned())
                },
            ));
            options.wgpu_options = egui_wgpu::WgpuConfiguration {
                wgpu_setup: WgpuSetup::CreateNew(setup),
                ..Default::default()
            };
        }
    }
    options
}

/// Run the window, falling back between renderers. `make_app` builds the app afresh for
/// each attempt. Returns the failures, one line per attempt, when nothing started.
pub fn run_with_fallback(
    title: &str,
    choice: RendererChoice,
    viewport: impl Fn() -> egui::ViewportBuilder,
    make_app: impl Fn(&eframe::CreationContext<'_>) -> Result<Box<dyn eframe::App>, String>,
) -> Result<(), Vec<String>> {
    let mut failures = Vec::new();
    for attempt in attempts(choice) {
        log::info!("Khởi động cửa sổ bằng {}", attempt.label());
        let options = native_options(attempt, viewport());
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            eframe::run_native(
                title,
                options,
                Box::new(|cc| make_app(cc).map_err(|e| e.into())),
            )
        }));
        match outcome {
            Ok(Ok(())) => return Ok(()),
            Ok(Err(e)) => {
                log::warn!("{} không khởi động được: {e}", attempt.label());
                failures.push(format!("{}: {e}", attempt.label()));
            }
            Err(_) => {
                log::warn!("{} dừng đột ngột khi khởi động", attempt.label());
                failures.push(format!("{}: dừng đột ngột khi khởi động", attempt.label()));
            }
        }
    }
    Err(failures)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_tries_every_renderer_in_order_and_a_forced_one_alone() {
        assert_eq!(
            attempts(RendererChoice::Auto),
            vec![Attempt::Glow, Attempt::WgpuHardware, Attempt::WgpuSoftware]
        );
        assert_eq!(attempts("GLOW".parse().unwrap()), vec![Attempt::Glow]);
        assert_eq!(
            attempts("cpu".parse().unwrap()),
            vec![Attempt::WgpuSoftware]
        );
        assert!(
            "vulkan"
                .parse::<RendererChoice>()
                .unwrap_err()
                .contains("auto, wgpu, glow")
        );
    }
}
