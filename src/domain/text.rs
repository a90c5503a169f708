//! Text at the boundaries: NFC normalisation and accent-insensitive search folding.
//!
//! Everything typed, pasted or imported goes through [`nfc`] (or [`clean`]) before it is
//! stored, compared, searched or printed: SQLite compares bytes, and printpdf prints
//! decomposed marks in the wrong place.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The NFC form of `s`.
pub fn nfc(s: &str) -> String {
    if unicode_normalization::is_nfc(s) {
        s.to_owned()
    } else {
        s.nfc().collect()
    }
}

/// NFC, trimmed, with runs of white space (including non-breaking spaces) folded to one space.
/// This is what a name or title typed by the clerk is stored as.
pub fn clean(s: &str) -> String {
    let normalised = nfc(s);
    let mut out = String::with_capacity(normalised.len());
    for word in normalised.split(|c: char| c.is_whitespace()) {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Fold text for searching: lower case, no tone or vowel marks, đ → d.
/// "Nguyễn Thị Ánh" and "nguyen thi anh" fold to the same string.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            'đ' | 'Đ' => out.push('d'),
            c if c.is_whitespace() => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            c => out.extend(c.to_lowercase()),
        }
    }
    out.trim().to_owned()
}

/// True when every word of the (already folded) `query` occurs in the (already folded)
/// `haystack`. An empty query matches everything.
pub fn folded_matches(haystack_folded: &str, query_folded: &str) -> bool {
    query_folded
        .split(' ')
        .filter(|w| !w.is_empty())
        .all(|w| haystack_folded.contains(w))
}

/// The last word of a full name (tên), or the whole name when it has one word.
pub fn given_name(full_name: &str) -> &str {
    full_name.split_whitespace().last().unwrap_or("")
}

/// A file-name-safe ASCII slug: "Quyết định 12" → "quyet-dinh-12".
pub fn slug(s: &str) -> String {
    let folded = fold(s);
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfc_composes_decomposed_vietnamese() {
        let decomposed = "Nguye\u{302}\u{303}n"; // e + circumflex + tilde
        assert_eq!(nfc(decomposed), "Nguyễn");
        assert_ne!(decomposed, "Nguyễn");
    }

    #[test]
    fn clean_trims_and_folds_spaces() {
        assert_eq!(clean("  Trần\u{a0}\u{a0}Văn   An \t"), "Trần Văn An");
        assert_eq!(clean(""), "");
    }

    #[test]
    fn fold_drops_accents_and_maps_d_bar() {
        assert_eq!(fold("Nguyễn Thị Ánh"), "nguyen thi anh");
        assert_eq!(fold("ĐẶNG  Đức"), "dang duc");
        assert_eq!(fold("Ưng Ơn Ăn Ân"), "ung on an an");
        // Decomposed input folds to the same thing.
        assert_eq!(fold("Nguye\u{302}\u{303}n"), "nguyen");
    }

    #[test]
    fn search_matches_every_word_in_any_order() {
        let hay = fold("Nguyễn Thị Ánh – Phòng Kế hoạch");
        assert!(folded_matches(&hay, &fold("nguyen thi anh")));
        assert!(folded_matches(&hay, &fold("anh nguyen")));
        assert!(folded_matches(&hay, &fold("d")) == hay.contains('d'));
        assert!(folded_matches(&hay, ""));
        assert!(!folded_matches(&hay, &fold("binh")));
    }

    #[test]
    fn d_query_finds_d_bar() {
        assert!(folded_matches(&fold("Đỗ Văn Hùng"), &fold("do")));
        assert!(folded_matches(&fold("Đỗ Văn Hùng"), &fold("d")));
    }

    #[test]
    fn slug_is_ascii() {
        assert_eq!(slug("QĐ 12/2027 khen thưởng"), "qd-12-2027-khen-thuong");
    }

    #[test]
    fn given_name_is_last_word() {
        assert_eq!(given_name("Nguyễn Thị Ánh"), "Ánh");
        assert_eq!(given_name("An"), "An");
        assert_eq!(given_name(""), "");
    }
}

/// Group the thousands the Vietnamese way: 2340000 → "2.340.000".
pub fn group_thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod grouping_tests {
    #[test]
    fn groups_thousands_with_dots() {
        assert_eq!(super::group_thousands(2_340_000), "2.340.000");
        assert_eq!(super::group_thousands(999), "999");
        assert_eq!(super::group_thousands(-1_000), "-1.000");
        assert_eq!(super::group_thousands(0), "0");
    }
}
