//! Deterministic pseudo-random Vietnamese names for demo and benchmark data.

use crate::domain::model::Gender;

/// SplitMix64: small, fast, deterministic; enough for plausible demo data.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when n is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next_u64() % n }
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// Family names with rough weights (percent of the population).
const FAMILY: &[(&str, u64)] = &[
    ("Nguyễn", 38),
    ("Trần", 11),
    ("Lê", 9),
    ("Phạm", 7),
    ("Hoàng", 5),
    ("Huỳnh", 4),
    ("Phan", 4),
    ("Vũ", 4),
    ("Võ", 3),
    ("Đặng", 2),
    ("Bùi", 2),
    ("Đỗ", 2),
    ("Hồ", 2),
    ("Ngô", 2),
    ("Dương", 1),
    ("Lý", 1),
    ("Đinh", 1),
    ("Trương", 1),
    ("Lương", 1),
    ("Đào", 1),
];

const MIDDLE_MALE: &[&str] = &[
    "Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công", "Xuân", "Ngọc", "Đình", "Quang", "Trọng",
];
const MIDDLE_FEMALE: &[&str] = &[
    "Thị",
    "Ngọc",
    "Thu",
    "Thanh",
    "Mai",
    "Thị Thu",
    "Thị Hồng",
    "Kim",
    "Phương",
    "Diệu",
    "Bích",
    "Hải",
];

const GIVEN_MALE: &[&str] = &[
    "Anh", "Bình", "Cường", "Dũng", "Đức", "Hải", "Hùng", "Huy", "Khánh", "Lộc", "Long", "Nam",
    "Phúc", "Quân", "Sơn", "Tài", "Thắng", "Tuấn", "Việt", "Vũ", "Hiếu", "Khải", "Nghĩa", "Phong",
    "Tú", "Đạt", "Hòa", "Kiên", "Lâm", "Mạnh",
];
const GIVEN_FEMALE: &[&str] = &[
    "Anh", "Ánh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hương", "Huyền", "Lan", "Linh",
    "Loan", "Mai", "Mỹ", "Ngọc", "Nhung", "Oanh", "Phương", "Quỳnh", "Thảo", "Thủy", "Trang",
    "Uyên", "Vân", "Yến", "Hoa", "Liên", "Ngân", "Thư",
];

/// A full name of the given gender.
pub fn full_name(rng: &mut Rng, gender: Gender) -> String {
    let total: u64 = FAMILY.iter().map(|(_, w)| w).sum();
    let mut roll = rng.below(total);
    let mut family = FAMILY[0].0;
    for (name, weight) in FAMILY {
        if roll < *weight {
            family = name;
            break;
        }
        roll -= weight;
    }
    let (middle, given) = match gender {
        Gender::Male => (rng.pick(MIDDLE_MALE), rng.pick(GIVEN_MALE)),
        Gender::Female => (rng.pick(MIDDLE_FEMALE), rng.pick(GIVEN_FEMALE)),
    };
    format!("{family} {middle} {given}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_deterministic_and_nfc() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        for _ in 0..200 {
            let x = full_name(&mut a, Gender::Female);
            assert_eq!(x, full_name(&mut b, Gender::Female));
            assert_eq!(x, crate::domain::text::nfc(&x));
            assert!(x.split(' ').count() >= 3);
        }
    }
}
