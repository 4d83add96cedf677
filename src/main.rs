//! Mounts the app. Everything else lives in `lib.rs` and the core crate.

fn main() {
    gradient_spec_editor::ui::panic::install();
    leptos::mount::mount_to_body(gradient_spec_editor::App);
}
