//! Campaign plans (kế hoạch phát động phong trào thi đua), stored as versions. The plan's
//! content is JSON of `domain::plan::Plan`; an issued version is read-only (the database's
//! triggers refuse edits), and an amendment is a new version that keeps the old one.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, params};

use super::register::register_document_in;
use super::{Store, StoreError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanStatus {
    Draft,
    Issued,
    /// Issued, then replaced by an amendment.
    Superseded,
}

impl PlanStatus {
    fn from_code(code: &str) -> Self {
        match code {
            "issued" => PlanStatus::Issued,
            "superseded" => PlanStatus::Superseded,
            _ => PlanStatus::Draft,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            PlanStatus::Draft => "Dự thảo",
            PlanStatus::Issued => "Đã ban hành",
            PlanStatus::Superseded => "Đã được sửa đổi",
        }
    }
}

/// A stored plan version.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanRecord {
    pub id: i64,
    pub year: i32,
    pub version: i64,
    pub status: PlanStatus,
    /// The register entry that numbered it, once issued.
    pub document_id: Option<i64>,
    /// The version it amends.
    pub amends: Option<i64>,
    /// The plan as JSON.
    pub data: String,
}

fn plan_from_row(r: &Row<'_>) -> rusqlite::Result<PlanRecord> {
    let status: String = r.get("status")?;
    Ok(PlanRecord {
        id: r.get("id")?,
        year: r.get("year")?,
        version: r.get("version")?,
        status: PlanStatus::from_code(&status),
        document_id: r.get("document_id")?,
        amends: r.get("amends")?,
        data: r.get("data")?,
    })
}

impl Store {
    /// Every plan version, newest year first.
    pub fn plans(&self) -> Result<Vec<PlanRecord>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT * FROM plans ORDER BY year DESC, version DESC")?;
        let rows = stmt
            .query_map([], plan_from_row)?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    pub fn plan(&self, id: i64) -> Result<PlanRecord, StoreError> {
        self.conn
            .query_row("SELECT * FROM plans WHERE id = ?1", [id], plan_from_row)
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("kế hoạch số {id}")))
    }

    /// The plan in force for a year: the issued version, else the newest draft.
    pub fn plan_for_year(&self, year: i32) -> Result<Option<PlanRecord>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT * FROM plans WHERE year = ?1 AND status <> 'superseded'
                 ORDER BY status = 'issued' DESC, version DESC LIMIT 1",
                [year],
                plan_from_row,
            )
            .optional()?)
    }

    /// Create a draft (id 0: a new plan for its year, or an amendment when `amends` is
    /// set) or update a draft. Issued plans are refused.
    pub fn save_plan_draft(
        &mut self,
        year: i32,
        id: i64,
        amends: Option<i64>,
        data: &str,
    ) -> Result<i64, StoreError> {
        if id != 0 {
            let existing = self.plan(id)?;
            if existing.status != PlanStatus::Draft {
                return Err(StoreError::Conflict(
                    "Kế hoạch đã ban hành không sửa được. Hãy bấm \"Tạo bản sửa đổi\" để soạn bản mới.".into(),
                ));
            }
            self.conn.execute(
                "UPDATE plans SET year = ?1, data = ?2 WHERE id = ?3",
                params![year, data, id],
            )?;
            return Ok(id);
        }
        let draft_exists: bool = self.conn.query_row(
            "SELECT EXISTS(SELECT 1 FROM plans WHERE year = ?1 AND status = 'draft')",
            [year],
            |r| r.get(0),
        )?;
        if draft_exists {
            return Err(StoreError::Conflict(format!(
                "Năm {year} đã có một bản dự thảo kế hoạch. Hãy sửa bản đó thay vì tạo thêm."
            )));
        }
        let version: i64 = self.conn.query_row(
            "SELECT coalesce(max(version), 0) + 1 FROM plans WHERE year = ?1",
            [year],
            |r| r.get(0),
        )?;
        self.conn.execute(
            "INSERT INTO plans(year, version, status, amends, data) VALUES (?1, ?2, 'draft', ?3, ?4)",
            params![year, version, amends, data],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Issue a draft: take its number in the register, mark it issued and, for an
    /// amendment, mark the version it amends as superseded. All or nothing.
    pub fn issue_plan(
        &mut self,
        id: i64,
        number: u32,
        issued_on: NaiveDate,
        summary: &str,
        data: &str,
    ) -> Result<(), StoreError> {
        let plan = self.plan(id)?;
        if plan.status != PlanStatus::Draft {
            return Err(StoreError::Conflict(
                "Kế hoạch này đã được ban hành.".into(),
            ));
        }
        self.in_transaction(|tx| {
            let document = register_document_in(tx, plan.year, "KH", number, issued_on, summary)?;
            tx.execute(
                "UPDATE plans SET data = ?1, document_id = ?2 WHERE id = ?3",
                params![data, document, id],
            )?;
            tx.execute("UPDATE plans SET status = 'issued' WHERE id = ?1", [id])?;
            if let Some(old) = plan.amends {
                tx.execute(
                    "UPDATE plans SET status = 'superseded' WHERE id = ?1 AND status = 'issued'",
                    [old],
                )?;
            }
            Ok(())
        })
    }

    /// Delete a draft (issued plans are kept).
    pub fn delete_plan_draft(&mut self, id: i64) -> Result<(), StoreError> {
        let n = self
            .conn
            .execute("DELETE FROM plans WHERE id = ?1 AND status = 'draft'", [id])?;
        if n == 0 {
            return Err(StoreError::Conflict("Chỉ xóa được bản dự thảo.".into()));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn an_issued_plan_is_read_only_and_an_amendment_keeps_it() {
        let mut s = Store::open_in_memory().unwrap();
        let id = s.save_plan_draft(2027, 0, None, "{\"v\":1}").unwrap();
        s.save_plan_draft(2027, id, None, "{\"v\":2}").unwrap();
        assert!(
            s.save_plan_draft(2027, 0, None, "{}").is_err(),
            "one draft per year"
        );
        s.issue_plan(id, 3, d(2027, 1, 5), "Kế hoạch thi đua 2027", "{\"v\":3}")
            .unwrap();
        assert_eq!(s.plan(id).unwrap().status, PlanStatus::Issued);
        assert!(s.save_plan_draft(2027, id, None, "{\"v\":4}").is_err());
        // Even raw SQL cannot change an issued plan.
        assert!(
            s.connection()
                .execute("UPDATE plans SET data = 'x' WHERE id = ?1", [id])
                .is_err()
        );
        assert!(s.delete_plan_draft(id).is_err());
        // The number is taken in the register.
        assert_eq!(s.next_document_number(2027, "KH").unwrap(), 4);
        let amendment = s.save_plan_draft(2027, 0, Some(id), "{\"v\":5}").unwrap();
        assert_eq!(s.plan(amendment).unwrap().version, 2);
        assert_eq!(
            s.plan_for_year(2027).unwrap().unwrap().id,
            id,
            "issued beats draft"
        );
        s.issue_plan(amendment, 4, d(2027, 3, 1), "Sửa đổi", "{\"v\":5}")
            .unwrap();
        assert_eq!(s.plan(id).unwrap().status, PlanStatus::Superseded);
        assert_eq!(
            s.plan(id).unwrap().data,
            "{\"v\":3}",
            "the old version is kept as issued"
        );
        assert_eq!(s.plan_for_year(2027).unwrap().unwrap().id, amendment);
    }

    #[test]
    fn issuing_with_a_taken_number_changes_nothing() {
        let mut s = Store::open_in_memory().unwrap();
        s.register_document(2027, "KH", 1, d(2027, 1, 2), "Kế hoạch khác")
            .unwrap();
        let id = s.save_plan_draft(2027, 0, None, "{}").unwrap();
        let err = s
            .issue_plan(id, 1, d(2027, 1, 5), "Kế hoạch thi đua", "{}")
            .unwrap_err();
        assert!(err.to_string().contains("đã cấp"));
        assert_eq!(s.plan(id).unwrap().status, PlanStatus::Draft);
    }
}
