//! The demo Department's units and people, with the few people whose history stands out:
//! the outstanding ones (three or more consecutive CSTĐCS), recent recruits, people who
//! retired or moved away, and two discipline records.

use chrono::{Datelike, Months, NaiveDate};

use super::names::{Rng, full_name};
use super::{DEPUTIES, DIRECTOR, date};
use crate::domain::model::*;
use crate::store::people::save_person_in;
use crate::store::units::save_unit_in;
use crate::store::{Store, StoreError};

/// Units in their official order: (name, short name, kind, staff besides the head).
const UNITS: &[(&str, &str, UnitKind, usize)] = &[
    ("Ban Giám đốc", "BGĐ", UnitKind::Other, 0),
    ("Văn phòng", "VP", UnitKind::Office, 18),
    ("Thanh tra", "TTr", UnitKind::Office, 9),
    ("Phòng Kế hoạch – Tài chính", "KHTC", UnitKind::Division, 11),
    ("Phòng Quản lý công nghiệp", "QLCN", UnitKind::Division, 13),
    ("Phòng Quản lý thương mại", "QLTM", UnitKind::Division, 16),
    ("Phòng Quản lý năng lượng", "QLNL", UnitKind::Division, 12),
    (
        "Phòng Kỹ thuật an toàn – Môi trường",
        "KTAT",
        UnitKind::Division,
        10,
    ),
    (
        "Chi cục Quản lý thị trường",
        "CCQLTT",
        UnitKind::Subdepartment,
        14,
    ),
    (
        "Trung tâm Khuyến công và Xúc tiến thương mại",
        "TTKC",
        UnitKind::Affiliated,
        27,
    ),
    ("Công đoàn cơ sở Sở Công Thương", "CĐ", UnitKind::Union, 3),
    ("Đoàn Thanh niên Sở Công Thương", "ĐTN", UnitKind::Union, 3),
];

/// How many people of the demo stand out with CSTĐCS every year.
pub(super) const STARS: usize = 7;

pub(super) struct DemoUnit {
    pub id: UnitId,
    pub kind: UnitKind,
    pub short: &'static str,
    /// Rated and rewarded as a collective by the Sở (not the Board, not the unions,
    /// whose titles come from their own organisations).
    pub rated: bool,
}

pub(super) struct Member {
    pub id: PersonId,
    pub unit: usize,
    pub recruited: NaiveDate,
    /// The day they retired or moved away.
    pub left: Option<NaiveDate>,
    /// Position among the outstanding people (HTXSNV and CSTĐCS every year).
    pub star: Option<usize>,
    pub discipline: Option<Discipline>,
}

impl Member {
    /// Rated for `year`: worked at least its first half and did not leave during it.
    pub fn rated_in(&self, year: i32) -> bool {
        self.recruited <= date(year, 6, 30) && self.left.is_none_or(|d| d.year() > year)
    }

    /// Under discipline at some time during `year`.
    pub fn disciplined_in(&self, year: i32) -> Option<DisciplineForm> {
        let d = self.discipline.as_ref()?;
        let to = d.to.unwrap_or(NaiveDate::MAX);
        (d.from.year() <= year && year <= to.year()).then_some(d.form)
    }
}

pub(super) struct Department {
    pub units: Vec<DemoUnit>,
    pub members: Vec<Member>,
}

/// Write the units and people (and the discipline records) and return who is who.
pub(super) fn build(
    store: &mut Store,
    rng: &mut Rng,
    today: NaiveDate,
) -> Result<Department, StoreError> {
    let mut units = Vec::new();
    let mut people = Vec::new();
    for (i, &(name, short, kind, count)) in UNITS.iter().enumerate() {
        let id = save_unit_in(
            store.connection(),
            &Unit {
                id: 0,
                name: name.into(),
                short_name: short.into(),
                kind,
                sort_order: (i as i64 + 1) * 10,
                active: true,
                dissolved_on: None,
            },
        )?;
        units.push(DemoUnit {
            id,
            kind,
            short,
            rated: !matches!(kind, UnitKind::Other | UnitKind::Union),
        });
        if i == 0 {
            people.extend(board(id));
            continue;
        }
        let (head, deputy) = titles(name, kind);
        for n in 0..=count {
            let (position, rank) = match n {
                0 => (head.to_owned(), 10),
                1 | 2 if count > 6 => (deputy.to_owned(), 20),
                _ => {
                    let &(p, r) = rng.pick(&[
                        ("Chuyên viên chính", 40),
                        ("Chuyên viên", 50),
                        ("Chuyên viên", 50),
                        ("Chuyên viên", 50),
                        ("Cán sự", 60),
                        ("Nhân viên", 70),
                    ]);
                    (p.to_owned(), r)
                }
            };
            people.push(staff_member(rng, today, i, id, position, rank));
        }
    }
    mark_special_cases(rng, today, &units, &mut people);
    let mut members = Vec::with_capacity(people.len());
    for (person, mut member) in people {
        member.id = save_person_in(store.connection(), &person)?;
        if let Some(d) = &mut member.discipline {
            d.person_id = member.id;
            d.id = store.add_discipline(d)?;
        }
        members.push(member);
    }
    Ok(Department { units, members })
}

fn titles(name: &str, kind: UnitKind) -> (&'static str, &'static str) {
    match kind {
        UnitKind::Office if name == "Văn phòng" => ("Chánh Văn phòng", "Phó Chánh Văn phòng"),
        UnitKind::Office => ("Chánh Thanh tra", "Phó Chánh Thanh tra"),
        UnitKind::Subdepartment => ("Chi cục trưởng", "Phó Chi cục trưởng"),
        UnitKind::Affiliated => ("Giám đốc Trung tâm", "Phó Giám đốc Trung tâm"),
        UnitKind::Union if name.starts_with("Công đoàn") => {
            ("Chủ tịch Công đoàn", "Phó Chủ tịch Công đoàn")
        }
        UnitKind::Union => ("Bí thư Đoàn", "Phó Bí thư Đoàn"),
        _ => ("Trưởng phòng", "Phó Trưởng phòng"),
    }
}

fn person(unit: UnitId, name: &str, gender: Gender, position: &str, rank: i64) -> Person {
    Person {
        id: 0,
        full_name: name.into(),
        gender,
        birth_date: None,
        unit_id: unit,
        position: position.into(),
        position_rank: rank,
        is_department_leader: false,
        recruited_on: None,
        status: PersonStatus::Working,
        status_date: None,
        active: true,
    }
}

fn member(unit: usize, recruited: NaiveDate) -> Member {
    Member {
        id: 0,
        unit,
        recruited,
        left: None,
        star: None,
        discipline: None,
    }
}

/// The Director and the deputies.
fn board(unit: UnitId) -> Vec<(Person, Member)> {
    let genders = [Gender::Female, Gender::Male, Gender::Male];
    let mut out = Vec::new();
    for (k, (name, gender, position, rank)) in
        std::iter::once((DIRECTOR, Gender::Male, "Giám đốc", 1))
            .chain(
                DEPUTIES
                    .iter()
                    .zip(genders)
                    .map(|(n, g)| (*n, g, "Phó Giám đốc", 2)),
            )
            .enumerate()
    {
        let k = k as i32;
        let mut p = person(unit, name, gender, position, rank);
        p.is_department_leader = true;
        p.birth_date = Some(date(1968 + 2 * k, 3 + k as u32, 12 + k as u32));
        let recruited = date(1992 + 2 * k, 9, 1);
        p.recruited_on = Some(recruited);
        out.push((p, member(0, recruited)));
    }
    out
}

fn staff_member(
    rng: &mut Rng,
    today: NaiveDate,
    unit_index: usize,
    unit: UnitId,
    position: String,
    rank: i64,
) -> (Person, Member) {
    let gender = if rng.chance(55) {
        Gender::Male
    } else {
        Gender::Female
    };
    let name = full_name(rng, gender);
    // Heads and deputies are older than their staff; everyone is born 1966–2000.
    let (first, span) = match rank {
        ..=10 => (1966, 14),
        11..=20 => (1968, 18),
        21..=40 => (1966, 22),
        _ => (1966, 35),
    };
    let birth = date(
        first + rng.below(span) as i32,
        1 + rng.below(12) as u32,
        1 + rng.below(28) as u32,
    );
    let recruited = date(
        (birth.year() + 22 + rng.below(7) as i32).min(today.year() - 1),
        1 + rng.below(12) as u32,
        1,
    );
    let mut p = person(unit, &name, gender, &position, rank);
    p.birth_date = Some(birth);
    p.recruited_on = Some(recruited);
    (p, member(unit_index, recruited))
}

/// Choose, deterministically, people for the histories that stand out.
fn mark_special_cases(
    rng: &mut Rng,
    today: NaiveDate,
    units: &[DemoUnit],
    people: &mut [(Person, Member)],
) {
    let this_year = today.year();
    let first = this_year - 5;
    let mut taken = vec![false; people.len()];
    // Ordinary staff of the rated units (not the Board, not the unions).
    let staff: Vec<usize> = (0..people.len())
        .filter(|&i| units[people[i].1.unit].rated)
        .collect();

    // The outstanding: recruited long enough ago, spread over the units. The first one has
    // three more years of history (from first - 3) for the Prime Minister's Bằng khen.
    let seasoned: Vec<usize> = staff
        .iter()
        .copied()
        .filter(|&i| people[i].1.recruited <= date(first - 4, 6, 30))
        .collect();
    let step = (seasoned.len() / STARS).max(1);
    for (k, &i) in seasoned.iter().step_by(step).take(STARS).enumerate() {
        people[i].1.star = Some(k);
        taken[i] = true;
    }

    // Two recruits less than six months before the end of the year: this year once it is
    // past August, else last year.
    let recruit_year = if date(this_year, 9, 15) <= today {
        this_year
    } else {
        this_year - 1
    };
    let mut young: Vec<usize> = staff
        .iter()
        .copied()
        .filter(|&i| !taken[i] && people[i].0.position_rank >= 50)
        .collect();
    young.sort_by_key(|&i| std::cmp::Reverse(people[i].0.birth_date));
    for (k, &i) in young.iter().take(2).enumerate() {
        let recruited = date(recruit_year, 8 + k as u32, 1 + 14 * k as u32);
        people[i].0.recruited_on = Some(recruited);
        people[i].1.recruited = recruited;
        taken[i] = true;
    }

    // Two women retired last year, at the statutory age of that year (55 years 4 months in
    // 2021, four months more each year), from the first day of the following month.
    let year = this_year - 1;
    let age = Months::new(660 + 4 * (year - 2020).clamp(1, 15) as u32);
    for month in [5, 10] {
        let Some(i) = pick(rng, people, &taken, &staff, |p| {
            p.0.gender == Gender::Female && p.0.position_rank >= 40
        }) else {
            continue;
        };
        let retired = date(year, month, 1);
        let birth = (retired - Months::new(1) - age).with_day(1 + rng.below(28) as u32);
        let recruited = date(birth.map_or(1990, |b| b.year() + 23), 9, 1);
        let (p, m) = &mut people[i];
        p.birth_date = birth;
        p.recruited_on = Some(recruited);
        p.status = PersonStatus::Retired;
        p.status_date = Some(retired);
        m.recruited = recruited;
        m.left = Some(retired);
        taken[i] = true;
    }

    // Two moved to another agency: last year and three years ago.
    for left in [date(this_year - 1, 10, 1), date(this_year - 3, 3, 1)] {
        if let Some(i) = pick(rng, people, &taken, &staff, |p| p.1.recruited < left) {
            let (p, m) = &mut people[i];
            p.status = PersonStatus::Transferred;
            p.status_date = Some(left);
            m.left = Some(left);
            taken[i] = true;
        }
    }

    // A reprimand two years ago and a warning four years ago, each in force for 12 months.
    for (year, form, note) in [
        (
            this_year - 2,
            DisciplineForm::Reprimand,
            "Vi phạm quy chế làm việc của cơ quan",
        ),
        (
            first + 1,
            DisciplineForm::Warning,
            "Vi phạm quy định về quản lý, sử dụng tài sản công",
        ),
    ] {
        let from = date(year, 4, 10);
        if let Some(i) = pick(rng, people, &taken, &staff, |p| {
            p.0.position_rank >= 40 && p.1.recruited < date(first, 1, 1)
        }) {
            people[i].1.discipline = Some(Discipline {
                id: 0,
                person_id: 0,
                form,
                from,
                to: from
                    .checked_add_months(Months::new(12))
                    .and_then(|d| d.pred_opt()),
                note: note.into(),
            });
            taken[i] = true;
        }
    }
}

/// A pseudo-random person among `pool`, not yet taken, for whom `ok` holds.
fn pick(
    rng: &mut Rng,
    people: &[(Person, Member)],
    taken: &[bool],
    pool: &[usize],
    ok: impl Fn(&(Person, Member)) -> bool,
) -> Option<usize> {
    let fits: Vec<usize> = pool
        .iter()
        .copied()
        .filter(|&i| !taken[i] && ok(&people[i]))
        .collect();
    (!fits.is_empty()).then(|| fits[rng.below(fits.len() as u64) as usize])
}
