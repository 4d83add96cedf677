//! The field catalogue of `docs/spec-reference.md`: the one table that drives
//! validation, the form, hover help, completion and the JSON Schema export.
//!
//! - [`fields()`] lists every field of both shapes in display order; each [`Field`]
//!   has a path pattern (`env[].value`), a [`Kind`], the [`Shapes`] that have it, a
//!   [`Requirement`], a default, a label, one line of help, a placeholder, and the
//!   rule ([`Owner`]) that judges its value.
//! - [`field`], [`children`] and [`allowed_values`] answer by spec path
//!   for the form, completion and hover; [`value_text`] and [`item_text`] give the
//!   YAML a fix or an "Add" button inserts.
//! - `names` holds the fixed vocabularies (versions, machines, metrics, integration
//!   types); `keys` the misplaced, stray and alternative keys.
//! - [`json_schema`] exports the catalogue. (Rule ids and their documentation are
//!   the registry's: [`crate::rules::RULES`].)

mod fields;
mod keys;
mod lookup;
mod names;
mod order;
mod placeholder;
mod schema;
mod suggest;
mod types;

pub use keys::{
    canonical_key, counterpart, misplaced_field, other_keys_rule, stray_key, Alias, Misplaced,
    StrayKey, ALIASES, COUNTERPARTS, MISPLACED, SPEC_WRAPPER, STRAY_KEYS,
};
pub use lookup::{
    allowed_values, children, children_of, field, field_by_key, field_by_pattern, field_variant,
    fields, fields_under, integration_fields, is_probe, join, kind_values, pattern, value_kind,
};
pub use names::{
    explicit_version, is_free_tier, API_VERSIONS, FREE_TIER_PREFIX, HTTP_PROBE_KEYS,
    INTEGRATION_TYPES, LEGACY_API_VERSIONS, MACHINES, MACHINE_NAMES, MAX_INTEGRATIONS, METRICS,
    PROBES, SUMMARIES, V1_API_VERSIONS,
};
pub use order::catalogue_index;
pub use placeholder::{
    item_text, item_variant, scalar_text, value_text, Layout, DEFAULT_INTEGRATION_TYPE,
};
pub use schema::json_schema;
pub use suggest::suggest;
pub use types::{backticked, Field, Kind, Owner, Requirement, Shape, Shapes};
