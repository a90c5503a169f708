//! The document fonts (Liberation Serif: Times New Roman metrics, every Vietnamese letter)
//! and text measurement from their advance widths.

use std::sync::OnceLock;

pub const REGULAR: &[u8] = include_bytes!("../../assets/fonts/LiberationSerif-Regular.ttf");
pub const BOLD: &[u8] = include_bytes!("../../assets/fonts/LiberationSerif-Bold.ttf");
pub const ITALIC: &[u8] = include_bytes!("../../assets/fonts/LiberationSerif-Italic.ttf");
pub const BOLD_ITALIC: &[u8] = include_bytes!("../../assets/fonts/LiberationSerif-BoldItalic.ttf");

/// The four faces of the document serif.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Face {
    Regular,
    Bold,
    Italic,
    BoldItalic,
}

impl Face {
    pub const ALL: [Face; 4] = [Face::Regular, Face::Bold, Face::Italic, Face::BoldItalic];

    pub fn bytes(self) -> &'static [u8] {
        match self {
            Face::Regular => REGULAR,
            Face::Bold => BOLD,
            Face::Italic => ITALIC,
            Face::BoldItalic => BOLD_ITALIC,
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn bold(self) -> Face {
        match self {
            Face::Regular | Face::Bold => Face::Bold,
            Face::Italic | Face::BoldItalic => Face::BoldItalic,
        }
    }
}

struct Metrics {
    units_per_em: f32,
    /// The parsed face (cmap and advance widths), parsed once per process.
    faces: ttf_parser::Face<'static>,
}

fn metrics(face: Face) -> &'static Metrics {
    static CACHE: OnceLock<Vec<Metrics>> = OnceLock::new();
    let all = CACHE.get_or_init(|| {
        Face::ALL
            .iter()
            .map(|f| {
                let parsed = ttf_parser::Face::parse(f.bytes(), 0).expect("bundled font parses");
                Metrics {
                    units_per_em: parsed.units_per_em() as f32,
                    faces: parsed,
                }
            })
            .collect()
    });
    &all[face.index()]
}

/// The width of `text` in points at `size` points.
pub fn width(face: Face, size: f32, text: &str) -> f32 {
    let m = metrics(face);
    let units: f32 = text
        .chars()
        .map(|c| {
            m.faces
                .glyph_index(c)
                .and_then(|g| m.faces.glyph_hor_advance(g))
                .unwrap_or((m.units_per_em * 0.5) as u16) as f32
        })
        .sum();
    units * size / m.units_per_em
}

/// The advance width of one character in points at `size` points.
pub fn char_width(face: Face, size: f32, c: char) -> f32 {
    let m = metrics(face);
    let units = m
        .faces
        .glyph_index(c)
        .and_then(|g| m.faces.glyph_hor_advance(g))
        .unwrap_or((m.units_per_em * 0.5) as u16) as f32;
    units * size / m.units_per_em
}

/// The characters of `text` the face has no glyph for (they would print as empty boxes).
pub fn missing(face: Face, text: &str) -> Vec<char> {
    let m = metrics(face);
    let mut out: Vec<char> = text
        .chars()
        .filter(|c| !c.is_whitespace() && m.faces.glyph_index(*c).is_none())
        .collect();
    out.dedup();
    out
}

/// True when the face has a glyph for every character of `text`.
pub fn covers(face: Face, text: &str) -> bool {
    let m = metrics(face);
    text.chars()
        .all(|c| c.is_whitespace() || m.faces.glyph_index(c).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_vietnamese_letter_is_covered_in_every_face() {
        let letters = "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ";
        for face in Face::ALL {
            assert!(covers(face, letters), "{face:?}");
            assert!(covers(face, &letters.to_uppercase()), "{face:?}");
        }
    }

    #[test]
    fn widths_scale_with_size_and_bold_is_wider() {
        let w13 = width(Face::Regular, 13.0, "Sở Công Thương");
        let w26 = width(Face::Regular, 26.0, "Sở Công Thương");
        assert!((w26 - 2.0 * w13).abs() < 0.01);
        assert!(
            width(Face::Bold, 13.0, "SỞ CÔNG THƯƠNG")
                > width(Face::Regular, 13.0, "SỞ CÔNG THƯƠNG")
        );
        assert_eq!(width(Face::Regular, 13.0, ""), 0.0);
        let sum: f32 = "Thương"
            .chars()
            .map(|c| char_width(Face::Bold, 13.0, c))
            .sum();
        assert!((sum - width(Face::Bold, 13.0, "Thương")).abs() < 0.001);
    }

    #[test]
    fn characters_without_a_glyph_are_named() {
        assert_eq!(
            missing(Face::Regular, "Thưởng \u{1F600} x"),
            vec!['\u{1F600}']
        );
        assert!(missing(Face::Italic, "Độc lập - Tự do - Hạnh phúc").is_empty());
    }
}
