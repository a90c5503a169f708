//! Official documents as PDF (Nghị định 30/2020), all built on one layout module.

pub mod blocks;
pub mod check;
pub mod fonts;
pub mod layout;
pub mod pdf;
pub mod plan;
pub mod table;

pub use layout::{Align, Flow, LaidOut, Margins, Run, Style};
pub use pdf::{DocError, render, write};
