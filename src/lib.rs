//! thidua: the clerk's application for the Emulation & Commendation Council of a
//! provincial Department of Industry and Trade (Sở Công Thương).
//!
//! Layers, imports going one way only:
//! `domain` (pure types and rules) ← `store` (SQLite) ← `docs` (PDF) / `exchange` (xlsx)
//! ← `ui` (egui screens: read a view model, emit intents) ← `app` (state, intents, jobs).
//! `ui`, `app` and the window's renderer choice are the `gui` feature (on by default).

#[cfg(feature = "gui")]
pub mod app;
pub mod cli;
pub mod demo;
pub mod docs;
pub mod domain;
pub mod exchange;
pub mod platform;
pub mod store;
#[cfg(feature = "gui")]
pub mod ui;
