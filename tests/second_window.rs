//! A second window on a database already open elsewhere: it can only read. Writes are
//! refused with a Vietnamese message before they reach the file, and the read-only
//! connection would refuse them anyway.

use chrono::NaiveDate;
use thidua::app::ThiduaApp;
use thidua::domain::validate::UnitForm;
use thidua::store::{Store, StoreError};
use thidua::ui::Intent;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn unit_form(name: &str) -> UnitForm {
    let mut f = UnitForm::new();
    f.name = name.into();
    f.short_name = "VP".into();
    f
}

#[test]
fn a_read_only_window_shows_the_data_and_refuses_changes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dữ liệu thi đua.sqlite");
    // The first window holds the database open for writing.
    let mut first = Store::open(&db).unwrap();
    first
        .save_unit(&unit_form("Văn phòng").validate().unwrap())
        .unwrap();

    let second = Store::open_read_only(&db).unwrap();
    assert!(second.is_read_only());
    assert!(!first.is_read_only());
    let mut app = ThiduaApp::new(second, today(), false);
    app.set_read_only();
    assert!(app.vm.read_only);
    assert_eq!(app.vm.units.len(), 1, "the data is there to read");

    app.apply(Intent::SaveUnit(unit_form("Thanh tra")));
    let last = app.vm.notifications.last().unwrap();
    assert!(last.text.contains("chỉ để xem"), "{}", last.text);
    assert_eq!(first.units().unwrap().len(), 1, "nothing was written");

    // Reading intents still work.
    app.apply(Intent::Navigate(thidua::ui::Screen::Registrations));
    assert_eq!(app.vm.notifications.len(), 2, "no new message for reading");

    // Below the app, the connection itself refuses to write.
    let mut raw = Store::open_read_only(&db).unwrap();
    let err = raw
        .save_unit(&unit_form("Thanh tra").validate().unwrap())
        .unwrap_err();
    assert!(matches!(err, StoreError::ReadOnly), "{err}");
}

#[test]
fn a_read_only_window_never_creates_or_upgrades_a_database() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("chưa có.sqlite");
    assert!(Store::open_read_only(&missing).is_err());
    assert!(!missing.exists());
    // A database from an older schema is not migrated by a reader.
    let old = dir.path().join("cũ.sqlite");
    {
        let conn = rusqlite::Connection::open(&old).unwrap();
        conn.execute_batch(
            "CREATE TABLE schema_migrations(version INTEGER); PRAGMA user_version = 1;",
        )
        .unwrap();
    }
    let err = Store::open_read_only(&old).err().unwrap();
    assert!(err.to_string().contains("cần được cập nhật"), "{err}");
    let conn = rusqlite::Connection::open(&old).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 1);
}

/// The command line while a window holds the database: reading goes on, writing is refused
/// with a message that says why, and once the window is closed the same command runs.
#[test]
fn a_writing_command_is_refused_while_a_window_is_open() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dữ liệu thi đua.sqlite");
    Store::open(&db)
        .unwrap()
        .save_unit(&unit_form("Văn phòng").validate().unwrap())
        .unwrap();
    let missing = dir.path().join("không có.xlsx");
    let run = |args: &[&std::ffi::OsStr]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_thidua"))
            .arg("--db")
            .arg(&db)
            .args(args)
            .output()
            .unwrap()
    };
    let import = ["import".as_ref(), "people".as_ref(), missing.as_os_str()];

    let window = thidua::platform::instance::InstanceLock::acquire(&db).unwrap();
    let check = run(&["check".as_ref()]);
    assert!(check.status.success(), "{check:?}");
    let refused = run(&import);
    assert!(!refused.status.success());
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(message.contains("đang được mở"), "{message}");
    assert!(message.contains("Lệnh ghi dữ liệu"), "{message}");

    drop(window);
    let after = run(&import);
    let message = String::from_utf8_lossy(&after.stderr);
    assert!(!message.contains("Lệnh ghi dữ liệu"), "{message}");
    assert!(
        message.contains("không có.xlsx"),
        "the file is what fails now: {message}"
    );
}
