//! The name sort against the reference order of 1,200 names (CLDR Vietnamese collation,
//! word by word: tên, then họ, then the middle words).

use thidua::domain::collation::{compare_person_names, person_name_key};

fn reference() -> Vec<String> {
    let text = include_str!("fixtures/vi-name-order.txt");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.trim().to_owned())
        .collect()
}

#[test]
fn shuffled_reference_names_sort_back_into_the_reference_order() {
    let expected = reference();
    assert_eq!(expected.len(), 1_200);
    // A deterministic shuffle.
    let mut shuffled = expected.clone();
    let mut x: u64 = 0x9e37_79b9;
    for i in (1..shuffled.len()).rev() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        shuffled.swap(i, (x % (i as u64 + 1)) as usize);
    }
    assert_ne!(shuffled, expected);
    shuffled.sort_by(|a, b| compare_person_names(a, b));
    let first_difference = shuffled.iter().zip(&expected).position(|(a, b)| a != b);
    assert_eq!(
        first_difference,
        None,
        "first difference at {:?}",
        first_difference.map(|i| (&expected[i], &shuffled[i]))
    );
}

#[test]
fn every_adjacent_pair_of_the_reference_is_strictly_ordered_or_equal_by_key() {
    let names = reference();
    for pair in names.windows(2) {
        assert!(
            person_name_key(&pair[0]) <= person_name_key(&pair[1]),
            "{} > {}",
            pair[0],
            pair[1]
        );
    }
}
