#![no_main]
//! See thidua::exchange::fuzzing::xlsx_import; its corpus is fuzz/corpus/xlsx_import.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = thidua::exchange::fuzzing::xlsx_import(data);
});
