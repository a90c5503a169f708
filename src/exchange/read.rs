//! Reading a file into a preview: every row checked with the same validators as the forms,
//! every bad row named by its Excel row number and everything wrong with it.

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;

use super::cells::{Column, column_letter, date_text, header_key};
use super::sheet::{Sheet, SheetRow, read_sheet};
use super::{Change, ExchangeError, Kind, Preview, history, people, ratings, template, units};
use crate::domain::model::*;
use crate::domain::text::fold;
use crate::domain::validate::{FieldError, format_date, parse_date};
use crate::store::PersonRow;

/// What the rows are checked against: the database as it is now.
pub struct Context<'a> {
    pub units: &'a [Unit],
    pub people: &'a [PersonRow],
    pub catalogue: &'a [CatalogueEntry],
    pub awards: &'a [AwardRecord],
    pub today: NaiveDate,
}

/// Read `path` as a file of `kind` and check every row.
pub fn read(kind: Kind, path: &Path, ctx: &Context<'_>) -> Result<Preview, ExchangeError> {
    read_with_progress(kind, path, ctx, &mut |_, _| {})
}

/// [`read`], telling `progress(done, total)` how far it is (for a progress bar).
pub fn read_with_progress(
    kind: Kind,
    path: &Path,
    ctx: &Context<'_>,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Preview, ExchangeError> {
    let mut preview = Preview {
        kind,
        file: path.to_path_buf(),
        changes: Vec::new(),
        problems: Vec::new(),
    };
    let ix = Index::new(ctx);
    let out = &mut preview;
    match kind {
        Kind::Units => run(units::Check::default(), path, &ix, out, progress),
        Kind::People => run(people::Check::default(), path, &ix, out, progress),
        Kind::Ratings => run(ratings::Check::default(), path, &ix, out, progress),
        Kind::History => run(history::Check::default(), path, &ix, out, progress),
    }?;
    Ok(preview)
}

/// How one kind of file checks its rows.
pub(super) trait RowCheck {
    const KIND: Kind;
    const COLUMNS: &'static [Column];
    /// The change a good row makes and a line describing it, or everything wrong with it.
    fn check(&mut self, row: &Cells<'_>, ix: &Index<'_>) -> Result<(Change, String), Vec<String>>;
}

fn run<C: RowCheck>(
    mut checker: C,
    path: &Path,
    ix: &Index<'_>,
    out: &mut Preview,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<(), ExchangeError> {
    let sheet = read_sheet(path, C::COLUMNS, progress)?;
    let example = template_example(C::KIND, &sheet);
    let total = sheet.rows.len();
    for (done, row) in sheet.rows.iter().enumerate() {
        if done.is_multiple_of(1_000) {
            progress(done, total);
        }
        let broken: Vec<String> = row
            .errors
            .iter()
            .filter(|(c, _)| sheet.columns.contains(&Some(*c)))
            .map(|(c, e)| {
                format!(
                    "Ô {}{} có lỗi công thức {e}: hãy sửa hoặc xóa công thức trong Excel.",
                    column_letter(*c),
                    row.number
                )
            })
            .collect();
        if !broken.is_empty() {
            out.problems.push((row.number, broken.join(" ")));
            continue;
        }
        let text = |c: usize| row.cells.get(c).map(String::as_str).unwrap_or("");
        // A header repeated further down (a list printed page by page) carries no data.
        let header = |c: usize| sheet.headers.get(c).map(String::as_str).unwrap_or("");
        if sheet
            .columns
            .iter()
            .flatten()
            .all(|&c| text(c) == header(c))
        {
            continue;
        }
        if !example.is_empty() && example.iter().all(|(c, v)| text(*c) == *v) {
            out.changes.push((
                row.number,
                Change::Skipped,
                "Dòng ví dụ của tệp mẫu: không nhập.".into(),
            ));
            continue;
        }
        let cells = Cells {
            row,
            columns: &sheet.columns,
        };
        match checker.check(&cells, ix) {
            Ok((change, line)) => out.changes.push((row.number, change, line)),
            Err(faults) => out.problems.push((row.number, faults.join(" "))),
        }
    }
    progress(total, total);
    Ok(())
}

/// The template's example row as (column in this sheet, text); empty unless the sheet has
/// every column of the example.
fn template_example(kind: Kind, sheet: &Sheet) -> Vec<(usize, &'static str)> {
    let keys: Vec<String> = sheet.headers.iter().map(|h| header_key(h)).collect();
    let mut out = Vec::new();
    for (header, value) in template::example(kind) {
        match keys.iter().position(|k| *k == header_key(header)) {
            Some(c) => out.push((c, value)),
            None => return Vec::new(),
        }
    }
    out
}

/// One row with its wanted columns.
pub(super) struct Cells<'s> {
    row: &'s SheetRow,
    columns: &'s [Option<usize>],
}

impl Cells<'_> {
    /// The text of wanted column `i` ("" when the column or the cell is absent).
    pub fn get(&self, i: usize) -> &str {
        self.columns
            .get(i)
            .copied()
            .flatten()
            .and_then(|c| self.row.cells.get(c))
            .map(String::as_str)
            .unwrap_or("")
    }

    /// The text of a date column, Excel serial numbers turned into dates.
    pub fn date(&self, i: usize) -> String {
        date_text(self.get(i))
    }

    /// The row's number as Excel shows it.
    pub fn number(&self) -> usize {
        self.row.number
    }

    /// Whether the file has wanted column `i` at all.
    pub fn has(&self, i: usize) -> bool {
        self.columns.get(i).copied().flatten().is_some()
    }
}

/// The validators' messages.
pub(super) fn messages(errors: &[FieldError]) -> Vec<String> {
    errors.iter().map(|e| e.message.clone()).collect()
}

/// A year, with the award form's words.
pub(super) fn parse_year(text: &str) -> Result<i32, String> {
    match text.trim().parse::<i32>() {
        Ok(y) if (1945..=2200).contains(&y) => Ok(y),
        _ => Err("Năm phải là số có 4 chữ số, ví dụ 2026.".into()),
    }
}

pub(super) fn unknown_unit(text: &str) -> String {
    format!(
        "Không có đơn vị \"{text}\" trong danh sách đơn vị. Hãy ghi đúng tên đơn vị như trong phần mềm, hoặc thêm đơn vị trước."
    )
}

/// The database, indexed for lookups by folded name.
pub(super) struct Index<'a> {
    pub units: &'a [Unit],
    pub catalogue: &'a [CatalogueEntry],
    pub today: NaiveDate,
    unit_by_id: HashMap<UnitId, &'a Unit>,
    unit_by_name: HashMap<String, &'a Unit>,
    units_by_short: HashMap<String, Vec<&'a Unit>>,
    people_by_name: HashMap<String, Vec<&'a Person>>,
    entry_by_key: HashMap<String, &'a CatalogueEntry>,
    awards: HashMap<(Subject, i32, CatalogueId), &'a AwardRecord>,
}

impl<'a> Index<'a> {
    pub fn new(ctx: &Context<'a>) -> Self {
        let mut ix = Index {
            units: ctx.units,
            catalogue: ctx.catalogue,
            today: ctx.today,
            unit_by_id: HashMap::new(),
            unit_by_name: HashMap::new(),
            units_by_short: HashMap::new(),
            people_by_name: HashMap::new(),
            entry_by_key: HashMap::new(),
            awards: HashMap::new(),
        };
        for u in ctx.units {
            ix.unit_by_id.insert(u.id, u);
            ix.unit_by_name.entry(fold(&u.name)).or_insert(u);
            if !u.short_name.is_empty() {
                let short = ix.units_by_short.entry(fold(&u.short_name)).or_default();
                short.push(u);
            }
        }
        for r in ctx.people {
            let p = &r.person;
            ix.people_by_name
                .entry(fold(&p.full_name))
                .or_default()
                .push(p);
        }
        for e in ctx.catalogue {
            ix.entry_by_key.entry(fold(&e.code)).or_insert(e);
        }
        for e in ctx.catalogue {
            ix.entry_by_key.insert(fold(&e.name), e);
        }
        // A record in force before a cancelled one of the same year and title.
        for a in ctx.awards {
            ix.awards
                .entry((a.subject, a.year, a.catalogue_id))
                .and_modify(|old| {
                    if !old.in_force() {
                        *old = a;
                    }
                })
                .or_insert(a);
        }
        ix
    }

    /// A unit by its full name only (units import).
    pub fn unit_named(&self, name: &str) -> Option<&'a Unit> {
        self.unit_by_name.get(&fold(name)).copied()
    }

    /// A unit by full name, or by short name when only one unit has it.
    pub fn unit(&self, text: &str) -> Option<&'a Unit> {
        self.unit_named(text).or_else(|| {
            match self.units_by_short.get(&fold(text)).map(Vec::as_slice) {
                Some([one]) => Some(*one),
                _ => None,
            }
        })
    }

    pub fn unit_name(&self, id: UnitId) -> &str {
        self.unit_by_id
            .get(&id)
            .map(|u| u.name.as_str())
            .unwrap_or("")
    }

    /// People with this name (folded), in this unit when given, and whose birth date is
    /// this one (or unknown) when given.
    pub fn people(
        &self,
        name: &str,
        unit: Option<UnitId>,
        birth: Option<NaiveDate>,
    ) -> Vec<&'a Person> {
        let Some(named) = self.people_by_name.get(&fold(name)) else {
            return Vec::new();
        };
        named
            .iter()
            .copied()
            .filter(|p| unit.is_none_or(|u| p.unit_id == u))
            .filter(|p| birth.is_none_or(|b| p.birth_date.is_none_or(|pb| pb == b)))
            .collect()
    }

    /// A catalogue entry by name or code.
    pub fn entry(&self, text: &str) -> Option<&'a CatalogueEntry> {
        self.entry_by_key.get(&fold(text)).copied()
    }

    pub fn award(&self, key: (Subject, i32, CatalogueId)) -> Option<&'a AwardRecord> {
        self.awards.get(&key).copied()
    }

    /// The subject a row names: a person (by name, and unit and birth date when given), or
    /// a unit (an empty name with a unit, or a unit's name in the name column). On success
    /// also how the subject is named in preview lines.
    pub fn subject(
        &self,
        name: &str,
        unit_text: &str,
        birth_text: &str,
    ) -> Result<(Subject, String), Vec<String>> {
        let unit = match unit_text {
            "" => None,
            t => Some(self.unit(t).ok_or_else(|| vec![unknown_unit(t)])?),
        };
        let Some(unit_or_person) = (!name.is_empty()).then_some(name) else {
            return match unit {
                Some(u) => Ok((Subject::Unit(u.id), format!("tập thể {}", u.name))),
                None => Err(vec!["Hãy nhập họ và tên (hoặc tên tập thể).".into()]),
            };
        };
        let birth = parse_date(birth_text).map_err(|m| vec![m])?;
        let found = self.people(unit_or_person, unit.map(|u| u.id), birth);
        let place = unit.map(|u| format!(" ở {}", u.name)).unwrap_or_default();
        match found.as_slice() {
            [one] => Ok((
                Subject::Person(one.id),
                format!("{} ({})", one.full_name, self.unit_name(one.unit_id)),
            )),
            [] => {
                if let Some(u) = self.unit(name)
                    && unit.is_none_or(|x| x.id == u.id)
                    && birth.is_none()
                    && self.people(name, None, None).is_empty()
                {
                    return Ok((Subject::Unit(u.id), format!("tập thể {}", u.name)));
                }
                let born = birth
                    .map(|b| format!(", sinh ngày {}", format_date(b)))
                    .unwrap_or_default();
                Err(vec![format!(
                    "Không tìm thấy cá nhân \"{name}\"{place}{born} trong danh sách cá nhân. Hãy kiểm tra họ tên, đơn vị, ngày sinh, hoặc nhập danh sách cá nhân trước."
                )])
            }
            many => Err(vec![format!(
                "Có {} người tên \"{name}\"{place}: hãy ghi thêm đơn vị và ngày sinh để phân biệt.",
                many.len()
            )]),
        }
    }
}
