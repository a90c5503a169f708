//! Tables with borders, wrapped cells, the header row repeated on every page, rows never
//! split across pages, and no header left alone at the bottom of a page.

use super::fonts::Face;
use super::layout::{Align, Flow, Run, Style};

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub title: String,
    /// Share of the content width (the shares are normalised).
    pub share: f32,
    pub align: Align,
}

impl Column {
    pub fn new(title: &str, share: f32, align: Align) -> Self {
        Self {
            title: title.into(),
            share,
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
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    pub size: f32,
}

const PAD: f32 = 3.0;

fn cell_style(size: f32, align: Align) -> Style {
    Style {
        size,
        align: if align == Align::Justify {
            Align::Left
        } else {
            align
        },
        first_indent: 0.0,
        left_indent: 0.0,
        space_before: 0.0,
        space_after: 0.0,
        leading: 1.15,
    }
}

impl Table {
    fn widths(&self, total: f32) -> Vec<f32> {
        let sum: f32 = self.columns.iter().map(|c| c.share.max(0.01)).sum();
        self.columns
            .iter()
            .map(|c| total * c.share.max(0.01) / sum)
            .collect()
    }

    fn row_height(&self, flow: &Flow, cells: &[(String, Face, Align)], widths: &[f32]) -> f32 {
        cells
            .iter()
            .zip(widths)
            .map(|((text, face, align), w)| {
                flow.measure(
                    &[Run::new(text, *face)],
                    &cell_style(self.size, *align),
                    w - 2.0 * PAD,
                )
            })
            .fold(self.size * 1.15, f32::max)
            + 2.0 * PAD
    }

    fn draw_row(
        &self,
        flow: &mut Flow,
        cells: &[(String, Face, Align)],
        widths: &[f32],
        height: f32,
    ) {
        let top = flow.y;
        let mut x = flow.left();
        let total: f32 = widths.iter().sum();
        flow.rule(x, top, x + total, 0.5);
        flow.rule(x, top + height, x + total, 0.5);
        for ((text, face, align), w) in cells.iter().zip(widths) {
            flow.line(x, top, x, top + height, 0.5);
            flow.y = top + PAD;
            flow.paragraph_in(
                &[Run::new(text, *face)],
                &cell_style(self.size, *align),
                x + PAD,
                w - 2.0 * PAD,
            );
            x += w;
        }
        flow.line(x, top, x, top + height, 0.5);
        flow.y = top + height;
    }

    /// Lay the table out from the cursor.
    pub fn place(&self, flow: &mut Flow) {
        let total = flow.content_width();
        let widths = self.widths(total);
        let header: Vec<(String, Face, Align)> = self
            .columns
            .iter()
            .map(|c| (c.title.clone(), Face::Bold, Align::Center))
            .collect();
        let header_h = self.row_height(flow, &header, &widths);
        let mut need_header = true;
        for row in &self.rows {
            let face = if row.bold { Face::Bold } else { Face::Regular };
            let (cells, row_widths): (Vec<(String, Face, Align)>, Vec<f32>) = if row.span {
                (vec![(row.cells.join(" "), face, Align::Left)], vec![total])
            } else {
                (
                    self.columns
                        .iter()
                        .enumerate()
                        .map(|(i, c)| {
                            (row.cells.get(i).cloned().unwrap_or_default(), face, c.align)
                        })
                        .collect(),
                    widths.clone(),
                )
            };
            let h = self.row_height(flow, &cells, &row_widths);
            let with_header = if need_header { header_h } else { 0.0 };
            if flow.y + with_header + h > flow.limit() {
                flow.new_page();
                need_header = true;
            }
            if need_header {
                self.draw_row(flow, &header, &widths, header_h);
                need_header = false;
            }
            self.draw_row(flow, &cells, &row_widths, h);
        }
        if self.rows.is_empty() {
            self.draw_row(flow, &header, &widths, header_h);
        }
        flow.y += 6.0;
    }
}
