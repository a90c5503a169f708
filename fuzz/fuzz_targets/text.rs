#![no_main]
//! See thidua::exchange::fuzzing::text; its corpus is fuzz/corpus/text.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    thidua::exchange::fuzzing::text(data);
});
