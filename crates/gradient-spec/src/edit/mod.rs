//! Edits by spec path, returned as minimal text edits.
