//! Opening a file in the system's viewer and sending it to the printer.

use std::path::Path;
use std::process::Command;

#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("Không mở được {path}: {reason}. Hãy mở tệp bằng tay trong thư mục của nó.")]
    Open { path: String, reason: String },
    #[error(
        "Máy này chưa cho phép in tệp PDF trực tiếp ({reason}). Tệp đã được mở: hãy bấm Ctrl+P trong trình xem PDF để in."
    )]
    NoPrintAction { reason: String },
}

/// Open `path` with the system's default program (the PDF viewer for a PDF).
pub fn open(path: &Path) -> Result<(), OpenError> {
    let fail = |reason: String| OpenError::Open {
        path: path.display().to_string(),
        reason,
    };
    let status = if cfg!(windows) {
        Command::new("cmd")
            .arg("/C")
            .arg("start")
            .arg("")
            .arg(path)
            .status()
    } else if cfg!(target_os = "macos") {
        Command::new("open").arg(path).status()
    } else {
        Command::new("xdg-open").arg(path).status()
    };
    match status {
        Ok(s) if s.success() => Ok(()),
        Ok(s) => Err(fail(format!("chương trình mở tệp trả về mã {s}"))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Err(fail("máy chưa có chương trình để mở tệp PDF".into()))
        }
        Err(e) => Err(fail(crate::store::io_reason(&e))),
    }
}

/// Send `path` to the default printer where the system offers a print action for it;
/// otherwise open it and say how to print.
pub fn print(path: &Path) -> Result<(), OpenError> {
    let status = if cfg!(windows) {
        Command::new("powershell")
            .args(["-NoProfile", "-NonInteractive", "-Command"])
            .arg(format!(
                "Start-Process -FilePath '{}' -Verb Print",
                path.display().to_string().replace('\'', "''")
            ))
            .status()
    } else {
        Command::new("lp").arg(path).status()
    };
    match status {
        Ok(s) if s.success() => Ok(()),
        other => {
            let reason = match other {
                Ok(s) => format!("lệnh in trả về mã {s}"),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => "máy chưa có lệnh in".into(),
                Err(e) => crate::store::io_reason(&e),
            };
            open(path)?;
            Err(OpenError::NoPrintAction { reason })
        }
    }
}
