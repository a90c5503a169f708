//! Steps that move several nominations at once: sending them to the council, and issuing
//! a tờ trình that carries them. Each is one transaction: all of it or nothing. And the
//! proposing unit, which the clerk may change while the nomination is not yet decided.

use rusqlite::params;

use super::nominations::{move_nomination_in, nomination_in, still_open};
use super::register::{next_document_number_in, register_document_in};
use super::{Store, StoreError};
use crate::domain::model::UnitId;
use crate::domain::nomination::{NominationId, NominationStatus};

impl Store {
    /// Send nominations to the council, with the clerk's reason where rules warn: all of
    /// them or none.
    pub fn send_to_council(
        &mut self,
        ids: &[NominationId],
        override_reason: Option<&str>,
    ) -> Result<(), StoreError> {
        self.in_transaction(|tx| {
            for id in ids {
                move_nomination_in(tx, *id, NominationStatus::ToCouncil, override_reason)?;
            }
            Ok(())
        })
    }

    /// Number a tờ trình from the register and, when it goes to the higher level, mark the
    /// nominations it carries "đã trình cấp trên": all of it or nothing. Returns the number.
    pub fn issue_proposal(
        &mut self,
        year: i32,
        issued_on: chrono::NaiveDate,
        summary: &str,
        submitted: &[NominationId],
    ) -> Result<u32, StoreError> {
        self.in_transaction(|tx| {
            let number = next_document_number_in(tx, year, "TTr")?;
            register_document_in(tx, year, "TTr", number, issued_on, summary)?;
            for id in submitted {
                move_nomination_in(tx, *id, NominationStatus::Submitted, None)?;
            }
            Ok(number)
        })
    }

    /// Change the unit that proposes a nomination (not once decided or sent on).
    pub fn set_proposing_unit(&mut self, id: NominationId, unit: UnitId) -> Result<(), StoreError> {
        self.in_transaction(|tx| {
            still_open(&nomination_in(tx, id)?, "không đổi được đơn vị đề nghị nữa")?;
            let u = super::units::unit_in(tx, unit)?;
            if !u.active {
                return Err(StoreError::Conflict(format!(
                    "Đơn vị «{}» đã ngừng hoạt động; hãy chọn đơn vị khác làm đơn vị đề nghị.",
                    u.name
                )));
            }
            tx.execute(
                "UPDATE nominations SET proposing_unit_id = ?1 WHERE id = ?2",
                params![unit, id],
            )?;
            Ok(())
        })
    }
}
