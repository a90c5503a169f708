//! Sổ văn bản đi: the register of outgoing document numbers. Numbers run per year and per
//! document type (KH, QĐ, TTr, BB, BC, TB, …), are unique, and are never reused.

use chrono::NaiveDate;
use rusqlite::{Connection, params};

use super::{Store, StoreError};

/// One numbered outgoing document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegisteredDocument {
    pub id: i64,
    pub year: i32,
    /// The type's abbreviation: "KH", "QĐ", …
    pub kind: String,
    pub number: u32,
    pub issued_on: NaiveDate,
    pub summary: String,
}

impl Store {
    /// The next free number for a year and type (1 for the first).
    pub fn next_document_number(&self, year: i32, kind: &str) -> Result<u32, StoreError> {
        next_document_number_in(&self.conn, year, kind)
    }

    /// Register a number; a number already given for that year and type is refused.
    pub fn register_document(
        &mut self,
        year: i32,
        kind: &str,
        number: u32,
        issued_on: NaiveDate,
        summary: &str,
    ) -> Result<i64, StoreError> {
        register_document_in(&self.conn, year, kind, number, issued_on, summary)
    }

    /// The register for a year, by type then number.
    pub fn documents_of_year(&self, year: i32) -> Result<Vec<RegisteredDocument>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, year, kind, number, issued_on, summary FROM outgoing_documents WHERE year = ?1 ORDER BY kind, number",
        )?;
        let rows = stmt
            .query_map([year], |r| {
                Ok(RegisteredDocument {
                    id: r.get(0)?,
                    year: r.get(1)?,
                    kind: r.get(2)?,
                    number: r.get(3)?,
                    issued_on: r.get(4)?,
                    summary: r.get(5)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }
}

pub fn next_document_number_in(
    conn: &Connection,
    year: i32,
    kind: &str,
) -> Result<u32, StoreError> {
    let max: Option<u32> = conn.query_row(
        "SELECT max(number) FROM outgoing_documents WHERE year = ?1 AND kind = ?2",
        params![year, kind],
        |r| r.get(0),
    )?;
    Ok(max.unwrap_or(0) + 1)
}

pub fn register_document_in(
    conn: &Connection,
    year: i32,
    kind: &str,
    number: u32,
    issued_on: NaiveDate,
    summary: &str,
) -> Result<i64, StoreError> {
    if number == 0 {
        return Err(StoreError::Conflict("Số văn bản phải từ 1 trở lên.".into()));
    }
    let taken: Option<String> = conn
        .query_row(
            "SELECT summary FROM outgoing_documents WHERE year = ?1 AND kind = ?2 AND number = ?3",
            params![year, kind, number],
            |r| r.get(0),
        )
        .ok();
    if let Some(summary) = taken {
        return Err(StoreError::Conflict(format!(
            "Số {number}/{kind} năm {year} đã cấp cho văn bản \"{summary}\". Mỗi số chỉ dùng một lần; số tiếp theo còn trống là {}.",
            next_document_number_in(conn, year, kind)?
        )));
    }
    conn.execute(
        "INSERT INTO outgoing_documents(year, kind, number, issued_on, summary) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![year, kind, number, issued_on, summary],
    )?;
    Ok(conn.last_insert_rowid())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn numbers_run_per_year_and_type_and_are_never_reused() {
        let mut s = Store::open_in_memory().unwrap();
        assert_eq!(s.next_document_number(2027, "KH").unwrap(), 1);
        s.register_document(2027, "KH", 1, d(2027, 1, 5), "Kế hoạch thi đua")
            .unwrap();
        s.register_document(2027, "QĐ", 1, d(2027, 1, 6), "Quyết định")
            .unwrap();
        assert_eq!(s.next_document_number(2027, "KH").unwrap(), 2);
        assert_eq!(s.next_document_number(2028, "KH").unwrap(), 1);
        let err = s
            .register_document(2027, "KH", 1, d(2027, 2, 1), "Khác")
            .unwrap_err();
        assert!(
            err.to_string()
                .contains("đã cấp cho văn bản \"Kế hoạch thi đua\""),
            "{err}"
        );
        assert!(err.to_string().contains("số tiếp theo còn trống là 2"));
        let deleted = s.connection().execute("DELETE FROM outgoing_documents", []);
        assert!(deleted.is_err(), "the register refuses deletion");
        assert_eq!(s.documents_of_year(2027).unwrap().len(), 2);
    }
}
