//! Verdicts for nominations and suggestions of higher titles, from the store's data.

use super::ThiduaApp;
use crate::docs::council_data::Names;
use crate::domain::model::{Rating, Subject};
use crate::domain::nomination::Nomination;
use crate::domain::registration::registration_needed;
use crate::store::StoreError;
use crate::ui::nomination_view::{ReasonLevel, Suggestion, VerdictView};

impl ThiduaApp {
    /// The verdict of one nomination: registration (no registration, no title) and the
    /// year's rating for the titles that need it.
    pub(crate) fn verdict_for(&self, n: &Nomination) -> Result<VerdictView, StoreError> {
        let names = Names::load(&self.store)?;
        let Some(entry) = names.entry(n.catalogue_id) else {
            return Ok(VerdictView::default());
        };
        let mut reasons = Vec::new();
        if let Some(needed) = registration_needed(&entry.code) {
            if self.store.is_registered(n.subject, n.year, needed)? {
                reasons.push((
                    ReasonLevel::Pass,
                    format!("Đã đăng ký thi đua năm {}", n.year),
                ));
            } else {
                reasons.push((
                    ReasonLevel::Block,
                    format!("Chưa đăng ký thi đua năm {}", n.year),
                ));
            }
        }
        if matches!(entry.code.as_str(), "LDTT" | "CSTDCS") {
            let rating = match n.subject {
                Subject::Person(id) => self.store.person_ratings(id)?,
                Subject::Unit(id) => self.store.unit_ratings(id)?,
            }
            .into_iter()
            .find(|(y, _)| *y == n.year)
            .map(|(_, r)| r);
            match rating {
                Some(r @ (Rating::Excellent | Rating::Good)) => reasons.push((
                    ReasonLevel::Pass,
                    format!("Xếp loại năm {}: {}", n.year, r.label()),
                )),
                Some(r) => reasons.push((
                    ReasonLevel::Block,
                    format!(
                        "Xếp loại năm {}: {} (cần hoàn thành tốt nhiệm vụ trở lên)",
                        n.year,
                        r.label()
                    ),
                )),
                None => reasons.push((
                    ReasonLevel::Block,
                    format!("Chưa có xếp loại năm {}", n.year),
                )),
            }
        }
        Ok(verdict(reasons))
    }

    /// People and units whose data already meet a higher title or form.
    pub(crate) fn suggestions(&self, _year: i32) -> Result<Vec<Suggestion>, StoreError> {
        Ok(Vec::new())
    }
}

/// Sum up reasons into a verdict.
pub(crate) fn verdict(reasons: Vec<(ReasonLevel, String)>) -> VerdictView {
    let blocked = reasons.iter().any(|(l, _)| *l == ReasonLevel::Block);
    let warned = reasons.iter().any(|(l, _)| *l == ReasonLevel::Warn);
    let worst = |level| {
        reasons
            .iter()
            .filter(|(l, _)| *l == level)
            .map(|(_, t)| t.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    };
    let summary = if blocked {
        format!("Không đủ điều kiện: {}", worst(ReasonLevel::Block))
    } else if warned {
        format!("Cần xem xét: {}", worst(ReasonLevel::Warn))
    } else {
        "Đủ điều kiện".into()
    };
    VerdictView {
        blocked,
        warned,
        summary,
        reasons,
    }
}
