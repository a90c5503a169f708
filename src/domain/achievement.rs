//! The achievement report (báo cáo thành tích, ND 98/2023 Phụ lục I Mẫu 03 for a person,
//! Mẫu 02 for a collective): what the app knows is filled in from the data; the rest is
//! written by the clerk and kept with the nomination.

use serde::{Deserialize, Serialize};

/// What the clerk writes for the report (the data the app already holds is not here).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ReportText {
    /// Dân tộc.
    pub ethnicity: String,
    /// Tôn giáo.
    pub religion: String,
    /// Quê quán.
    pub hometown: String,
    /// Nơi thường trú.
    pub residence: String,
    /// Trình độ lý luận chính trị.
    pub political_theory: String,
    /// Trình độ chuyên môn, nghiệp vụ.
    pub qualification: String,
    /// Học hàm, học vị, danh hiệu, giải thưởng.
    pub degrees: String,
    /// Collective: đặc điểm, tình hình (Mẫu 02, I.1).
    pub situation: String,
    /// Quyền hạn, nhiệm vụ được giao / chức năng, nhiệm vụ.
    pub duties: String,
    /// Thành tích đạt được.
    pub results: String,
}

/// The years an achievement report covers for a title or form (domain spec §5): CSTĐ
/// tỉnh 3, BK TTg and Huân chương 5, CSTĐ toàn quốc 6; others the nomination's year and
/// the one before.
pub fn years_covered(code: &str) -> i32 {
    match code {
        "CSTD_TINH" => 3,
        "BK_TTG_CN" | "BK_TTG_TT" | "HCLD3_CN" | "HCLD3_TT" => 5,
        "CSTD_TQ" => 6,
        "BK_TINH_CN" | "BK_TINH_TT" => 2,
        _ => 1,
    }
}

/// "BÁO CÁO THÀNH TÍCH ĐỀ NGHỊ TẶNG DANH HIỆU CHIẾN SĨ THI ĐUA CẤP TỈNH" / "… TẶNG BẰNG
/// KHEN CỦA CHỦ TỊCH UBND TỈNH".
pub fn report_title(entry_name: &str, is_title: bool) -> String {
    let entry_name = entry_name
        .trim()
        .trim_end_matches("(cá nhân)")
        .trim_end_matches("(tập thể)")
        .trim();
    let what = if is_title {
        format!("danh hiệu {entry_name}")
    } else {
        entry_name.to_owned()
    };
    format!("BÁO CÁO THÀNH TÍCH ĐỀ NGHỊ TẶNG {}", what.to_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_follow_the_spec() {
        assert_eq!(years_covered("CSTD_TINH"), 3);
        assert_eq!(years_covered("HCLD3_CN"), 5);
        assert_eq!(years_covered("CSTD_TQ"), 6);
        assert_eq!(years_covered("LDTT"), 1);
    }

    #[test]
    fn titles_read_as_the_template() {
        assert_eq!(
            report_title("Chiến sĩ thi đua cấp tỉnh", true),
            "BÁO CÁO THÀNH TÍCH ĐỀ NGHỊ TẶNG DANH HIỆU CHIẾN SĨ THI ĐUA CẤP TỈNH"
        );
        assert_eq!(
            report_title("Bằng khen của Chủ tịch UBND tỉnh (cá nhân)", false),
            "BÁO CÁO THÀNH TÍCH ĐỀ NGHỊ TẶNG BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH"
        );
    }

    #[test]
    fn old_reports_without_new_fields_still_read() {
        let r: ReportText = serde_json::from_str(r#"{"duties":"Phụ trách"}"#).unwrap();
        assert_eq!(r.duties, "Phụ trách");
        assert!(r.results.is_empty());
    }
}
