//! Suggestions: the subjects whose data already meet a higher title or form, so the clerk
//! misses nobody.

use super::{EligibilitySettings, Facts, SubjectFacts, check};

/// The titles and forms suggested (persons, then collectives).
pub const SUGGESTED: [&str; 5] = ["CSTD_TINH", "BK_TINH_CN", "BK_TTG_CN", "HCLD3_CN", "TTLDXS"];

/// For each subject (an index into `subjects`), the titles it already meets, with the
/// reasons; titles it holds or is proposed for this year are left out.
pub fn suggest(
    subjects: &[Facts],
    s: &EligibilitySettings,
) -> Vec<(usize, &'static str, Vec<String>)> {
    let mut out = Vec::new();
    for (n, f) in subjects.iter().enumerate() {
        let person = matches!(f.subject, SubjectFacts::Person { .. });
        for code in SUGGESTED {
            if (code == "TTLDXS") == person {
                continue;
            }
            if f.holds(code, f.year) {
                continue;
            }
            let e = check(code, f, s);
            if !e.is_blocked() {
                let reasons = e
                    .outcomes
                    .iter()
                    .filter(|o| {
                        o.verdict == super::Verdict::Pass && o.rule != "R14" && o.rule != "R17"
                    })
                    .map(|o| o.reason.clone())
                    .collect();
                out.push((n, code, reasons));
            }
        }
    }
    out
}
