//! The field catalogue of `../shared/spec/reference.md`.
