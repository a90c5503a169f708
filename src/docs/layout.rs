//! The intermediate form every document is laid out into: pages of positioned text runs
//! and rules. The checker reads it, tests read it, and `pdf` turns it into PDF operations.
//! All lengths are points; y grows downwards from the top of the page.

use super::fonts::{Face, width};
use crate::domain::text::nfc;

/// Points per millimetre.
pub const MM: f32 = 72.0 / 25.4;
pub const A4_WIDTH: f32 = 210.0 * MM;
pub const A4_HEIGHT: f32 = 297.0 * MM;

/// Page margins in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Margins {
    pub top: f32,
    pub bottom: f32,
    pub left: f32,
    pub right: f32,
}

/// The ranges Nghị định 30/2020 allows, in millimetres: (top, bottom, left, right).
pub const LEGAL_MARGINS_MM: [(f32, f32); 4] =
    [(20.0, 25.0), (20.0, 25.0), (30.0, 35.0), (15.0, 20.0)];

impl Default for Margins {
    /// Nghị định 30/2020: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm; the
    /// defaults are the smallest of each.
    fn default() -> Self {
        Self::from_mm(20.0, 20.0, 30.0, 15.0)
    }
}

impl Margins {
    /// Margins given in millimetres, each pulled into its legal range (a value that is not
    /// a number becomes the smallest legal one).
    pub fn from_mm(top: f32, bottom: f32, left: f32, right: f32) -> Self {
        let clamp =
            |v: f32, (lo, hi): (f32, f32)| (if v.is_finite() { v.clamp(lo, hi) } else { lo }) * MM;
        let [t, b, l, r] = LEGAL_MARGINS_MM;
        Self {
            top: clamp(top, t),
            bottom: clamp(bottom, b),
            left: clamp(left, l),
            right: clamp(right, r),
        }
    }

    /// True when every margin is inside its legal range.
    pub fn is_legal(&self) -> bool {
        let [t, b, l, r] = LEGAL_MARGINS_MM;
        let ok = |v: f32, (lo, hi): (f32, f32)| v / MM >= lo - 0.01 && v / MM <= hi + 0.01;
        ok(self.top, t) && ok(self.bottom, b) && ok(self.left, l) && ok(self.right, r)
    }
}

/// Something drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// Text with its baseline at `y`.
    Text {
        x: f32,
        y: f32,
        face: Face,
        size: f32,
        text: String,
        page_number: bool,
    },
    /// A rule.
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
    },
}

impl Item {
    /// The horizontal extent of the item.
    pub fn x_range(&self) -> (f32, f32) {
        match self {
            Item::Text {
                x,
                face,
                size,
                text,
                ..
            } => (*x, x + width(*face, *size, text)),
            Item::Line { x1, x2, .. } => (x1.min(*x2), x1.max(*x2)),
        }
    }

    /// The vertical extent of the item (ascent and descent of text).
    pub fn y_range(&self) -> (f32, f32) {
        match self {
            Item::Text { y, size, .. } => (y - size * 0.8, y + size * 0.25),
            Item::Line { y1, y2, .. } => (y1.min(*y2), y1.max(*y2)),
        }
    }

    pub fn is_page_number(&self) -> bool {
        matches!(
            self,
            Item::Text {
                page_number: true,
                ..
            }
        )
    }

    pub fn text(&self) -> Option<&str> {
        match self {
            Item::Text { text, .. } => Some(text),
            Item::Line { .. } => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub width: f32,
    pub height: f32,
    pub items: Vec<Item>,
}

impl Page {
    pub fn is_landscape(&self) -> bool {
        self.width > self.height
    }
}

/// A laid-out document, ready to check and render.
#[derive(Debug, Clone, PartialEq)]
pub struct LaidOut {
    pub title: String,
    pub margins: Margins,
    pub pages: Vec<Page>,
    /// Pages (0-based) where a part with its own page numbering begins, after the first
    /// (an attached list, the next ballot paper). Empty for one document.
    pub part_starts: Vec<usize>,
}

impl LaidOut {
    /// The page's number within its part (1 for the first page of each part).
    pub fn number_in_part(&self, index: usize) -> usize {
        let start = self
            .part_starts
            .iter()
            .copied()
            .filter(|s| *s <= index)
            .max()
            .unwrap_or(0);
        index - start + 1
    }
}

/// The name the engine's documentation uses for [`LaidOut`].
pub type LaidOutDocument = LaidOut;

impl LaidOut {
    /// All text of a page in drawing order (for tests and checks).
    pub fn page_text(&self, page: usize) -> Vec<&str> {
        self.pages
            .get(page)
            .map(|p| p.items.iter().filter_map(Item::text).collect())
            .unwrap_or_default()
    }

    /// The text of a page as lines read top to bottom, left to right (runs on the same
    /// baseline joined by a space). What a reader of the printed page sees, roughly.
    pub fn page_lines(&self, page: usize) -> Vec<String> {
        let Some(p) = self.pages.get(page) else {
            return Vec::new();
        };
        let mut runs: Vec<(f32, f32, &str)> = p
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text { x, y, text, .. } => Some((*y, *x, text.as_str())),
                Item::Line { .. } => None,
            })
            .collect();
        runs.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut lines: Vec<(f32, Vec<(f32, &str)>)> = Vec::new();
        for (y, x, text) in runs {
            match lines.last_mut() {
                Some((ly, line)) if (*ly - y).abs() < 0.5 => line.push((x, text)),
                _ => lines.push((y, vec![(x, text)])),
            }
        }
        lines
            .into_iter()
            .map(|(_, mut line)| {
                line.sort_by(|a, b| a.0.total_cmp(&b.0));
                line.into_iter()
                    .map(|(_, t)| t)
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    /// The whole document as lines, page after page.
    pub fn text_lines(&self) -> Vec<String> {
        (0..self.pages.len())
            .flat_map(|p| self.page_lines(p))
            .collect()
    }
}

/// A piece of a paragraph in one face. Runs join exactly as written: "Chủ đề: " followed by
/// a bold run gets a space, "Kế hoạch" followed by "," does not.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub text: String,
    pub face: Face,
}

impl Run {
    pub fn new(text: impl AsRef<str>, face: Face) -> Self {
        Self {
            text: nfc(text.as_ref()),
            face,
        }
    }

    pub fn regular(text: impl AsRef<str>) -> Self {
        Self::new(text, Face::Regular)
    }

    pub fn bold(text: impl AsRef<str>) -> Self {
        Self::new(text, Face::Bold)
    }

    pub fn italic(text: impl AsRef<str>) -> Self {
        Self::new(text, Face::Italic)
    }

    pub fn bold_italic(text: impl AsRef<str>) -> Self {
        Self::new(text, Face::BoldItalic)
    }
}

/// One upright run.
pub fn plain(text: impl AsRef<str>) -> Vec<Run> {
    vec![Run::new(text, Face::Regular)]
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
    Justify,
}

/// How a paragraph is set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    pub size: f32,
    pub align: Align,
    /// Extra indent of the first line (points).
    pub first_indent: f32,
    /// Indent of every line (points).
    pub left_indent: f32,
    pub space_before: f32,
    pub space_after: f32,
    /// Line height as a multiple of the size (1.0 single … 1.5).
    pub leading: f32,
}

/// The first-line indent of body paragraphs (1 cm).
pub const BODY_INDENT: f32 = 10.0 * MM;

impl Style {
    /// Body text: 14 pt, justified, first-line indent 1 cm, 6 pt after, 1.2 lines.
    pub fn body() -> Self {
        Self {
            size: 14.0,
            align: Align::Justify,
            first_indent: BODY_INDENT,
            left_indent: 0.0,
            space_before: 0.0,
            space_after: 6.0,
            leading: 1.2,
        }
    }

    /// A centred line (titles, the header), no spacing.
    pub fn centered(size: f32) -> Self {
        Self {
            size,
            align: Align::Center,
            first_indent: 0.0,
            left_indent: 0.0,
            space_before: 0.0,
            space_after: 0.0,
            leading: 1.15,
        }
    }

    /// Left-aligned, no indent, no spacing (lists such as Nơi nhận, table cells).
    pub fn left(size: f32) -> Self {
        Self {
            align: Align::Left,
            ..Self::centered(size)
        }
    }

    /// The height of one line (the leading is kept between single and 1.5).
    pub fn line_height(&self) -> f32 {
        self.size * self.leading.clamp(1.0, 1.5)
    }
}
