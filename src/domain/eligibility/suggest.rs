//! Suggestions: the subjects whose data already meet a higher title or form, so the clerk
//! misses nobody.

use super::{EligibilitySettings, Facts, SubjectFacts, check};

/// The titles and forms suggested to persons.
const FOR_PEOPLE: [&str; 5] = [
    "CSTD_TINH",
    "CSTD_TQ",
    "BK_TINH_CN",
    "BK_TTG_CN",
    "HCLD3_CN",
];
/// The titles and forms suggested to collectives.
const FOR_UNITS: [&str; 4] = ["TTLDXS", "BK_TINH_TT", "BK_TTG_TT", "HCLD3_TT"];

/// For each subject (an index into `subjects`), the titles it already meets (no rule
/// blocks or warns), with the reasons; titles it holds or is proposed for this year are
/// left out.
pub fn suggest(
    subjects: &[Facts],
    s: &EligibilitySettings,
) -> Vec<(usize, &'static str, Vec<String>)> {
    let mut out = Vec::new();
    for (n, f) in subjects.iter().enumerate() {
        let person = matches!(f.subject, SubjectFacts::Person { .. });
        let codes: &[&'static str] = if person { &FOR_PEOPLE } else { &FOR_UNITS };
        for code in codes {
            if f.holds(code, f.year) {
                continue;
            }
            let e = check(code, f, s);
            if !e.is_blocked() && !e.has_warnings() {
                let reasons = e
                    .outcomes
                    .iter()
                    .filter(|o| {
                        o.verdict == super::Verdict::Pass && o.rule != "R14" && o.rule != "R17"
                    })
                    .map(|o| o.reason.clone())
                    .collect();
                out.push((n, *code, reasons));
            }
        }
    }
    out
}
