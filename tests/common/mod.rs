//! What several test files share.

use std::path::Path;
use std::process::{Command, Output};

use thidua::domain::settings::Organisation;

/// The Department the tests work for.
#[allow(dead_code)]
pub fn gia_lai() -> Organisation {
    Organisation {
        parent_body: "UBND TỈNH GIA LAI".into(),
        body: "SỞ CÔNG THƯƠNG".into(),
        abbreviation: "SCT".into(),
        place: "Gia Lai".into(),
        director: "Nguyễn Văn Hùng".into(),
        deputies: vec!["Trần Thị Mai".into()],
    }
}

/// `thidua --demo …` as IT staff would run it, with `data` as the user's data folder (the
/// demo database is made there on first use).
#[allow(dead_code)]
pub fn demo_cli(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_thidua"))
        .env("XDG_DATA_HOME", data)
        .env("HOME", data)
        .arg("--demo")
        .args(args)
        .output()
        .unwrap()
}
