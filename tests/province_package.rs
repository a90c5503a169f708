//! The package for the provincial board: export then import gives back the source; a
//! changed byte, a path leaving the folder, an oversized or malformed file is refused; a
//! stick that fills up or is pulled midway leaves nothing that looks complete; names that
//! look like formulas stay text in the list.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{NaiveDate, NaiveDateTime};
use thidua::demo::populate_demo;
use thidua::domain::model::Subject;
use thidua::exchange::package::data::{DATA_FILE, PackageData, SubjectKey, gather};
use thidua::exchange::package::manifest::{MANIFEST, Manifest, sha256_hex};
use thidua::exchange::package::{
    Contents, PackageError, PersonMatch, RealFs, Resolution, TargetFs, apply_import, check_package,
    export_province, open_package,
};
use thidua::store::Store;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 3).unwrap()
}

fn now() -> NaiveDateTime {
    today().and_hms_opt(9, 30, 0).unwrap()
}

const YEAR: i32 = 2026;

fn demo() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    populate_demo(&mut store, today()).unwrap();
    store
}

fn export(store: &Store, target: &Path) -> PathBuf {
    export_province(
        store,
        YEAR,
        Contents::default(),
        target,
        now(),
        &RealFs,
        &|_| {},
    )
    .unwrap()
    .folder
}

/// Folders under `dir` holding a manifest: what a clerk would take for a package.
fn complete_looking(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join(MANIFEST).exists())
        .collect()
}

/// A data file with the sender's keys replaced by what they stand for, so two
/// installations' data compare.
fn canonical(d: &PackageData) -> Vec<String> {
    let units: HashMap<&str, &str> = d
        .units
        .iter()
        .map(|u| (u.key.as_str(), u.name.as_str()))
        .collect();
    let people: HashMap<&str, String> = d
        .people
        .iter()
        .map(|p| {
            (
                p.key.as_str(),
                format!(
                    "{} {:?} {}",
                    p.full_name,
                    p.birth_date,
                    units[p.unit.as_str()]
                ),
            )
        })
        .collect();
    let who = |s: &SubjectKey| match s {
        SubjectKey::Person(k) => people[k.as_str()].clone(),
        SubjectKey::Unit(k) => units[k.as_str()].to_owned(),
    };
    let mut out = BTreeSet::new();
    for u in &d.units {
        out.insert(format!("unit {} | {} | {}", u.name, u.short_name, u.kind));
    }
    for p in &d.people {
        out.insert(format!(
            "person {} | {} | {} | {}",
            people[p.key.as_str()],
            p.gender,
            p.position,
            p.is_department_leader
        ));
    }
    for a in &d.awards {
        out.insert(format!(
            "award {} | {} | {} | {} | {:?} | {} | {}",
            who(&a.subject),
            a.year,
            a.title_code,
            a.decision_number,
            a.decision_date,
            a.issuer,
            a.note
        ));
    }
    for n in &d.nominations {
        out.insert(format!(
            "nomination {} | {} | {} | {}",
            who(&n.subject),
            n.title_code,
            units[n.proposing_unit.as_str()],
            n.achievement
        ));
    }
    out.into_iter().collect()
}

fn read_data(folder: &Path) -> PackageData {
    serde_json::from_slice(&std::fs::read(folder.join(DATA_FILE)).unwrap()).unwrap()
}

#[test]
fn export_then_import_round_trip_equals_the_source() {
    let source = demo();
    let dir = tempfile::tempdir().unwrap();
    let folder = export(&source, dir.path());
    let name = folder.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with("sct-gia-lai_ho-so-khen-thuong-2026_2026-12-03"),
        "{name}"
    );
    let checked = check_package(&folder).unwrap();
    let paths: Vec<&str> = checked
        .manifest
        .files
        .iter()
        .map(|f| f.path.as_str())
        .collect();
    for part in [
        "to-trinh/",
        "bien-ban/",
        "bao-cao-thanh-tich/",
        "danh-sach/",
        DATA_FILE,
    ] {
        assert!(
            paths.iter().any(|p| p.starts_with(part)),
            "no {part} in {paths:?}"
        );
    }
    let sent = read_data(&folder);
    assert!(!sent.people.is_empty() && !sent.awards.is_empty() && !sent.nominations.is_empty());

    let mut receiver = Store::open_in_memory().unwrap();
    let preview = open_package(&receiver, &folder).unwrap();
    assert!(preview.problems.is_empty(), "{:?}", preview.problems);
    assert_eq!(preview.doubtful().count(), 0);
    let summary = apply_import(&mut receiver, &preview, &HashMap::new(), today()).unwrap();
    assert_eq!(summary.people, sent.people.len());
    assert_eq!(summary.awards, sent.awards.len());
    assert_eq!(summary.nominations, sent.nominations.len());

    // What the receiver now holds, gathered the same way, is what was sent.
    let subjects: BTreeSet<Subject> = receiver
        .people()
        .unwrap()
        .into_iter()
        .map(|r| Subject::Person(r.person.id))
        .chain(
            receiver
                .all_awards()
                .unwrap()
                .into_iter()
                .map(|a| a.subject),
        )
        .collect();
    let nominations = receiver.nominations(YEAR).unwrap();
    let back = gather(&receiver, YEAR, &subjects, &nominations).unwrap();
    assert_eq!(canonical(&back), canonical(&sent));

    // The same package again changes nothing.
    let again = open_package(&receiver, &folder).unwrap();
    assert_eq!(
        (again.new_people(), again.new_awards, again.new_nominations),
        (0, 0, 0)
    );
    let before = receiver.counts().unwrap();
    let summary = apply_import(&mut receiver, &again, &HashMap::new(), today()).unwrap();
    assert_eq!(
        (
            summary.units,
            summary.people,
            summary.awards,
            summary.nominations
        ),
        (0, 0, 0, 0)
    );
    assert_eq!(receiver.counts().unwrap(), before);
}

#[test]
fn a_package_with_one_changed_byte_is_refused() {
    let source = demo();
    let dir = tempfile::tempdir().unwrap();
    let folder = export(&source, dir.path());
    let manifest: Manifest =
        serde_json::from_slice(&std::fs::read(folder.join(MANIFEST)).unwrap()).unwrap();
    for entry in [
        &manifest.files[0],
        manifest.files.iter().find(|f| f.path == DATA_FILE).unwrap(),
    ] {
        let path = folder.join(&entry.path);
        let original = std::fs::read(&path).unwrap();
        let mut bytes = original.clone();
        let middle = bytes.len() / 2;
        bytes[middle] ^= 0x01;
        std::fs::write(&path, &bytes).unwrap();
        let err = check_package(&folder).unwrap_err();
        assert!(
            matches!(&err, PackageError::Changed(p) if *p == entry.path),
            "{err}"
        );
        assert!(err.to_string().contains("SHA-256"));
        std::fs::write(&path, &original).unwrap();
    }
    assert!(check_package(&folder).is_ok());
    // A file the manifest lists but the folder lacks.
    std::fs::remove_file(folder.join(&manifest.files[0].path)).unwrap();
    assert!(matches!(
        check_package(&folder),
        Err(PackageError::Missing(_))
    ));
}

/// Rewrite a package's manifest after changing its files, as a forger would.
fn reseal(folder: &Path, edit: impl FnOnce(&mut Manifest)) {
    let path = folder.join(MANIFEST);
    let mut m: Manifest = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    edit(&mut m);
    for f in &mut m.files {
        if let Ok(bytes) = std::fs::read(folder.join(&f.path)) {
            f.sha256 = sha256_hex(&bytes);
            f.bytes = bytes.len() as u64;
        }
    }
    std::fs::write(&path, serde_json::to_vec(&m).unwrap()).unwrap();
}

#[test]
fn hostile_packages_are_refused_with_a_reason() {
    let source = demo();
    let dir = tempfile::tempdir().unwrap();
    // Not a package at all.
    let plain = dir.path().join("tai-lieu");
    std::fs::create_dir(&plain).unwrap();
    std::fs::write(plain.join("a.pdf"), b"%PDF").unwrap();
    let err = check_package(&plain).unwrap_err();
    assert!(matches!(err, PackageError::NotAPackage));
    assert!(err.to_string().contains("không phải gói hồ sơ"));

    let folder = export(&source, dir.path());
    // A path that leaves the folder.
    std::fs::write(dir.path().join("ngoai.txt"), b"x").unwrap();
    reseal(&folder, |m| {
        m.files
            .push(thidua::exchange::package::manifest::FileEntry {
                path: "../ngoai.txt".into(),
                bytes: 1,
                sha256: sha256_hex(b"x"),
            })
    });
    assert!(matches!(
        check_package(&folder),
        Err(PackageError::UnsafePath { .. })
    ));
    reseal(&folder, |m| m.files.retain(|f| !f.path.starts_with("..")));
    assert!(check_package(&folder).is_ok());

    // A data file that is not what it claims, but hashed correctly.
    let data = folder.join(DATA_FILE);
    let good = std::fs::read(&data).unwrap();
    std::fs::write(&data, br#"{"schema_version": 1, "units": 7}"#).unwrap();
    reseal(&folder, |_| {});
    let err = check_package(&folder).unwrap_err();
    assert!(matches!(err, PackageError::BadData(_)), "{err}");
    // A person in a unit the package does not carry.
    let mut d: PackageData = serde_json::from_slice(&good).unwrap();
    d.people[0].unit = "u999999".into();
    std::fs::write(&data, serde_json::to_vec(&d).unwrap()).unwrap();
    reseal(&folder, |_| {});
    assert!(matches!(
        check_package(&folder),
        Err(PackageError::BadData(_))
    ));
    // From a newer version of the app.
    d = serde_json::from_slice(&good).unwrap();
    d.schema_version = 99;
    std::fs::write(&data, serde_json::to_vec(&d).unwrap()).unwrap();
    reseal(&folder, |_| {});
    assert!(matches!(
        check_package(&folder),
        Err(PackageError::NewerVersion(99))
    ));
    // An oversized file.
    std::fs::write(&data, &good).unwrap();
    reseal(&folder, |_| {});
    let big = folder.join("to-lon.bin");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(51 * 1024 * 1024)
        .unwrap();
    reseal(&folder, |m| {
        m.files
            .push(thidua::exchange::package::manifest::FileEntry {
                path: "to-lon.bin".into(),
                bytes: 0,
                sha256: sha256_hex(b""),
            })
    });
    assert!(matches!(
        check_package(&folder),
        Err(PackageError::TooBig { .. })
    ));
}

/// A file system that runs out of room after `files_left` files, or loses the stick.
struct Failing {
    files_left: AtomicUsize,
    pulled: bool,
}

impl TargetFs for Failing {
    fn create_dir_all(&self, path: &Path) -> std::io::Result<()> {
        RealFs.create_dir_all(path)
    }
    fn write_synced(&self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        if self.files_left.load(Ordering::SeqCst) == 0 {
            // Half the file made it before the device gave up.
            std::fs::write(path, &bytes[..bytes.len() / 2])?;
            return Err(if self.pulled {
                std::io::Error::new(std::io::ErrorKind::NotFound, "device removed")
            } else {
                std::io::Error::from(std::io::ErrorKind::StorageFull)
            });
        }
        self.files_left.fetch_sub(1, Ordering::SeqCst);
        RealFs.write_synced(path, bytes)
    }
    fn read(&self, path: &Path) -> std::io::Result<Vec<u8>> {
        RealFs.read(path)
    }
    fn rename(&self, from: &Path, to: &Path) -> std::io::Result<()> {
        RealFs.rename(from, to)
    }
    fn remove_dir_all(&self, path: &Path) -> std::io::Result<()> {
        if self.pulled {
            return Err(std::io::Error::from(std::io::ErrorKind::NotFound));
        }
        RealFs.remove_dir_all(path)
    }
    fn exists(&self, path: &Path) -> bool {
        RealFs.exists(path)
    }
}

#[test]
fn a_stick_that_fills_up_or_is_pulled_leaves_no_complete_looking_package() {
    let source = demo();
    let dir = tempfile::tempdir().unwrap();
    for pulled in [false, true] {
        let fs = Failing {
            files_left: AtomicUsize::new(3),
            pulled,
        };
        let err = export_province(
            &source,
            YEAR,
            Contents::default(),
            dir.path(),
            now(),
            &fs,
            &|_| {},
        )
        .unwrap_err();
        assert!(matches!(err, PackageError::Write { .. }), "{err}");
        let text = err.to_string();
        assert!(
            text.contains("Không ghi được") && text.contains("xuất lại"),
            "{text}"
        );
        if !pulled {
            assert!(text.contains("ổ đĩa đã đầy"), "{text}");
        }
        assert!(complete_looking(dir.path()).is_empty());
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().collect();
        if pulled {
            // Only a hidden folder without a manifest stays behind.
            assert_eq!(left.len(), 1);
            assert!(left[0].file_name().to_string_lossy().starts_with('.'));
        } else {
            assert!(left.is_empty(), "{left:?}");
        }
    }
    // Trying again works, and clears what the pulled stick left.
    let folder = export(&source, dir.path());
    assert!(check_package(&folder).is_ok());
    assert_eq!(complete_looking(dir.path()), vec![folder]);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn formula_like_text_comes_out_as_text() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let mut source = demo();
    let year_nominations =
        thidua::exchange::package::data::province_nominations(&source, YEAR).unwrap();
    let person = year_nominations
        .iter()
        .find_map(|(n, _)| match n.subject {
            Subject::Person(id) => Some(id),
            Subject::Unit(_) => None,
        })
        .unwrap();
    let hostile = "=HYPERLINK(\"http://x\",\"bấm\")";
    let mut p = source.person(person).unwrap();
    p.position = hostile.into();
    source.save_person(&p).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let folder = export(&source, dir.path());
    let list = std::fs::read_dir(folder.join("danh-sach"))
        .unwrap()
        .flatten()
        .next()
        .unwrap()
        .path();
    let mut wb: Xlsx<_> = open_workbook(&list).unwrap();
    let sheet = wb.sheet_names()[0].clone();
    let range = wb.worksheet_range(&sheet).unwrap();
    let found = range
        .rows()
        .flatten()
        .any(|c| matches!(c, Data::String(s) if s == hostile));
    assert!(found, "the text is not in the list as a string");
    let formulas = wb.worksheet_formula(&sheet).unwrap();
    assert!(
        formulas.used_cells().all(|(_, _, f)| f.is_empty()),
        "a formula was written"
    );
}

#[test]
fn doubtful_matches_wait_for_the_clerk() {
    let source = demo();
    let dir = tempfile::tempdir().unwrap();
    let folder = export(&source, dir.path());
    let sent = read_data(&folder);
    // The receiver knows the first person under another unit.
    let mut receiver = Store::open_in_memory().unwrap();
    let first = open_package(&receiver, &folder).unwrap();
    apply_import(&mut receiver, &first, &HashMap::new(), today()).unwrap();
    let person = &sent.people[0];
    let mut moved = receiver
        .people()
        .unwrap()
        .into_iter()
        .find(|r| r.person.full_name == person.full_name)
        .unwrap()
        .person;
    let mut other_unit = receiver.units().unwrap()[0].clone();
    other_unit.id = 0;
    other_unit.name = "Phòng Quản lý năng lượng (mới)".into();
    moved.unit_id = receiver.save_unit(&other_unit).unwrap();
    receiver.save_person(&moved).unwrap();

    let preview = open_package(&receiver, &folder).unwrap();
    let doubtful: Vec<_> = preview.doubtful().collect();
    assert_eq!(doubtful.len(), 1, "{doubtful:?}");
    let PersonMatch::Doubtful(candidates) = &doubtful[0].matched else {
        unreachable!()
    };
    assert_eq!(candidates[0].0, moved.id);
    let before = receiver.counts().unwrap();
    let err = apply_import(&mut receiver, &preview, &HashMap::new(), today()).unwrap_err();
    assert!(matches!(err, PackageError::Undecided(_)));
    assert_eq!(
        receiver.counts().unwrap(),
        before,
        "an undecided import wrote something"
    );
    let key = doubtful[0].key.clone();
    let same = HashMap::from([(key.clone(), Resolution::SamePerson(moved.id))]);
    let s = apply_import(&mut receiver, &preview, &same, today()).unwrap();
    assert_eq!(s.people, 0);
    let new = HashMap::from([(key, Resolution::NewPerson)]);
    let s = apply_import(&mut receiver, &preview, &new, today()).unwrap();
    assert_eq!(s.people, 1);
}

#[test]
fn headless_export_and_import() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_thidua"))
            .args(args)
            .output()
            .unwrap()
    };
    let source = dir.path().join("nguon.sqlite");
    let usb = dir.path().join("usb");
    std::fs::create_dir(&usb).unwrap();
    let s = |p: &Path| p.to_string_lossy().into_owned();
    let mut store = Store::open(&source).unwrap();
    populate_demo(&mut store, today()).unwrap();
    drop(store);
    let out = run(&[
        "--db",
        &s(&source),
        "export",
        "province",
        "2026",
        "--to",
        &s(&usb),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("có thể rút USB"));
    let folder = complete_looking(&usb).pop().unwrap();
    let target = dir.path().join("dich.sqlite");
    let out = run(&["--db", &s(&target), "import", "package", &s(&folder)]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Đã nhập"));
    let out = run(&["--db", &s(&target), "import", "package", &s(dir.path())]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("không phải gói hồ sơ"));
}
