//! The Kotlin generator, built from this crate so it always matches the runtime's uniffi.

fn main() {
    uniffi::uniffi_bindgen_main()
}
