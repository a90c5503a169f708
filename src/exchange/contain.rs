//! Running third-party readers so that a panic inside them is an answer, not an ending.
//!
//! A panic inside [`contained`] is caught, written to the log (thidua.log) as a warning
//! and not printed to the console: the clerk gets the damaged-file message and the log
//! keeps the detail. Panics anywhere else go to the hook that was there before (the
//! default one, or libFuzzer's, which must still see them).

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    static INSIDE: Cell<u32> = const { Cell::new(0) };
}

/// Run `read`; `None` when it panicked.
pub(super) fn contained<T>(read: impl FnOnce() -> T) -> Option<T> {
    install_hook();
    INSIDE.with(|inside| inside.set(inside.get() + 1));
    let result = panic::catch_unwind(AssertUnwindSafe(read));
    INSIDE.with(|inside| inside.set(inside.get() - 1));
    result.ok()
}

fn install_hook() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if INSIDE.with(Cell::get) > 0 {
                log::warn!("tệp Excel làm bộ đọc dừng (đã chặn): {info}");
            } else {
                previous(info);
            }
        }));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_inside_is_none_and_a_value_comes_through() {
        assert_eq!(contained(|| 7), Some(7));
        let caught: Option<()> = contained(|| panic!("bộ đọc hỏng"));
        assert_eq!(caught, None);
        // The thread is outside again: the count went back to zero.
        assert_eq!(INSIDE.with(Cell::get), 0);
    }

    #[test]
    fn a_nested_panic_leaves_the_outer_call_inside() {
        let outer = contained(|| {
            let inner: Option<()> = contained(|| panic!("trong"));
            assert!(inner.is_none());
            INSIDE.with(Cell::get)
        });
        assert_eq!(outer, Some(1));
    }
}
