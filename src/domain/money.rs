//! Reward amounts: a coefficient of the base salary in force on the decision date, rounded
//! as the settings say, and the amount in Vietnamese words for the accountant ("Bằng chữ").

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::settings::{BaseSalary, base_salary_on};

/// How amounts are rounded (settings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rounding {
    /// Round to a multiple of this many đồng (1 = not rounded).
    pub to: i64,
}

impl Default for Rounding {
    fn default() -> Self {
        Rounding { to: 1_000 }
    }
}

impl Rounding {
    /// Round half up to the nearest multiple.
    pub fn apply(self, amount: f64) -> i64 {
        let step = self.to.max(1) as f64;
        ((amount / step) + 0.5).floor() as i64 * self.to.max(1)
    }
}

/// The reward for a coefficient on `date`, or why there is none.
pub fn reward(
    coefficient: Option<f64>,
    date: NaiveDate,
    salaries: &[BaseSalary],
    rounding: Rounding,
) -> Result<Option<i64>, String> {
    let Some(c) = coefficient else {
        return Ok(None);
    };
    let base = base_salary_on(salaries, date).ok_or_else(|| {
        format!(
            "Chưa có mức lương cơ sở áp dụng ngày {}: hãy nhập mức lương cơ sở trong Cài đặt.",
            date.format("%d/%m/%Y")
        )
    })?;
    Ok(Some(rounding.apply(c * base as f64)))
}

const DIGITS: [&str; 10] = [
    "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín",
];

/// Words for 0–999; `full` when a higher group precedes (then "không trăm", "linh").
fn group_words(n: u32, full: bool) -> Vec<&'static str> {
    let (h, t, u) = (n / 100, (n / 10) % 10, n % 10);
    let mut w = Vec::new();
    if h > 0 || full {
        w.push(DIGITS[h as usize]);
        w.push("trăm");
    }
    match t {
        0 if u > 0 && (h > 0 || full) => w.push("linh"),
        0 => {}
        1 => w.push("mười"),
        _ => {
            w.push(DIGITS[t as usize]);
            w.push("mươi");
        }
    }
    match u {
        0 => {}
        1 if t >= 2 => w.push("mốt"),
        5 if t >= 1 => w.push("lăm"),
        _ => w.push(DIGITS[u as usize]),
    }
    w
}

/// "Hai triệu ba trăm bốn mươi nghìn đồng".
pub fn amount_in_words(amount: i64) -> String {
    if amount == 0 {
        return "Không đồng".into();
    }
    let mut n = amount.unsigned_abs();
    let mut groups = Vec::new();
    while n > 0 {
        groups.push((n % 1000) as u32);
        n /= 1000;
    }
    const UNITS: [&str; 4] = ["", "nghìn", "triệu", "tỷ"];
    let mut words: Vec<&str> = Vec::new();
    let top = groups.len() - 1;
    for (i, g) in groups.iter().enumerate().rev() {
        if *g == 0 {
            // "một tỷ không trăm nghìn" is wrong; empty groups are skipped, except that a
            // billion group repeats the unit for larger numbers.
            if i > 0 && i % 3 == 0 && i != top {
                words.push("tỷ");
            }
            continue;
        }
        words.extend(group_words(*g, i != top));
        let unit = if i == 0 {
            ""
        } else if i % 3 == 0 {
            "tỷ"
        } else {
            UNITS[i % 3]
        };
        if !unit.is_empty() {
            words.push(unit);
        }
    }
    let mut text = words.join(" ");
    if amount < 0 {
        text = format!("âm {text}");
    }
    let mut c = text.chars();
    let first: String = c
        .next()
        .map(|f| f.to_uppercase().collect())
        .unwrap_or_default();
    format!("{first}{} đồng", c.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_read_as_an_accountant_writes_them() {
        for (n, words) in [
            (0, "Không đồng"),
            (5, "Năm đồng"),
            (15, "Mười lăm đồng"),
            (21, "Hai mươi mốt đồng"),
            (25, "Hai mươi lăm đồng"),
            (105, "Một trăm linh năm đồng"),
            (110, "Một trăm mười đồng"),
            (1_005, "Một nghìn không trăm linh năm đồng"),
            (702_000, "Bảy trăm linh hai nghìn đồng"),
            (2_340_000, "Hai triệu ba trăm bốn mươi nghìn đồng"),
            (1_000_000, "Một triệu đồng"),
            (10_530_000, "Mười triệu năm trăm ba mươi nghìn đồng"),
            (1_000_001_000, "Một tỷ không trăm linh một nghìn đồng"),
            (3_000_000_000, "Ba tỷ đồng"),
        ] {
            assert_eq!(amount_in_words(n), words, "{n}");
        }
    }

    #[test]
    fn the_reward_is_the_coefficient_of_the_base_salary_on_the_date() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let salaries = [
            BaseSalary {
                effective_from: d(2023, 7, 1),
                amount_vnd: 1_800_000,
            },
            BaseSalary {
                effective_from: d(2024, 7, 1),
                amount_vnd: 2_340_000,
            },
        ];
        let r = Rounding::default();
        // LĐTT 0.3 × 2,340,000 = 702,000; CSTĐCS 1.0.
        assert_eq!(
            reward(Some(0.3), d(2025, 1, 15), &salaries, r),
            Ok(Some(702_000))
        );
        assert_eq!(
            reward(Some(0.3), d(2024, 1, 15), &salaries, r),
            Ok(Some(540_000))
        );
        assert_eq!(reward(None, d(2025, 1, 15), &salaries, r), Ok(None));
        assert!(
            reward(Some(1.0), d(2020, 1, 1), &salaries, r)
                .unwrap_err()
                .contains("Chưa có mức lương cơ sở")
        );
        // Rounding: 0.8 × 2,340,000 = 1,872,000 exactly; to 10,000 → 1,870,000.
        assert_eq!(
            reward(Some(0.8), d(2025, 1, 1), &salaries, Rounding { to: 10_000 }),
            Ok(Some(1_870_000))
        );
        assert_eq!(Rounding { to: 1 }.apply(1234.5), 1235);
    }
}
