//! Crashes lose nothing: a child process writes batches through the app's own store code
//! (a unit with its staff, ratings and awards per transaction, as an import does) and is
//! killed with SIGKILL at random moments. After every kill the database opens, passes
//! `PRAGMA integrity_check`, holds every batch the child reported as committed, and holds
//! no half batch.
//!
//! Trials: 25 by default; `THIDUA_CRASH_TRIALS=200 cargo test --test crash_safety` for the
//! nightly-sized run.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use thidua::store::Store;
use thidua::store::workload::{PEOPLE_PER_BATCH, batch_unit_name};

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
    let mut reported: Vec<u32> = Vec::new();
    let mut delay = delays(0x5eed_7d1a);
    let n = trials();
    for trial in 0..n {
        let mut child = Command::new(env!("CARGO_BIN_EXE_thidua"))
            .arg("--db")
            .arg(&db)
            .args(["workload", "--batches", "1000000"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the writer");
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(n) = line.strip_prefix("committed ") {
                    let _ = tx.send(n.parse::<u32>().unwrap());
                }
            }
        });
        // Somewhere between start-up and a few hundred batches.
        let wait = 30 + delay.next().unwrap() % 600;
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
        let conn = store.connection();
        let batches: Vec<(String, i64, i64)> = {
            let mut stmt = conn
                .prepare(
                    "SELECT u.name,
                        (SELECT count(*) FROM people p WHERE p.unit_id = u.id),
                        (SELECT count(*) FROM awards a JOIN people p ON p.id = a.person_id WHERE p.unit_id = u.id)
                     FROM units u",
                )
                .unwrap();
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap()
        };
        for (name, people, awards) in &batches {
            assert_eq!(
                (*people, *awards),
                (PEOPLE_PER_BATCH as i64, PEOPLE_PER_BATCH as i64),
                "trial {trial}: half-written batch {name}"
            );
        }
        for n in &reported {
            assert!(
                batches
                    .iter()
                    .any(|(name, _, _)| *name == batch_unit_name(*n)),
                "trial {trial}: batch {n} was reported committed but is missing"
            );
        }
    }
    assert!(
        reported.len() as u32 >= n / 2,
        "the writer committed too few batches ({}) for the trials to mean anything",
        reported.len()
    );
    eprintln!("{n} kills, {} committed batches checked", reported.len());
}
