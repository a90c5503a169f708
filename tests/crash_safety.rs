//! Crashes lose nothing: a child process runs the clerk's kinds of writes through the
//! app's own store code (imports of a unit with 200 staff, their registrations, their
//! nominations, the Director's decision for all 200 with its award history, backups) and
//! is killed with SIGKILL at random moments. After every kill the database opens, passes
//! `PRAGMA integrity_check`, holds every step the child reported as committed in full, and
//! shows nothing half-done: a unit has all its staff or none, all their registrations or
//! none, all their nominations or none, and an issued decision has its whole list, one
//! award record per subject and every nomination marked decided. The newest backup the
//! child reported opens and passes its checks.
//!
//! Trials: 25 by default; `THIDUA_CRASH_TRIALS=200 cargo test --test crash_safety` for the
//! nightly-sized run.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use thidua::store::Store;
use thidua::store::backup::check_file;
use thidua::store::workload::{PEOPLE_PER_BATCH, WORK_YEAR, batch_unit_name, decision_subject};

fn trials() -> u32 {
    std::env::var("THIDUA_CRASH_TRIALS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(25)
}

/// A small deterministic generator for kill delays.
fn delays(seed: u64) -> impl Iterator<Item = u64> {
    let mut x = seed;
    std::iter::from_fn(move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        Some(x)
    })
}

#[test]
fn killing_a_writer_at_random_moments_loses_no_committed_batch_and_leaves_no_half_batch() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("thử nghiệm sập.sqlite");
    let backups = dir.path().join("Sao lưu");
    let mut reported: Vec<(u32, String)> = Vec::new();
    let mut delay = delays(0x5eed_7d1a);
    let n = trials();
    for trial in 0..n {
        let mut child = Command::new(env!("CARGO_BIN_EXE_thidua"))
            .arg("--db")
            .arg(&db)
            .args(["workload", "--steps", "1000000", "--backups"])
            .arg(&backups)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the writer");
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(rest) = line.strip_prefix("committed ") {
                    let (n, what) = rest.split_once(' ').unwrap();
                    let _ = tx.send((n.parse::<u32>().unwrap(), what.to_owned()));
                }
            }
        });
        // Somewhere between start-up and a few hundred batches.
        let wait = 40 + delay.next().unwrap() % 900;
        std::thread::sleep(Duration::from_millis(wait));
        child.kill().expect("SIGKILL the writer");
        let status = child.wait().unwrap();
        assert!(
            !status.success(),
            "trial {trial}: the writer must have been killed"
        );
        reader.join().unwrap();
        reported.extend(rx.try_iter());

        let store = Store::open(&db)
            .unwrap_or_else(|e| panic!("trial {trial}: database does not open: {e}"));
        let problems = store.integrity_problems().unwrap();
        assert!(problems.is_empty(), "trial {trial}: {problems:?}");
        check_whole(&store, trial, &reported);
        if let Some((_, what)) = reported
            .iter()
            .rev()
            .find(|(_, w)| w.starts_with("backup "))
        {
            let path = std::path::Path::new(what.trim_start_matches("backup "));
            check_file(path).unwrap_or_else(|e| panic!("trial {trial}: backup {what}: {e}"));
        }
    }
    assert!(
        reported.len() as u32 >= n / 2,
        "the writer committed too few steps ({}) for the trials to mean anything",
        reported.len()
    );
    let decided = reported
        .iter()
        .filter(|(_, w)| w.starts_with("decide"))
        .count();
    assert!(decided > 0, "no decision was issued in any trial");
    eprintln!(
        "{n} kills, {} committed steps checked ({decided} decisions of {PEOPLE_PER_BATCH} subjects)",
        reported.len()
    );
}

fn count(store: &Store, sql: &str, p: impl rusqlite::Params) -> i64 {
    store.connection().query_row(sql, p, |r| r.get(0)).unwrap()
}

/// Every unit of the workload is whole at each stage it reached, and every step reported
/// committed is there.
fn check_whole(store: &Store, trial: u32, reported: &[(u32, String)]) {
    let full = PEOPLE_PER_BATCH as i64;
    let units: Vec<(i64, String)> = {
        let mut stmt = store
            .connection()
            .prepare("SELECT id, name FROM units")
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    for (unit, name) in &units {
        let people = count(
            store,
            "SELECT count(*) FROM people WHERE unit_id = ?1",
            [unit],
        );
        let awards = count(
            store,
            "SELECT count(*) FROM awards a JOIN people p ON p.id = a.person_id WHERE p.unit_id = ?1 AND a.year = 2025",
            [unit],
        );
        assert_eq!(
            (people, awards),
            (full, full),
            "trial {trial}: half-written import {name}"
        );
        let registered = count(
            store,
            "SELECT count(DISTINCT r.person_id) FROM registrations r JOIN people p ON p.id = r.person_id WHERE p.unit_id = ?1",
            [unit],
        );
        assert!(
            registered == 0 || registered == full,
            "trial {trial}: {registered} registrations in {name}"
        );
        let nominated = count(
            store,
            "SELECT count(*) FROM nominations WHERE proposing_unit_id = ?1",
            [unit],
        );
        assert!(
            nominated == 0 || nominated == full,
            "trial {trial}: {nominated} nominations in {name}"
        );
    }
    let issued: Vec<(i64, String)> = {
        let mut stmt = store
            .connection()
            .prepare("SELECT id, number FROM decisions WHERE status = 'issued'")
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    for (id, number) in &issued {
        let entries = count(
            store,
            "SELECT count(*) FROM decision_entries WHERE decision_id = ?1",
            [id],
        );
        let with_award = count(
            store,
            "SELECT count(*) FROM decision_entries e JOIN awards a ON a.id = e.award_id WHERE e.decision_id = ?1 AND a.decision_number = ?2 AND a.year = ?3",
            rusqlite::params![id, number, WORK_YEAR],
        );
        let decided = count(
            store,
            "SELECT count(*) FROM nominations n JOIN decision_entries e ON e.person_id = n.person_id AND e.catalogue_id = n.catalogue_id WHERE e.decision_id = ?1 AND n.status = 'decided'",
            [id],
        );
        assert_eq!(
            (entries, with_award, decided),
            (full, full, full),
            "trial {trial}: decision {number} is not whole"
        );
    }
    for (n, what) in reported {
        let cycle = n / 5;
        let name = batch_unit_name(cycle);
        let unit = units.iter().find(|(_, u)| *u == name).map(|(id, _)| *id);
        let present = match what.split(' ').next().unwrap() {
            "import" => unit.is_some(),
            "register" => unit.is_some_and(|u| {
                count(store, "SELECT count(*) FROM registrations r JOIN people p ON p.id = r.person_id WHERE p.unit_id = ?1", [u]) > 0
            }),
            "nominate" => unit.is_some_and(|u| {
                count(store, "SELECT count(*) FROM nominations WHERE proposing_unit_id = ?1", [u]) > 0
            }),
            "decide" => {
                count(
                    store,
                    "SELECT count(*) FROM decisions WHERE status = 'issued' AND data LIKE '%\"' || ?1 || '\"%'",
                    [decision_subject(cycle)],
                ) == 1
            }
            _ => true,
        };
        assert!(
            present,
            "trial {trial}: step {n} ({what}) was reported committed but is missing"
        );
    }
}
