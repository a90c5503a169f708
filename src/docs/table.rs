//! Tables: borders, column widths in millimetres or shares, wrapped cells, the header row
//! repeated on every page, rows never split across pages (unless one row is taller than a
//! page), no header left alone at the bottom of a page, bold total and group rows.

use super::flow::Flow;
use super::fonts::Face;
use super::layout::{Align, MM, Run, Style};
use super::wrap::{Line, break_lines};

/// How wide a column is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ColumnWidth {
    /// Fixed, in millimetres.
    Mm(f32),
    /// A share of what the fixed columns leave (shares are normalised).
    Fraction(f32),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub title: String,
    pub width: ColumnWidth,
    pub align: Align,
}

impl Column {
    /// A column taking a share of the width.
    pub fn new(title: &str, share: f32, align: Align) -> Self {
        Self {
            title: title.into(),
            width: ColumnWidth::Fraction(share),
            align,
        }
    }

    /// A column of a fixed width in millimetres.
    pub fn mm(title: &str, mm: f32, align: Align) -> Self {
        Self {
            title: title.into(),
            width: ColumnWidth::Mm(mm),
            align,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub cells: Vec<String>,
    /// A group title or a total row, set in bold.
    pub bold: bool,
    /// A group title spanning every column.
    pub span: bool,
}

impl Row {
    pub fn new(cells: Vec<String>) -> Self {
        Self {
            cells,
            bold: false,
            span: false,
        }
    }

    /// A total row ("Tổng cộng"), in bold.
    pub fn total(cells: Vec<String>) -> Self {
        Self {
            bold: true,
            ..Self::new(cells)
        }
    }

    /// A group title across the whole table ("I. Phòng Quản lý thương mại"), in bold.
    pub fn group(title: &str) -> Self {
        Self {
            cells: vec![title.into()],
            bold: true,
            span: true,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    /// Type size of the cells (the header too).
    pub size: f32,
}

/// Cell padding, points.
const PAD: f32 = 3.0;
const LEADING: f32 = 1.15;
const RULE: f32 = 0.5;

/// A cell broken into lines.
struct Cell {
    x: f32,
    width: f32,
    style: Style,
    lines: Vec<Line>,
}

/// The geometry of a placed table.
struct Frame {
    x0: f32,
    width: f32,
    /// Left edge and width of each column.
    columns: Vec<(f32, f32)>,
    /// Every vertical rule's x.
    bounds: Vec<f32>,
}

impl Table {
    pub fn new(columns: Vec<Column>, rows: Vec<Row>) -> Self {
        Self {
            columns,
            rows,
            size: 13.0,
        }
    }

    /// Column widths in points for a table `total` wide.
    pub fn widths(&self, total: f32) -> Vec<f32> {
        let fixed_of = |w: ColumnWidth| match w {
            ColumnWidth::Mm(mm) if mm.is_finite() => mm.max(1.0) * MM,
            ColumnWidth::Mm(_) => 10.0 * MM,
            ColumnWidth::Fraction(_) => 0.0,
        };
        let share_of = |w: ColumnWidth| match w {
            ColumnWidth::Fraction(f) if f.is_finite() => f.max(0.01),
            ColumnWidth::Fraction(_) => 0.01,
            ColumnWidth::Mm(_) => 0.0,
        };
        let fixed: f32 = self.columns.iter().map(|c| fixed_of(c.width)).sum();
        let shares: f32 = self.columns.iter().map(|c| share_of(c.width)).sum();
        // Fixed columns shrink when they alone are wider than the table.
        let scale = if fixed > total { total / fixed } else { 1.0 };
        let rest = (total - fixed * scale).max(0.0);
        self.columns
            .iter()
            .map(|c| match c.width {
                ColumnWidth::Mm(_) => fixed_of(c.width) * scale,
                ColumnWidth::Fraction(_) => rest * share_of(c.width) / shares,
            })
            .collect()
    }

    fn frame(&self, flow: &Flow) -> Frame {
        let total = flow.content_width();
        let widths = self.widths(total);
        let width: f32 = widths.iter().sum();
        let x0 = flow.left() + (total - width).max(0.0) / 2.0;
        let mut columns = Vec::with_capacity(widths.len());
        let mut x = x0;
        for w in widths {
            columns.push((x, w));
            x += w;
        }
        let bounds = columns
            .iter()
            .map(|(x, _)| *x)
            .chain(std::iter::once(x0 + width))
            .collect();
        Frame {
            x0,
            width,
            columns,
            bounds,
        }
    }

    fn cells(&self, texts: &[(String, Face, Align)], xs: &[(f32, f32)]) -> Vec<Cell> {
        texts
            .iter()
            .zip(xs)
            .map(|((text, face, align), &(x, w))| {
                let inner = (w - 2.0 * PAD).max(1.0);
                let align = if *align == Align::Justify {
                    Align::Left
                } else {
                    *align
                };
                Cell {
                    x: x + PAD,
                    width: inner,
                    style: Style {
                        align,
                        leading: LEADING,
                        ..Style::left(self.size)
                    },
                    lines: break_lines(&[Run::new(text, *face)], self.size, inner, inner),
                }
            })
            .collect()
    }

    fn line_height(&self) -> f32 {
        self.size * LEADING
    }

    fn height(&self, cells: &[Cell]) -> f32 {
        let n = cells
            .iter()
            .map(|c| c.lines.len())
            .max()
            .unwrap_or(1)
            .max(1);
        n as f32 * self.line_height() + 2.0 * PAD
    }

    /// Draw whole cells, each centred vertically in a row `height` tall.
    fn draw(&self, flow: &mut Flow, cells: &[Cell], height: f32) {
        let top = flow.y;
        for c in cells {
            let h = c.lines.len() as f32 * self.line_height();
            flow.lines_at(&c.lines, &c.style, c.x, c.width, top + (height - h) / 2.0);
        }
        flow.y = top + height;
    }

    /// The header row with its rules; the vertical rules of the page start at its top.
    fn header(&self, flow: &mut Flow, f: &Frame, header: &[Cell], seg: &mut Segment) {
        seg.close(flow, &f.bounds);
        flow.rule(f.x0, flow.y, f.x0 + f.width, RULE);
        seg.top = Some(flow.y);
        self.draw(flow, header, self.height(header));
        flow.rule(f.x0, flow.y, f.x0 + f.width, RULE);
    }

    /// Lay the table out from the cursor.
    pub fn place(&self, flow: &mut Flow) {
        if self.columns.is_empty() {
            return;
        }
        let f = self.frame(flow);
        let header_texts: Vec<(String, Face, Align)> = self
            .columns
            .iter()
            .map(|c| (c.title.clone(), Face::Bold, Align::Center))
            .collect();
        let header = self.cells(&header_texts, &f.columns);
        let header_h = self.height(&header);
        let full = [(f.x0, f.width)];
        let lh = self.line_height();

        let mut seg = Segment { top: None };
        let mut need_header = true;
        for row in &self.rows {
            let face = if row.bold { Face::Bold } else { Face::Regular };
            let mut cells = if row.span {
                self.cells(&[(row.cells.join(" "), face, Align::Left)], &full)
            } else {
                let texts: Vec<(String, Face, Align)> = self
                    .columns
                    .iter()
                    .enumerate()
                    .map(|(i, c)| (row.cells.get(i).cloned().unwrap_or_default(), face, c.align))
                    .collect();
                self.cells(&texts, &f.columns)
            };
            let h = self.height(&cells);
            let with_header = if need_header { header_h } else { 0.0 };
            let fits_here = flow.y + with_header + h <= flow.limit() + 0.01;
            let fits_a_page = header_h + h <= flow.page_body_height();
            // A row taller than a page starts here only if a few of its lines fit.
            let little_room = flow.y + header_h + 2.0 * lh + 2.0 * PAD > flow.limit();
            if !fits_here && (fits_a_page || little_room) {
                // The row goes to the next page under a repeated header: never a header
                // alone at the bottom of a page, never a row cut in two.
                seg.close(flow, &f.bounds);
                if !flow.at_page_top() {
                    flow.new_page();
                }
                need_header = true;
            }
            if need_header {
                self.header(flow, &f, &header, &mut seg);
                need_header = false;
            }
            if row.span {
                seg.close(flow, &f.bounds);
            }
            // Only a row taller than what is left of a whole page is cut, between lines.
            loop {
                let room = flow.limit() - flow.y - 2.0 * PAD;
                let fit = ((room / lh).floor().max(1.0)) as usize;
                let longest = cells.iter().map(|c| c.lines.len()).max().unwrap_or(0);
                let top = flow.y;
                if longest <= fit {
                    let h = self.height(&cells);
                    self.draw(flow, &cells, h);
                    if row.span {
                        flow.line(f.x0, top, f.x0, top + h, RULE);
                        flow.line(f.x0 + f.width, top, f.x0 + f.width, top + h, RULE);
                    }
                    flow.rule(f.x0, flow.y, f.x0 + f.width, RULE);
                    break;
                }
                let rest: Vec<Cell> = cells
                    .iter_mut()
                    .map(|c| Cell {
                        lines: c.lines.split_off(fit.min(c.lines.len())),
                        ..*c
                    })
                    .collect();
                let h = fit as f32 * lh + 2.0 * PAD;
                for c in &cells {
                    flow.lines_at(&c.lines, &c.style, c.x, c.width, top + PAD);
                }
                flow.y = top + h;
                if row.span {
                    flow.line(f.x0, top, f.x0, top + h, RULE);
                    flow.line(f.x0 + f.width, top, f.x0 + f.width, top + h, RULE);
                }
                flow.rule(f.x0, flow.y, f.x0 + f.width, RULE);
                seg.close(flow, &f.bounds);
                flow.new_page();
                self.header(flow, &f, &header, &mut seg);
                if row.span {
                    seg.close(flow, &f.bounds);
                }
                cells = rest;
            }
            if row.span {
                seg.top = Some(flow.y);
            }
        }
        if self.rows.is_empty() {
            flow.ensure(header_h);
            self.header(flow, &f, &header, &mut seg);
        }
        seg.close(flow, &f.bounds);
        flow.y += 6.0;
    }
}

/// The vertical rules of a run of ordinary rows, drawn as one line per column boundary.
struct Segment {
    top: Option<f32>,
}

impl Segment {
    fn close(&mut self, flow: &mut Flow, bounds: &[f32]) {
        if let Some(top) = self.top.take()
            && flow.y > top + 0.01
        {
            for &x in bounds {
                flow.line(x, top, x, flow.y, RULE);
            }
        }
    }
}

#[cfg(test)]
#[path = "table_tests.rs"]
mod tests;
