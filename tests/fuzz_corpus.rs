//! The fuzz targets' corpora (fuzz/corpus/*), replayed through the same entry points the
//! fuzzers call, so every file that ever found a problem stays a test. The seeds are files
//! the app itself writes; `cargo test --test fuzz_corpus -- --ignored write_seeds` writes
//! them again.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use thidua::exchange::fuzzing;

fn corpus(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "the corpus {target} is empty");
    files
}

#[test]
fn xlsx_corpus_reads_or_is_refused_with_a_message() {
    let mut read_somewhere = 0;
    let mut refused_everywhere = 0;
    for file in corpus("xlsx_import") {
        let results = fuzzing::xlsx_import(&std::fs::read(&file).unwrap());
        assert!(!results.is_empty());
        if results.iter().any(|r| r.is_ok()) {
            read_somewhere += 1;
        }
        if results.iter().all(|r| r.is_err()) {
            refused_everywhere += 1;
            // The clerk's message names what to do.
            let first = results[0].as_ref().unwrap_err();
            assert!(
                first.contains("Hãy") || first.contains("hãy"),
                "{}: {first}",
                file.display()
            );
        }
    }
    // The seeds the app wrote are read; the broken ones are refused.
    assert!(read_somewhere >= 3, "only {read_somewhere} files were read");
    assert!(
        refused_everywhere >= 2,
        "only {refused_everywhere} files were refused"
    );
}

#[test]
fn package_corpus_never_panics() {
    let files = corpus("package_files");
    let mut parsed = 0;
    for file in &files {
        let bytes = std::fs::read(file).unwrap();
        fuzzing::package_files(&bytes);
        if thidua::exchange::package::manifest::parse(&bytes).is_ok()
            || thidua::exchange::package::check::parse_data(&bytes).is_ok()
        {
            parsed += 1;
        }
    }
    assert!(parsed >= 2, "the seeds written by the app no longer parse");
    assert!(parsed < files.len(), "no hostile seed in the corpus");
}

#[test]
fn text_corpus_keeps_its_invariants() {
    for file in corpus("text") {
        fuzzing::text(&std::fs::read(&file).unwrap());
    }
}

/// Write the seeds from what the app writes (run by hand when formats change).
#[test]
#[ignore]
fn write_seeds() {
    use thidua::exchange::package::{Contents, RealFs, export_province};
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus");
    let today = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
    let mut store = thidua::store::Store::open_in_memory().unwrap();
    thidua::demo::populate_demo(&mut store, today).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let xlsx = root.join("xlsx_import");
    thidua::exchange::batch::export_people_file(&store, &xlsx.join("people-export.xlsx")).unwrap();
    let (units, catalogue) = (store.units().unwrap(), store.catalogue().unwrap());
    for kind in thidua::exchange::Kind::ALL {
        let path = xlsx.join(format!("template-{}.xlsx", kind.file_stem()));
        thidua::exchange::write_template(kind, &path, &units, &catalogue).unwrap();
    }
    let people = std::fs::read(xlsx.join("people-export.xlsx")).unwrap();
    std::fs::write(xlsx.join("truncated.xlsx"), &people[..people.len() / 3]).unwrap();
    std::fs::write(
        xlsx.join("not-a-zip.xlsx"),
        b"Ho va ten;Don vi\nNguyen Van An;Phong\n",
    )
    .unwrap();
    std::fs::write(xlsx.join("empty.xlsx"), b"").unwrap();

    let folder = export_province(
        &store,
        2026,
        Contents::default(),
        tmp.path(),
        today.and_hms_opt(9, 0, 0).unwrap(),
        &RealFs,
        &|_| {},
    )
    .unwrap()
    .folder;
    let pkg = root.join("package_files");
    std::fs::copy(folder.join("manifest.json"), pkg.join("manifest.json")).unwrap();
    std::fs::copy(folder.join("du-lieu.json"), pkg.join("du-lieu.json")).unwrap();
    let manifest = std::fs::read_to_string(folder.join("manifest.json")).unwrap();
    std::fs::write(
        pkg.join("manifest-escape.json"),
        manifest.replacen("\"path\": \"", "\"path\": \"../", 1),
    )
    .unwrap();
    std::fs::write(
        pkg.join("manifest-absolute.json"),
        manifest.replacen("\"path\": \"", "\"path\": \"/etc/", 1),
    )
    .unwrap();
    std::fs::write(
        pkg.join("manifest-huge.json"),
        manifest.replacen("\"bytes\": ", "\"bytes\": 9999999999", 1),
    )
    .unwrap();
    std::fs::write(pkg.join("data-newer.json"), b"{\"schema_version\": 7}").unwrap();
    std::fs::write(
        pkg.join("data-wrong-type.json"),
        b"{\"schema_version\": 1, \"units\": {}}",
    )
    .unwrap();

    let text = root.join("text");
    let names = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures/vi-name-order.txt"),
    )
    .unwrap_or_else(|_| "Nguyễn Văn An\nĐặng Thị Ánh\n".into());
    let sample: Vec<&str> = names.lines().step_by(97).collect();
    std::fs::write(text.join("names-nfc.txt"), sample.join("\n")).unwrap();
    let nfd: String =
        unicode_normalization::UnicodeNormalization::nfd(sample.join(" ").as_str()).collect();
    std::fs::write(text.join("names-nfd.txt"), nfd).unwrap();
    std::fs::write(
        text.join("combining-alone.txt"),
        "\u{0301}\u{0323}a\u{0309}\u{0306}Đ\u{200b}\t=SUM(A1)",
    )
    .unwrap();
    std::fs::write(
        text.join("not-utf8.bin"),
        [0xff, 0xfe, 0x41, 0xc3, 0x28, 0xe1, 0xbb],
    )
    .unwrap();
}
