//! The demo database is deterministic and consistent with the award rules it illustrates
//! (domain spec §2).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use thidua::demo::{populate_demo, populate_large};
use thidua::domain::model::{
    AwardRecord, CatalogueId, DisciplineForm, PersonStatus, Rating, Subject,
};
use thidua::domain::text::nfc;
use thidua::store::Store;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn demo_on(today: NaiveDate) -> Store {
    let mut store = Store::open_in_memory().unwrap();
    populate_demo(&mut store, today).unwrap();
    store
}

fn demo() -> Store {
    demo_on(today())
}

/// Every row of every table but the audit log and the migration log (whose rows carry the
/// time of writing).
fn dump(store: &Store) -> Vec<String> {
    let conn = store.connection();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('audit_log', 'schema_migrations') ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut out = Vec::new();
    for table in tables {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM \"{table}\" ORDER BY rowid"))
            .unwrap();
        let columns = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                let values: Vec<String> = (0..columns)
                    .map(|i| match r.get_ref(i).unwrap() {
                        rusqlite::types::ValueRef::Text(t) => {
                            String::from_utf8_lossy(t).into_owned()
                        }
                        other => format!("{other:?}"),
                    })
                    .collect();
                Ok(format!("{table}: {}", values.join(" | ")))
            })
            .unwrap()
            .collect::<Result<Vec<_>, _>>()
            .unwrap();
        out.extend(rows);
    }
    out
}

fn code_ids(store: &Store) -> impl Fn(&str) -> CatalogueId {
    let catalogue = store.catalogue().unwrap();
    move |code: &str| catalogue.iter().find(|c| c.code == code).unwrap().id
}

#[test]
fn two_runs_give_the_same_database() {
    let (a, b) = (dump(&demo()), dump(&demo()));
    assert!(a.len() > 1_000, "{} rows", a.len());
    if let Some((x, y)) = a.iter().zip(&b).find(|(x, y)| x != y) {
        panic!("the runs differ:\n{x}\n{y}");
    }
    assert_eq!(a.len(), b.len());
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
        let p = &r.person;
        for text in [&p.full_name, &p.position, &r.unit_name] {
            assert_eq!(*text, nfc(text));
        }
        assert!(p.full_name.split(' ').count() >= 3, "{}", p.full_name);
        let born = p.birth_date.unwrap().year();
        assert!((1955..=2000).contains(&born), "{} born {born}", p.full_name);
        assert!(p.recruited_on.unwrap() <= today());
    }
    let women = people
        .iter()
        .filter(|r| r.person.gender.code() == "female")
        .count();
    assert!((50..=85).contains(&women), "{women} women");
    let org = store.organisation().unwrap();
    assert!(org.is_complete());
    assert_eq!(org.deputies.len(), 3);
    assert_eq!(store.base_salaries().unwrap().len(), 3);
    assert_eq!(
        people
            .iter()
            .filter(|r| r.person.is_department_leader)
            .count(),
        4
    );
    let retired: Vec<_> = people
        .iter()
        .filter(|r| r.person.status == PersonStatus::Retired)
        .collect();
    assert_eq!(retired.len(), 2);
    for r in retired {
        let age = r.person.status_date.unwrap().year() - r.person.birth_date.unwrap().year();
        assert!(
            (55..=58).contains(&age),
            "{} retired at {age}",
            r.person.full_name
        );
    }
    let recent = people
        .iter()
        .filter(|r| r.person.recruited_on.unwrap() > NaiveDate::from_ymd_opt(2026, 6, 30).unwrap())
        .count();
    assert_eq!(
        recent, 2,
        "two recruits less than six months before the end of 2026"
    );
    let disciplines: usize = people
        .iter()
        .map(|r| store.disciplines(r.person.id).unwrap().len())
        .sum();
    assert_eq!(disciplines, 2);
    assert_eq!(store.plans().unwrap().len(), 2);
}

#[test]
fn titles_follow_the_ratings_and_some_people_have_three_consecutive_cstdcs() {
    let store = demo();
    let id = code_ids(&store);
    let (ldtt, cstdcs, bk_tinh, bk_ttg) =
        (id("LDTT"), id("CSTDCS"), id("BK_TINH_CN"), id("BK_TTG_CN"));
    let mut three_in_a_row = 0;
    let mut per_year: BTreeMap<i32, (usize, usize)> = BTreeMap::new();
    let (mut bk_tinh_count, mut bk_ttg_count) = (0, 0);
    for r in store.people().unwrap() {
        let p = &r.person;
        let ratings: BTreeMap<i32, Rating> =
            store.person_ratings(p.id).unwrap().into_iter().collect();
        let disciplines = store.disciplines(p.id).unwrap();
        let awards = store.awards_for(Subject::Person(p.id)).unwrap();
        let cstd_years: BTreeSet<i32> = awards
            .iter()
            .filter(|a| a.catalogue_id == cstdcs)
            .map(|a| a.year)
            .collect();
        for a in &awards {
            // R03: nothing for a year spent (partly) under discipline.
            for d in &disciplines {
                let to = d.to.unwrap().year();
                assert!(
                    !(d.from.year()..=to).contains(&a.year),
                    "{} awarded while disciplined",
                    p.full_name
                );
            }
            if a.catalogue_id == ldtt {
                // R01 and R02.
                assert!(
                    matches!(ratings.get(&a.year), Some(Rating::Excellent | Rating::Good)),
                    "{} got LĐTT {} rated {:?}",
                    p.full_name,
                    a.year,
                    ratings.get(&a.year)
                );
                let mid_year = NaiveDate::from_ymd_opt(a.year, 6, 30).unwrap();
                assert!(
                    p.recruited_on.unwrap() <= mid_year,
                    "{} recruited too late",
                    p.full_name
                );
                per_year.entry(a.year).or_default().0 += 1;
            }
            if a.catalogue_id == cstdcs {
                // R05.
                assert_eq!(
                    ratings.get(&a.year),
                    Some(&Rating::Excellent),
                    "{} CSTĐCS {}",
                    p.full_name,
                    a.year
                );
                assert!(
                    awards
                        .iter()
                        .any(|b| b.catalogue_id == ldtt && b.year == a.year)
                );
                per_year.entry(a.year).or_default().1 += 1;
            }
            if a.catalogue_id == bk_tinh {
                // R09 (d), first branch.
                bk_tinh_count += 1;
                assert!(cstd_years.contains(&a.year) && cstd_years.contains(&(a.year - 1)));
            }
            if a.catalogue_id == bk_ttg {
                // R10: a provincial Bằng khen, then five good years with three CSTĐCS.
                bk_ttg_count += 1;
                let earlier = awards
                    .iter()
                    .filter(|b| b.catalogue_id == bk_tinh && b.year <= a.year - 5)
                    .map(|b| b.year)
                    .max()
                    .expect("a provincial Bằng khen first");
                let window = a.year - 4..=a.year;
                assert!(earlier < *window.start());
                assert!(
                    window
                        .clone()
                        .all(|y| matches!(ratings.get(&y), Some(Rating::Excellent | Rating::Good)))
                );
                assert!(window.filter(|y| cstd_years.contains(y)).count() >= 3);
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
    assert!(
        (3..=8).contains(&bk_tinh_count),
        "{bk_tinh_count} provincial Bằng khen"
    );
    assert_eq!(bk_ttg_count, 1);
    for year in 2021..=2025 {
        let (l, c) = per_year[&year];
        assert!(
            l >= 100 && c * 100 <= l * 20,
            "{year}: {l} LĐTT, {c} CSTĐCS"
        );
    }
}

#[test]
fn unit_titles_follow_their_members() {
    let store = demo();
    let id = code_ids(&store);
    let (ldtt, cstdcs, ttldtt, ttldxs, co) = (
        id("LDTT"),
        id("CSTDCS"),
        id("TTLDTT"),
        id("TTLDXS"),
        id("CO_TINH"),
    );
    let people = store.people().unwrap();
    let (mut tt, mut xs, mut flags) = (0, 0, 0);
    for unit in store.units().unwrap() {
        let ratings: BTreeMap<i32, Rating> =
            store.unit_ratings(unit.id).unwrap().into_iter().collect();
        for a in store.awards_for(Subject::Unit(unit.id)).unwrap() {
            let members: Vec<_> = people
                .iter()
                .filter(|r| r.person.unit_id == unit.id)
                .collect();
            let mut total = 0;
            let (mut titled, mut cstd, mut completed, mut warned) = (0, 0, 0, false);
            for r in &members {
                let Some(rating) = store
                    .person_ratings(r.person.id)
                    .unwrap()
                    .into_iter()
                    .find(|(y, _)| *y == a.year)
                    .map(|(_, x)| x)
                else {
                    continue;
                };
                total += 1;
                completed += usize::from(rating != Rating::NotCompleted);
                let awards = store.awards_for(Subject::Person(r.person.id)).unwrap();
                let has = |c| {
                    awards
                        .iter()
                        .any(|b: &AwardRecord| b.catalogue_id == c && b.year == a.year)
                };
                titled += usize::from(has(ldtt));
                cstd += usize::from(has(cstdcs));
                warned |= store.disciplines(r.person.id).unwrap().iter().any(|d| {
                    d.form != DisciplineForm::Reprimand
                        && (d.from.year()..=d.to.unwrap().year()).contains(&a.year)
                });
            }
            if a.catalogue_id == ttldtt {
                tt += 1;
                assert!(
                    2 * titled > total && !warned,
                    "{} TTLĐTT {}",
                    unit.name,
                    a.year
                );
                assert!(matches!(
                    ratings.get(&a.year),
                    Some(Rating::Excellent | Rating::Good)
                ));
            }
            if a.catalogue_id == ttldxs {
                xs += 1;
                assert_eq!(ratings.get(&a.year), Some(&Rating::Excellent));
                assert!(
                    completed == total && 10 * titled >= 7 * total && cstd >= 1,
                    "{} TTLĐXS {}",
                    unit.name,
                    a.year
                );
            }
            flags += usize::from(a.catalogue_id == co);
        }
    }
    assert!(tt >= 30, "{tt} TTLĐTT");
    assert!((2..=25).contains(&xs), "{xs} TTLĐXS");
    assert!((1..=2).contains(&flags), "{flags} provincial flags");
}

#[test]
fn decisions_are_numbered_dated_and_registered() {
    let store = demo();
    let catalogue = store.catalogue().unwrap();
    for year in 2015..=2026 {
        let numbers: Vec<u32> = store
            .documents_of_year(year)
            .unwrap()
            .into_iter()
            .filter(|d| d.kind == "QĐ")
            .map(|d| d.number)
            .collect();
        // Numbers start from 1 each year and leave no gaps.
        assert_eq!(
            numbers,
            (1..=numbers.len() as u32).collect::<Vec<_>>(),
            "{year}"
        );
    }
    assert!(store.next_document_number(2026, "QĐ").unwrap() > 1);
    for a in store.all_awards().unwrap() {
        let date = a.decision_date.unwrap();
        assert!(date <= today());
        assert!(
            date.year() == a.year + 1 || a.note.contains("chuyên đề"),
            "{a:?}"
        );
        let entry = catalogue.iter().find(|c| c.id == a.catalogue_id).unwrap();
        let expected = match entry.decided_by.as_str() {
            "Giám đốc Sở" => "Giám đốc Sở Công Thương",
            other => other,
        };
        assert_eq!(a.issuer, expected, "{}", entry.name);
        let suffix = match expected {
            "Giám đốc Sở Công Thương" => "/QĐ-SCT",
            "Chủ tịch UBND tỉnh" => "/QĐ-UBND",
            _ => "/QĐ-TTg",
        };
        assert!(a.decision_number.ends_with(suffix), "{a:?}");
        if suffix == "/QĐ-SCT" {
            let registered: Vec<_> = store
                .documents_of_year(date.year())
                .unwrap()
                .into_iter()
                .filter(|d| d.kind == "QĐ" && format!("{}/QĐ-SCT", d.number) == a.decision_number)
                .collect();
            assert_eq!(registered.len(), 1, "{a:?}");
            assert_eq!(registered[0].issued_on, date);
        }
    }
}

#[test]
fn early_in_the_year_no_decision_is_dated_in_the_future() {
    let today = NaiveDate::from_ymd_opt(2027, 1, 5).unwrap();
    let store = demo_on(today);
    let awards = store.all_awards().unwrap();
    assert!(awards.iter().all(|a| a.decision_date.unwrap() <= today));
    // Last year is rated but not yet decided.
    assert!(!awards.iter().any(|a| a.year == 2026));
    let rated_2026 = store
        .people()
        .unwrap()
        .iter()
        .filter(|r| {
            store
                .person_ratings(r.person.id)
                .unwrap()
                .iter()
                .any(|(y, _)| *y == 2026)
        })
        .count();
    assert!(rated_2026 > 100);
    assert!(
        store
            .people()
            .unwrap()
            .iter()
            .all(|r| r.person.recruited_on.unwrap() <= today)
    );
    assert_eq!(
        store.plans().unwrap().len(),
        1,
        "this year's plan is not issued yet"
    );
}

#[test]
fn the_demo_is_only_written_into_an_empty_database() {
    let mut store = demo();
    let before = dump(&store);
    let err = populate_demo(&mut store, today()).unwrap_err();
    assert!(err.to_string().contains("cơ sở dữ liệu trống"), "{err}");
    assert_eq!(dump(&store), before);
    // The refusal left no transaction open.
    assert!(store.connection().is_autocommit());
}

#[test]
fn large_databases_have_the_asked_sizes() {
    let mut store = Store::open_in_memory().unwrap();
    let mut calls = 0;
    populate_large(&mut store, 2_000, 20_000, &mut |done, total| {
        assert!(done <= total && total == 22_000);
        calls += 1;
    })
    .unwrap();
    assert_eq!(store.people().unwrap().len(), 2_000);
    assert_eq!(store.all_awards().unwrap().len(), 20_000);
    assert_eq!(store.units().unwrap().len(), 2);
    assert!(calls > 1);
    assert!(store.integrity_problems().unwrap().is_empty());
    assert!(populate_large(&mut store, 1, 100, &mut |_, _| {}).is_err());
}

#[test]
fn registrations_agree_with_the_titles_and_leave_units_to_chase() {
    use thidua::domain::registration::SubmissionStatus;
    let store = demo();
    let catalogue = store.catalogue().unwrap();
    // No registration, no title: every title awarded in the demo's years was registered.
    for a in store.all_awards().unwrap() {
        let code = &catalogue
            .iter()
            .find(|c| c.id == a.catalogue_id)
            .unwrap()
            .code;
        if ["LDTT", "CSTDCS", "TTLDTT", "TTLDXS"].contains(&code.as_str()) {
            assert!(
                store.is_registered(a.subject, a.year, code).unwrap(),
                "{:?} received {code} in {} without registering",
                a.subject,
                a.year
            );
        }
    }
    let this_year = store.submissions(2026).unwrap();
    let count = |s: SubmissionStatus| this_year.iter().filter(|x| x.status == s).count();
    assert_eq!(count(SubmissionStatus::NotSent), 2);
    assert_eq!(count(SubmissionStatus::Returned), 2);
    assert!(count(SubmissionStatus::Approved) + count(SubmissionStatus::Sent) >= 7);
    assert!(store.registrations_of_year(2026).unwrap().len() > 100);
    assert!(store.registrations_of_year(2025).unwrap().len() > 100);
    assert_eq!(store.clusters(2026).unwrap().len(), 2);
}

#[test]
fn innovations_in_every_status_with_this_years_recognition_decision() {
    use thidua::domain::innovation::InnovationStatus;
    let store = demo();
    let mut statuses = std::collections::HashSet::new();
    for year in 2023..=2026 {
        for i in store.innovations(year).unwrap() {
            statuses.insert(i.status);
            assert!(i.problems().is_empty(), "{}: {:?}", i.name, i.problems());
        }
    }
    assert_eq!(statuses.len(), 4, "{statuses:?}");
    let this_year = store.innovations(2026).unwrap();
    let scored: Vec<_> = this_year
        .iter()
        .map(|i| store.innovation_scores(i.id).unwrap())
        .filter(|s| !s.is_empty())
        .collect();
    assert!(scored.len() >= 2);
    assert!(scored.iter().all(|s| s.iter().any(|m| m.recused)));
    let recognised: Vec<_> = this_year
        .iter()
        .filter(|i| i.status == InnovationStatus::Recognised)
        .collect();
    assert!(!recognised.is_empty());
    let number: u32 = recognised[0]
        .decision_number
        .split('/')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        store
            .documents_of_year(2026)
            .unwrap()
            .iter()
            .any(|d| d.kind == "QĐ" && d.number == number && d.summary.contains("sáng kiến")),
        "this year's recognition decision is in the register"
    );
    // Past CSTĐCS that rested on an innovation record it as used.
    let past = store.innovations(2024).unwrap();
    let grassroots = past
        .iter()
        .find(|i| i.status == InnovationStatus::Recognised)
        .unwrap();
    let author = grassroots.authors[0].person.unwrap();
    assert_eq!(
        store.innovation_used_for(grassroots.id, author).unwrap(),
        Some((2024, "CSTDCS".to_owned()))
    );
    assert!(
        store
            .is_registered(Subject::Person(author), 2024, "CSTDCS")
            .unwrap()
    );
}

#[test]
fn the_suggestions_find_real_candidates_in_the_demo() {
    let app = thidua::app::ThiduaApp::new(demo(), today(), true);
    let view = app.vm.nominations.as_ref().unwrap();
    let suggestions = &view.suggestions;
    assert!(!suggestions.is_empty(), "nobody suggested");
    for s in suggestions {
        assert!(
            !s.reasons.is_empty(),
            "{} – {} without reasons",
            s.name,
            s.title
        );
    }
    // Whoever is suggested for the province's Bằng khen has two consecutive CSTĐCS or two
    // excellent years with two unused innovations.
    let bk = suggestions
        .iter()
        .find(|s| s.title.starts_with("Bằng khen của Chủ tịch UBND tỉnh"));
    assert!(
        bk.is_some(),
        "{:?}",
        suggestions
            .iter()
            .map(|s| (&s.name, &s.title))
            .collect::<Vec<_>>()
    );
    assert!(
        bk.unwrap()
            .reasons
            .iter()
            .any(|r| r.contains("2 năm liên tục") || r.contains("sáng kiến"))
    );
    // Blocked nominations carry their reasons.
    let blocked: Vec<_> = view.lines.iter().filter(|l| l.verdict.blocked).collect();
    assert!(!blocked.is_empty());
    assert!(
        blocked
            .iter()
            .all(|l| l.verdict.summary.starts_with("Không đủ điều kiện: "))
    );
}

#[test]
fn issued_decisions_with_their_lists_and_a_draft_for_this_year() {
    use thidua::domain::decision::DecisionStatus;
    let store = demo();
    for year in 2021..=2025 {
        let decisions = store.decisions(year).unwrap();
        assert!(!decisions.is_empty(), "{year}");
        assert!(
            decisions
                .iter()
                .all(|d| d.status == DecisionStatus::Issued && !d.entries.is_empty())
        );
        // Every line of the history belongs to one decision's list.
        let listed: usize = decisions.iter().map(|d| d.entries.len()).sum();
        let history = store
            .all_awards()
            .unwrap()
            .into_iter()
            .filter(|a| a.year == year)
            .count();
        assert_eq!(listed, history, "{year}");
    }
    // The Director's first decision issued in each year is number 1.
    let mut smallest: std::collections::BTreeMap<i32, u32> = std::collections::BTreeMap::new();
    for year in 2018..=2026 {
        for d in store
            .decisions(year)
            .unwrap()
            .into_iter()
            .filter(|d| d.internal && d.status == DecisionStatus::Issued)
        {
            let issued = d.issued_on.unwrap().year();
            let n: u32 = d.number.split('/').next().unwrap().parse().unwrap();
            let e = smallest.entry(issued).or_insert(n);
            *e = (*e).min(n);
        }
    }
    assert!(!smallest.is_empty());
    assert!(smallest.values().all(|n| *n == 1), "{smallest:?}");
    let this_year = store.decisions(2026).unwrap();
    assert!(
        this_year
            .iter()
            .any(|d| d.status == DecisionStatus::Draft && d.entries.len() > 50)
    );
    // It prints at once.
    let draft = this_year
        .iter()
        .find(|d| d.status == DecisionStatus::Draft)
        .unwrap();
    assert!(thidua::docs::decision_data::decision_document(&store, draft).is_ok());
}
