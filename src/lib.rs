//! The Gradient spec editor web app: the view layer over the `gradient-spec` core.
//! `main.rs` only mounts; state derives from the document text (see design.md).

#![warn(unreachable_pub)]

pub mod analysis;
pub mod embed;
pub mod examples;
pub mod form;
pub mod js_api;
pub mod share;
pub mod state;
pub mod ui;

pub use ui::app::App;
