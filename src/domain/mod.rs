//! Pure types and rules: no SQL, no egui, no files.

// First: its `coded_enum!` macro is used by the modules below.
#[macro_use]
pub mod model;

pub mod achievement;
pub mod collation;
pub mod council;
pub mod decision;
pub mod eligibility;
pub mod history;
pub mod innovation;
pub mod innovation_council;
pub mod innovation_scoring;
pub mod money;
pub mod nomination;
pub mod people_list;
pub mod plan;
pub mod province_list;
pub mod registration;
pub mod registration_progress;
pub mod report_results;
pub mod report_tally;
pub mod settings;
pub mod settings_forms;
pub mod text;
pub mod validate;
