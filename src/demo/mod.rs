//! The demo database (a plausible Sở Công Thương, deterministic) and large databases for
//! benchmarks. Everything is written through the store's own functions.

mod large;
pub mod names;

use chrono::{Datelike, NaiveDate};

use crate::domain::model::*;
use crate::domain::settings::{BaseSalary, Organisation};
use crate::store::awards::save_award_in;
use crate::store::people::save_person_in;
use crate::store::ratings::{set_person_rating_in, set_unit_rating_in};
use crate::store::units::save_unit_in;
use crate::store::{Store, StoreError};
pub use large::populate_large;
use names::{Rng, full_name};

const DIRECTOR_ISSUER: &str = "Giám đốc Sở Công Thương";
const PROVINCE_ISSUER: &str = "Chủ tịch UBND tỉnh";

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
        "Chi cục Phát triển công nghiệp",
        "CCPTCN",
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

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

/// Fill an empty database with the demo Department as of `today`.
pub fn populate_demo(store: &mut Store, today: NaiveDate) -> Result<(), StoreError> {
    if !store.units()?.is_empty() {
        return Err(StoreError::Conflict(
            "Cơ sở dữ liệu đã có dữ liệu; chỉ tạo dữ liệu minh họa trong cơ sở dữ liệu trống."
                .into(),
        ));
    }
    store.set_organisation(&Organisation {
        parent_body: "UBND TỈNH GIA LAI".into(),
        body: "SỞ CÔNG THƯƠNG".into(),
        abbreviation: "SCT".into(),
        place: "Gia Lai".into(),
        director: "Nguyễn Văn Hùng".into(),
        deputies: vec!["Trần Thị Mai".into(), "Lê Quốc Bảo".into()],
    })?;
    for (from, amount) in [
        (date(2019, 7, 1), 1_490_000),
        (date(2023, 7, 1), 1_800_000),
        (date(2024, 7, 1), 2_340_000),
    ] {
        store.set_base_salary(BaseSalary {
            effective_from: from,
            amount_vnd: amount,
        })?;
    }
    let catalogue = store.catalogue()?;
    let code = |c: &str| {
        catalogue
            .iter()
            .find(|e| e.code == c)
            .map(|e| e.id)
            .unwrap_or(0)
    };
    let ids = CatalogueIds {
        ldtt: code("LDTT"),
        cstdcs: code("CSTDCS"),
        bk_tinh: code("BK_TINH_CN"),
        bk_ttg: code("BK_TTG_CN"),
        ttldtt: code("TTLDTT"),
        ttldxs: code("TTLDXS"),
        co_tinh: code("CO_TINH"),
        gk_tt: code("GK_SO_TT"),
    };
    store.in_transaction(|tx| {
        Demo {
            tx,
            rng: Rng::new(2026),
            today,
            ids,
        }
        .build()
    })?;
    // Last year's plan and this year's, issued, written like real ones.
    for year in [today.year() - 1, today.year()] {
        let mut plan = crate::domain::plan::demo_plan(year, "Trần Thị Mai");
        let issued_on = date(year, 1, 6);
        plan.number = Some(1);
        plan.issued_on = Some(issued_on);
        let json = serde_json::to_string(&plan).map_err(|e| StoreError::Conflict(e.to_string()))?;
        let id = store.save_plan_draft(year, 0, None, &json)?;
        store.issue_plan(id, 1, issued_on, &plan.subtitle, &json)?;
    }
    Ok(())
}

struct CatalogueIds {
    ldtt: i64,
    cstdcs: i64,
    bk_tinh: i64,
    bk_ttg: i64,
    ttldtt: i64,
    ttldxs: i64,
    co_tinh: i64,
    gk_tt: i64,
}

struct Staff {
    id: PersonId,
    /// Rated HTXSNV every year and CSTĐCS each year: the candidates for higher forms.
    star: bool,
    recruited: NaiveDate,
    left: Option<NaiveDate>,
    disciplined_year: Option<i32>,
}

struct Demo<'a> {
    tx: &'a rusqlite::Transaction<'a>,
    rng: Rng,
    today: NaiveDate,
    ids: CatalogueIds,
}

impl Demo<'_> {
    fn build(mut self) -> Result<(), StoreError> {
        let this_year = self.today.year();
        let mut units = Vec::new();
        let mut staff = Vec::new();
        for (i, &(name, short, kind, count)) in UNITS.iter().enumerate() {
            let unit = save_unit_in(
                self.tx,
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
            units.push(unit);
            if i == 0 {
                for (name, gender, position, rank) in [
                    ("Nguyễn Văn Hùng", Gender::Male, "Giám đốc", 1),
                    ("Trần Thị Mai", Gender::Female, "Phó Giám đốc", 2),
                    ("Lê Quốc Bảo", Gender::Male, "Phó Giám đốc", 2),
                ] {
                    staff.push(self.person(unit, name.into(), gender, position, rank, true)?);
                }
                continue;
            }
            let head = match kind {
                UnitKind::Office if name == "Văn phòng" => {
                    ("Chánh Văn phòng", "Phó Chánh Văn phòng")
                }
                UnitKind::Office => ("Chánh Thanh tra", "Phó Chánh Thanh tra"),
                UnitKind::Subdepartment => ("Chi cục trưởng", "Phó Chi cục trưởng"),
                UnitKind::Affiliated => ("Giám đốc Trung tâm", "Phó Giám đốc Trung tâm"),
                UnitKind::Union if short == "CĐ" => {
                    ("Chủ tịch Công đoàn", "Phó Chủ tịch Công đoàn")
                }
                UnitKind::Union => ("Bí thư Đoàn", "Phó Bí thư Đoàn"),
                _ => ("Trưởng phòng", "Phó Trưởng phòng"),
            };
            for n in 0..=count {
                let (position, rank) = match n {
                    0 => (head.0, 10),
                    1 | 2 if count > 6 => (head.1, 20),
                    _ => *self.rng.pick(&[
                        ("Chuyên viên chính", 40),
                        ("Chuyên viên", 50),
                        ("Chuyên viên", 50),
                        ("Cán sự", 60),
                        ("Nhân viên", 70),
                    ]),
                };
                let gender = if self.rng.chance(55) {
                    Gender::Male
                } else {
                    Gender::Female
                };
                let name = full_name(&mut self.rng, gender);
                staff.push(self.person(unit, name, gender, position, rank, false)?);
            }
        }
        self.mark_special_cases(&mut staff, this_year)?;
        for year in this_year - 5..this_year {
            self.year_of_work(&staff, &units, year)?;
        }
        Ok(())
    }

    fn person(
        &mut self,
        unit: UnitId,
        name: String,
        gender: Gender,
        position: &str,
        rank: i64,
        leader: bool,
    ) -> Result<Staff, StoreError> {
        // Heads of units and leaders are older than their staff.
        let span = if rank <= 10 { 14 } else { 34 };
        let birth = date(
            1966 + self.rng.below(span) as i32,
            1 + self.rng.below(12) as u32,
            1 + self.rng.below(28) as u32,
        );
        let recruited = date(
            (birth.year() + 23 + self.rng.below(8) as i32).min(2019),
            1 + self.rng.below(12) as u32,
            1,
        );
        let id = save_person_in(
            self.tx,
            &Person {
                id: 0,
                full_name: name,
                gender,
                birth_date: Some(birth),
                unit_id: unit,
                position: position.into(),
                position_rank: rank,
                is_department_leader: leader,
                recruited_on: Some(recruited),
                status: PersonStatus::Working,
                status_date: None,
                active: true,
            },
        )?;
        Ok(Staff {
            id,
            star: false,
            recruited,
            left: None,
            disciplined_year: None,
        })
    }

    /// Stars, recent recruits, people who left, one disciplined.
    fn mark_special_cases(
        &mut self,
        staff: &mut [Staff],
        this_year: i32,
    ) -> Result<(), StoreError> {
        let non_leaders: Vec<usize> = (3..staff.len()).collect();
        for &i in non_leaders.iter().step_by(19).take(7) {
            staff[i].star = true;
        }
        // Two recruits of this year (less than six months before its end).
        for (k, &i) in non_leaders.iter().rev().take(2).enumerate() {
            let recruited = date(this_year, 8 + k as u32, 1);
            staff[i].recruited = recruited;
            self.tx.execute(
                "UPDATE people SET recruited_on = ?1 WHERE id = ?2",
                rusqlite::params![recruited, staff[i].id],
            )?;
        }
        // Two retired and one transferred last year.
        for (k, &i) in non_leaders.iter().skip(7).step_by(31).take(3).enumerate() {
            let left = date(this_year - 1, 6 + k as u32, 30);
            let status = if k < 2 {
                PersonStatus::Retired
            } else {
                PersonStatus::Transferred
            };
            staff[i].left = Some(left);
            staff[i].star = false;
            self.tx.execute(
                "UPDATE people SET status = ?1, status_date = ?2 WHERE id = ?3",
                rusqlite::params![status.code(), left, staff[i].id],
            )?;
        }
        // One reprimand two years ago.
        if let Some(&i) = non_leaders.get(12) {
            staff[i].disciplined_year = Some(this_year - 2);
            staff[i].star = false;
            self.tx.execute(
                "INSERT INTO disciplines(person_id, form, from_date, to_date, note) VALUES (?1, 'reprimand', ?2, ?3, 'Vi phạm quy chế làm việc')",
                rusqlite::params![staff[i].id, date(this_year - 2, 4, 10), date(this_year - 1, 4, 9)],
            )?;
        }
        Ok(())
    }

    fn year_of_work(
        &mut self,
        staff: &[Staff],
        units: &[UnitId],
        year: i32,
    ) -> Result<(), StoreError> {
        let decision_day = date(year + 1, 1, 12 + (year % 5) as u32);
        let province_day = date(year + 1, 3, 20);
        let (ldtt_no, cstd_no, tt_no) = ("2/QĐ-SCT", "3/QĐ-SCT", "4/QĐ-SCT");
        let province_no = format!("{}/QĐ-UBND", 300 + (year % 7) * 11);
        let mut cstd_streak_holders = Vec::new();
        for s in staff {
            if s.recruited.year() > year || s.left.is_some_and(|d| d.year() < year) {
                continue;
            }
            let rating = if s.disciplined_year == Some(year) {
                Rating::Completed
            } else if s.star {
                Rating::Excellent
            } else {
                match self.rng.below(100) {
                    0..=19 => Rating::Excellent,
                    20..=91 => Rating::Good,
                    92..=98 => Rating::Completed,
                    _ => Rating::NotCompleted,
                }
            };
            set_person_rating_in(self.tx, s.id, year, Some(rating))?;
            let left_early = s.left.is_some_and(|d| d.year() == year);
            if !matches!(rating, Rating::Excellent | Rating::Good) || left_early {
                continue;
            }
            self.award(
                Subject::Person(s.id),
                year,
                self.ids.ldtt,
                ldtt_no,
                decision_day,
                DIRECTOR_ISSUER,
                "",
            )?;
            if rating == Rating::Excellent && (s.star || self.rng.chance(40)) {
                self.award(
                    Subject::Person(s.id),
                    year,
                    self.ids.cstdcs,
                    cstd_no,
                    decision_day,
                    DIRECTOR_ISSUER,
                    "",
                )?;
                if s.star {
                    cstd_streak_holders.push(s.id);
                }
            }
        }
        let first_year = self.today.year() - 5;
        // Bằng khen of the province for two stars after two consecutive CSTĐCS.
        if year == first_year + 1 {
            for &id in cstd_streak_holders.iter().take(3) {
                self.award(
                    Subject::Person(id),
                    year,
                    self.ids.bk_tinh,
                    &province_no,
                    province_day,
                    PROVINCE_ISSUER,
                    "Hai năm liên tục Chiến sĩ thi đua cơ sở",
                )?;
            }
        }
        if year == first_year + 3
            && let Some(&id) = cstd_streak_holders.first()
        {
            self.award(
                Subject::Person(id),
                year,
                self.ids.bk_ttg,
                &format!("{}/QĐ-TTg", 1500 + year % 100),
                date(year + 1, 6, 5),
                "Thủ tướng Chính phủ",
                "Thành tích 5 năm liên tục",
            )?;
        }
        for (i, &unit) in units.iter().enumerate().skip(1) {
            let rating = if self.rng.chance(35) {
                Rating::Excellent
            } else {
                Rating::Good
            };
            set_unit_rating_in(self.tx, unit, year, Some(rating))?;
            self.award(
                Subject::Unit(unit),
                year,
                self.ids.ttldtt,
                tt_no,
                decision_day,
                DIRECTOR_ISSUER,
                "",
            )?;
            if rating == Rating::Excellent && i % 3 == (year % 3) as usize {
                self.award(
                    Subject::Unit(unit),
                    year,
                    self.ids.ttldxs,
                    &province_no,
                    province_day,
                    PROVINCE_ISSUER,
                    "",
                )?;
            }
            if i == 4 && year % 2 == 0 {
                self.award(
                    Subject::Unit(unit),
                    year,
                    self.ids.co_tinh,
                    &province_no,
                    province_day,
                    PROVINCE_ISSUER,
                    "Dẫn đầu khối thi đua",
                )?;
            }
            if i == 9 && year == first_year + 2 {
                self.award(
                    Subject::Unit(unit),
                    year,
                    self.ids.gk_tt,
                    "15/QĐ-SCT",
                    date(year, 11, 20),
                    DIRECTOR_ISSUER,
                    "Hội chợ Công Thương khu vực",
                )?;
            }
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn award(
        &self,
        subject: Subject,
        year: i32,
        catalogue_id: CatalogueId,
        number: &str,
        day: NaiveDate,
        issuer: &str,
        note: &str,
    ) -> Result<(), StoreError> {
        save_award_in(
            self.tx,
            &AwardRecord {
                id: 0,
                subject,
                year,
                catalogue_id,
                decision_number: number.into(),
                decision_date: Some(day),
                issuer: issuer.into(),
                note: note.into(),
            },
        )?;
        Ok(())
    }
}
