//! `container-registry`: where it fires (rule, severity, line:column), its fixes, and the near
//! misses it must leave alone.

use crate::rules_a_support::{expect, expect_none};
use crate::shared::general::*;
use gradient_spec::Severity::Error;

#[test]
fn container_registry_must_name_a_connection() {
    expect(
        &format!("image: x\ncontainerRegistry: \"\"\n{TAIL}"),
        "container-registry",
        Error,
        "2:20",
    );
    expect(
        &format!("image: x\ncontainerRegistry: 5\n{TAIL}"),
        "container-registry",
        Error,
        "2:20",
    );
    expect(
        &format!("image: x\ncontainerRegistry:\n{TAIL}"),
        "container-registry",
        Error,
        "2:1",
    );
    expect_none(
        &format!("image: x\ncontainerRegistry: dockerhub-prod\n{TAIL}"),
        "container-registry",
    );
}
