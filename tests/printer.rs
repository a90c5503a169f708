//! Printing where the machine has no printer: the PDF is opened instead and the clerk is
//! told how to print it; where nothing can even open it, the message says where the file
//! is. Runs in its own process because it changes PATH to stand in for `lp` and `xdg-open`.
#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use thidua::platform::files;

fn script(dir: &Path, name: &str, body: &str) {
    let path = dir.join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn a_missing_printer_opens_the_pdf_and_says_how_to_print() {
    let bin = tempfile::tempdir().unwrap();
    let docs = tempfile::tempdir().unwrap();
    let pdf = docs.path().join("QĐ-12-2026 khen thưởng.pdf");
    std::fs::write(&pdf, b"%PDF-1.7").unwrap();
    let opened = docs.path().join("opened.txt");
    // `lp` as on a PC without a printer; `xdg-open` records what it was asked to open.
    script(
        bin.path(),
        "lp",
        "echo 'lp: Error - No default destination.' >&2; exit 1",
    );
    script(
        bin.path(),
        "xdg-open",
        &format!("printf '%s' \"$1\" > '{}'", opened.display()),
    );
    // SAFETY: this test binary runs this one test; nothing else reads the environment.
    unsafe { std::env::set_var("PATH", bin.path()) };

    let e = files::print(&pdf).unwrap_err().to_string();
    assert!(e.contains("chưa cho phép in tệp PDF trực tiếp"), "{e}");
    assert!(e.contains("Ctrl+P"), "{e}");
    assert_eq!(
        std::fs::read_to_string(&opened).unwrap(),
        pdf.display().to_string()
    );

    // Nothing to open it with either: the message names the file.
    std::fs::remove_file(bin.path().join("xdg-open")).unwrap();
    let e = files::print(&pdf).unwrap_err().to_string();
    assert!(e.contains("QĐ-12-2026 khen thưởng.pdf"), "{e}");
    assert!(e.contains("máy chưa có chương trình để mở tệp PDF"), "{e}");
    assert!(e.contains("mở tệp bằng tay"), "{e}");
    assert!(pdf.exists(), "the PDF is kept");
}
