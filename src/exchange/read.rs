//! Reading a file into a preview: every row checked with the same validators as the forms,
//! every bad row named by its Excel row number.

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;

use super::cells::{find_columns, get, read_first_sheet};
use super::{Change, ExchangeError, Kind, Preview};
use crate::domain::model::*;
use crate::domain::text::fold;
use crate::domain::validate::{AwardForm, PersonForm, UnitForm, parse_date};
use crate::store::PersonRow;

/// What the rows are checked against.
pub struct Context<'a> {
    pub units: &'a [Unit],
    pub people: &'a [PersonRow],
    pub catalogue: &'a [CatalogueEntry],
    pub awards: &'a [AwardRecord],
    pub today: NaiveDate,
}

impl Context<'_> {
    fn unit_by_name(&self, name: &str) -> Option<&Unit> {
        let f = fold(name);
        self.units
            .iter()
            .find(|u| fold(&u.name) == f || (!u.short_name.is_empty() && fold(&u.short_name) == f))
    }

    /// The people matching a name, and the unit and birth date when given.
    fn find_people(
        &self,
        name: &str,
        unit: Option<UnitId>,
        birth: Option<NaiveDate>,
    ) -> Vec<&Person> {
        let f = fold(name);
        self.people
            .iter()
            .map(|r| &r.person)
            .filter(|p| fold(&p.full_name) == f)
            .filter(|p| unit.is_none_or(|u| p.unit_id == u))
            .filter(|p| birth.is_none_or(|b| p.birth_date == Some(b)))
            .collect()
    }

    fn catalogue_entry(&self, text: &str) -> Option<&CatalogueEntry> {
        let f = fold(text);
        self.catalogue
            .iter()
            .find(|c| fold(&c.name) == f || c.code.eq_ignore_ascii_case(text.trim()))
    }
}

/// Read `path` as a file of `kind` and check every row.
pub fn read(kind: Kind, path: &Path, ctx: &Context<'_>) -> Result<Preview, ExchangeError> {
    let sheet = read_first_sheet(path)?;
    let mut preview = Preview {
        kind,
        file: path.to_path_buf(),
        changes: Vec::new(),
        problems: Vec::new(),
    };
    match kind {
        Kind::Units => read_units(&sheet, ctx, &mut preview)?,
        Kind::People => read_people(&sheet, ctx, &mut preview)?,
        Kind::Ratings => read_ratings(&sheet, ctx, &mut preview)?,
        Kind::History => read_history(&sheet, ctx, &mut preview)?,
    }
    Ok(preview)
}

fn messages(errors: &[crate::domain::validate::FieldError]) -> String {
    errors
        .iter()
        .map(|e| e.message.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

fn read_units(
    sheet: &super::cells::Sheet,
    ctx: &Context<'_>,
    out: &mut Preview,
) -> Result<(), ExchangeError> {
    let c = find_columns(
        &sheet.headers,
        &[
            ("Tên đơn vị", true),
            ("Tên viết tắt", false),
            ("Loại đơn vị", false),
            ("Thứ tự", false),
        ],
    )?;
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (row, cells) in &sheet.rows {
        let kind_text = get(cells, c[2]);
        let kind = if kind_text.is_empty() {
            Some(UnitKind::Division)
        } else {
            UnitKind::from_label(kind_text)
        };
        if kind.is_none() {
            out.problems.push((
                *row,
                format!("Loại đơn vị \"{kind_text}\" không có trong danh mục loại đơn vị."),
            ));
            continue;
        }
        let form = UnitForm {
            id: None,
            name: get(cells, c[0]).into(),
            short_name: get(cells, c[1]).into(),
            kind,
            sort_order: get(cells, c[3]).into(),
            active: true,
            dissolved_on: String::new(),
        };
        match form.validate() {
            Err(e) => out.problems.push((*row, messages(&e))),
            Ok(mut unit) => {
                if let Some(first) = seen.insert(fold(&unit.name), *row) {
                    out.problems
                        .push((*row, format!("Trùng với dòng {first}.")));
                    continue;
                }
                let line = if let Some(existing) = ctx.unit_by_name(&unit.name) {
                    unit.id = existing.id;
                    unit.active = existing.active;
                    unit.dissolved_on = existing.dissolved_on;
                    format!("Cập nhật đơn vị {}", unit.name)
                } else {
                    format!("Thêm đơn vị {}", unit.name)
                };
                out.changes.push((*row, Change::Unit(unit), line));
            }
        }
    }
    Ok(())
}

fn read_people(
    sheet: &super::cells::Sheet,
    ctx: &Context<'_>,
    out: &mut Preview,
) -> Result<(), ExchangeError> {
    let c = find_columns(
        &sheet.headers,
        &[
            ("Họ và tên", true),
            ("Giới tính", true),
            ("Ngày sinh", false),
            ("Đơn vị", true),
            ("Chức vụ", false),
            ("Thứ bậc chức vụ", false),
            ("Lãnh đạo Sở", false),
            ("Ngày tuyển dụng", false),
        ],
    )?;
    let mut seen: HashMap<(String, String, String), usize> = HashMap::new();
    for (row, cells) in &sheet.rows {
        let unit_text = get(cells, c[3]);
        let unit = ctx.unit_by_name(unit_text);
        if unit.is_none() && !unit_text.is_empty() {
            out.problems.push((
                *row,
                format!("Không có đơn vị \"{unit_text}\" trong danh sách đơn vị."),
            ));
            continue;
        }
        let gender_text = get(cells, c[1]);
        let gender = Gender::from_label(gender_text);
        if gender.is_none() && !gender_text.is_empty() {
            out.problems.push((
                *row,
                format!("Giới tính \"{gender_text}\" không hợp lệ: ghi Nam hoặc Nữ."),
            ));
            continue;
        }
        let leader = !get(cells, c[6]).is_empty()
            && !matches!(fold(get(cells, c[6])).as_str(), "khong" | "0");
        let form = PersonForm {
            id: None,
            full_name: get(cells, c[0]).into(),
            gender,
            birth_date: get(cells, c[2]).into(),
            unit_id: unit.map(|u| u.id),
            position: get(cells, c[4]).into(),
            position_rank: get(cells, c[5]).into(),
            is_department_leader: leader,
            recruited_on: get(cells, c[7]).into(),
            status: Some(PersonStatus::Working),
            status_date: String::new(),
        };
        match form.validate(ctx.units, ctx.today) {
            Err(e) => out.problems.push((*row, messages(&e))),
            Ok(mut person) => {
                let key = (
                    fold(&person.full_name),
                    format!("{:?}", person.birth_date),
                    person.unit_id.to_string(),
                );
                if let Some(first) = seen.insert(key, *row) {
                    out.problems.push((
                        *row,
                        format!("Trùng người với dòng {first} (cùng họ tên, ngày sinh, đơn vị)."),
                    ));
                    continue;
                }
                let existing =
                    ctx.find_people(&person.full_name, Some(person.unit_id), person.birth_date);
                let line = match existing.as_slice() {
                    [] => format!("Thêm {} – {}", person.full_name, unit_text),
                    [one] => {
                        person.id = one.id;
                        person.status = one.status;
                        person.status_date = one.status_date;
                        format!("Cập nhật {} – {}", person.full_name, unit_text)
                    }
                    _ => {
                        out.problems.push((*row, format!("Trong dữ liệu đã có nhiều người tên {} cùng ngày sinh ở đơn vị này; hãy sửa trực tiếp trong phần mềm.", person.full_name)));
                        continue;
                    }
                };
                out.changes.push((*row, Change::Person(person), line));
            }
        }
    }
    Ok(())
}

/// The subject a row names: a person (by name, unit, birth date) or a unit.
fn subject_of(
    ctx: &Context<'_>,
    name: &str,
    unit_text: &str,
    birth_text: &str,
    allow_unit: bool,
) -> Result<(Subject, String), String> {
    if name.is_empty() && unit_text.is_empty() {
        return Err("Thiếu họ tên (hoặc tên tập thể).".into());
    }
    let unit =
        if unit_text.is_empty() {
            None
        } else {
            Some(ctx.unit_by_name(unit_text).ok_or_else(|| {
                format!("Không có đơn vị \"{unit_text}\" trong danh sách đơn vị.")
            })?)
        };
    if allow_unit {
        let as_unit = if name.is_empty() {
            unit
        } else {
            ctx.unit_by_name(name)
        };
        if let Some(u) = as_unit
            && (name.is_empty() || ctx.find_people(name, None, None).is_empty())
        {
            return Ok((Subject::Unit(u.id), u.name.clone()));
        }
    }
    if name.is_empty() {
        return Err("Thiếu họ tên.".into());
    }
    let birth = parse_date(birth_text)?;
    let found = ctx.find_people(name, unit.map(|u| u.id), birth);
    match found.as_slice() {
        [one] => Ok((Subject::Person(one.id), one.full_name.clone())),
        [] => Err(format!(
            "Không tìm thấy cá nhân \"{name}\"{} trong danh sách.",
            if unit_text.is_empty() {
                String::new()
            } else {
                format!(" ở {unit_text}")
            }
        )),
        _ => Err(format!(
            "Có {} người tên \"{name}\": hãy ghi thêm đơn vị và ngày sinh để phân biệt.",
            found.len()
        )),
    }
}

fn read_ratings(
    sheet: &super::cells::Sheet,
    ctx: &Context<'_>,
    out: &mut Preview,
) -> Result<(), ExchangeError> {
    let c = find_columns(
        &sheet.headers,
        &[
            ("Họ và tên", false),
            ("Ngày sinh", false),
            ("Đơn vị", true),
            ("Năm", true),
            ("Xếp loại", true),
        ],
    )?;
    let mut seen: HashMap<(Subject, i32), usize> = HashMap::new();
    for (row, cells) in &sheet.rows {
        let subject = subject_of(
            ctx,
            get(cells, c[0]),
            get(cells, c[2]),
            get(cells, c[1]),
            get(cells, c[0]).is_empty(),
        );
        let (subject, name) = match subject {
            Ok(s) => s,
            Err(m) => {
                out.problems.push((*row, m));
                continue;
            }
        };
        let year = match get(cells, c[3]).parse::<i32>() {
            Ok(y) if (1945..=2200).contains(&y) => y,
            _ => {
                out.problems.push((
                    *row,
                    format!(
                        "Năm \"{}\" không hợp lệ: ghi năm có 4 chữ số.",
                        get(cells, c[3])
                    ),
                ));
                continue;
            }
        };
        let Some(rating) = Rating::from_label(get(cells, c[4])) else {
            out.problems.push((
                *row,
                format!(
                    "Xếp loại \"{}\" không hợp lệ: ghi HTXSNV, HTTNV, HTNV hoặc KHT.",
                    get(cells, c[4])
                ),
            ));
            continue;
        };
        if let Some(first) = seen.insert((subject, year), *row) {
            out.problems
                .push((*row, format!("Trùng với dòng {first}.")));
            continue;
        }
        let change = match subject {
            Subject::Person(p) => Change::PersonRating {
                person: p,
                year,
                rating,
            },
            Subject::Unit(u) => Change::UnitRating {
                unit: u,
                year,
                rating,
            },
        };
        out.changes.push((
            *row,
            change,
            format!("{name}: năm {year} xếp loại {}", rating.short()),
        ));
    }
    Ok(())
}

fn read_history(
    sheet: &super::cells::Sheet,
    ctx: &Context<'_>,
    out: &mut Preview,
) -> Result<(), ExchangeError> {
    let c = find_columns(
        &sheet.headers,
        &[
            ("Họ và tên hoặc tên tập thể", true),
            ("Ngày sinh", false),
            ("Đơn vị", false),
            ("Năm", true),
            ("Danh hiệu, hình thức", true),
            ("Số quyết định", false),
            ("Ngày quyết định", false),
            ("Cơ quan, người ký", false),
            ("Ghi chú", false),
        ],
    )?;
    let mut seen: HashMap<(Subject, i32, i64), usize> = HashMap::new();
    for (row, cells) in &sheet.rows {
        let (subject, name) = match subject_of(
            ctx,
            get(cells, c[0]),
            get(cells, c[2]),
            get(cells, c[1]),
            true,
        ) {
            Ok(s) => s,
            Err(m) => {
                out.problems.push((*row, m));
                continue;
            }
        };
        let title = get(cells, c[4]);
        let Some(entry) = ctx.catalogue_entry(title) else {
            out.problems.push((
                *row,
                format!("\"{title}\" không có trong danh mục danh hiệu, hình thức khen thưởng."),
            ));
            continue;
        };
        let form = AwardForm {
            id: None,
            subject: Some(subject),
            year: get(cells, c[3]).into(),
            catalogue_id: Some(entry.id),
            decision_number: get(cells, c[5]).into(),
            decision_date: get(cells, c[6]).into(),
            issuer: get(cells, c[7]).into(),
            note: get(cells, c[8]).into(),
        };
        let record = match form.validate(ctx.catalogue) {
            Ok(r) => r,
            Err(e) => {
                out.problems.push((*row, messages(&e)));
                continue;
            }
        };
        if let Some(first) = seen.insert((subject, record.year, entry.id), *row) {
            out.problems
                .push((*row, format!("Trùng với dòng {first}.")));
            continue;
        }
        let exists = ctx
            .awards
            .iter()
            .any(|a| a.subject == subject && a.year == record.year && a.catalogue_id == entry.id);
        if exists {
            out.changes.push((
                *row,
                Change::Unchanged,
                format!("Đã có: {name} – {} {}", entry.name, record.year),
            ));
        } else {
            out.changes.push((
                *row,
                Change::Award(record.clone()),
                format!("Thêm: {name} – {} {}", entry.name, record.year),
            ));
        }
    }
    Ok(())
}
