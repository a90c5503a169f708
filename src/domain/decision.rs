//! Award decisions (Quyết định khen thưởng) and their attached lists: the Director's own,
//! and those of other bodies recorded by number. An issued decision is read-only; a
//! mistake is corrected by a new decision that amends or cancels it.

use std::cmp::Ordering;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::collation::compare_person_names;
use super::model::{CatalogueId, Subject};
use super::plan::SignerMode;

pub type DecisionId = i64;

coded_enum! {
    /// How the attached list is ordered.
    ListOrder {
        ByUnit => "by_unit", "Theo đơn vị và chức vụ";
        ByName => "by_name", "Theo tên (tên, họ, đệm)";
    }
}

coded_enum! {
    /// Where a decision stands.
    DecisionStatus {
        Draft => "draft", "Dự thảo";
        Issued => "issued", "Đã ban hành";
    }
}

/// One subject of a decision with what it receives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DecisionEntry {
    pub subject: Subject,
    pub catalogue_id: CatalogueId,
    /// Đồng; None where the form carries no money.
    pub amount: Option<i64>,
    /// The nomination it comes from, if any.
    pub nomination: Option<i64>,
}

/// A decision as drafted and, once issued, as it stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    pub id: DecisionId,
    /// The year of the achievements it rewards.
    pub year: i32,
    /// "12/QĐ-SCT", or the other body's number.
    pub number: String,
    pub issued_on: Option<NaiveDate>,
    /// The Director's own decision (numbered from the register), or another body's.
    pub internal: bool,
    /// "Giám đốc Sở Công Thương", "Chủ tịch UBND tỉnh" …
    pub issuer: String,
    /// "Về việc công nhận danh hiệu Lao động tiên tiến năm 2026".
    pub subject_line: String,
    pub bases: Vec<String>,
    /// Điều 3: who carries it out.
    pub executors: String,
    /// Where the money comes from (Điều 2).
    pub fund: String,
    pub recipients: Vec<String>,
    pub signer_mode: SignerMode,
    pub signer_name: String,
    pub order: ListOrder,
    pub status: DecisionStatus,
    /// The earlier decision it amends or cancels.
    pub amends: Option<DecisionId>,
    pub cancels: bool,
    pub entries: Vec<DecisionEntry>,
}

impl Decision {
    /// A draft of the Director's decision for `year`.
    pub fn draft(year: i32, subject_line: &str, signer: &str) -> Self {
        Decision {
            id: 0,
            year,
            number: String::new(),
            issued_on: None,
            internal: true,
            issuer: "Giám đốc Sở Công Thương".into(),
            subject_line: subject_line.into(),
            bases: vec![
                "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;".into(),
                "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;".into(),
            ],
            executors: "Chánh Văn phòng Sở, Trưởng các phòng, đơn vị thuộc Sở và các tập thể, cá nhân có tên tại Điều 1".into(),
            fund: "Quỹ thi đua, khen thưởng của Sở Công Thương".into(),
            recipients: vec!["Như Điều 3".into(), "Lưu: VT, VP".into()],
            signer_mode: SignerMode::Director,
            signer_name: signer.into(),
            order: ListOrder::ByUnit,
            status: DecisionStatus::Draft,
            amends: None,
            cancels: false,
            entries: Vec::new(),
        }
    }

    /// Everything wrong with the decision, in the clerk's words.
    pub fn problems(&self) -> Vec<String> {
        let mut v = Vec::new();
        if self.entries.is_empty() && !self.cancels {
            v.push("Quyết định chưa có tập thể, cá nhân nào.".to_owned());
        }
        if self.subject_line.trim().is_empty() {
            v.push("Hãy ghi trích yếu «Về việc …» của quyết định.".into());
        }
        for (i, e) in self.entries.iter().enumerate() {
            match self.entries[..i].iter().find(|o| o.subject == e.subject) {
                Some(o) if o.catalogue_id == e.catalogue_id => {
                    v.push("Một đối tượng có tên hai lần trong cùng một danh hiệu, hình thức của quyết định.".into());
                    break;
                }
                Some(_) => {
                    v.push("Một đối tượng có tên ở hai danh hiệu, hình thức của cùng một quyết định; hãy tách thành hai quyết định.".into());
                    break;
                }
                None => {}
            }
        }
        if !self.internal
            && (self.number.trim().is_empty()
                || self.issued_on.is_none()
                || self.issuer.trim().is_empty())
        {
            v.push("Quyết định của cơ quan khác cần số, ngày và cơ quan ban hành.".into());
        }
        v
    }

    /// Total money of the decision.
    pub fn total(&self) -> i64 {
        self.entries.iter().filter_map(|e| e.amount).sum()
    }
}

/// The parts of a decision the Department keeps the same from one to the next (settings).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DecisionDefaults {
    pub bases: Vec<String>,
    pub executors: String,
    pub fund: String,
    pub recipients: Vec<String>,
}

impl DecisionDefaults {
    pub fn of(d: &Decision) -> Self {
        DecisionDefaults {
            bases: d.bases.clone(),
            executors: d.executors.clone(),
            fund: d.fund.clone(),
            recipients: d.recipients.clone(),
        }
    }

    pub fn apply(&self, d: &mut Decision) {
        d.bases = self.bases.clone();
        d.executors = self.executors.clone();
        d.fund = self.fund.clone();
        d.recipients = self.recipients.clone();
    }
}

/// What the list needs to order a subject: unit order, position rank, the name.
#[derive(Debug, Clone, PartialEq)]
pub struct ListKey {
    pub unit_order: i64,
    pub position_rank: i64,
    pub name: String,
    pub collective: bool,
}

/// Compare two subjects of a list: collectives first, then by unit and position (the
/// default), or by Vietnamese name order (tên, họ, đệm).
pub fn compare(a: &ListKey, b: &ListKey, order: ListOrder) -> Ordering {
    b.collective.cmp(&a.collective).then_with(|| match order {
        ListOrder::ByUnit => a
            .unit_order
            .cmp(&b.unit_order)
            .then(a.position_rank.cmp(&b.position_rank))
            .then_with(|| compare_person_names(&a.name, &b.name)),
        ListOrder::ByName => {
            compare_person_names(&a.name, &b.name).then(a.unit_order.cmp(&b.unit_order))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(name: &str, unit: i64, rank: i64) -> ListKey {
        ListKey {
            unit_order: unit,
            position_rank: rank,
            name: name.into(),
            collective: false,
        }
    }

    #[test]
    fn both_orders_and_every_tone() {
        let mut people = vec![
            key("Nguyễn Văn Ánh", 2, 50),
            key("Trần Thị Anh", 1, 50),
            key("Lê Văn Ạnh", 1, 10),
            key("Phạm Thị Ảnh", 2, 10),
            key("Đỗ Văn Ành", 3, 50),
            key("Vũ Thị Ãnh", 1, 50),
        ];
        people.sort_by(|a, b| compare(a, b, ListOrder::ByName));
        let names: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Trần Thị Anh",
                "Đỗ Văn Ành",
                "Phạm Thị Ảnh",
                "Vũ Thị Ãnh",
                "Nguyễn Văn Ánh",
                "Lê Văn Ạnh"
            ]
        );
        people.sort_by(|a, b| compare(a, b, ListOrder::ByUnit));
        let names: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Lê Văn Ạnh",
                "Trần Thị Anh",
                "Vũ Thị Ãnh",
                "Phạm Thị Ảnh",
                "Nguyễn Văn Ánh",
                "Đỗ Văn Ành"
            ]
        );
        let mut unit = key("Văn phòng", 5, 0);
        unit.collective = true;
        people.push(unit);
        people.sort_by(|a, b| compare(a, b, ListOrder::ByName));
        assert_eq!(people[0].name, "Văn phòng", "collectives first");
    }

    #[test]
    fn defaults_carry_over_to_the_next_draft() {
        let mut first = Decision::draft(2026, "Về việc A", "Nguyễn Văn Hùng");
        first
            .bases
            .push("Căn cứ Quyết định số 30/2024/QĐ-UBND của UBND tỉnh;".into());
        first.fund = "Quỹ thi đua, khen thưởng tỉnh".into();
        let defaults = DecisionDefaults::of(&first);
        let mut next = Decision::draft(2027, "Về việc B", "Nguyễn Văn Hùng");
        assert_ne!(next.bases, first.bases);
        defaults.apply(&mut next);
        assert_eq!(
            (next.bases.clone(), next.fund.clone()),
            (first.bases.clone(), first.fund.clone())
        );
        assert_eq!(next.subject_line, "Về việc B", "only the defaults change");
    }

    #[test]
    fn a_decision_says_what_is_missing() {
        let mut d = Decision::draft(
            2026,
            "Về việc công nhận danh hiệu Lao động tiên tiến năm 2026",
            "Nguyễn Văn Hùng",
        );
        assert!(d.problems()[0].contains("chưa có tập thể, cá nhân"));
        let e = DecisionEntry {
            subject: Subject::Person(1),
            catalogue_id: 1,
            amount: Some(702_000),
            nomination: None,
        };
        d.entries = vec![e.clone(), e];
        assert!(d.problems().iter().any(|p| p.contains("hai lần")));
        d.entries[1].catalogue_id = 2;
        assert!(
            d.problems().iter().any(|p| p.contains("hai danh hiệu")),
            "one subject in two groups"
        );
        d.entries.pop();
        assert!(d.problems().is_empty());
        assert_eq!(d.total(), 702_000);
        d.internal = false;
        assert!(d.problems().iter().any(|p| p.contains("cơ quan khác")));
    }
}
