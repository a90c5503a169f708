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

/// Pick `option` in the combo box labelled `combo_label`: the option in the open popup is
/// the last node with that label (the same text may also stand in a list behind it).
#[allow(dead_code)]
pub fn choose(
    h: &mut egui_kittest::Harness<'_, thidua::app::ThiduaApp>,
    combo_label: &str,
    option: &str,
) {
    use egui_kittest::kittest::{NodeT, Queryable};
    h.get_by_label(combo_label).click();
    h.run();
    h.get_all_by_label(option)
        .rfind(|n| n.accesskit_node().role() != egui::accesskit::Role::Label)
        .expect("option shown")
        .click();
    h.run();
}

/// Step the window until the background jobs are done (at most 30 s).
#[allow(dead_code)]
pub fn finish_jobs(h: &mut egui_kittest::Harness<'_, thidua::app::ThiduaApp>) {
    for _ in 0..3000 {
        h.step();
        if !h.state().is_busy() {
            h.run_steps(3);
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the background job did not finish");
}
