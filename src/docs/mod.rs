//! Official documents as PDF (Nghị định 30/2020), all built on one layout engine.
//!
//! printpdf only places text, so the engine does the rest: `fonts` measures the embedded
//! Liberation Serif faces (Times New Roman metrics), `wrap` breaks lines, `flow` moves a
//! cursor down the pages (paragraphs, items, blocks kept together), `blocks` sets the
//! standard parts of an administrative document and `table` sets tables. The result is a
//! [`LaidOut`] document of positioned runs and rules: `check` verifies it, `pdf` renders
//! it. `plan` lays out the campaign plan.
//!
//! ```no_run
//! use thidua::docs::{Flow, Margins, Style, plain, render_pdf};
//! let mut flow = Flow::new("Ví dụ", Margins::default());
//! flow.paragraph(&plain("Nội dung văn bản."), &Style::body());
//! let bytes = render_pdf(&flow.finish()).unwrap();
//! ```

pub mod achievement;
pub mod achievement_data;
pub mod award_history;
pub mod blocks;
pub mod certificate;
pub mod check;
pub mod council;
pub mod council_data;
pub mod decision;
pub mod decision_data;
pub mod flow;
pub mod fonts;
pub mod innovation;
pub mod innovation_data;
pub mod innovation_decision;
pub mod innovation_proposal;
pub mod layout;
pub mod pdf;
pub mod plan;
pub mod registration;
pub mod registration_data;
pub mod report;
pub mod report_data;
pub mod submission;
pub mod table;
pub mod wrap;

pub use blocks::{Signature, date_line, document_number};
pub use check::{Problem, ProblemKind, verify, verify_pdf};
pub use flow::Flow;
pub use fonts::Face;
pub use layout::{Align, Item, LaidOut, LaidOutDocument, MM, Margins, Page, Run, Style, plain};
pub use pdf::{DocError, render, render_pdf, render_pdf_with_progress, write};
pub use table::{Column, ColumnWidth, Row, Table};
