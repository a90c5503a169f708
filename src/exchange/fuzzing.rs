//! Entry points for the fuzz targets (fuzz/) and for replaying their corpora in the test
//! suite (tests/fuzz_corpus.rs): each takes arbitrary bytes, must not panic, and checks
//! what must always hold.

use std::path::{Component, Path, PathBuf};
use std::sync::OnceLock;

use chrono::NaiveDate;

use super::package::{check::parse_data, manifest};
use super::{Context, Kind, read};
use crate::domain::collation::{compare_person_names, compare_text, person_name_key};
use crate::domain::model::{AwardRecord, CatalogueEntry, Unit};
use crate::domain::text::{clean, fold, folded_matches, nfc, slug};
use crate::store::{PersonRow, Store};

struct Registry {
    units: Vec<Unit>,
    people: Vec<PersonRow>,
    catalogue: Vec<CatalogueEntry>,
    awards: Vec<AwardRecord>,
}

/// A small registry to check imported rows against: the demo Department.
fn registry() -> &'static Registry {
    static REGISTRY: OnceLock<Registry> = OnceLock::new();
    REGISTRY.get_or_init(|| {
        let mut store = Store::open_in_memory().expect("an in-memory database");
        let day = NaiveDate::from_ymd_opt(2026, 6, 1).expect("a date");
        crate::demo::populate_demo(&mut store, day).expect("the demo data");
        Registry {
            units: store.units().unwrap_or_default(),
            people: store.people().unwrap_or_default(),
            catalogue: store.catalogue().unwrap_or_default(),
            awards: store.all_awards().unwrap_or_default(),
        }
    })
}

fn scratch_file() -> PathBuf {
    let thread = format!("{:?}", std::thread::current().id());
    std::env::temp_dir().join(format!(
        "thidua-fuzz-{}-{}.xlsx",
        std::process::id(),
        slug(&thread)
    ))
}

/// Read `bytes` as each kind of Excel file the app imports, and as a unit's registration
/// sheet. Returns, per kind, the rows read or the clerk's error message (never empty).
pub fn xlsx_import(bytes: &[u8]) -> Vec<Result<usize, String>> {
    let path = scratch_file();
    if std::fs::write(&path, bytes).is_err() {
        return Vec::new();
    }
    let r = registry();
    let ctx = Context {
        units: &r.units,
        people: &r.people,
        catalogue: &r.catalogue,
        awards: &r.awards,
        today: NaiveDate::from_ymd_opt(2026, 12, 3).expect("a date"),
    };
    let mut out: Vec<Result<usize, String>> = Kind::ALL
        .iter()
        .map(|k| {
            read(*k, &path, &ctx)
                .map(|p| p.changes.len() + p.problems.len())
                .map_err(|e| e.to_string())
        })
        .collect();
    out.push(
        super::sheet::first_sheet_rows(&path)
            .map(|rows| rows.len())
            .map_err(|e| e.to_string()),
    );
    let _ = std::fs::remove_file(&path);
    for r in &out {
        if let Err(message) = r {
            assert!(!message.trim().is_empty(), "an error without a message");
        }
    }
    out
}

/// Parse `bytes` as a package manifest and as a package data file; a path the manifest
/// accepts never leaves the package folder.
pub fn package_files(bytes: &[u8]) {
    if let Ok(m) = manifest::parse(bytes) {
        for f in &m.files {
            let rel = manifest::safe_relative(&f.path).expect("parse checked every path");
            assert!(
                rel.components().all(|c| matches!(c, Component::Normal(_))),
                "{rel:?} leaves the folder"
            );
            assert!(!Path::new(&f.path).is_absolute());
        }
    }
    if let Err(e) = parse_data(bytes) {
        assert!(!e.to_string().trim().is_empty());
    }
    if let Ok(text) = std::str::from_utf8(bytes)
        && let Ok(rel) = manifest::safe_relative(text)
    {
        assert!(rel.components().all(|c| matches!(c, Component::Normal(_))));
    }
}

/// The text paths: NFC, cleaning, folding for search, Vietnamese collation.
pub fn text(bytes: &[u8]) {
    let s = String::from_utf8_lossy(bytes);
    let (a, b) = s.split_at(
        s.char_indices()
            .nth(s.chars().count() / 2)
            .map_or(s.len(), |(i, _)| i),
    );
    let n = nfc(&s);
    assert_eq!(nfc(&n), n, "NFC is not stable");
    let c = clean(&s);
    assert_eq!(clean(&c), c, "cleaning twice changes the text");
    let f = fold(&s);
    assert!(
        folded_matches(&f, &f),
        "a text does not match itself in search"
    );
    assert!(folded_matches(&f, ""), "the empty query matches everything");
    assert_eq!(
        compare_person_names(a, b),
        compare_person_names(b, a).reverse(),
        "the name order is not antisymmetric"
    );
    assert_eq!(compare_text(a, b), compare_text(b, a).reverse());
    assert_eq!(compare_person_names(&s, &s), std::cmp::Ordering::Equal);
    let _ = person_name_key(&s);
    assert!(slug(&s).is_ascii());
}
