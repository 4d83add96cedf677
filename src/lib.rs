//! The Gradient spec editor web app: the view layer over the `gradient-spec` core.

pub mod examples;
pub mod ui;

pub use ui::app::App;
