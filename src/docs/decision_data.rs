//! Gathering a decision and its list from the store.

use super::council_data::Names;
use super::decision::{DecisionPaper, ListGroup, ListLine, decision};
use super::layout::LaidOut;
use crate::domain::decision::{Decision, ListKey, compare};
use crate::domain::model::{Subject, SubjectKind};
use crate::domain::text::slug;
use crate::store::{Store, StoreError};

/// The paper of a decision: its list grouped by title in the catalogue's order and sorted
/// as the decision says.
pub fn paper(store: &Store, d: &Decision) -> Result<DecisionPaper, StoreError> {
    let names = Names::load(store)?;
    let people: Vec<_> = store.people()?;
    let units = store.units()?;
    let key = |s: Subject| -> ListKey {
        match s {
            Subject::Person(id) => match people.iter().find(|r| r.person.id == id) {
                Some(r) => ListKey {
                    unit_order: r.unit_order,
                    position_rank: r.person.position_rank,
                    name: r.person.full_name.clone(),
                    collective: false,
                },
                None => ListKey {
                    unit_order: i64::MAX,
                    position_rank: i64::MAX,
                    name: String::new(),
                    collective: false,
                },
            },
            Subject::Unit(id) => {
                let u = units.iter().find(|u| u.id == id);
                ListKey {
                    unit_order: u.map_or(i64::MAX, |u| u.sort_order),
                    position_rank: 0,
                    name: u.map(|u| u.name.clone()).unwrap_or_default(),
                    collective: true,
                }
            }
        }
    };
    let mut entries: Vec<_> = names
        .catalogue
        .iter()
        .filter(|e| d.entries.iter().any(|x| x.catalogue_id == e.id))
        .collect();
    entries.sort_by_key(|e| e.sort_order);
    let groups = entries
        .into_iter()
        .map(|e| {
            let mut list: Vec<_> = d
                .entries
                .iter()
                .filter(|x| x.catalogue_id == e.id)
                .collect();
            list.sort_by(|a, b| compare(&key(a.subject), &key(b.subject), d.order));
            ListGroup {
                title: e
                    .name
                    .trim_end_matches("(cá nhân)")
                    .trim_end_matches("(tập thể)")
                    .trim()
                    .to_owned(),
                collective: e.subject_kind == SubjectKind::Collective,
                lines: list
                    .into_iter()
                    .map(|x| {
                        let (name, position_unit) = names.subject(x.subject);
                        ListLine {
                            name,
                            position_unit,
                            amount: x.amount,
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    let amends = match d.amends {
        Some(id) => {
            let old = store.decision(id)?;
            Some(format!(
                "Quyết định số {} ngày {}",
                old.number,
                old.issued_on
                    .map(|x| x.format("%d/%m/%Y").to_string())
                    .unwrap_or_default()
            ))
        }
        None => None,
    };
    Ok(DecisionPaper {
        year: d.year,
        number: (!d.number.is_empty()).then(|| d.number.clone()),
        issued_on: d.issued_on,
        subject_line: d.subject_line.clone(),
        bases: d.bases.clone(),
        executors: d.executors.clone(),
        fund: d.fund.clone(),
        recipients: d.recipients.clone(),
        signer_mode: d.signer_mode,
        signer_name: d.signer_name.clone(),
        groups,
        amends,
        cancels: d.cancels,
    })
}

/// Find a decision by "NUMBER/YEAR" as typed on the command line ("12/2027" or
/// "12/QĐ-SCT/2027"), by the year it was issued.
pub fn find(store: &Store, text: &str) -> Result<Decision, StoreError> {
    let (number, year) = text
        .rsplit_once('/')
        .and_then(|(n, y)| {
            Some((
                n.split('/').next()?.trim().to_owned(),
                y.trim().parse::<i32>().ok()?,
            ))
        })
        .ok_or_else(|| {
            StoreError::Conflict(format!("«{text}» không phải dạng SỐ/NĂM, ví dụ 12/2027."))
        })?;
    for year_of_work in [year - 1, year] {
        for d in store.decisions(year_of_work)? {
            let issued_year = d.issued_on.map(|x| chrono::Datelike::year(&x));
            if issued_year == Some(year) && d.number.split('/').next() == Some(number.as_str()) {
                return Ok(d);
            }
        }
    }
    Err(StoreError::NotFound(format!(
        "quyết định số {number} năm {year}"
    )))
}

/// Lay out a decision; also a file stem for it ("QD-12-2027-khen-thuong").
pub fn decision_document(store: &Store, d: &Decision) -> Result<(LaidOut, String), StoreError> {
    let p = paper(store, d)?;
    let number = d.number.split('/').next().unwrap_or("du-thao").to_owned();
    let year = d
        .issued_on
        .map(|x| chrono::Datelike::year(&x))
        .unwrap_or(d.year + 1);
    let stem = format!(
        "QD-{}-{year}-{}",
        if number.is_empty() {
            "du-thao"
        } else {
            &number
        },
        slug(&d.subject_line)
    );
    Ok((decision(&p, &store.organisation()?), stem))
}

/// Settings key of the positions of the fields on the blanks.
pub const CERTIFICATE_LAYOUT: &str = "certificate_layout";

/// One certificate per subject of a decision, on plain paper or on the blanks.
pub fn certificates(
    store: &Store,
    d: &Decision,
    on_blanks: bool,
) -> Result<(LaidOut, String), StoreError> {
    use super::certificate::{
        BlankLayout, CertificateText, blank_certificates, plain_certificates,
    };
    let names = Names::load(store)?;
    let org = store.organisation()?;
    let date = d.issued_on;
    let list: Vec<CertificateText> = d
        .entries
        .iter()
        .map(|e| {
            let (name, position_unit) = names.subject(e.subject);
            CertificateText {
                name,
                unit: position_unit,
                achievement: format!(
                    "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm {}",
                    d.year
                ),
                decision: format!(
                    "Quyết định số {} ngày {}",
                    d.number,
                    date.map(|x| x.format("%d/%m/%Y").to_string())
                        .unwrap_or_default()
                ),
                date_line: date
                    .map(|x| super::blocks::date_line(&org.place, x))
                    .unwrap_or_default(),
                signer_title: match d.signer_mode {
                    crate::domain::plan::SignerMode::Director => "GIÁM ĐỐC".into(),
                    crate::domain::plan::SignerMode::Deputy => "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC".into(),
                },
                signer_name: d.signer_name.clone(),
            }
        })
        .collect();
    let stem = format!("giay-khen-{}", slug(&d.number));
    Ok(if on_blanks {
        let layout: BlankLayout = store.setting(CERTIFICATE_LAYOUT)?.unwrap_or_default();
        (blank_certificates(&list, &layout), format!("{stem}-phoi"))
    } else {
        (plain_certificates(&list, &org.body), stem)
    })
}

/// The test print of the blank: the ruler grid and a sample certificate of this
/// organisation with the fields where `layout` puts them.
pub fn test_blank(
    store: &Store,
    layout: &super::certificate::BlankLayout,
    today: chrono::NaiveDate,
) -> Result<LaidOut, StoreError> {
    let org = store.organisation()?;
    let sample = super::certificate::CertificateText {
        name: "Nguyễn Thị Thanh Hương".into(),
        unit: "Trưởng phòng, Phòng Quản lý công nghiệp".into(),
        achievement: format!(
            "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm {}",
            chrono::Datelike::year(&today) - 1
        ),
        decision: format!(
            "Quyết định số 12/QĐ-{} ngày {}",
            org.abbreviation,
            today.format("%d/%m/%Y")
        ),
        date_line: super::blocks::date_line(&org.place, today),
        signer_title: "GIÁM ĐỐC".into(),
        signer_name: org.director.clone(),
    };
    Ok(super::certificate::test_blank(&sample, layout))
}
