//! Settings: the organisation and the history of the base salary.

use rusqlite::{OptionalExtension, params};

use super::{Store, StoreError};
use crate::domain::settings::{BaseSalary, Organisation};

const ORGANISATION: &str = "organisation";

impl Store {
    /// A setting stored as JSON, or `None` when it was never set or cannot be read.
    pub fn setting<T: serde::de::DeserializeOwned>(
        &self,
        key: &str,
    ) -> Result<Option<T>, StoreError> {
        let text: Option<String> = self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?;
        Ok(text.and_then(|t| match serde_json::from_str(&t) {
            Ok(v) => Some(v),
            Err(e) => {
                log::warn!("setting {key} unreadable: {e}");
                None
            }
        }))
    }

    pub fn set_setting<T: serde::Serialize>(
        &mut self,
        key: &str,
        value: &T,
    ) -> Result<(), StoreError> {
        let text = serde_json::to_string(value)
            .map_err(|e| StoreError::Conflict(format!("Không lưu được cài đặt {key}: {e}")))?;
        self.conn.execute(
            "INSERT INTO settings(key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![key, text],
        )?;
        Ok(())
    }

    /// The organisation; defaults when the setup has not been done.
    pub fn organisation(&self) -> Result<Organisation, StoreError> {
        Ok(self.setting(ORGANISATION)?.unwrap_or_default())
    }

    pub fn set_organisation(&mut self, org: &Organisation) -> Result<(), StoreError> {
        self.set_setting(ORGANISATION, org)
    }

    /// The history of mức lương cơ sở, oldest first.
    pub fn base_salaries(&self) -> Result<Vec<BaseSalary>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT effective_from, amount_vnd FROM base_salary ORDER BY effective_from",
        )?;
        let rows = stmt
            .query_map([], |r| {
                Ok(BaseSalary {
                    effective_from: r.get(0)?,
                    amount_vnd: r.get(1)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    /// Record the base salary in force from a date (replacing one from the same date).
    pub fn set_base_salary(&mut self, b: BaseSalary) -> Result<(), StoreError> {
        if b.amount_vnd <= 0 {
            return Err(StoreError::Conflict(
                "Mức lương cơ sở phải lớn hơn 0.".into(),
            ));
        }
        self.conn.execute(
            "INSERT INTO base_salary(effective_from, amount_vnd) VALUES (?1, ?2)
             ON CONFLICT(effective_from) DO UPDATE SET amount_vnd = excluded.amount_vnd",
            params![b.effective_from, b.amount_vnd],
        )?;
        Ok(())
    }
}
