//! Running inside another page: the query-string options (`?embed`, `?readonly`,
//! `?template=`, `?view=`, `?autosave`, `?origin=`), the autosave keys they allow,
//! and the versioned postMessage API. Pure parts (`query`, `params`, `page`,
//! `messages`) are tested natively; `start` and `api` touch the DOM.

pub mod api;
pub mod messages;
pub mod page;
pub mod params;
pub mod query;
pub mod start;

pub use page::Page;
pub use params::{AutosaveKeys, View};
pub use start::start;
