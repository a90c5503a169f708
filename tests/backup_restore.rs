//! Backups and restoring from the command line, and a database file that went wrong: each
//! kind of damage is detected at start, the file is left as it is, and the message points
//! to the newest good backup.

use std::path::Path;
use std::process::{Command, Output};

use thidua::domain::validate::UnitForm;
use thidua::store::Store;

fn thidua(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_thidua"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap()
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn database(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("Thi đua").join("dữ liệu.sqlite");
    let mut store = Store::open(&db).unwrap();
    let mut f = UnitForm::new();
    f.name = "Văn phòng".into();
    f.short_name = "VP".into();
    store.save_unit(&f.validate().unwrap()).unwrap();
    db
}

#[test]
fn a_truncated_file_points_to_the_backup_and_restore_brings_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = database(dir.path());
    let run = thidua(&db, &["backup"]);
    assert!(run.status.success(), "{}", text(&run));
    assert!(
        text(&run).contains("Đã sao lưu và kiểm tra"),
        "{}",
        text(&run)
    );
    let folder = db.parent().unwrap().join("Sao lưu").join("dữ liệu");
    let backup = std::fs::read_dir(&folder)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();

    // Truncate the database file.
    let bytes = std::fs::read(&db).unwrap();
    std::fs::write(&db, &bytes[..bytes.len() / 3]).unwrap();
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    let damaged = std::fs::read(&db).unwrap();
    let run = thidua(&db, &["check"]);
    assert!(!run.status.success());
    let message = text(&run);
    assert!(message.contains("Bản sao lưu tốt gần nhất"), "{message}");
    assert!(message.contains("thidua restore"), "{message}");
    assert!(
        std::fs::read(&db).unwrap() == damaged,
        "the damaged file is left as it is"
    );

    let run = thidua(&db, &["restore", backup.to_str().unwrap()]);
    assert!(run.status.success(), "{}", text(&run));
    assert!(text(&run).contains("được giữ tại"));
    let run = thidua(&db, &["check"]);
    assert!(run.status.success(), "{}", text(&run));
    assert!(text(&run).contains("Đơn vị: 1"));
}

/// (what is wrong, how to spoil the file, what the message says)
type Case = (&'static str, Box<dyn Fn(&Path)>, &'static str);

#[test]
fn every_kind_of_bad_file_is_refused_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let cases: Vec<Case> = vec![
        (
            "not SQLite",
            Box::new(|db: &Path| {
                std::fs::write(
                    db,
                    "Đây là một văn bản, không phải cơ sở dữ liệu.".repeat(100),
                )
                .unwrap()
            }),
            "bị hỏng hoặc không phải tệp SQLite",
        ),
        (
            "newer version",
            Box::new(|db: &Path| {
                let c = rusqlite::Connection::open(db).unwrap();
                c.execute_batch("PRAGMA user_version = 99").unwrap();
            }),
            "phiên bản mới hơn",
        ),
        (
            "schema changed by hand",
            Box::new(|db: &Path| {
                let c = rusqlite::Connection::open(db).unwrap();
                c.execute_batch("UPDATE schema_migrations SET sql = sql || ' ' WHERE version = 1")
                    .unwrap();
            }),
            "đã bị sửa",
        ),
        (
            "pages overwritten in the middle",
            Box::new(|db: &Path| {
                let mut bytes = std::fs::read(db).unwrap();
                let middle = bytes.len() / 2 / 4096 * 4096;
                bytes[middle..middle + 4096].fill(0xA5);
                std::fs::write(db, bytes).unwrap();
            }),
            "bị hỏng",
        ),
        (
            "emptied to 0 bytes",
            Box::new(|db: &Path| std::fs::write(db, b"").unwrap()),
            "rỗng (0 byte)",
        ),
        (
            "a column added by hand",
            Box::new(|db: &Path| {
                let c = rusqlite::Connection::open(db).unwrap();
                c.execute_batch("ALTER TABLE people ADD COLUMN ghi_chu_them TEXT")
                    .unwrap();
            }),
            "lược đồ đã bị sửa ngoài phần mềm",
        ),
        (
            "a trigger dropped by hand",
            Box::new(|db: &Path| {
                let c = rusqlite::Connection::open(db).unwrap();
                c.execute_batch("DROP TRIGGER audit_people_update").unwrap();
            }),
            "trigger audit_people_update",
        ),
        (
            "someone else's database",
            Box::new(|db: &Path| {
                std::fs::remove_file(db).unwrap();
                let c = rusqlite::Connection::open(db).unwrap();
                c.execute_batch("CREATE TABLE khach_hang(id INTEGER)")
                    .unwrap();
            }),
            "không phải cơ sở dữ liệu của phần mềm",
        ),
    ];
    for (i, (what, spoil, expected)) in cases.into_iter().enumerate() {
        let db = database(&dir.path().join(i.to_string()));
        let _ = Store::open(&db)
            .unwrap()
            .connection()
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)");
        spoil(&db);
        let before = std::fs::read(&db).unwrap();
        let run = thidua(&db, &["check"]);
        assert!(!run.status.success(), "{what}");
        assert!(text(&run).contains(expected), "{what}: {}", text(&run));
        assert!(
            std::fs::read(&db).unwrap() == before,
            "{what}: the file was changed"
        );
    }
}
