//! Spec texts and helpers shared by several rules' test modules, one module per
//! former test file.

pub mod general {
    pub const TAIL: &str = "enabled: true\nresources:\n  instanceType: C4\n";
}

pub mod repositories {
    /// A legacy spec with one repository whose fields are `fields` (each at 4:7 onwards,
    /// the first after `- ` at 4:7).
    pub fn repo(fields: &str) -> String {
        format!("repositories:\n  dataset: ds\n  repositories:\n    - {fields}\n")
    }
}

pub mod secrets {
    /// A legacy spec whose repository `password` value starts at 7:17.
    pub fn password(v: &str) -> String {
        format!("repositories:\n  dataset: ds\n  repositories:\n    - url: https://gitlab.com/a/b.git\n      name: b\n      username: me\n      password: {v}\n")
    }

    /// A spec whose first env `value` starts at 3:12.
    pub fn env(v: &str) -> String {
        format!("env:\n  - name: X\n    value: {v}\n")
    }

    /// A v1 spec with `basicAuthKey` (3:15) and an s3 integration whose
    /// `accessKeyId` value starts at 9:18 and `secretAccessKey` value at 10:22.
    pub fn v1(basic: &str, key_id: &str, secret_key: &str) -> String {
        format!(
            "apiVersion: v1\nimage: x\nbasicAuthKey: {basic}\nintegrations:\n  - type: s3\n    name: s\n    url: s3://b/\n    path: /s3\n    accessKeyId: {key_id}\n    secretAccessKey: {secret_key}\n"
        )
    }
}

pub mod shape {
    pub const LEGACY: &str = "image: x\nport: 80\nresources:\n  instanceType: C4\n";

    pub const V1_BODY: &str = "name: a\nimage: x\nresources:\n  machineType: C4\n  ports: [80]\n";
}

pub mod structure {
    pub const LEGACY_TAIL: &str = "resources:\n  instanceType: C4\n";
}

pub mod values {
    pub const HEAD: &str = "enabled: true\nimage: x\n";

    pub const V1: &str = "apiVersion: v1\nenabled: true\nname: a\nimage: x\n";

    pub fn legacy(rest: &str) -> String {
        format!("{HEAD}resources:\n  instanceType: C4\n{rest}")
    }

    pub fn auto(body: &str) -> String {
        legacy(&format!("  autoscaling:\n{body}"))
    }
}
