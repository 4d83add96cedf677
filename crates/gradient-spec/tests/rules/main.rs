//! The rules' integration tests, one module per rule id (named as the rule's file in
//! `src/rules/`), in one test binary.

#[path = "../rules_a_support/mod.rs"]
mod rules_a_support;
#[path = "../rules_b_util/mod.rs"]
mod rules_b_util;
mod shared;

mod api_version;
mod autoscaling;
mod command;
mod container_registry;
mod dataset_required;
mod enabled;
mod env;
mod image;
mod integrations;
mod machine_type;
mod misplaced_field;
mod missing_field;
mod mixed_shape;
mod models;
mod mount_path;
mod plaintext_secret;
mod port_range;
mod probe;
mod replicas;
mod repo_credentials;
mod repo_name;
mod repo_url;
mod repositories;
mod secret_syntax;
mod secrets;
mod unknown_key;
mod wrong_type;
