//! Mounts the app. Everything else lives in `lib.rs` and the core crate.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(gradient_spec_editor::App);
}
