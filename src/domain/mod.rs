//! Pure types and rules: no SQL, no egui, no files.

pub mod collation;
pub mod history;
#[macro_use]
pub mod model;
pub mod people_list;
pub mod plan;
pub mod registration;
pub mod registration_progress;
pub mod settings;
pub mod settings_forms;
pub mod text;
pub mod validate;
