#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]
//! thidua: Thi đua – Khen thưởng.

use clap::Parser;

use thidua::app::ThiduaApp;
use thidua::cli::{Cli, open_store, run_command, today};
use thidua::platform::{self, instance::InstanceLock, paths, renderer};

const TITLE: &str = "Thi đua – Khen thưởng";

fn main() {
    platform::attach_parent_console();
    let cli = Cli::parse();
    platform::logger::init(&paths::data_folder());

    if let Some(command) = &cli.command {
        let mut store = open_store(&cli).unwrap_or_else(|m| fail(&m, false));
        match run_command(&mut store, command) {
            Ok(text) => print!("{text}"),
            Err(message) => fail(&message, false),
        }
        return;
    }

    let database = cli.database_path();
    // One window per database: a second one never writes beside the first.
    let _lock = InstanceLock::acquire(&database).unwrap_or_else(|e| fail(&e.to_string(), true));
    let store = open_store(&cli).unwrap_or_else(|m| fail(&m, true));
    if paths::is_network_path(&database) {
        log::warn!("Cơ sở dữ liệu nằm trên ổ mạng: {}", database.display());
    }
    let choice = cli
        .renderer
        .clone()
        .or_else(|| std::env::var(renderer::RENDERER_ENV).ok())
        .or_else(|| store.setting::<String>("renderer").ok().flatten())
        .unwrap_or_default()
        .parse::<renderer::RendererChoice>()
        .unwrap_or_else(|m| fail(&m, true));
    drop(store);

    let result = renderer::run_with_fallback(
        TITLE,
        choice,
        || {
            egui::ViewportBuilder::default()
                .with_title(TITLE)
                .with_inner_size([1280.0, 800.0])
                .with_min_inner_size([900.0, 600.0])
        },
        |cc| {
            thidua::ui::fonts::install(&cc.egui_ctx);
            let store = open_store(&cli)?;
            let mut app = ThiduaApp::new(store, today(), cli.demo);
            if paths::is_network_path(&database) {
                app.warn_network_drive();
            }
            Ok(Box::new(app))
        },
    );
    if let Err(failures) = result {
        fail(
            &format!(
                "Không mở được cửa sổ chương trình trên máy này.\n\n{}\n\nHãy thử: cập nhật trình điều khiển card màn hình; chạy trực tiếp trên máy thay vì qua Remote Desktop; hoặc chạy với tùy chọn --renderer software (hoặc đặt biến môi trường {}=software).",
                failures.join("\n"),
                renderer::RENDERER_ENV
            ),
            true,
        );
    }
}

/// Print the message (and show it in a message box when there is a window to speak of),
/// then exit 1.
fn fail(message: &str, show_box: bool) -> ! {
    log::error!("{message}");
    eprintln!("{message}");
    if show_box {
        let _ = rfd::MessageDialog::new()
            .set_title(TITLE)
            .set_description(message)
            .set_level(rfd::MessageLevel::Error)
            .show();
    }
    std::process::exit(1);
}
