//! The one layout module every document is built on: pages, margins, a flowing cursor,
//! paragraphs that wrap and justify, and positioned text and rules. The result is a small
//! intermediate form (positioned runs per page) that the checker reads and `pdf` renders.
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

impl Default for Margins {
    /// Nghị định 30/2020: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
    fn default() -> Self {
        Self {
            top: 20.0 * MM,
            bottom: 20.0 * MM,
            left: 30.0 * MM,
            right: 15.0 * MM,
        }
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
}

#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub width: f32,
    pub height: f32,
    pub items: Vec<Item>,
}

/// A laid-out document, ready to check and render.
#[derive(Debug, Clone, PartialEq)]
pub struct LaidOut {
    pub title: String,
    pub margins: Margins,
    pub pages: Vec<Page>,
}

impl LaidOut {
    /// All text of a page in drawing order (for tests and checks).
    pub fn page_text(&self, page: usize) -> Vec<&str> {
        self.pages[page]
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text { text, .. } => Some(text.as_str()),
                Item::Line { .. } => None,
            })
            .collect()
    }
}

/// A piece of a paragraph in one face.
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
}

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
    /// Indent of every line (points), e.g. a bulleted item's hanging indent.
    pub left_indent: f32,
    pub space_before: f32,
    pub space_after: f32,
    /// Line height as a multiple of the size (1.0 single … 1.5).
    pub leading: f32,
}

impl Style {
    /// Body text: 14 pt, justified, first-line indent 1 cm, 6 pt after, 1.2 lines.
    pub fn body() -> Self {
        Self {
            size: 14.0,
            align: Align::Justify,
            first_indent: 10.0 * MM,
            left_indent: 0.0,
            space_before: 0.0,
            space_after: 6.0,
            leading: 1.2,
        }
    }

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
}

#[derive(Debug, Clone)]
struct Word {
    text: String,
    face: Face,
    width: f32,
}

/// Break runs into lines no wider than the widths given (first line, then the rest).
/// A word wider than a whole line is broken between characters.
fn break_lines(runs: &[Run], size: f32, first_width: f32, rest_width: f32) -> Vec<Vec<Word>> {
    let mut words = Vec::new();
    for run in runs {
        for w in run.text.split_whitespace() {
            words.push(Word {
                text: w.to_owned(),
                face: run.face,
                width: width(run.face, size, w),
            });
        }
    }
    let mut lines: Vec<Vec<Word>> = Vec::new();
    let mut line: Vec<Word> = Vec::new();
    let mut used = 0.0;
    let space = |face| width(face, size, " ");
    let mut queue: std::collections::VecDeque<Word> = words.into();
    while let Some(word) = queue.pop_front() {
        let available = if lines.is_empty() {
            first_width
        } else {
            rest_width
        }
        .max(size);
        let extra = if line.is_empty() {
            word.width
        } else {
            space(word.face) + word.width
        };
        if used + extra <= available + 0.01 {
            used += extra;
            line.push(word);
        } else if line.is_empty() {
            // One word longer than the line: hard-break it.
            let mut head = String::new();
            let mut chars = word.text.chars().peekable();
            while let Some(&c) = chars.peek() {
                let candidate = format!("{head}{c}");
                if !head.is_empty() && width(word.face, size, &candidate) > available {
                    break;
                }
                head = candidate;
                chars.next();
            }
            let tail: String = chars.collect();
            let head_width = width(word.face, size, &head);
            lines.push(vec![Word {
                text: head,
                face: word.face,
                width: head_width,
            }]);
            if !tail.is_empty() {
                let w = width(word.face, size, &tail);
                queue.push_front(Word {
                    text: tail,
                    face: word.face,
                    width: w,
                });
            }
        } else {
            lines.push(std::mem::take(&mut line));
            used = 0.0;
            queue.push_front(word);
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// The flowing builder: a cursor that moves down the page and breaks pages.
pub struct Flow {
    pub margins: Margins,
    pages: Vec<Page>,
    /// Top of the free space on the current page.
    pub y: f32,
    landscape: bool,
    title: String,
}

impl Flow {
    pub fn new(title: &str, margins: Margins) -> Self {
        let mut flow = Self {
            margins,
            pages: Vec::new(),
            y: 0.0,
            landscape: false,
            title: nfc(title),
        };
        flow.new_page();
        flow
    }

    /// Switch the orientation of the pages that follow (the current page is kept if empty).
    pub fn set_landscape(&mut self, landscape: bool) {
        if self.landscape != landscape {
            self.landscape = landscape;
            if self.current().items.is_empty() {
                self.pages.pop();
            }
            self.new_page();
        }
    }

    pub fn page_width(&self) -> f32 {
        if self.landscape { A4_HEIGHT } else { A4_WIDTH }
    }

    pub fn page_height(&self) -> f32 {
        if self.landscape { A4_WIDTH } else { A4_HEIGHT }
    }

    pub fn left(&self) -> f32 {
        self.margins.left
    }

    pub fn right(&self) -> f32 {
        self.page_width() - self.margins.right
    }

    pub fn content_width(&self) -> f32 {
        self.right() - self.left()
    }

    /// The lowest y text may reach on this page.
    pub fn limit(&self) -> f32 {
        self.page_height() - self.margins.bottom
    }

    pub fn new_page(&mut self) {
        let (width, height) = (self.page_width(), self.page_height());
        self.pages.push(Page {
            width,
            height,
            items: Vec::new(),
        });
        self.y = self.margins.top;
    }

    fn current(&mut self) -> &mut Page {
        self.pages.last_mut().expect("a flow always has a page")
    }

    /// Start a new page unless `height` still fits on this one.
    pub fn ensure(&mut self, height: f32) {
        if self.y + height > self.limit() && self.y > self.margins.top + 0.5 {
            self.new_page();
        }
    }

    pub fn space(&mut self, points: f32) {
        self.y += points;
    }

    /// Text with its top at `top` (the baseline is placed from the size).
    pub fn text(&mut self, x: f32, top: f32, face: Face, size: f32, text: &str) {
        let text = nfc(text);
        if text.is_empty() {
            return;
        }
        self.current().items.push(Item::Text {
            x,
            y: top + size * 0.8,
            face,
            size,
            text,
            page_number: false,
        });
    }

    /// Text centred on `center_x`.
    pub fn text_centered(&mut self, center_x: f32, top: f32, face: Face, size: f32, text: &str) {
        let w = width(face, size, text);
        self.text(center_x - w / 2.0, top, face, size, text);
    }

    pub fn rule(&mut self, x1: f32, y: f32, x2: f32, line_width: f32) {
        self.current().items.push(Item::Line {
            x1,
            y1: y,
            x2,
            y2: y,
            width: line_width,
        });
    }

    pub fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, line_width: f32) {
        self.current().items.push(Item::Line {
            x1,
            y1,
            x2,
            y2,
            width: line_width,
        });
    }

    /// The height a paragraph will take at `width`.
    pub fn measure(&self, runs: &[Run], style: &Style, width: f32) -> f32 {
        let w = width - style.left_indent;
        let lines = break_lines(runs, style.size, w - style.first_indent, w);
        style.space_before + lines.len() as f32 * style.size * style.leading + style.space_after
    }

    /// Set a paragraph across the full content width, breaking pages between lines.
    pub fn paragraph(&mut self, runs: &[Run], style: &Style) {
        let (x, w) = (self.left(), self.content_width());
        self.paragraph_in(runs, style, x, w);
    }

    /// Set a paragraph in the column from `x`, `width` wide.
    pub fn paragraph_in(&mut self, runs: &[Run], style: &Style, x: f32, width_total: f32) {
        let x0 = x + style.left_indent;
        let w = width_total - style.left_indent;
        let lines = break_lines(runs, style.size, w - style.first_indent, w);
        let line_height = style.size * style.leading;
        self.y += style.space_before;
        let count = lines.len();
        for (i, line) in lines.into_iter().enumerate() {
            self.ensure(line_height);
            let indent = if i == 0 { style.first_indent } else { 0.0 };
            let available = w - indent;
            let natural: f32 = line.iter().map(|w| w.width).sum::<f32>()
                + line
                    .iter()
                    .skip(1)
                    .map(|wd| width(wd.face, style.size, " "))
                    .sum::<f32>();
            let last = i + 1 == count;
            let start = match style.align {
                Align::Left | Align::Justify => x0 + indent,
                Align::Center => x0 + indent + (available - natural) / 2.0,
                Align::Right => x0 + indent + available - natural,
            };
            let top = self.y;
            if style.align == Align::Justify && !last && line.len() > 1 {
                let words_width: f32 = line.iter().map(|w| w.width).sum();
                let gap = (available - words_width) / (line.len() - 1) as f32;
                let mut cx = start;
                for word in &line {
                    self.text(cx, top, word.face, style.size, &word.text);
                    cx += word.width + gap;
                }
            } else {
                // Words of the same face go out as one run, so text extraction reads naturally.
                let mut cx = start;
                let mut k = 0;
                while k < line.len() {
                    let face = line[k].face;
                    let mut text = line[k].text.clone();
                    k += 1;
                    while k < line.len() && line[k].face == face {
                        text.push(' ');
                        text.push_str(&line[k].text);
                        k += 1;
                    }
                    let w = width(face, style.size, &text);
                    self.text(cx, top, face, style.size, &text);
                    cx += w + width(face, style.size, " ");
                }
            }
            self.y += line_height;
        }
        self.y += style.space_after;
    }

    /// Finish: page numbers (13 pt, centred in the top margin) from page 2 on; drop a
    /// trailing empty page.
    pub fn finish(mut self) -> LaidOut {
        if self.pages.len() > 1 && self.pages.last().is_some_and(|p| p.items.is_empty()) {
            self.pages.pop();
        }
        let top = self.margins.top;
        for (i, page) in self.pages.iter_mut().enumerate().skip(1) {
            let text = (i + 1).to_string();
            let size = 13.0;
            let x = page.width / 2.0 - width(Face::Regular, size, &text) / 2.0
                + (self.margins.left - self.margins.right) / 2.0;
            page.items.push(Item::Text {
                x,
                y: top / 2.0 + size * 0.35,
                face: Face::Regular,
                size,
                text,
                page_number: true,
            });
        }
        LaidOut {
            title: self.title,
            margins: self.margins,
            pages: self.pages,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_never_exceed_the_width_and_long_words_are_broken() {
        let runs = plain(format!("Nội dung {} thi đua", "x".repeat(400)));
        for line in break_lines(&runs, 14.0, 300.0, 300.0) {
            let w: f32 = line.iter().map(|w| w.width).sum::<f32>()
                + (line.len().saturating_sub(1)) as f32 * width(Face::Regular, 14.0, " ");
            assert!(w <= 300.01, "line of {w} pt");
        }
        assert!(break_lines(&plain(""), 14.0, 100.0, 100.0).len() == 1);
    }

    #[test]
    fn justified_lines_reach_the_right_margin() {
        let mut flow = Flow::new("t", Margins::default());
        let text = "Các tập thể và cá nhân không đăng ký thi đua, cuối năm sẽ không được xét công nhận các danh hiệu thi đua. ".repeat(4);
        flow.paragraph(&plain(&text), &Style::body());
        let doc = flow.finish();
        let right = A4_WIDTH - doc.margins.right;
        let first_line_y = match &doc.pages[0].items[0] {
            Item::Text { y, .. } => *y,
            _ => unreachable!(),
        };
        let end = doc.pages[0]
            .items
            .iter()
            .filter(|i| matches!(i, Item::Text { y, .. } if (*y - first_line_y).abs() < 0.1))
            .map(|i| i.x_range().1)
            .fold(0.0, f32::max);
        assert!(
            (end - right).abs() < 0.5,
            "first line ends at {end}, margin at {right}"
        );
    }

    #[test]
    fn pages_break_and_numbers_start_on_page_two() {
        let mut flow = Flow::new("t", Margins::default());
        for i in 0..120 {
            flow.paragraph(
                &plain(format!("Đoạn văn số {i} của văn bản.")),
                &Style::body(),
            );
        }
        let doc = flow.finish();
        assert!(doc.pages.len() >= 3);
        let numbered = |p: &Page| {
            p.items.iter().any(|i| {
                matches!(
                    i,
                    Item::Text {
                        page_number: true,
                        ..
                    }
                )
            })
        };
        assert!(!numbered(&doc.pages[0]));
        assert!(doc.pages[1..].iter().all(numbered));
        assert!(doc.page_text(1).contains(&"2"));
    }
}
