//! The eligibility engine on 10,000 nominees, each with ten years of ratings, awards and
//! innovations: every nominee judged for the title proposed, and the suggestions of higher
//! titles for all of them.
//!
//! Run: cargo bench --bench eligibility -- --warm-up-time 1 --measurement-time 3

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use thidua::domain::eligibility::{
    AwardFact, EligibilitySettings, Facts, InnovationFact, SubjectFacts, check, suggest,
};
use thidua::domain::innovation::InnovationLevel;
use thidua::domain::model::Rating;

const NOMINEES: usize = 10_000;
const YEAR: i32 = 2026;
const CODES: [&str; 5] = ["LDTT", "CSTDCS", "CSTD_TINH", "BK_TINH_CN", "BK_TTG_CN"];

/// Deterministic pseudo-random facts with ten years of history.
fn nominees() -> Vec<Facts> {
    let mut seed: u64 = 2026;
    let mut next = move |n: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % n
    };
    (0..NOMINEES)
        .map(|i| {
            let mut f = Facts::person(YEAR);
            f.subject = SubjectFacts::Person {
                female: i % 2 == 0,
                leader: i % 50 == 0,
                recruited_on: NaiveDate::from_ymd_opt(
                    2000 + (i % 26) as i32,
                    1 + (i % 12) as u32,
                    1,
                ),
            };
            for y in YEAR - 9..=YEAR {
                let rating = match next(10) {
                    0..=2 => Rating::Excellent,
                    3..=8 => Rating::Good,
                    _ => Rating::Completed,
                };
                f.ratings.insert(y, rating);
                f.registrations
                    .push((y, if next(4) == 0 { "CSTDCS" } else { "LDTT" }.into()));
                if y < YEAR && rating != Rating::Completed {
                    f.awards.push(AwardFact {
                        year: y,
                        code: "LDTT".into(),
                        decision: format!("{y}/QĐ-SCT"),
                    });
                    if rating == Rating::Excellent {
                        f.awards.push(AwardFact {
                            year: y,
                            code: "CSTDCS".into(),
                            decision: format!("{y}/QĐ-SCT"),
                        });
                    }
                }
                if next(5) == 0 {
                    f.innovations.push(InnovationFact {
                        id: (i * 10) as i64 + (y - YEAR + 9) as i64,
                        name: format!("Sáng kiến {i}-{y}"),
                        year: y,
                        level: if next(10) == 0 {
                            InnovationLevel::Province
                        } else {
                            InnovationLevel::Grassroots
                        },
                        research: false,
                        used_for: None,
                    });
                }
            }
            if next(7) == 0 {
                f.awards.push(AwardFact {
                    year: YEAR - 6,
                    code: "BK_TINH_CN".into(),
                    decision: "BK".into(),
                });
            }
            f.proposed_this_year.push(CODES[i % CODES.len()].into());
            f
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let facts = nominees();
    let settings = EligibilitySettings::default();
    c.bench_function("verdicts for 10,000 nominees (10 years each)", |b| {
        b.iter(|| {
            let blocked = facts
                .iter()
                .enumerate()
                .filter(|(i, f)| check(CODES[i % CODES.len()], f, &settings).is_blocked())
                .count();
            black_box(blocked)
        })
    });
    c.bench_function("suggestions over 10,000 subjects", |b| {
        b.iter(|| black_box(suggest(&facts, &settings).len()))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
