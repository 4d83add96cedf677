//! The rule ids as a type. Each id is a public contract (`docs/rules.md`, the
//! linter's outputs, the embed API): [`RuleId::as_str`] is the only place an id is
//! spelled, it serialises as that string and parses back from it, and ids are never
//! renamed or reused. `limit` is our addition for input limits.

use serde::{Serialize, Serializer};
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

macro_rules! rule_ids {
    ($($(#[$doc:meta])* $variant:ident = $id:literal,)*) => {
        /// One rule of `docs/rules.md`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum RuleId {
            $($(#[$doc])* $variant,)*
        }

        impl RuleId {
            /// Every rule id, in the order of `docs/rules.md`.
            pub const ALL: &'static [RuleId] = &[$(RuleId::$variant,)*];

            /// The public id (`missing-field`).
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(RuleId::$variant => $id,)*
                }
            }
        }
    };
}

rule_ids! {
    /// The text is not well-formed YAML (or JSON).
    YamlSyntax = "yaml-syntax",
    MultipleDocuments = "multiple-documents",
    DuplicateKey = "duplicate-key",
    WrongType = "wrong-type",
    MissingField = "missing-field",
    UnknownKey = "unknown-key",
    MisplacedField = "misplaced-field",
    ApiVersion = "api-version",
    MixedShape = "mixed-shape",
    DatasetRequired = "dataset-required",
    MountPath = "mount-path",
    RepoName = "repo-name",
    RepoUrl = "repo-url",
    RepoCredentials = "repo-credentials",
    PlaintextSecret = "plaintext-secret",
    SecretSyntax = "secret-syntax",
    PortRange = "port-range",
    Replicas = "replicas",
    Autoscaling = "autoscaling",
    Probe = "probe",
    Env = "env",
    MachineType = "machine-type",
    Models = "models",
    Integrations = "integrations",
    Command = "command",
    Image = "image",
    Enabled = "enabled",
    ContainerRegistry = "container-registry",
    /// Input over a limit (size, nesting, alias expansion): our addition.
    Limit = "limit",
}

impl RuleId {
    /// The id's position in [`RuleId::ALL`] (the docs order).
    pub const fn index(self) -> usize {
        self as usize
    }
}

/// An id that names no rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownRule(pub String);

impl fmt::Display for UnknownRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not a rule id (see `gradient-spec rules`)",
            self.0
        )
    }
}

impl std::error::Error for UnknownRule {}

impl FromStr for RuleId {
    type Err = UnknownRule;

    /// The rule of a public id, for the command line and the embed API.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        RuleId::ALL
            .iter()
            .copied()
            .find(|id| id.as_str() == s)
            .ok_or_else(|| UnknownRule(s.to_string()))
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for RuleId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// Ordered as the public ids are (alphabetically), so sorting diagnostics by rule
/// gives the same order as when ids were strings.
impl Ord for RuleId {
    fn cmp(&self, other: &Self) -> Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialOrd for RuleId {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Comparing with the public id as text: for tests, whose expectations are the ids users read.
impl PartialEq<&str> for RuleId {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<str> for RuleId {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_id_parses_back_and_serialises_as_its_text() {
        for (i, id) in RuleId::ALL.iter().enumerate() {
            assert_eq!(id.index(), i);
            assert_eq!(id.as_str().parse::<RuleId>(), Ok(*id));
            assert_eq!(
                serde_json::to_string(id).unwrap(),
                format!("\"{}\"", id.as_str())
            );
        }
        assert_eq!(RuleId::ALL.len(), 29);
        assert!("nope".parse::<RuleId>().is_err());
        assert!("Image".parse::<RuleId>().is_err());
    }

    #[test]
    fn ids_sort_as_their_text() {
        let mut ids = RuleId::ALL.to_vec();
        ids.sort();
        let mut texts: Vec<&str> = RuleId::ALL.iter().map(|id| id.as_str()).collect();
        texts.sort();
        assert_eq!(ids.iter().map(|id| id.as_str()).collect::<Vec<_>>(), texts);
        assert!(RuleId::ApiVersion < RuleId::Autoscaling);
    }
}
