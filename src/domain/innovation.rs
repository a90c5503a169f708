//! Innovations (sáng kiến) and research topics (đề tài): the application of Thông tư
//! 18/2013 (Đơn yêu cầu công nhận sáng kiến), its checks, the review deadline (three months
//! from receipt, ND 13/2012 Đ.7(1)) and the way from receipt to recognition.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::model::PersonId;
use super::text::fold;
use super::validate::FieldError;

pub type InnovationId = i64;

coded_enum! {
    /// Loại sáng kiến (TT 18/2013 Đ.3), or a research topic.
    InnovationKind {
        Technical => "technical", "Giải pháp kỹ thuật";
        Management => "management", "Giải pháp quản lý";
        Operational => "operational", "Giải pháp tác nghiệp";
        TechApplication => "tech_application", "Ứng dụng tiến bộ kỹ thuật";
        Research => "research", "Đề tài nghiên cứu khoa học";
    }
}

coded_enum! {
    /// Where an application stands.
    InnovationStatus {
        Received => "received", "Nhận đơn";
        Reviewing => "reviewing", "Đang xét";
        Recognised => "recognised", "Công nhận";
        NotRecognised => "not_recognised", "Không công nhận";
    }
}

coded_enum! {
    /// The level at which an innovation is recognised (domain spec §6).
    InnovationLevel {
        Grassroots => "grassroots", "Cấp cơ sở";
        Province => "province", "Cấp tỉnh";
        National => "national", "Toàn quốc";
    }
}

/// An author: a person of the registry, or someone from outside by name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Author {
    pub person: Option<PersonId>,
    pub name: String,
    pub birth_date: Option<NaiveDate>,
    /// Nơi công tác.
    pub workplace: String,
    /// Chức danh.
    pub title: String,
    /// Trình độ chuyên môn.
    pub qualification: String,
    /// Tỷ lệ đóng góp, percent.
    pub share: f64,
}

/// The application and what became of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Innovation {
    pub id: InnovationId,
    pub year: i32,
    pub name: String,
    pub authors: Vec<Author>,
    /// Chủ đầu tư tạo ra sáng kiến.
    pub investor: String,
    /// Lĩnh vực áp dụng.
    pub field: String,
    pub kind: InnovationKind,
    /// Ngày áp dụng lần đầu hoặc áp dụng thử.
    pub first_applied: Option<NaiveDate>,
    /// Mô tả bản chất: the known way, what is new, how it is applied.
    pub known_way: String,
    pub novelty: String,
    pub how_applied: String,
    /// Thông tin cần được bảo mật.
    pub confidential: String,
    /// Điều kiện cần thiết để áp dụng.
    pub conditions: String,
    /// Lợi ích theo tác giả / theo người đã áp dụng.
    pub benefit_by_authors: String,
    pub benefit_by_appliers: String,
    /// Những người tham gia áp dụng lần đầu, one per line.
    pub first_appliers: String,
    /// Tài liệu kèm theo, one per line.
    pub attachments: String,
    pub received_on: NaiveDate,
    pub status: InnovationStatus,
    pub level: Option<InnovationLevel>,
    /// Lý do không công nhận.
    pub rejection_reasons: String,
    /// The decision that recognised it.
    pub decision_number: String,
    pub decision_date: Option<NaiveDate>,
    /// Who issued that decision; empty for the Director of the Sở (a cấp tỉnh or toàn
    /// quốc recognition names its issuing body).
    #[serde(default)]
    pub decision_issuer: String,
    /// Recognitions that still stand under the current one: the Sở's cơ sở recognition
    /// once the province recognised the innovation too.
    #[serde(default)]
    pub earlier_recognitions: Vec<Recognition>,
    /// The decision the current one amends (a correction), else empty.
    #[serde(default)]
    pub decision_replaces: String,
}

/// One recognition: its level and the decision (number, date, issuing body; an empty
/// body is the Director of the Sở).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recognition {
    pub level: InnovationLevel,
    pub number: String,
    pub date: NaiveDate,
    pub issuer: String,
    /// The decision this one amends, else empty.
    #[serde(default)]
    pub replaces: String,
}

impl InnovationLevel {
    /// Cơ sở < tỉnh < toàn quốc.
    pub fn rank(self) -> u8 {
        match self {
            InnovationLevel::Grassroots => 0,
            InnovationLevel::Province => 1,
            InnovationLevel::National => 2,
        }
    }
}

fn err(field: &'static str, message: impl Into<String>) -> FieldError {
    FieldError {
        field,
        message: message.into(),
    }
}

impl Innovation {
    pub fn new(year: i32, received_on: NaiveDate) -> Self {
        Innovation {
            id: 0,
            year,
            name: String::new(),
            authors: Vec::new(),
            investor: String::new(),
            field: String::new(),
            kind: InnovationKind::Technical,
            first_applied: None,
            known_way: String::new(),
            novelty: String::new(),
            how_applied: String::new(),
            confidential: String::new(),
            conditions: String::new(),
            benefit_by_authors: String::new(),
            benefit_by_appliers: String::new(),
            first_appliers: String::new(),
            attachments: String::new(),
            received_on,
            status: InnovationStatus::Received,
            level: None,
            rejection_reasons: String::new(),
            decision_number: String::new(),
            decision_date: None,
            decision_issuer: String::new(),
            earlier_recognitions: Vec::new(),
            decision_replaces: String::new(),
        }
    }

    /// The current recognition, when recognised.
    pub fn recognition(&self) -> Option<Recognition> {
        if self.status != InnovationStatus::Recognised {
            return None;
        }
        Some(Recognition {
            level: self.level?,
            number: self.decision_number.clone(),
            date: self.decision_date?,
            issuer: self.decision_issuer.clone(),
            replaces: self.decision_replaces.clone(),
        })
    }

    /// Every recognition that stands, the current one first.
    pub fn recognitions(&self) -> Vec<Recognition> {
        let mut v: Vec<Recognition> = self.recognition().into_iter().collect();
        if !v.is_empty() {
            v.extend(self.earlier_recognitions.iter().cloned());
        }
        v
    }

    /// The recognition the Sở's own decision `number` made, if it made one.
    pub fn recognised_by(&self, number: &str) -> Option<Recognition> {
        self.recognitions()
            .into_iter()
            .find(|r| r.number == number && r.issuer.trim().is_empty())
    }

    /// The Sở's own recognition (the one its certificate names).
    pub fn own_recognition(&self) -> Option<Recognition> {
        self.recognitions()
            .into_iter()
            .find(|r| r.issuer.trim().is_empty())
    }

    /// Record a recognition at a higher level by another body (the province's, the
    /// nation's); the Sở's recognition stays on record under it.
    pub fn raise_to(&mut self, higher: Recognition) -> Result<(), String> {
        let Some(current) = self.recognition() else {
            return Err(
                "Chỉ ghi nhận công nhận cấp trên cho sáng kiến đã được công nhận cấp cơ sở.".into(),
            );
        };
        if higher.level.rank() <= current.level.rank() {
            return Err(format!(
                "Sáng kiến đang được công nhận {}; cấp ghi nhận thêm phải cao hơn.",
                current.level.label().to_lowercase()
            ));
        }
        if higher.number.trim().is_empty() || higher.issuer.trim().is_empty() {
            return Err(
                "Hãy ghi số quyết định và cơ quan ban hành của quyết định công nhận cấp trên."
                    .into(),
            );
        }
        if higher.date < current.date {
            return Err(format!(
                "Ngày quyết định cấp trên ({}) trước ngày công nhận cấp cơ sở ({}).",
                higher.date.format("%d/%m/%Y"),
                current.date.format("%d/%m/%Y")
            ));
        }
        self.earlier_recognitions.insert(0, current);
        self.level = Some(higher.level);
        self.decision_number = higher.number.trim().to_owned();
        self.decision_date = Some(higher.date);
        self.decision_issuer = higher.issuer.trim().to_owned();
        self.decision_replaces = higher.replaces.trim().to_owned();
        Ok(())
    }

    /// Everything wrong with the application, in the clerk's words.
    pub fn problems(&self) -> Vec<FieldError> {
        let mut v = Vec::new();
        if self.name.trim().is_empty() {
            v.push(err("name", "Hãy nhập tên sáng kiến."));
        }
        if self.authors.is_empty() {
            v.push(err("authors", "Sáng kiến cần ít nhất một tác giả."));
        }
        if self.authors.iter().any(|a| a.name.trim().is_empty()) {
            v.push(err("authors", "Có tác giả chưa có họ tên."));
        }
        if self
            .authors
            .iter()
            .any(|a| !(a.share > 0.0 && a.share <= 100.0))
        {
            v.push(err(
                "authors",
                "Tỷ lệ đóng góp của mỗi tác giả phải lớn hơn 0% và không quá 100%.",
            ));
        }
        let total: f64 = self.authors.iter().map(|a| a.share).sum();
        if !self.authors.is_empty() && (total - 100.0).abs() > 0.01 {
            v.push(err(
                "authors",
                format!(
                    "Tổng tỷ lệ đóng góp của các tác giả là {}%, phải đúng 100%.",
                    super::plan::format_percent(total).trim_end_matches('%')
                ),
            ));
        }
        for (i, a) in self.authors.iter().enumerate() {
            let twice = self.authors[..i]
                .iter()
                .any(|b| match (a.person, b.person) {
                    (Some(x), Some(y)) => x == y,
                    _ => {
                        !a.name.trim().is_empty()
                            && fold(&a.name) == fold(&b.name)
                            && a.birth_date == b.birth_date
                    }
                });
            if twice {
                v.push(err(
                    "authors",
                    format!(
                        "{} được ghi hai lần trong danh sách tác giả.",
                        a.name.trim()
                    ),
                ));
            }
        }
        if let Some(first) = self.first_applied
            && first > self.received_on
        {
            v.push(err(
                "first_applied",
                format!(
                    "Ngày áp dụng lần đầu ({}) sau ngày nhận đơn ({}): sáng kiến phải được áp dụng hoặc áp dụng thử trước khi nộp đơn.",
                    first.format("%d/%m/%Y"),
                    self.received_on.format("%d/%m/%Y")
                ),
            ));
        }
        match self.status {
            InnovationStatus::Recognised => {
                if self.level.is_none() {
                    v.push(err("level", "Hãy chọn cấp công nhận sáng kiến."));
                }
                if self.decision_number.trim().is_empty() || self.decision_date.is_none() {
                    v.push(err(
                        "decision",
                        "Sáng kiến được công nhận phải có số và ngày của quyết định công nhận.",
                    ));
                }
            }
            InnovationStatus::NotRecognised if self.rejection_reasons.trim().is_empty() => {
                v.push(err("rejection_reasons", "Hãy ghi lý do không công nhận."));
            }
            _ => {}
        }
        v
    }

    /// The last day of the review: three months from the day the application was received.
    pub fn review_due(&self) -> NaiveDate {
        self.received_on
            .checked_add_months(Months::new(3))
            .unwrap_or(self.received_on)
    }

    /// Whether the review is still open.
    pub fn is_open(&self) -> bool {
        matches!(
            self.status,
            InnovationStatus::Received | InnovationStatus::Reviewing
        )
    }

    /// "còn 12 ngày để xét", "quá hạn xét 5 ngày"; None once decided.
    pub fn review_text(&self, today: NaiveDate) -> Option<String> {
        if !self.is_open() {
            return None;
        }
        let days = (self.review_due() - today).num_days();
        Some(if days >= 0 {
            format!("còn {days} ngày để xét")
        } else {
            format!("quá hạn xét {} ngày", -days)
        })
    }

    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.is_open() && today > self.review_due()
    }

    /// Whether it came in after the plan's deadline for innovations.
    pub fn is_late_for(&self, deadline: Option<NaiveDate>) -> bool {
        deadline.is_some_and(|d| self.received_on > d)
    }
}

/// The plan's deadline for innovations: the first deadline that speaks of "sáng kiến".
pub fn innovation_deadline(plan: &super::plan::Plan) -> Option<NaiveDate> {
    plan.deadlines
        .iter()
        .find(|d| fold(&d.what).contains("sang kien"))
        .map(|d| d.date)
}

#[cfg(test)]
#[path = "innovation_tests.rs"]
mod tests;
