#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]
//! thidua: Thi đua – Khen thưởng.

use clap::Parser;

use std::sync::Arc;
use thidua::app::ThiduaApp;
use thidua::cli::{Cli, open_store, run_command, today};

use thidua::platform::instance::{InstanceError, InstanceLock, request_wake};
use thidua::platform::{self, paths, renderer};
use thidua::store::Store;

const TITLE: &str = "Thi đua – Khen thưởng";

fn main() {
    platform::attach_parent_console();
    let cli = Cli::parse();
    platform::logger::init(&paths::data_folder());

    if let Some(thidua::cli::Command::Restore { file }) = &cli.command {
        match thidua::cli::restore_command(&cli, file) {
            Ok(text) => print!("{text}"),
            Err(message) => fail(&message, false),
        }
        return;
    }
    if let Some(command) = &cli.command {
        // A command that writes waits for no window: while one is open on the database it
        // is refused, and the lock is held until the command ends.
        let _lock = command.writes().then(|| {
            InstanceLock::acquire(&cli.database_path()).unwrap_or_else(|e| match e {
                InstanceError::AlreadyOpen(_) => fail(
                    &format!("{e} Lệnh ghi dữ liệu không chạy khi cửa sổ chương trình đang mở."),
                    false,
                ),
                e => fail(&e.to_string(), false),
            })
        });
        let mut store = open_store(&cli).unwrap_or_else(|m| fail(&m, false));
        match run_command(&mut store, command) {
            Ok(text) => print!("{text}"),
            Err(message) => fail(&message, false),
        }
        return;
    }

    let database = cli.database_path();
    // One window per database: a second one never writes beside the first. It can bring
    // the first to the front, or open the database only to read.
    let lock = match InstanceLock::acquire(&database) {
        Ok(lock) => Some(Arc::new(lock)),
        Err(e @ InstanceError::AlreadyOpen(_)) => match ask_second_window(&e.to_string()) {
            SecondWindow::BringToFront => {
                if let Err(e) = request_wake(&database) {
                    fail(&format!("Không gọi được cửa sổ đang mở: {e}."), true);
                }
                return;
            }
            SecondWindow::ReadOnly => None,
            SecondWindow::Quit => return,
        },
        Err(e) => fail(&e.to_string(), true),
    };
    let read_only = lock.is_none();
    let open = move |cli: &Cli| -> Result<Store, String> {
        if read_only {
            Store::open_read_only(&cli.database_path())
                .map_err(|e| format!("Không mở được cơ sở dữ liệu để xem: {e}"))
        } else {
            open_store(cli)
        }
    };
    let store = match open(&cli) {
        Ok(store) => store,
        Err(message) if !read_only => offer_restore(&cli, &database, &message),
        Err(message) => fail(&message, true),
    };
    if paths::is_on_network(&database) {
        log::warn!("Cơ sở dữ liệu nằm trên ổ mạng: {}", database.display());
    }
    let choice = cli
        .renderer
        .clone()
        .or_else(|| std::env::var(renderer::RENDERER_ENV).ok())
        .or_else(|| {
            store
                .setting::<String>(renderer::RENDERER_SETTING)
                .ok()
                .flatten()
        })
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
            let store = open(&cli)?;
            let mut app = ThiduaApp::new(store, today(), cli.demo);
            match &lock {
                Some(lock) => {
                    let lock = lock.clone();
                    app.set_wake_check(move || lock.take_wake_request());
                    app.set_backup_folder(paths::backup_folder_for(&database));
                }
                None => app.set_read_only(),
            }
            if paths::is_on_network(&database) {
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

/// The database did not open (damaged, not ours, from a newer version, changed by
/// hand): offer the newest good backup. The file itself is kept as it is.
fn offer_restore(cli: &Cli, database: &std::path::Path, message: &str) -> Store {
    let folder = paths::backup_folder_for(database);
    let Some(backup) = thidua::store::backup::newest_good_backup(&folder) else {
        fail(message, true);
    };
    let when = backup
        .made_at
        .map(|t| t.format("%H:%M ngày %d/%m/%Y").to_string())
        .unwrap_or_default();
    let counts = backup
        .counts
        .iter()
        .map(|(l, n)| format!("{l}: {n}"))
        .collect::<Vec<_>>()
        .join(", ");
    let answer = rfd::MessageDialog::new()
        .set_title(TITLE)
        .set_description(format!(
            "{message}\n\nCó bản sao lưu tốt lúc {when} ({counts}).\nKhôi phục bản sao lưu này? Tệp hiện tại được giữ lại trong thư mục {} để cán bộ tin học kiểm tra.",
            folder.display()
        ))
        .set_level(rfd::MessageLevel::Warning)
        .set_buttons(rfd::MessageButtons::YesNo)
        .show();
    if answer != rfd::MessageDialogResult::Yes {
        fail(message, false);
    }
    if let Err(e) = thidua::store::backup::restore(&backup.path, database, &folder) {
        fail(&format!("Không khôi phục được: {e}"), true);
    }
    log::warn!(
        "đã khôi phục {} từ {}",
        database.display(),
        backup.path.display()
    );
    open_store(cli).unwrap_or_else(|m| fail(&m, true))
}

enum SecondWindow {
    BringToFront,
    ReadOnly,
    Quit,
}

/// The database is open in another window: ask what to do.
fn ask_second_window(message: &str) -> SecondWindow {
    const FRONT: &str = "Chuyển tới cửa sổ đó";
    const READ: &str = "Mở chỉ để xem";
    const QUIT: &str = "Thoát";
    log::info!("{message}");
    let answer = rfd::MessageDialog::new()
        .set_title(TITLE)
        .set_description(format!(
            "{message}\n\n«{FRONT}» (nút Yes / Có): đưa cửa sổ đang mở lên trước.\n«{READ}» (nút No / Không): mở thêm một cửa sổ chỉ để xem, không sửa được dữ liệu.\n«{QUIT}» (nút Cancel / Hủy)."
        ))
        .set_level(rfd::MessageLevel::Warning)
        .set_buttons(rfd::MessageButtons::YesNoCancelCustom(
            FRONT.into(),
            READ.into(),
            QUIT.into(),
        ))
        .show();
    match answer {
        rfd::MessageDialogResult::Custom(label) if label == FRONT => SecondWindow::BringToFront,
        rfd::MessageDialogResult::Custom(label) if label == READ => SecondWindow::ReadOnly,
        rfd::MessageDialogResult::Yes => SecondWindow::BringToFront,
        rfd::MessageDialogResult::No => SecondWindow::ReadOnly,
        _ => SecondWindow::Quit,
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
