//! Faults of the machine: a full disk, a read-only folder, a database locked by another
//! program. Each gets a Vietnamese message and loses nothing; no output that looks complete
//! is left behind.
//!
//! The full disk and the read-only folder are real: a tiny tmpfs (full after a few dozen
//! kilobytes) and a read-only tmpfs, mounted for the test. That needs root (as in CI); where
//! mounting is not allowed the two tests say so on stderr and do nothing.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use thidua::docs::{plan::plan_document, render_pdf, write};
use thidua::domain::plan::demo_plan;
use thidua::domain::settings::Organisation;
use thidua::domain::validate::UnitForm;
use thidua::store::{Store, StoreError};

/// A tmpfs mounted for one test, unmounted when dropped.
struct Mount {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

impl Mount {
    fn tmpfs(options: &str) -> Option<Mount> {
        let dir = tempfile::tempdir().ok()?;
        let path = dir.path().join("ổ đĩa");
        std::fs::create_dir(&path).ok()?;
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", options, "tmpfs"])
            .arg(&path)
            .output()
            .map(|o| o.status.success())
            .unwrap_or(false);
        if !ok {
            eprintln!("skipped: this machine does not allow mounting a tmpfs ({options})");
            return None;
        }
        Some(Mount { _dir: dir, path })
    }

    fn remount_read_only(&self) {
        let ok = Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(&self.path)
            .status()
            .unwrap()
            .success();
        assert!(ok, "remount read-only");
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.path).status();
    }
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn unit(name: &str) -> thidua::domain::model::Unit {
    let mut f = UnitForm::new();
    f.name = name.into();
    f.short_name = "ĐV".into();
    f.validate().unwrap()
}

fn plan_pdf() -> Vec<u8> {
    let org = Organisation {
        parent_body: "UBND TỈNH GIA LAI".into(),
        place: "Gia Lai".into(),
        ..Organisation::default()
    };
    render_pdf(&plan_document(&demo_plan(2026, "Trần Thị Mai"), &org)).unwrap()
}

#[test]
fn a_full_disk_leaves_no_half_pdf_and_keeps_the_database_whole() {
    let Some(stick) = Mount::tmpfs("size=16k") else {
        return;
    };
    // The PDF (fonts embedded) is larger than the stick.
    let target = stick.path.join("kế hoạch 2026.pdf");
    let bytes = plan_pdf();
    assert!(
        bytes.len() > 16 * 1024,
        "the test needs a PDF larger than the disk"
    );
    let e = write(&bytes, &target).unwrap_err().to_string();
    assert!(e.contains("ổ đĩa đã đầy"), "{e}");
    assert!(
        files_in(&stick.path).is_empty(),
        "left: {:?}",
        files_in(&stick.path)
    );

    let Some(disk) = Mount::tmpfs("size=1m") else {
        return;
    };
    // The database fills the rest of the disk; the write that does not fit is refused as
    // a whole and everything before it stays.
    let db = disk.path.join("thi đua.sqlite");
    let mut store = Store::open(&db).unwrap();
    let mut saved = 0;
    let err = loop {
        let name = format!("Đơn vị số {saved} {}", "x".repeat(400));
        match store.save_unit(&unit(&name)) {
            Ok(_) => saved += 1,
            Err(e) => break e,
        }
        assert!(saved < 100_000, "the disk never filled");
    };
    assert!(matches!(err, StoreError::DiskFull), "{err}");
    assert!(err.to_string().starts_with("Ổ đĩa đã đầy"));
    assert_eq!(store.units().unwrap().len(), saved);
    assert!(store.integrity_problems().unwrap().is_empty());
}

#[test]
fn a_read_only_folder_gets_a_message_and_nothing_changes() {
    let Some(disk) = Mount::tmpfs("size=8m") else {
        return;
    };
    let db = disk.path.join("thi đua.sqlite");
    {
        let mut store = Store::open(&db).unwrap();
        store.save_unit(&unit("Văn phòng")).unwrap();
        store
            .connection()
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
            .unwrap();
    }
    let before = std::fs::read(&db).unwrap();
    disk.remount_read_only();

    let e = write(b"%PDF-1.7", &disk.path.join("a.pdf"))
        .unwrap_err()
        .to_string();
    assert!(e.contains("ổ đĩa chỉ cho phép đọc"), "{e}");

    // Opening for writing fails with words the clerk can act on…
    match Store::open(&db) {
        Err(e) => assert!(
            e.to_string().contains("chỉ cho phép đọc") || e.to_string().contains("khóa"),
            "{e}"
        ),
        Ok(mut store) => {
            let e = store.save_unit(&unit("Thanh tra")).unwrap_err();
            assert!(matches!(e, StoreError::ReadOnly), "{e}");
        }
    }
    // … and the file is byte for byte what it was.
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

#[test]
fn a_database_locked_by_another_program_is_reported_and_the_write_can_be_repeated() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("thi đua.sqlite");
    let mut store = Store::open(&db).unwrap();
    store
        .connection()
        .busy_timeout(Duration::from_millis(200))
        .unwrap();
    let other = rusqlite::Connection::open(&db).unwrap();
    other.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let e = store.save_unit(&unit("Văn phòng")).unwrap_err();
    assert!(matches!(e, StoreError::Busy), "{e}");
    assert!(e.to_string().contains("đang bị một chương trình khác khóa"));
    other.execute_batch("ROLLBACK").unwrap();
    store.save_unit(&unit("Văn phòng")).unwrap();
    assert_eq!(store.units().unwrap().len(), 1);
}

/// A demo Department with this year's nominations and decisions.
fn demo_store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    thidua::demo::populate_demo(
        &mut store,
        chrono::NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(),
    )
    .unwrap();
    store
}

fn export_to(
    store: &Store,
    target: &Path,
) -> Result<PathBuf, thidua::exchange::package::PackageError> {
    use thidua::exchange::package::{Contents, RealFs, export_province};
    let now = chrono::NaiveDate::from_ymd_opt(2026, 12, 3)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    export_province(
        store,
        2026,
        Contents::default(),
        target,
        now,
        &RealFs,
        &|_| {},
    )
    .map(|r| r.folder)
}

#[test]
fn an_export_onto_a_full_stick_leaves_no_package_and_works_on_a_bigger_one() {
    let Some(stick) = Mount::tmpfs("size=64k") else {
        return;
    };
    let store = demo_store();
    let e = export_to(&store, &stick.path).unwrap_err().to_string();
    assert!(e.contains("ổ đĩa đã đầy") && e.contains("xuất lại"), "{e}");
    assert!(
        files_in(&stick.path).is_empty(),
        "left: {:?}",
        files_in(&stick.path)
    );
    let Some(big) = Mount::tmpfs("size=32m") else {
        return;
    };
    let folder = export_to(&store, &big.path).unwrap();
    assert!(thidua::exchange::package::check_package(&folder).is_ok());
}

#[test]
fn an_export_or_backup_onto_a_read_only_stick_gets_a_message() {
    let Some(stick) = Mount::tmpfs("size=8m") else {
        return;
    };
    stick.remount_read_only();
    let store = demo_store();
    let e = export_to(&store, &stick.path).unwrap_err().to_string();
    assert!(e.contains("ổ đĩa chỉ cho phép đọc"), "{e}");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("thi đua.sqlite");
    let mut file_store = Store::open(&db).unwrap();
    file_store.save_unit(&unit("Văn phòng")).unwrap();
    let e = file_store
        .backup_to(&stick.path, 3)
        .unwrap_err()
        .to_string();
    assert!(e.contains("chỉ cho phép đọc") || e.contains("Không"), "{e}");
    assert!(files_in(&stick.path).is_empty());
}

#[test]
fn a_backup_onto_a_full_stick_leaves_no_backup_that_looks_complete() {
    let Some(stick) = Mount::tmpfs("size=64k") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("thi đua.sqlite");
    let mut store = Store::open(&db).unwrap();
    thidua::demo::populate_demo(
        &mut store,
        chrono::NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(),
    )
    .unwrap();
    let e = store.backup_to(&stick.path, 3).unwrap_err().to_string();
    assert!(e.contains("đầy"), "{e}");
    assert!(
        thidua::store::backup::backups_in(&stick.path).is_empty(),
        "left: {:?}",
        files_in(&stick.path)
    );
}
