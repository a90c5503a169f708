//! A unit's registration as Excel: the clerk sends each unit a pre-filled workbook (its
//! staff, and the allowed titles and forms as dropdown lists) and imports the filled file
//! back. The import names every bad row and takes all rows of a file or none; importing
//! the same file twice changes nothing.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use rust_xlsxwriter::{DataValidation, Format, Workbook};

use super::ExchangeError;
use super::cells::{opt, req};
use super::export::{header_format, put_text, save, write_headers_at, xlsx_error};
use super::sheet::{SheetRow, first_sheet_rows, read_sheet};
use crate::domain::model::{
    AwardKind, CatalogueEntry, CatalogueId, Person, Subject, SubjectKind, Unit, UnitId,
};
use crate::domain::registration::{SubjectChoice, choices, entry_by_text, misfit, person_in_year};
use crate::domain::text::fold;

const HEADER_ROW: u32 = 5;
const COLUMNS: [(&str, f64); 6] = [
    ("STT", 6.0),
    ("Mã cá nhân", 11.0),
    ("Họ và tên", 28.0),
    ("Chức vụ", 22.0),
    ("Đăng ký danh hiệu thi đua", 30.0),
    ("Đăng ký hình thức khen thưởng", 36.0),
];
const UNIT_ID: &str = "Mã đơn vị:";
const YEAR: &str = "Năm:";
const UNIT_TITLE: &str = "Danh hiệu tập thể:";
const UNIT_FORM: &str = "Hình thức tập thể:";

/// A person's line in the workbook: the person and what they registered for, as names.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetLine {
    pub person: Person,
    pub title: String,
    /// The forms, "; " between them when there are several.
    pub form: String,
}

/// Write the unit's pre-filled workbook.
pub fn write_unit_sheet(
    path: &Path,
    year: i32,
    unit: &Unit,
    collective: (&str, &str),
    staff: &[SheetLine],
    catalogue: &[CatalogueEntry],
) -> Result<(), ExchangeError> {
    let err = xlsx_error(path);
    let mut book = Workbook::new();
    let lists = [
        choices(catalogue, SubjectKind::Individual, AwardKind::Title),
        choices(catalogue, SubjectKind::Individual, AwardKind::Commendation),
        choices(catalogue, SubjectKind::Collective, AwardKind::Title),
        choices(catalogue, SubjectKind::Collective, AwardKind::Commendation),
    ];
    {
        let ws = book.add_worksheet();
        ws.set_name("Đăng ký thi đua").map_err(&err)?;
        let bold = Format::new().set_bold();
        ws.write_string_with_format(
            0,
            0,
            format!("BẢN ĐĂNG KÝ THI ĐUA NĂM {year}"),
            &bold.clone().set_font_size(14),
        )
        .map_err(&err)?;
        ws.write_string_with_format(1, 0, "Đơn vị:", &bold)
            .map_err(&err)?;
        put_text(ws, 1, 2, &unit.name).map_err(&err)?;
        ws.write_string_with_format(1, 4, UNIT_ID, &bold)
            .map_err(&err)?;
        ws.write_number(1, 5, unit.id as f64).map_err(&err)?;
        ws.write_string_with_format(2, 0, YEAR, &bold)
            .map_err(&err)?;
        ws.write_number(2, 2, year as f64).map_err(&err)?;
        ws.write_string_with_format(3, 0, UNIT_TITLE, &bold)
            .map_err(&err)?;
        put_text(ws, 3, 2, collective.0).map_err(&err)?;
        ws.write_string_with_format(3, 4, UNIT_FORM, &bold)
            .map_err(&err)?;
        put_text(ws, 3, 5, collective.1).map_err(&err)?;
        write_headers_at(ws, HEADER_ROW, &COLUMNS).map_err(&err)?;
        for (i, line) in staff.iter().enumerate() {
            let row = HEADER_ROW + 1 + i as u32;
            ws.write_number(row, 0, (i + 1) as f64).map_err(&err)?;
            ws.write_number(row, 1, line.person.id as f64)
                .map_err(&err)?;
            put_text(ws, row, 2, &line.person.full_name).map_err(&err)?;
            put_text(ws, row, 3, &line.person.position).map_err(&err)?;
            put_text(ws, row, 4, &line.title).map_err(&err)?;
            put_text(ws, row, 5, &line.form).map_err(&err)?;
        }
        let last = HEADER_ROW + staff.len().max(1) as u32;
        let list = |col: &str, n: usize| {
            DataValidation::new()
                .allow_list_formula(
                    format!("'Danh mục'!${col}$2:${col}${}", n.max(1) + 1)
                        .as_str()
                        .into(),
                )
                .ignore_blank(true)
        };
        ws.add_data_validation(HEADER_ROW + 1, 4, last, 4, &list("A", lists[0].len()))
            .map_err(&err)?;
        ws.add_data_validation(HEADER_ROW + 1, 5, last, 5, &list("B", lists[1].len()))
            .map_err(&err)?;
        ws.add_data_validation(3, 2, 3, 2, &list("C", lists[2].len()))
            .map_err(&err)?;
        ws.add_data_validation(3, 5, 3, 5, &list("D", lists[3].len()))
            .map_err(&err)?;
    }
    let ws = book.add_worksheet();
    ws.set_name("Danh mục").map_err(&err)?;
    let heads = [
        "Danh hiệu cá nhân",
        "Hình thức cá nhân",
        "Danh hiệu tập thể",
        "Hình thức tập thể",
    ];
    for (col, (head, entries)) in heads.iter().zip(&lists).enumerate() {
        ws.write_string_with_format(0, col as u16, *head, &header_format())
            .map_err(&err)?;
        ws.set_column_width(col as u16, 40.0).map_err(&err)?;
        for (i, e) in entries.iter().enumerate() {
            put_text(ws, i as u32 + 1, col as u16, &e.name).map_err(&err)?;
        }
    }
    save(book, path)
}

/// What the import needs to check a file.
pub struct RegistrationContext<'a> {
    pub year: i32,
    pub units: &'a [Unit],
    pub people: &'a [Person],
    pub catalogue: &'a [CatalogueEntry],
}

/// A unit's file read and checked.
#[derive(Debug, Clone, PartialEq)]
pub struct RegistrationImport {
    pub file: PathBuf,
    pub year: i32,
    pub unit: UnitId,
    pub unit_name: String,
    /// (Excel row number, the subject's registration, a line describing it); the unit's
    /// own registration first (row of its title cell).
    pub choices: Vec<(usize, SubjectChoice, String)>,
    /// (Excel row number, what is wrong).
    pub problems: Vec<(usize, String)>,
}

/// The value right of a labelled cell among the rows above the table.
fn labelled<'r>(rows: &'r BTreeMap<u32, SheetRow>, label: &str) -> Option<(usize, &'r str)> {
    let key = fold(label.trim_end_matches(':'));
    rows.values().take(HEADER_ROW as usize).find_map(|row| {
        let at = row
            .cells
            .iter()
            .position(|c| fold(c.trim_end_matches(':')) == key)?;
        // The next filled cell, unless it is the next label ("Hình thức tập thể:").
        let value = row
            .cells
            .iter()
            .skip(at + 1)
            .find(|c| !c.trim().is_empty())
            .filter(|c| !c.trim_end().ends_with(':'));
        Some((row.number, value.map_or("", |v| v.as_str())))
    })
}

/// Resolve a cell to an entry of `kind` that fits `subject`; "" is None.
fn entry(
    ctx: &RegistrationContext<'_>,
    text: &str,
    kind: AwardKind,
    subject: SubjectKind,
) -> Result<Option<CatalogueId>, String> {
    if text.trim().is_empty() || fold(text) == "khong dang ky" {
        return Ok(None);
    }
    let e = entry_by_text(ctx.catalogue, text).ok_or_else(|| {
        format!(
            "«{}» không phải danh hiệu hay hình thức khen thưởng trong danh mục",
            text.trim()
        )
    })?;
    if let Some(why) = misfit(e, subject) {
        return Err(why);
    }
    if e.kind != kind {
        return Err(format!(
            "«{}» là {}, không đặt ở cột này",
            e.name,
            e.kind.label().to_lowercase()
        ));
    }
    Ok(Some(e.id))
}

/// Every form in a cell, several of them separated by ";" (as the export writes them).
fn entries(
    ctx: &RegistrationContext<'_>,
    text: &str,
    subject: SubjectKind,
) -> Result<Vec<CatalogueId>, String> {
    text.split(';')
        .filter_map(|t| entry(ctx, t, AwardKind::Commendation, subject).transpose())
        .collect()
}

/// Read a unit's filled workbook.
pub fn read_unit_sheet(
    path: &Path,
    ctx: &RegistrationContext<'_>,
) -> Result<RegistrationImport, ExchangeError> {
    let top = first_sheet_rows(path)?;
    let wanted = [
        req("Mã cá nhân", &["Mã"]),
        req("Họ và tên", &["Họ tên"]),
        opt("Chức vụ", &[]),
        req("Đăng ký danh hiệu thi đua", &["Danh hiệu"]),
        opt("Đăng ký hình thức khen thưởng", &["Hình thức"]),
    ];
    let sheet = read_sheet(path, &wanted, &mut |_, _| {})?;
    let mut problems = Vec::new();
    let (unit_row, unit_text) = labelled(&top, UNIT_ID).unwrap_or((2, ""));
    let unit = unit_text
        .trim()
        .parse::<i64>()
        .ok()
        .and_then(|id| ctx.units.iter().find(|u| u.id == id));
    let year_text = labelled(&top, YEAR).map_or("", |(_, v)| v);
    let file_year = year_text.trim().parse::<i32>().ok();
    let Some(unit) = unit else {
        return Err(ExchangeError::MissingColumn {
            sheet: sheet.name,
            column: format!(
                "{UNIT_ID} (ô ghi mã đơn vị ở dòng {unit_row}; hãy dùng tệp do phần mềm xuất)"
            ),
            header_row: sheet.header_row,
        });
    };
    if file_year != Some(ctx.year) {
        problems.push((
            labelled(&top, YEAR).map_or(3, |(r, _)| r),
            format!(
                "Tệp là bản đăng ký năm {}, không phải năm {}",
                year_text.trim(),
                ctx.year
            ),
        ));
    }
    let mut choices = Vec::new();
    let (title_row, title_text) = labelled(&top, UNIT_TITLE).unwrap_or((4, ""));
    let form_text = labelled(&top, UNIT_FORM).map_or("", |(_, v)| v);
    let mut collective = SubjectChoice::new(Subject::Unit(unit.id));
    match (
        entry(ctx, title_text, AwardKind::Title, SubjectKind::Collective),
        entries(ctx, form_text, SubjectKind::Collective),
    ) {
        (Ok(t), Ok(f)) => {
            collective.title = t;
            collective.forms.extend(f);
            choices.push((title_row, collective, format!("Tập thể {}", unit.name)));
        }
        (Err(e), _) | (_, Err(e)) => {
            problems.push((title_row, format!("Đăng ký của tập thể: {e}")))
        }
    }
    let mut seen = HashSet::new();
    for row in &sheet.rows {
        let get = |i: usize| {
            sheet.columns[i]
                .and_then(|c| row.cells.get(c))
                .map_or("", |s| s.as_str())
        };
        let mut faults = Vec::new();
        let person = get(0)
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(|id| ctx.people.iter().find(|p| p.id == id));
        let person = match person {
            Some(p) if fold(&p.full_name) != fold(get(1)) => {
                faults.push(format!(
                    "mã {} là của {}, không phải «{}»",
                    p.id,
                    p.full_name,
                    get(1)
                ));
                None
            }
            Some(p) if p.unit_id != unit.id => {
                faults.push(format!("{} không thuộc {}", p.full_name, unit.name));
                None
            }
            Some(p) if !person_in_year(p, ctx.year) || !p.active => {
                faults.push(format!(
                    "{} không còn công tác trong năm {}",
                    p.full_name, ctx.year
                ));
                None
            }
            Some(p) => Some(p),
            None => {
                faults.push(format!(
                    "không tìm thấy cá nhân «{}» (mã «{}») trong danh sách",
                    get(1),
                    get(0)
                ));
                None
            }
        };
        if let Some(p) = person
            && !seen.insert(p.id)
        {
            faults.push(format!("{} xuất hiện hai lần trong tệp", p.full_name));
        }
        let title = entry(ctx, get(3), AwardKind::Title, SubjectKind::Individual)
            .map_err(|e| faults.push(e))
            .ok()
            .flatten();
        let forms = entries(ctx, get(4), SubjectKind::Individual)
            .map_err(|e| faults.push(e))
            .unwrap_or_default();
        for (_, e) in &row.errors {
            faults.push(format!("ô có lỗi Excel {e}"));
        }
        match person {
            Some(p) if faults.is_empty() => {
                let mut c = SubjectChoice::new(Subject::Person(p.id));
                c.title = title;
                c.forms.extend(forms);
                let what = [get(3), get(4)]
                    .iter()
                    .filter(|t| !t.trim().is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join("; ");
                let what = if what.is_empty() {
                    "không đăng ký".to_owned()
                } else {
                    what
                };
                choices.push((row.number, c, format!("{}: {what}", p.full_name)));
            }
            _ => problems.push((row.number, faults.join("; "))),
        }
    }
    Ok(RegistrationImport {
        file: path.to_path_buf(),
        year: ctx.year,
        unit: unit.id,
        unit_name: unit.name.clone(),
        choices,
        problems,
    })
}
