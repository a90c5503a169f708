//! Five years of ratings and awards for the demo Department, with the decisions that
//! granted them. The Director's decisions are numbered from 1 each calendar year and
//! entered in the register of outgoing documents; no decision is dated after `today`.

mod commendations;

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use super::date;
use super::names::Rng;
use super::staff::{Department, Member};
use crate::domain::model::*;
use crate::store::awards::save_award_in;
use crate::store::ratings::{set_person_rating_in, set_unit_rating_in};
use crate::store::register::register_document_in;
use crate::store::{Store, StoreError};

const DIRECTOR: &str = "Giám đốc Sở Công Thương";
const PROVINCE: &str = "Chủ tịch UBND tỉnh";
const PRIME_MINISTER: &str = "Thủ tướng Chính phủ";

/// Who decides, which fixes the number's suffix.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Issuer {
    Director,
    Province,
    PrimeMinister,
}

/// Write every year's ratings and awards.
pub(super) fn write(
    store: &Store,
    rng: &mut Rng,
    department: &Department,
    today: NaiveDate,
) -> Result<(), StoreError> {
    let catalogue = store.catalogue()?;
    let id = |code: &str| {
        catalogue
            .iter()
            .find(|e| e.code == code)
            .map(|e| e.id)
            .ok_or_else(|| StoreError::NotFound(format!("mục {code} trong danh mục khen thưởng")))
    };
    let mut history = History {
        conn: store.connection(),
        rng,
        department,
        today,
        first: today.year() - 5,
        ldtt: id("LDTT")?,
        cstdcs: id("CSTDCS")?,
        gk_cn: id("GK_SO_CN")?,
        gk_tt: id("GK_SO_TT")?,
        bk_tinh: id("BK_TINH_CN")?,
        bk_ttg: id("BK_TTG_CN")?,
        ttldtt: id("TTLDTT")?,
        ttldxs: id("TTLDXS")?,
        co_tinh: id("CO_TINH")?,
        next_director_number: BTreeMap::new(),
        next_province_number: BTreeMap::new(),
        decisions: BTreeMap::new(),
    };
    // The first outstanding person's history starts three years earlier.
    for year in history.first - 3..today.year() {
        history.year(year)?;
    }
    Ok(())
}

struct History<'a> {
    conn: &'a rusqlite::Connection,
    rng: &'a mut Rng,
    department: &'a Department,
    today: NaiveDate,
    /// The first year every person and unit is rated.
    first: i32,
    ldtt: CatalogueId,
    cstdcs: CatalogueId,
    gk_cn: CatalogueId,
    gk_tt: CatalogueId,
    bk_tinh: CatalogueId,
    bk_ttg: CatalogueId,
    ttldtt: CatalogueId,
    ttldxs: CatalogueId,
    co_tinh: CatalogueId,
    next_director_number: BTreeMap<i32, u32>,
    next_province_number: BTreeMap<i32, u64>,
    /// Decisions already taken: (issuer, date, summary) → number.
    decisions: BTreeMap<(Issuer, NaiveDate, String), String>,
}

/// One person's year.
struct Outcome {
    member: usize,
    rating: Rating,
    ldtt: bool,
    cstdcs: bool,
}

impl History<'_> {
    fn year(&mut self, year: i32) -> Result<(), StoreError> {
        let outcomes = self.people(year)?;
        if year >= self.first {
            self.units(year, &outcomes)?;
        }
        self.commendations(year, &outcomes)
    }

    fn takes_part(&self, m: &Member, year: i32) -> bool {
        m.rated_in(year) && (year >= self.first || m.star == Some(0))
    }

    /// Ratings, LĐTT and CSTĐCS (at most 15% of LĐTT besides the outstanding people).
    fn people(&mut self, year: i32) -> Result<Vec<Outcome>, StoreError> {
        let members = &self.department.members;
        let mut outcomes = Vec::new();
        for (i, m) in members.iter().enumerate() {
            if !self.takes_part(m, year) {
                continue;
            }
            let rating = if m.disciplined_in(year).is_some() {
                // Disciplined during the year: not completed; the year after, completed.
                if m.discipline.as_ref().is_some_and(|d| d.from.year() == year) {
                    Rating::NotCompleted
                } else {
                    Rating::Completed
                }
            } else if m.star.is_some() {
                Rating::Excellent
            } else {
                match self.rng.below(100) {
                    0..=15 => Rating::Excellent,
                    16..=93 => Rating::Good,
                    94..=98 => Rating::Completed,
                    _ => Rating::NotCompleted,
                }
            };
            set_person_rating_in(self.conn, m.id, year, Some(rating))?;
            outcomes.push(Outcome {
                member: i,
                rating,
                ldtt: matches!(rating, Rating::Excellent | Rating::Good),
                cstdcs: false,
            });
        }
        let ldtt_count = outcomes.iter().filter(|o| o.ldtt).count();
        let mut cstdcs_count = 0;
        for o in &mut outcomes {
            if o.ldtt && members[o.member].star.is_some() {
                o.cstdcs = true;
                cstdcs_count += 1;
            }
        }
        let cap = ldtt_count * 15 / 100;
        let mut others: Vec<usize> = (0..outcomes.len())
            .filter(|&k| outcomes[k].ldtt && !outcomes[k].cstdcs)
            .filter(|&k| outcomes[k].rating == Rating::Excellent)
            .collect();
        while cstdcs_count < cap && !others.is_empty() {
            let k = others.remove(self.rng.below(others.len() as u64) as usize);
            outcomes[k].cstdcs = true;
            cstdcs_count += 1;
        }

        let day = date(year + 1, 1, 12 + (year.rem_euclid(4)) as u32);
        let ldtt = format!("Về việc công nhận danh hiệu Lao động tiên tiến năm {year}");
        let cstd = format!("Về việc công nhận danh hiệu Chiến sĩ thi đua cơ sở năm {year}");
        for o in &outcomes {
            let subject = Subject::Person(members[o.member].id);
            if o.ldtt {
                self.award(subject, year, self.ldtt, Issuer::Director, day, &ldtt, "")?;
            }
            if o.cstdcs {
                self.award(subject, year, self.cstdcs, Issuer::Director, day, &cstd, "")?;
            }
        }
        Ok(outcomes)
    }

    /// Unit ratings, TTLĐTT (R13), TTLĐXS (R12) and the provincial flag.
    fn units(&mut self, year: i32, outcomes: &[Outcome]) -> Result<(), StoreError> {
        let members = &self.department.members;
        let mut excellent_units = Vec::new();
        for (u, unit) in self.department.units.iter().enumerate() {
            if !unit.rated {
                continue;
            }
            let own: Vec<&Outcome> = outcomes
                .iter()
                .filter(|o| members[o.member].unit == u)
                .collect();
            let total = own.len();
            let ldtt = own.iter().filter(|o| o.ldtt).count();
            let cstdcs = own.iter().filter(|o| o.cstdcs).count();
            let all_completed = own.iter().all(|o| o.rating != Rating::NotCompleted);
            let warned = own.iter().any(|o| {
                members[o.member]
                    .disciplined_in(year)
                    .is_some_and(|f| f != DisciplineForm::Reprimand)
            });
            let rating = if warned {
                Rating::Completed
            } else if self.rng.chance(35) {
                Rating::Excellent
            } else {
                Rating::Good
            };
            set_unit_rating_in(self.conn, unit.id, year, Some(rating))?;
            if total == 0 || rating == Rating::Completed || 2 * ldtt <= total {
                continue;
            }
            let day = date(year + 1, 1, 12 + (year.rem_euclid(4)) as u32);
            let summary =
                format!("Về việc công nhận danh hiệu Tập thể lao động tiên tiến năm {year}");
            let subject = Subject::Unit(unit.id);
            self.award(
                subject,
                year,
                self.ttldtt,
                Issuer::Director,
                day,
                &summary,
                "",
            )?;
            if rating == Rating::Excellent && all_completed && 10 * ldtt >= 7 * total && cstdcs > 0
            {
                let summary =
                    format!("Về việc tặng danh hiệu Tập thể lao động xuất sắc năm {year}");
                let day = date(year + 1, 3, 18);
                self.award(
                    subject,
                    year,
                    self.ttldxs,
                    Issuer::Province,
                    day,
                    &summary,
                    "",
                )?;
                excellent_units.push(u);
            }
        }
        // The provincial flag, twice in five years, to the best excellent unit (a Chi cục
        // or the Trung tâm first: they lead their khối thi đua).
        if (year - self.first) % 2 == 1
            && let Some(&u) = excellent_units
                .iter()
                .find(|&&u| {
                    matches!(
                        self.department.units[u].kind,
                        UnitKind::Subdepartment | UnitKind::Affiliated
                    )
                })
                .or(excellent_units.first())
        {
            let summary = format!("Về việc tặng Cờ thi đua của UBND tỉnh năm {year}");
            let subject = Subject::Unit(self.department.units[u].id);
            let day = date(year + 1, 3, 25);
            let note = "Đơn vị dẫn đầu khối thi đua";
            self.award(
                subject,
                year,
                self.co_tinh,
                Issuer::Province,
                day,
                &summary,
                note,
            )?;
        }
        Ok(())
    }

    /// The number of the decision taken by `issuer` on `day` about `summary`, taking a new
    /// one the first time; `None` when `day` is after today (not decided yet).
    fn decision(
        &mut self,
        issuer: Issuer,
        day: NaiveDate,
        summary: &str,
    ) -> Result<Option<String>, StoreError> {
        if day > self.today {
            return Ok(None);
        }
        let key = (issuer, day, summary.to_owned());
        if let Some(number) = self.decisions.get(&key) {
            return Ok(Some(number.clone()));
        }
        let number = match issuer {
            Issuer::Director => {
                let year = day.year();
                let next = self.next_director_number.entry(year).or_insert(1);
                let n = *next;
                *next += 1;
                register_document_in(self.conn, year, "QĐ", n, day, summary)?;
                format!("{n}/QĐ-SCT")
            }
            Issuer::Province => {
                // The province numbers thousands of decisions a year: leave gaps.
                let next = self
                    .next_province_number
                    .entry(day.year())
                    .or_insert_with(|| 150 + self.rng.below(200));
                let n = *next;
                *next += 15 + self.rng.below(60);
                format!("{n}/QĐ-UBND")
            }
            Issuer::PrimeMinister => format!("{}/QĐ-TTg", 900 + self.rng.below(800)),
        };
        self.decisions.insert(key, number.clone());
        Ok(Some(number))
    }

    #[allow(clippy::too_many_arguments)]
    fn award(
        &mut self,
        subject: Subject,
        year: i32,
        catalogue_id: CatalogueId,
        issuer: Issuer,
        day: NaiveDate,
        summary: &str,
        note: &str,
    ) -> Result<(), StoreError> {
        let Some(number) = self.decision(issuer, day, summary)? else {
            return Ok(());
        };
        save_award_in(
            self.conn,
            &AwardRecord {
                id: 0,
                subject,
                year,
                catalogue_id,
                decision_number: number,
                decision_date: Some(day),
                issuer: match issuer {
                    Issuer::Director => DIRECTOR,
                    Issuer::Province => PROVINCE,
                    Issuer::PrimeMinister => PRIME_MINISTER,
                }
                .into(),
                note: note.into(),
                cancelled_by: None,
            },
        )?;
        Ok(())
    }
}
