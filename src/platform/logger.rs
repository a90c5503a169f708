//! A small log: warnings and errors (and the renderer chosen at start) go to
//! `thidua.log` in the data folder, so IT staff can read what happened on the clerk's PC.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::Path;
use std::sync::Mutex;

struct FileLogger {
    file: Option<Mutex<File>>,
}

impl log::Log for FileLogger {
    fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
        metadata.level() <= log::Level::Info && metadata.target().starts_with("thidua")
    }

    fn log(&self, record: &log::Record<'_>) {
        if !self.enabled(record.metadata()) {
            return;
        }
        let line = format!(
            "{} {:<5} {}\n",
            chrono::Local::now().format("%Y-%m-%d %H:%M:%S"),
            record.level(),
            record.args()
        );
        if let Some(file) = &self.file
            && let Ok(mut f) = file.lock()
        {
            let _ = f.write_all(line.as_bytes());
        }
    }

    fn flush(&self) {}
}

/// Start logging into `folder/thidua.log` (nothing is logged when it cannot be opened).
pub fn init(folder: &Path) {
    let _ = std::fs::create_dir_all(folder);
    let file = OpenOptions::new()
        .create(true)
        .append(true)
        .open(folder.join("thidua.log"))
        .ok()
        .map(Mutex::new);
    if log::set_boxed_logger(Box::new(FileLogger { file })).is_ok() {
        log::set_max_level(log::LevelFilter::Info);
    }
}
