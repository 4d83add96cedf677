//! The field catalogue of `../shared/spec/reference.md`: the one table that drives
//! validation, the form, hover help, completion and the JSON Schema export.

mod schema;

pub use schema::json_schema;
