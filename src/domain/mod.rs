//! Pure types and rules: no SQL, no egui, no files.

pub mod collation;
pub mod history;
pub mod model;
pub mod people_list;
pub mod plan;
pub mod settings;
pub mod settings_forms;
pub mod text;
pub mod validate;
