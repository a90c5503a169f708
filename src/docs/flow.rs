//! The flowing builder: a cursor that moves down the page, paragraphs that wrap and
//! justify, bulleted items with a hanging indent, blocks kept together, and page breaks
//! that leave neither a lone first line at the bottom nor a lone last line at the top.

use super::fonts::{Face, width};
use super::layout::{A4_HEIGHT, A4_WIDTH, Align, Item, LaidOut, Margins, Page, Run, Style};
use super::wrap::{Line, break_lines, space};
use crate::domain::text::nfc;

/// Where the flow stood, to come back to when a block must move to the next page.
#[derive(Debug, Clone, Copy)]
struct Mark {
    pages: usize,
    items: usize,
    y: f32,
    landscape: bool,
}

/// The document builder.
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

    /// Switch the orientation of the pages that follow. A new page starts unless the
    /// current one is still empty (then it is turned).
    pub fn set_landscape(&mut self, landscape: bool) {
        if self.landscape != landscape {
            self.landscape = landscape;
            if self.current().items.is_empty() {
                self.pages.pop();
            }
            self.new_page();
        }
    }

    pub fn is_landscape(&self) -> bool {
        self.landscape
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

    /// The height of the body area of a whole page.
    pub fn page_body_height(&self) -> f32 {
        self.limit() - self.margins.top
    }

    /// The number of pages so far (the current one included).
    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    /// True when nothing has been set below the top margin of this page yet.
    pub fn at_page_top(&self) -> bool {
        self.y <= self.margins.top + 0.5
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
        if self.pages.is_empty() {
            self.new_page();
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// Start a new page unless `height` still fits on this one (or this page is empty).
    pub fn ensure(&mut self, height: f32) {
        if self.y + height > self.limit() + 0.01 && !self.at_page_top() {
            self.new_page();
        }
    }

    pub fn space(&mut self, points: f32) {
        self.y += points.max(0.0);
    }

    fn mark(&self) -> Mark {
        Mark {
            pages: self.pages.len(),
            items: self.pages.last().map_or(0, |p| p.items.len()),
            y: self.y,
            landscape: self.landscape,
        }
    }

    fn rollback(&mut self, mark: Mark) {
        self.pages.truncate(mark.pages);
        if let Some(p) = self.pages.last_mut() {
            p.items.truncate(mark.items);
        }
        self.y = mark.y;
        self.landscape = mark.landscape;
    }

    /// Lay out `block` on one page: if it would run over a page break, it starts on a new
    /// page instead. A block taller than a page flows on from the top of a new page.
    pub fn keep_together(&mut self, mut block: impl FnMut(&mut Flow)) {
        let mark = self.mark();
        let was_at_top = self.at_page_top();
        block(self);
        if self.pages.len() > mark.pages && !was_at_top {
            self.rollback(mark);
            self.new_page();
            block(self);
        }
    }

    /// Text with its top at `top` (the baseline is placed from the size).
    pub fn text(&mut self, x: f32, top: f32, face: Face, size: f32, text: &str) {
        let text = nfc(text);
        if text.trim().is_empty() {
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
        let w = width(face, size, &nfc(text));
        self.text(center_x - w / 2.0, top, face, size, text);
    }

    /// A horizontal rule.
    pub fn rule(&mut self, x1: f32, y: f32, x2: f32, line_width: f32) {
        self.line(x1, y, x2, y, line_width);
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

    /// The lines a paragraph breaks into in a column `width` wide.
    pub fn lines(&self, runs: &[Run], style: &Style, width: f32) -> Vec<Line> {
        let w = width - style.left_indent;
        break_lines(runs, style.size, w - style.first_indent, w)
    }

    /// The height a paragraph will take at `width`, spacing included.
    pub fn measure(&self, runs: &[Run], style: &Style, width: f32) -> f32 {
        style.space_before
            + self.lines(runs, style, width).len() as f32 * style.line_height()
            + style.space_after
    }

    /// Set one line with its top at `top`, starting at `x` in a measure `available` wide.
    fn emit_line(
        &mut self,
        line: &Line,
        style: &Style,
        x: f32,
        available: f32,
        top: f32,
        last: bool,
    ) {
        let size = style.size;
        let start = match style.align {
            Align::Left | Align::Justify => x,
            Align::Center => x + (available - line.natural) / 2.0,
            Align::Right => x + available - line.natural,
        };
        let justify = style.align == Align::Justify
            && !last
            && !line.hard_break
            && line.words.len() > 1
            && line.natural < available;
        if justify {
            let gap = (available - line.words_width()) / (line.words.len() - 1) as f32;
            let mut cx = start;
            for word in &line.words {
                let mut px = cx;
                for p in &word.pieces {
                    self.text(px, top, p.face, size, &p.text);
                    px += p.width;
                }
                cx += word.width + gap;
            }
            return;
        }
        // Pieces of the same face go out as one run, so text extraction reads naturally.
        let mut cx = start;
        let mut run = String::new();
        let mut run_face = None;
        let mut run_x = start;
        for (i, word) in line.words.iter().enumerate() {
            if i > 0 {
                if run_face == Some(word.face()) {
                    run.push(' ');
                } else if let Some(f) = run_face.take() {
                    self.text(run_x, top, f, size, &run);
                    run.clear();
                }
                cx += space(word.face(), size);
            }
            for p in &word.pieces {
                if run_face != Some(p.face) {
                    if let Some(f) = run_face {
                        self.text(run_x, top, f, size, &run);
                    }
                    run.clear();
                    run_face = Some(p.face);
                    run_x = cx;
                }
                run.push_str(&p.text);
                cx += p.width;
            }
        }
        if let Some(f) = run_face {
            self.text(run_x, top, f, size, &run);
        }
    }

    /// Set a paragraph across the full content width, breaking pages between lines.
    pub fn paragraph(&mut self, runs: &[Run], style: &Style) {
        let (x, w) = (self.left(), self.content_width());
        self.paragraph_in(runs, style, x, w);
    }

    /// Set a paragraph in the column from `x`, `width` wide, breaking pages between lines.
    pub fn paragraph_in(&mut self, runs: &[Run], style: &Style, x: f32, width: f32) {
        self.flow_lines(runs, style, x, width, None);
    }

    /// A bulleted item ("- …", "+ …"): the marker at the first-line indent, every line of
    /// the text aligned after it (hanging indent).
    pub fn item(&mut self, marker: &str, runs: &[Run], style: &Style) {
        let marker = nfc(marker.trim());
        let hang = width(Face::Regular, style.size, &marker) + space(Face::Regular, style.size);
        let text_style = Style {
            left_indent: style.left_indent + style.first_indent + hang,
            first_indent: 0.0,
            ..*style
        };
        let marker_x = self.left() + style.left_indent + style.first_indent;
        let (x, w) = (self.left(), self.content_width());
        self.flow_lines(runs, &text_style, x, w, Some((marker.as_str(), marker_x)));
    }

    fn flow_lines(
        &mut self,
        runs: &[Run],
        style: &Style,
        x: f32,
        width: f32,
        marker: Option<(&str, f32)>,
    ) {
        let lines = self.lines(runs, style, width);
        let lh = style.line_height();
        if !self.at_page_top() {
            self.y += style.space_before;
        }
        let n = lines.len();
        let x0 = x + style.left_indent;
        let w = width - style.left_indent;
        for (i, line) in lines.iter().enumerate() {
            // No lone first line at the bottom of a page, no lone last line at the top.
            let keep = match (i, n) {
                (0, 3) => 3,
                (0, n) => n.min(2),
                (i, n) if n >= 4 && i == n - 2 => 2,
                _ => 1,
            };
            self.ensure(keep as f32 * lh);
            let indent = if i == 0 { style.first_indent } else { 0.0 };
            let top = self.y;
            if i == 0
                && let Some((m, mx)) = marker
            {
                self.text(mx, top, Face::Regular, style.size, m);
            }
            self.emit_line(line, style, x0 + indent, w - indent, top, i + 1 == n);
            self.y += lh;
        }
        self.y += style.space_after;
    }

    /// Set a paragraph at `top` in the column from `x`, `width` wide, without breaking
    /// pages (header columns, the signature block). Returns the y below it.
    pub fn block_at(&mut self, runs: &[Run], style: &Style, x: f32, width: f32, top: f32) -> f32 {
        let lines = self.lines(runs, style, width);
        let n = lines.len();
        let x0 = x + style.left_indent;
        let w = width - style.left_indent;
        let mut y = top + style.space_before;
        for (i, line) in lines.iter().enumerate() {
            let indent = if i == 0 { style.first_indent } else { 0.0 };
            self.emit_line(line, style, x0 + indent, w - indent, y, i + 1 == n);
            y += style.line_height();
        }
        y + style.space_after
    }

    /// Set already broken lines from `top` (tables break their cells once).
    pub fn lines_at(&mut self, lines: &[Line], style: &Style, x: f32, width: f32, top: f32) {
        let n = lines.len();
        for (i, line) in lines.iter().enumerate() {
            let y = top + i as f32 * style.line_height();
            self.emit_line(line, style, x, width, y, i + 1 == n);
        }
    }

    /// Finish: drop empty pages, then number the pages (13 pt, centred in the top margin)
    /// from page 2 on.
    pub fn finish(mut self) -> LaidOut {
        let keep_one = self.pages.first().cloned();
        self.pages.retain(|p| !p.items.is_empty());
        if self.pages.is_empty() {
            self.pages.extend(keep_one);
        }
        let m = self.margins;
        for (i, page) in self.pages.iter_mut().enumerate().skip(1) {
            let text = (i + 1).to_string();
            let size = 13.0;
            let center = m.left + (page.width - m.left - m.right) / 2.0;
            // First in the page's drawing order, so text extraction reads it first too.
            page.items.insert(
                0,
                Item::Text {
                    x: center - width(Face::Regular, size, &text) / 2.0,
                    y: m.top / 2.0 + size * 0.35,
                    face: Face::Regular,
                    size,
                    text,
                    page_number: true,
                },
            );
        }
        LaidOut {
            title: self.title,
            margins: self.margins,
            pages: self.pages,
            part_starts: Vec::new(),
        }
    }
}

#[cfg(test)]
#[path = "flow_tests.rs"]
mod tests;
