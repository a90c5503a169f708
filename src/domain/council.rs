//! The Emulation & Commendation Council's meeting (Hội đồng Thi đua – Khen thưởng Sở):
//! members present and absent, the quorum, the vote per candidate counted over all
//! members (domain spec §3), and the outcome.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::plan::format_percent;
pub type MeetingId = i64;

coded_enum! {
    /// How the council votes.
    VoteForm {
        SecretBallot => "secret", "Bỏ phiếu kín";
        ShowOfHands => "hands", "Biểu quyết giơ tay";
    }
}

coded_enum! {
    /// A member's place in the council.
    MemberRole {
        Chair => "chair", "Chủ tịch Hội đồng";
        ViceChair => "vice_chair", "Phó Chủ tịch Hội đồng";
        Secretary => "secretary", "Thư ký Hội đồng";
        Member => "member", "Ủy viên";
    }
}

coded_enum! {
    /// What the council decided on one nomination.
    Outcome {
        Passed => "passed", "Thông qua";
        Failed => "failed", "Không thông qua";
        PassedAndPropose => "passed_propose", "Thông qua và đề nghị cấp trên khen thưởng";
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CouncilMember {
    pub name: String,
    /// Chức vụ: "Giám đốc Sở", "Chánh Văn phòng".
    pub position: String,
    pub role: MemberRole,
    pub present: bool,
}

/// A council meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Meeting {
    pub id: MeetingId,
    pub year: i32,
    pub held_on: NaiveDate,
    /// "08 giờ 00".
    pub time: String,
    pub place: String,
    pub members: Vec<CouncilMember>,
    pub vote_form: VoteForm,
}

/// Votes cast on one candidate (in the room or in writing by absent members).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Votes {
    pub agree: u32,
    pub disagree: u32,
}

/// The council's rules that vary by province (settings).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CouncilRules {
    /// The share of all members that must be present for the meeting to decide.
    pub quorum_percent: f64,
    /// Agreeing votes needed, as a share of all members, by catalogue code; codes not
    /// listed need [`CouncilRules::other_threshold`].
    pub thresholds: std::collections::BTreeMap<String, f64>,
    pub other_threshold: f64,
}

impl Default for CouncilRules {
    /// The domain spec's defaults: 90% of all members for CSTĐ tỉnh and the forms at its
    /// level and above (the old ND 91/2017 Đ.45(8) rule); more than half otherwise
    /// (unverified; a setting).
    fn default() -> Self {
        let high = [
            "CSTD_TINH",
            "CSTD_TQ",
            "BK_TINH_CN",
            "BK_TINH_TT",
            "BK_TTG_CN",
            "BK_TTG_TT",
            "HCLD3_CN",
            "HCLD3_TT",
            "CO_TINH",
            "CO_CP",
        ];
        CouncilRules {
            quorum_percent: 200.0 / 3.0,
            thresholds: high.iter().map(|c| ((*c).to_owned(), 90.0)).collect(),
            other_threshold: 50.0,
        }
    }
}

impl CouncilRules {
    /// The share of all members that must agree for a candidate of `code`.
    pub fn threshold(&self, code: &str) -> f64 {
        self.thresholds
            .get(code)
            .copied()
            .unwrap_or(self.other_threshold)
    }
}

/// What the council decided on a candidate, worked out from the votes.
#[derive(Debug, Clone, PartialEq)]
pub struct VoteResult {
    /// Agreeing votes as a share of all members, in percent.
    pub percent_of_all: f64,
    pub threshold: f64,
    pub passes: bool,
}

impl VoteResult {
    /// "11/12 thành viên đồng ý (91,67%; cần từ 90% tổng số thành viên): đạt".
    pub fn text(&self, votes: Votes, total: usize) -> String {
        format!(
            "{}/{total} thành viên đồng ý ({}; cần từ {} tổng số thành viên): {}",
            votes.agree,
            format_percent(self.percent_of_all),
            format_percent(self.threshold),
            if self.passes {
                "đạt"
            } else {
                "không đạt"
            }
        )
    }
}

impl Meeting {
    pub fn total(&self) -> usize {
        self.members.len()
    }

    pub fn present(&self) -> usize {
        self.members.iter().filter(|m| m.present).count()
    }

    pub fn member_with(&self, role: MemberRole) -> Option<&CouncilMember> {
        self.members.iter().find(|m| m.role == role)
    }

    /// Whether enough members are present; otherwise why not.
    pub fn quorum(&self, rules: &CouncilRules) -> Result<(), String> {
        let total = self.total();
        if total == 0 {
            return Err("Hội đồng chưa có thành viên nào.".into());
        }
        let present = self.present();
        let percent = present as f64 * 100.0 / total as f64;
        if percent + 1e-9 >= rules.quorum_percent {
            Ok(())
        } else {
            Err(format!(
                "Chỉ có {present}/{total} thành viên dự họp ({}); cần từ {} tổng số thành viên để Hội đồng biểu quyết.",
                format_percent(percent),
                format_percent(rules.quorum_percent)
            ))
        }
    }

    /// Check the meeting as typed: a chair, a secretary, names, distinct members.
    pub fn problems(&self) -> Vec<String> {
        let mut v = Vec::new();
        if self.member_with(MemberRole::Chair).is_none() {
            v.push("Hãy chọn Chủ tịch Hội đồng (chủ trì cuộc họp).".into());
        }
        if self.member_with(MemberRole::Secretary).is_none() {
            v.push("Hãy chọn Thư ký Hội đồng.".into());
        }
        if self
            .members
            .iter()
            .filter(|m| m.role == MemberRole::Chair)
            .count()
            > 1
        {
            v.push("Hội đồng chỉ có một Chủ tịch.".into());
        }
        if self.members.iter().any(|m| m.name.trim().is_empty()) {
            v.push("Có thành viên chưa có họ tên.".into());
        }
        let mut names: Vec<String> = self
            .members
            .iter()
            .map(|m| super::text::fold(&m.name))
            .collect();
        names.sort();
        if names.windows(2).any(|w| w[0] == w[1] && !w[0].is_empty()) {
            v.push("Một người được ghi hai lần trong danh sách thành viên.".into());
        }
        if self.place.trim().is_empty() {
            v.push("Hãy ghi địa điểm họp.".into());
        }
        v
    }
}

/// Count the votes on one candidate over all `total` members against `threshold` percent.
pub fn count(votes: Votes, total: usize, threshold: f64) -> Result<VoteResult, String> {
    let cast = votes.agree as usize + votes.disagree as usize;
    if total == 0 {
        return Err("Hội đồng chưa có thành viên nào.".into());
    }
    if cast > total {
        return Err(format!(
            "Số phiếu ({cast}) nhiều hơn số thành viên Hội đồng ({total}). Hãy kiểm tra lại."
        ));
    }
    let percent_of_all = votes.agree as f64 * 100.0 / total as f64;
    Ok(VoteResult {
        percent_of_all,
        threshold,
        passes: percent_of_all + 1e-9 >= threshold,
    })
}

/// The outcome the votes lead to: a passed candidate for a title or form that a higher
/// level decides is proposed to that level.
pub fn outcome(result: &VoteResult, decided_by_director: bool) -> Outcome {
    match (result.passes, decided_by_director) {
        (false, _) => Outcome::Failed,
        (true, true) => Outcome::Passed,
        (true, false) => Outcome::PassedAndPropose,
    }
}

/// The outcome the clerk records: the one the votes lead to, or the clerk's choice where
/// the votes allow it (a candidate who passed may be "thông qua" only, or passed and
/// proposed to a higher level; one who did not pass can only fail).
pub fn chosen_outcome(
    result: &VoteResult,
    decided_by_director: bool,
    choice: Option<Outcome>,
) -> Result<Outcome, String> {
    let Some(choice) = choice else {
        return Ok(outcome(result, decided_by_director));
    };
    match (result.passes, choice) {
        (false, Outcome::Failed) | (true, Outcome::Passed | Outcome::PassedAndPropose) => {
            Ok(choice)
        }
        (false, _) => Err(format!(
            "Số phiếu đồng ý mới đạt {} tổng số thành viên, chưa đạt {}: không ghi «{}» được.",
            format_percent(result.percent_of_all),
            format_percent(result.threshold),
            choice.label()
        )),
        (true, _) => Err(format!(
            "Số phiếu đồng ý đạt {} tổng số thành viên (từ {} là thông qua): không ghi «{}» được.",
            format_percent(result.percent_of_all),
            format_percent(result.threshold),
            choice.label()
        )),
    }
}

#[cfg(test)]
#[path = "council_tests.rs"]
mod tests;
