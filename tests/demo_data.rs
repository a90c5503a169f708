//! The demo database is deterministic and consistent with the award rules it illustrates.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use thidua::demo::{populate_demo, populate_large};
use thidua::domain::model::{Rating, Subject};
use thidua::store::Store;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn demo() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    populate_demo(&mut store, today()).unwrap();
    store
}

fn dump(store: &Store) -> Vec<String> {
    let mut out: Vec<String> = store
        .people()
        .unwrap()
        .iter()
        .map(|r| {
            format!(
                "{}|{:?}|{}",
                r.person.full_name, r.person.birth_date, r.unit_name
            )
        })
        .collect();
    out.extend(store.all_awards().unwrap().iter().map(|a| format!("{a:?}")));
    out
}

#[test]
fn two_runs_give_the_same_database() {
    assert_eq!(dump(&demo()), dump(&demo()));
}

#[test]
fn the_demo_department_has_the_expected_size_and_nfc_names() {
    let store = demo();
    let units = store.units().unwrap();
    assert_eq!(units.len(), 12);
    let people = store.people().unwrap();
    assert!(
        (140..=160).contains(&people.len()),
        "{} people",
        people.len()
    );
    for r in &people {
        assert_eq!(
            r.person.full_name,
            thidua::domain::text::nfc(&r.person.full_name)
        );
    }
    assert!(store.organisation().unwrap().is_complete());
    assert_eq!(store.base_salaries().unwrap().len(), 3);
    assert_eq!(
        people
            .iter()
            .filter(|r| r.person.is_department_leader)
            .count(),
        3
    );
}

#[test]
fn titles_follow_the_ratings_and_some_people_have_three_consecutive_cstdcs() {
    let store = demo();
    let catalogue = store.catalogue().unwrap();
    let id = |code: &str| catalogue.iter().find(|c| c.code == code).unwrap().id;
    let (ldtt, cstdcs) = (id("LDTT"), id("CSTDCS"));
    let mut three_in_a_row = 0;
    for r in store.people().unwrap() {
        let ratings: BTreeMap<i32, Rating> = store
            .person_ratings(r.person.id)
            .unwrap()
            .into_iter()
            .collect();
        let awards = store.awards_for(Subject::Person(r.person.id)).unwrap();
        let mut cstd_years = BTreeSet::new();
        for a in &awards {
            if a.catalogue_id == ldtt {
                assert!(
                    matches!(ratings.get(&a.year), Some(Rating::Excellent | Rating::Good)),
                    "{} got LĐTT {} rated {:?}",
                    r.person.full_name,
                    a.year,
                    ratings.get(&a.year)
                );
            }
            if a.catalogue_id == cstdcs {
                assert_eq!(
                    ratings.get(&a.year),
                    Some(&Rating::Excellent),
                    "{} CSTĐCS {}",
                    r.person.full_name,
                    a.year
                );
                assert!(
                    awards
                        .iter()
                        .any(|b| b.catalogue_id == ldtt && b.year == a.year),
                    "CSTĐCS without LĐTT"
                );
                cstd_years.insert(a.year);
            }
        }
        if cstd_years
            .iter()
            .any(|y| cstd_years.contains(&(y + 1)) && cstd_years.contains(&(y + 2)))
        {
            three_in_a_row += 1;
        }
    }
    assert!(
        three_in_a_row >= 3,
        "only {three_in_a_row} people with three consecutive CSTĐCS"
    );
}

#[test]
fn the_demo_is_only_written_into_an_empty_database() {
    let mut store = demo();
    let before = dump(&store);
    let err = populate_demo(&mut store, today()).unwrap_err();
    assert!(err.to_string().contains("cơ sở dữ liệu trống"));
    assert_eq!(dump(&store), before);
}

#[test]
fn large_databases_have_the_asked_sizes() {
    let mut store = Store::open_in_memory().unwrap();
    let mut calls = 0;
    populate_large(&mut store, 2_000, 20_000, &mut |_, _| calls += 1).unwrap();
    assert_eq!(store.people().unwrap().len(), 2_000);
    assert_eq!(store.all_awards().unwrap().len(), 20_000);
    assert!(calls > 1);
    assert!(store.integrity_problems().unwrap().is_empty());
}
