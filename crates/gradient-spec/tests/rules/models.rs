//! `models`: where it fires (rule, severity, line:column), its fixes, and the near
//! misses it must leave alone.

use crate::rules_b_util::{none, one};

/// A spec whose first model's `id` value starts at 3:9.
fn model(id: &str) -> String {
    format!("image: x\nmodels:\n  - id: {id}\n    path: /opt/models\n")
}

#[test]
fn placeholder_ids_are_infos() {
    for id in [
        "model-handle",
        "...",
        "<model-id>",
        "'<your model id>'",
        "your-model-id",
    ] {
        let f = one(&model(id), "models", "info", "3:9");
        assert_eq!(f.path, "models[0].id");
        assert!(f.fixed.is_none());
    }
}

#[test]
fn empty_or_blank_holding_ids_are_errors() {
    for id in ["\"\"", "'  '", "my model"] {
        one(&model(id), "models", "error", "3:9");
    }
}

#[test]
fn two_models_at_the_same_path_is_an_error_at_the_later_one() {
    let text = "models:\n  - id: a1\n    path: /opt/m\n  - id: b2\n    path: /opt/other\n  - id: c3\n    path: /opt/m/\n";
    let f = one(text, "models", "error", "7:11");
    assert_eq!(f.path, "models[2].path");
    assert!(f.message.contains("models[0]"), "{}", f.message);
}

#[test]
fn near_misses() {
    for id in ["mo6sz1arw1oyp3", "model_1", "a.b"] {
        none(&model(id), "models");
    }
    // Absent or null id is `missing-field`; a number is `wrong-type`.
    none("models:\n  - path: /opt/models\n", "models");
    none("models:\n  - id:\n", "models");
    none("models:\n  - id: 12345\n", "models");
    // `models` written as a mapping is `wrong-type` (corpus n01).
    none(
        "models:\n  id: ...\n  path: \"/opt/models/trained-model/\"\n",
        "models",
    );
    // Distinct paths; models without a path.
    none("models:\n  - id: a1\n    path: /opt/a\n  - id: b2\n    path: /opt/b\n  - id: c3\n  - id: d4\n", "models");
}
