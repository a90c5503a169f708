//! People files: Họ và tên | Giới tính | Ngày sinh | Đơn vị | Chức vụ | Thứ bậc chức vụ |
//! Lãnh đạo Sở (x) | Ngày tuyển dụng.
//!
//! A row naming a person already stored (same name ignoring case and accents, same unit,
//! same birth date where both are known) updates that person; empty cells keep what is
//! stored. The same person twice in one file is a bad row.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::cells::{Column, opt, req};
use super::read::{Cells, Index, RowCheck, messages, unknown_unit};
use super::units::pick_spelling;
use super::{Change, Kind};
use crate::domain::model::{Gender, Person, PersonId, UnitId};
use crate::domain::text::fold;
use crate::domain::validate::{PersonForm, format_date, parse_date};

const NAME: usize = 0;
const GENDER: usize = 1;
const BIRTH: usize = 2;
const UNIT: usize = 3;
const POSITION: usize = 4;
const RANK: usize = 5;
const LEADER: usize = 6;
const RECRUITED: usize = 7;

/// (birth date, Excel row) of a good row.
type Seen = (Option<NaiveDate>, usize);

#[derive(Default)]
pub(super) struct Check {
    /// (folded name, unit) → each good row so far with that name in that unit.
    seen: HashMap<(String, UnitId), Vec<Seen>>,
    /// Stored people already matched by an earlier row.
    seen_ids: HashMap<PersonId, usize>,
}

impl RowCheck for Check {
    const KIND: Kind = Kind::People;
    const COLUMNS: &'static [Column] = &[
        req("Họ và tên", &["Họ tên", "Họ và tên cá nhân", "Tên cá nhân"]),
        req("Giới tính", &["Nam, nữ", "Nam/Nữ"]),
        opt(
            "Ngày sinh",
            &["Ngày, tháng, năm sinh", "Ngày tháng năm sinh"],
        ),
        req("Đơn vị", &["Đơn vị công tác", "Tên đơn vị"]),
        opt("Chức vụ", &["Chức danh"]),
        opt("Thứ bậc chức vụ", &["Thứ bậc"]),
        opt("Lãnh đạo Sở", &["Lãnh đạo"]),
        opt("Ngày tuyển dụng", &["Ngày vào cơ quan"]),
    ];

    fn check(&mut self, row: &Cells<'_>, ix: &Index<'_>) -> Result<(Change, String), Vec<String>> {
        let mut faults = Vec::new();
        let name = row.get(NAME);
        let unit_text = row.get(UNIT);
        let unit = match unit_text {
            "" => None,
            t => ix.unit(t).or_else(|| {
                faults.push(unknown_unit(t));
                None
            }),
        };
        let gender_text = row.get(GENDER);
        let gender = match gender_text {
            "" => None,
            t => Gender::from_label(t).or_else(|| {
                faults.push(format!("Giới tính \"{t}\" không hợp lệ: ghi Nam hoặc Nữ."));
                None
            }),
        };
        let birth_text = row.date(BIRTH);
        let birth = parse_date(&birth_text).ok().flatten();
        let existing = match unit {
            Some(u) if !name.is_empty() => match ix.people(name, Some(u.id), birth).as_slice() {
                [] => None,
                [one] => Some(*one),
                many => {
                    faults.push(format!(
                        "{} đã có {} người tên \"{name}\": hãy ghi ngày sinh để phân biệt, hoặc sửa trực tiếp trong phần mềm.",
                        u.name,
                        many.len()
                    ));
                    None
                }
            },
            _ => None,
        };

        let mut form = match existing {
            Some(p) => PersonForm::from_person(p),
            None => PersonForm::new(),
        };
        form.full_name = pick_spelling(name, &form.full_name);
        if gender.is_some() {
            form.gender = gender;
        }
        if !birth_text.is_empty() {
            form.birth_date = birth_text;
        }
        form.unit_id = unit.map(|u| u.id);
        if !row.get(POSITION).is_empty() {
            form.position = row.get(POSITION).into();
        }
        if !row.get(RANK).is_empty() {
            form.position_rank = row.get(RANK).into();
        }
        if row.has(LEADER) {
            form.is_department_leader = is_marked(row.get(LEADER));
        }
        if !row.date(RECRUITED).is_empty() {
            form.recruited_on = row.date(RECRUITED);
        }
        let person = match form.validate(ix.units, ix.today) {
            Ok(p) if faults.is_empty() => p,
            Ok(_) => return Err(faults),
            Err(errors) => {
                // Our own words already said what is wrong with a unit or gender given.
                let said = |field: &str| match field {
                    "unit" => !unit_text.is_empty(),
                    "gender" => !gender_text.is_empty(),
                    _ => false,
                };
                let own: Vec<_> = errors.into_iter().filter(|e| !said(e.field)).collect();
                faults.extend(messages(&own));
                return Err(faults);
            }
        };

        let key = (fold(&person.full_name), person.unit_id);
        let same_birth = |b: &Option<NaiveDate>| {
            b.is_none() || person.birth_date.is_none() || *b == person.birth_date
        };
        let earlier = self
            .seen
            .get(&key)
            .and_then(|v| v.iter().find(|(b, _)| same_birth(b)))
            .map(|(_, r)| *r)
            .or_else(|| existing.and_then(|p| self.seen_ids.get(&p.id).copied()));
        if let Some(first) = earlier {
            return Err(vec![format!(
                "Trùng người với dòng {first} (cùng họ tên, ngày sinh, đơn vị)."
            )]);
        }
        let entry = self.seen.entry(key).or_default();
        entry.push((person.birth_date, row.number()));
        if let Some(p) = existing {
            self.seen_ids.insert(p.id, row.number());
        }

        let born = person
            .birth_date
            .map(|b| format!(", sinh {}", format_date(b)))
            .unwrap_or_default();
        let who = format!(
            "{}{born} – {}",
            person.full_name,
            ix.unit_name(person.unit_id)
        );
        Ok(match existing {
            None => (Change::Person(person), format!("Thêm: {who}")),
            Some(old) => {
                let mut person = person;
                person.active = old.active;
                let what = differences(old, &person);
                if what.is_empty() {
                    (Change::Unchanged, format!("Không đổi: {who}"))
                } else {
                    let line = format!("Cập nhật: {who} ({})", what.join(", "));
                    (Change::Person(person), line)
                }
            }
        })
    }
}

/// "x", "có", "1" … mark a leader; empty, "không", "0", "FALSE" do not.
fn is_marked(text: &str) -> bool {
    !matches!(
        fold(text).as_str(),
        "" | "khong" | "0" | "false" | "no" | "n" | "-" | "sai"
    )
}

/// The fields that differ, in the clerk's words.
fn differences(old: &Person, new: &Person) -> Vec<&'static str> {
    [
        (old.full_name != new.full_name, "họ tên"),
        (old.gender != new.gender, "giới tính"),
        (old.birth_date != new.birth_date, "ngày sinh"),
        (old.position != new.position, "chức vụ"),
        (old.position_rank != new.position_rank, "thứ bậc chức vụ"),
        (
            old.is_department_leader != new.is_department_leader,
            "lãnh đạo Sở",
        ),
        (old.recruited_on != new.recruited_on, "ngày tuyển dụng"),
        (
            old.status != new.status || old.status_date != new.status_date,
            "tình trạng",
        ),
    ]
    .into_iter()
    .filter_map(|(differs, label)| differs.then_some(label))
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leader_marks() {
        for yes in ["x", "X", "có", "1", "TRUE"] {
            assert!(is_marked(yes), "{yes}");
        }
        for no in ["", "không", "0", "FALSE", "-"] {
            assert!(!is_marked(no), "{no}");
        }
    }
}
