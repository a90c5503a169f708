use super::*;
use crate::store::tests::unit;

fn store_with_units(dir: &Path, n: usize) -> Store {
    let mut store = Store::open(&dir.join("thi đua.sqlite")).unwrap();
    for i in 0..n {
        store.save_unit(&unit(&format!("Đơn vị {i}"))).unwrap();
    }
    store
}

fn units_in(path: &Path) -> i64 {
    let conn = Connection::open(path).unwrap();
    conn.query_row("SELECT count(*) FROM units", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_backup_is_checked_named_by_time_and_rotated() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_with_units(dir.path(), 3);
    let folder = dir.path().join("Sao lưu");
    let first = store.backup_to(&folder, 2).unwrap();
    assert!(
        first
            .path
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("thidua-")
    );
    assert!(
        first
            .counts
            .iter()
            .any(|(label, n)| *label == "Đơn vị" && *n == 3),
        "{:?}",
        first.counts
    );
    assert_eq!(units_in(&first.path), 3);
    store.backup_to(&folder, 2).unwrap();
    store.backup_to(&folder, 2).unwrap();
    let kept = backups_in(&folder);
    assert_eq!(kept.len(), 2, "only the newest two are kept");
    // No temporary file is left behind.
    let names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| n.ends_with(".sqlite")), "{names:?}");
}

#[test]
fn a_backup_taken_while_another_connection_writes_is_consistent() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("thi đua.sqlite");
    let store = store_with_units(dir.path(), 1);
    let writer = std::thread::spawn({
        let db = db.clone();
        move || {
            let mut w = Store::open(&db).unwrap();
            for i in 0..200 {
                w.save_unit(&unit(&format!("Ghi song song {i}"))).unwrap();
            }
        }
    });
    let folder = dir.path().join("Sao lưu");
    let mut backups = Vec::new();
    while !writer.is_finished() {
        backups.push(store.backup_to(&folder, 0).unwrap());
    }
    writer.join().unwrap();
    backups.push(store.backup_to(&folder, 0).unwrap());
    for b in &backups {
        assert!(check_file(&b.path).is_ok());
    }
    assert_eq!(units_in(&backups.last().unwrap().path), 201);
}

#[test]
fn restoring_keeps_the_current_database_and_refuses_a_bad_backup() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("thi đua.sqlite");
    let folder = dir.path().join("Sao lưu");
    let backup = {
        let mut store = store_with_units(dir.path(), 2);
        let b = store.backup_to(&folder, 0).unwrap();
        store.save_unit(&unit("Sau sao lưu")).unwrap();
        b
    };
    let kept = restore(&backup.path, &db, &folder).unwrap().unwrap();
    assert_eq!(units_in(&db), 2, "the backup is in place");
    assert_eq!(
        units_in(&kept),
        3,
        "the database before the restore is kept, WAL included"
    );
    assert!(Store::open(&db).is_ok());

    let garbage = dir.path().join("thidua-20260101-000000.sqlite");
    std::fs::write(&garbage, b"not a database at all, just text").unwrap();
    let before = std::fs::read(&db).unwrap();
    assert!(restore(&garbage, &db, &folder).is_err());
    assert_eq!(std::fs::read(&db).unwrap(), before, "nothing changed");
    // The newest good backup skips the broken one.
    std::fs::copy(&garbage, folder.join("thidua-20991231-235959.sqlite")).unwrap();
    let good = newest_good_backup(&folder).unwrap();
    assert_ne!(
        good.path.file_name().unwrap(),
        "thidua-20991231-235959.sqlite"
    );
}

#[test]
fn backups_of_one_second_keep_their_order_and_rotation_keeps_the_newest() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_with_units(dir.path(), 2);
    let folder = dir.path().join("Sao lưu");
    // Many backups within the same second or two: the one just made must survive.
    for _ in 0..12 {
        let made = store.backup_to(&folder, 3).unwrap();
        assert!(made.path.exists(), "rotation removed the backup just made");
        assert_eq!(super::backups_in(&folder)[0].path, made.path);
    }
    assert_eq!(super::backups_in(&folder).len(), 3);
}
