//! A short fuzz run of each fuzz target in the ordinary test suite, on stable Rust: every
//! corpus file (files the app writes, and hostile ones) is mutated a bounded number of times
//! by a seeded mutator and fed to the same entry points the cargo-fuzz targets call
//! (`thidua::exchange::fuzzing`), whose assertions fail the test. Workbooks are mutated
//! inside: one XML part is changed and the zip written again, so the mutations reach the
//! sheet reader instead of stopping at a broken checksum.
//!
//! This is a plain mutator without coverage guidance; the libFuzzer runs (README,
//! "Reliability tests") go further. `THIDUA_FUZZ_ROUNDS=N` multiplies the rounds.

use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};

use thidua::exchange::fuzzing;

/// xorshift64*: small, seeded, the same sequence on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Pieces that reach interesting paths: XML structure, cell references at the sheet's far
/// end, numbers Excel would call dates, entities, combining marks, invalid UTF-8.
const TOKENS: &[&[u8]] = &[
    b"<c r=\"XFD1048576\" t=\"s\"><v>0</v></c>",
    b"<c r=\"A2\" t=\"inlineStr\"><is><t>Nguy\xe1\xbb\x85n</t></is></c>",
    b"<row r=\"4294967295\">",
    b"<mergeCell ref=\"A2:XFD1048576\"/>",
    b"<v>99999999999999999999</v>",
    b"<v>-1</v>",
    b"<v>45296.5</v>",
    b"t=\"e\"",
    b"t=\"b\"",
    b"&#x0;",
    b"&amp;&lt;",
    b"\xcc\x81\xcc\x80\xcc\x83",
    b"\xff\xfe",
    b"\"../../",
    b"\"bytes\": 18446744073709551615",
    b"\"schema_version\": 999",
    b"null",
    b"[]",
    b"{}",
];

fn mutate(rng: &mut Rng, data: &mut Vec<u8>) {
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(data.len() + 1);
        match rng.below(6) {
            0 if !data.is_empty() => {
                let i = rng.below(data.len());
                data[i] ^= 1 << rng.below(8);
            }
            1 if !data.is_empty() => {
                let i = rng.below(data.len());
                data[i] = rng.next() as u8;
            }
            2 => {
                let t = TOKENS[rng.below(TOKENS.len())];
                data.splice(at..at, t.iter().copied());
            }
            3 if at < data.len() => {
                let end = (at + 1 + rng.below(64)).min(data.len());
                data.drain(at..end);
            }
            4 if at < data.len() => {
                let end = (at + 1 + rng.below(256)).min(data.len());
                let chunk = data[at..end].to_vec();
                data.splice(at..at, chunk);
            }
            _ => data.truncate(at),
        }
    }
}

/// A workbook with one of its XML parts mutated, written again as a valid zip.
fn mutate_workbook(rng: &mut Rng, bytes: &[u8]) -> Option<Vec<u8>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut parts = Vec::new();
    for i in 0..archive.len() {
        let mut f = archive.by_index(i).ok()?;
        let mut data = Vec::new();
        f.read_to_end(&mut data).ok()?;
        parts.push((f.name().ok()?.into_owned(), data));
    }
    let xml: Vec<usize> = (0..parts.len())
        .filter(|&i| parts[i].0.ends_with(".xml"))
        .collect();
    let chosen = *xml.get(rng.below(xml.len()))?;
    mutate(rng, &mut parts[chosen].1);
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for (name, data) in &parts {
        out.start_file(name.as_str(), options).ok()?;
        out.write_all(data).ok()?;
    }
    Some(out.finish().ok()?.into_inner())
}

fn corpus(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    assert!(!files.is_empty());
    files
}

fn rounds(base: usize) -> usize {
    let factor = std::env::var("THIDUA_FUZZ_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1usize);
    base * factor.max(1)
}

#[test]
fn mutated_workbooks_are_read_or_refused_with_a_message() {
    let mut rng = Rng(0x7468_6964_7561_0001);
    let (mut runs, mut rewritten, mut read) = (0, 0, 0);
    for file in corpus("xlsx_import") {
        let seed = std::fs::read(&file).unwrap();
        for _ in 0..rounds(25) {
            let input = match mutate_workbook(&mut rng, &seed) {
                Some(b) => {
                    rewritten += 1;
                    b
                }
                None => {
                    let mut b = seed.clone();
                    mutate(&mut rng, &mut b);
                    b
                }
            };
            let results = fuzzing::xlsx_import(&input);
            assert!(!results.is_empty(), "{}", file.display());
            read += usize::from(results.iter().any(|r| r.is_ok()));
            runs += 1;
        }
    }
    eprintln!("xlsx_import: {runs} mutated files, {rewritten} rewritten as zips, {read} read");
    // The mutator reaches past the zip layer: some mutated workbooks still read.
    assert!(rewritten > runs / 2, "{rewritten} of {runs}");
    assert!(read > 0);
}

#[test]
fn mutated_package_files_never_panic() {
    let mut rng = Rng(0x7468_6964_7561_0002);
    let mut runs = 0;
    for file in corpus("package_files") {
        let seed = std::fs::read(&file).unwrap();
        for _ in 0..rounds(400) {
            let mut input = seed.clone();
            mutate(&mut rng, &mut input);
            fuzzing::package_files(&input);
            runs += 1;
        }
    }
    eprintln!("package_files: {runs} mutated files");
}

#[test]
fn mutated_text_keeps_its_invariants() {
    let mut rng = Rng(0x7468_6964_7561_0003);
    let mut runs = 0;
    for file in corpus("text") {
        let seed = std::fs::read(&file).unwrap();
        for _ in 0..rounds(1_000) {
            let mut input = seed.clone();
            mutate(&mut rng, &mut input);
            fuzzing::text(&input);
            runs += 1;
        }
    }
    eprintln!("text: {runs} mutated texts");
}
