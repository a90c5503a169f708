#![no_main]
//! See thidua::exchange::fuzzing::package_files; its corpus is fuzz/corpus/package_files.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    thidua::exchange::fuzzing::package_files(data);
});
