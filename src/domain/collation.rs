//! Vietnamese collation (domain spec §8).
//!
//! Each word compares by the 29-letter alphabet (a ă â b c d đ e ê g h i k l m n o ô ơ p q r
//! s t u ư v x y, with the foreign letters f j w z in their Latin places), then by the tone
//! marks as a secondary key (ngang, huyền, hỏi, ngã, sắc, nặng), then by case (lower first).
//! Text compares word by word, left to right; a shorter word or list of words sorts first.
//! Person names compare by tên (last word), then họ (first word), then the middle words.
//!
//! Comparisons go through sort keys (`Vec<u16>`) so that a list of 100,000 names is keyed
//! once and then sorted with plain slice comparisons.

use std::cmp::Ordering;
use unicode_normalization::UnicodeNormalization;

/// The letters in Vietnamese dictionary order, foreign letters in their Latin places.
const ALPHABET: [char; 33] = [
    'a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
    'ô', 'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'w', 'x', 'y', 'z',
];

const BREVE: char = '\u{306}';
const CIRCUMFLEX: char = '\u{302}';
const HORN: char = '\u{31B}';

/// Tone marks in their secondary order: ngang (none) = 0, then huyền, hỏi, ngã, sắc, nặng.
fn tone_rank(mark: char) -> Option<u16> {
    match mark {
        '\u{300}' => Some(1), // huyền
        '\u{309}' => Some(2), // hỏi
        '\u{303}' => Some(3), // ngã
        '\u{301}' => Some(4), // sắc
        '\u{323}' => Some(5), // nặng
        _ => None,
    }
}

/// Values below this are separators inside a key.
const KEY_OFFSET: u16 = 2;
const SEPARATOR: u16 = 1;
/// Primary weights: punctuation and symbols < digits < letters < other scripts.
const DIGIT_BASE: u16 = 200;
const LETTER_BASE: u16 = 300;
const OTHER_BASE: u16 = 400;

#[derive(Debug, Clone, Copy)]
struct Weights {
    primary: u16,
    secondary: u16,
    tertiary: u16,
}

/// Weights of one grapheme: a base character followed by its combining marks.
fn grapheme_weights(base: char, marks: &[char]) -> Weights {
    let upper = base.is_uppercase();
    let lower = base.to_lowercase().next().unwrap_or(base);
    let mut letter = lower;
    let mut tone = 0;
    for &m in marks {
        match (letter, m) {
            ('a', BREVE) => letter = 'ă',
            ('a', CIRCUMFLEX) => letter = 'â',
            ('e', CIRCUMFLEX) => letter = 'ê',
            ('o', CIRCUMFLEX) => letter = 'ô',
            ('o', HORN) => letter = 'ơ',
            ('u', HORN) => letter = 'ư',
            _ => {
                if let Some(rank) = tone_rank(m) {
                    tone = rank;
                }
            }
        }
    }
    let primary = if let Some(i) = ALPHABET.iter().position(|&c| c == letter) {
        LETTER_BASE + i as u16
    } else if letter.is_ascii_digit() {
        DIGIT_BASE + (letter as u16 - '0' as u16)
    } else if letter.is_alphabetic() {
        // Other scripts after Latin, by code point (clamped into u16 space).
        OTHER_BASE.saturating_add((letter as u32).min(60_000) as u16)
    } else {
        // Punctuation and symbols first, by code point.
        (letter as u32).min(190) as u16 + KEY_OFFSET
    };
    Weights {
        primary,
        secondary: tone + KEY_OFFSET,
        tertiary: if upper { 1 } else { 0 } + KEY_OFFSET,
    }
}

fn word_weights(word: &str) -> Vec<Weights> {
    let decomposed: Vec<char> = word.nfd().collect();
    let mut out = Vec::with_capacity(decomposed.len());
    let mut i = 0;
    while i < decomposed.len() {
        let base = decomposed[i];
        let mut j = i + 1;
        while j < decomposed.len() && unicode_normalization::char::is_combining_mark(decomposed[j])
        {
            j += 1;
        }
        out.push(grapheme_weights(base, &decomposed[i + 1..j]));
        i = j;
    }
    out
}

fn push_word_key(key: &mut Vec<u16>, word: &str) {
    let weights = word_weights(word);
    key.extend(weights.iter().map(|w| w.primary));
    key.push(SEPARATOR);
    key.extend(weights.iter().map(|w| w.secondary));
    key.push(SEPARATOR);
    key.extend(weights.iter().map(|w| w.tertiary));
    key.push(SEPARATOR);
}

/// The sort key of a text compared word by word.
pub fn text_key(text: &str) -> Vec<u16> {
    let mut key = Vec::with_capacity(text.len() * 3 + 4);
    for word in text.split_whitespace() {
        push_word_key(&mut key, word);
    }
    key
}

/// The sort key of a person's full name: tên, then họ, then the middle words.
pub fn person_name_key(full_name: &str) -> Vec<u16> {
    let words: Vec<&str> = full_name.split_whitespace().collect();
    let mut key = Vec::with_capacity(full_name.len() * 3 + 4);
    if let Some((last, rest)) = words.split_last() {
        push_word_key(&mut key, last);
        for word in rest {
            push_word_key(&mut key, word);
        }
    }
    key
}

/// Compare two texts in Vietnamese order, word by word.
pub fn compare_text(a: &str, b: &str) -> Ordering {
    text_key(a).cmp(&text_key(b))
}

/// Compare two full names as an official list sorted by name does.
pub fn compare_person_names(a: &str, b: &str) -> Ordering {
    person_name_key(a).cmp(&person_name_key(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_ascending(words: &[&str], cmp: fn(&str, &str) -> Ordering) {
        for pair in words.windows(2) {
            assert_eq!(
                cmp(pair[0], pair[1]),
                Ordering::Less,
                "{} should sort before {}",
                pair[0],
                pair[1]
            );
            assert_eq!(cmp(pair[1], pair[0]), Ordering::Greater);
        }
    }

    #[test]
    fn tones_are_secondary_in_dictionary_order() {
        assert_ascending(
            &["Anh", "Ành", "Ảnh", "Ãnh", "Ánh", "Ạnh", "Ăn"],
            compare_text,
        );
    }

    #[test]
    fn letters_with_marks_are_letters_of_their_own() {
        assert_ascending(&["Dũng", "Đức"], compare_text);
        assert_ascending(&["Uyên", "Ưng"], compare_text);
        assert_ascending(&["az", "ăa", "âa", "ba"], compare_text);
        assert_ascending(&["oz", "ôa", "ơa", "pa"], compare_text);
        assert_ascending(&["ez", "êa", "ga"], compare_text);
        // A letter difference later in the word beats a tone difference earlier.
        assert_ascending(&["Ánh", "Anhz"], compare_text);
        assert_ascending(&["Hà", "Hạ", "Hải"], compare_text);
    }

    #[test]
    fn shorter_prefix_and_lower_case_first() {
        assert_ascending(&["Minh", "Minhz"], compare_text);
        assert_ascending(&["an", "An", "AN"], compare_text);
        assert_ascending(&["Hoa", "Hoa Hồng"], compare_text);
        assert_eq!(compare_text("Bình", "Bình"), Ordering::Equal);
    }

    #[test]
    fn decomposed_input_sorts_as_composed() {
        let composed = "Nguyễn";
        let decomposed: String = composed.nfd().collect();
        assert_eq!(compare_text(composed, &decomposed), Ordering::Equal);
    }

    #[test]
    fn digits_before_letters_and_punctuation_first() {
        assert_ascending(&["-", "1", "9", "a"], compare_text);
    }

    #[test]
    fn person_names_by_given_name_first() {
        assert_ascending(
            &["Trần Văn An", "Nguyễn Thị Bình", "Ánh Chi", "Đỗ Dũng"],
            compare_person_names,
        );
    }

    #[test]
    fn person_names_follow_family_name_order_for_same_given_name() {
        assert_ascending(
            &[
                "Đào Văn Bình",
                "Lê Bình",
                "Nguyễn Thị Bình",
                "Nguyễn Văn Bình",
            ],
            compare_person_names,
        );
        // Fewer middle words first.
        assert_ascending(
            &["Lê Anh", "Lê Văn Anh", "Lê Văn An Anh"],
            compare_person_names,
        );
        // Upper-case variants of a whole name come after the mixed-case ones.
        assert_ascending(&["Trần Thanh Anh", "PHAN ANH"], compare_person_names);
    }
}
