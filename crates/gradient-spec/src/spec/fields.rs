//! The field table: every field of `docs/spec-reference.md`, both shapes, in the
//! order a form shows them. Data only; lookups live in `lookup.rs`.

use super::names::{API_VERSIONS, INTEGRATION_TYPES, METRICS, SUMMARIES};
use super::types::{Field, Kind, Owner, Requirement, Shapes};
use crate::rules::RuleId;

/// The fields of one probe under `healthChecks`.
macro_rules! probe {
    ($key:literal, $label:literal, $what:literal) => {
        &[
            Field::new(
                concat!("healthChecks.", $key),
                Kind::Mapping,
                $label,
                concat!(
                    "An HTTP (`path`) or command (`exec`) check that ",
                    $what,
                    "."
                ),
            )
            .owner(Owner::Value(RuleId::Probe)),
            Field::new(
                concat!("healthChecks.", $key, ".path"),
                Kind::Path,
                "Path",
                "The HTTP path to request, starting with `/`; a 2xx or 3xx answer passes.",
            )
            .requirement(Requirement::HttpProbe)
            .placeholder("/")
            .owner(Owner::Value(RuleId::Probe)),
            Field::new(
                concat!("healthChecks.", $key, ".port"),
                Kind::Port,
                "Port",
                "The port to probe (defaults to the container's port).",
            )
            .placeholder("8000")
            .owner(Owner::Scalar(RuleId::PortRange)),
            Field::new(
                concat!("healthChecks.", $key, ".host"),
                Kind::String,
                "Host",
                "The host name to send the request to.",
            )
            .placeholder("localhost"),
            Field::new(
                concat!("healthChecks.", $key, ".headers"),
                Kind::List(&Kind::Mapping),
                "Headers",
                "HTTP headers sent with the probe request.",
            )
            .item("header"),
            Field::new(
                concat!("healthChecks.", $key, ".headers[].name"),
                Kind::String,
                "Header name",
                "The header's name, e.g. `Authorization`.",
            )
            .requirement(Requirement::ReportedBy(Shapes::BOTH, RuleId::Probe))
            .placeholder("X-Probe"),
            Field::new(
                concat!("healthChecks.", $key, ".headers[].value"),
                Kind::String,
                "Header value",
                "The header's value.",
            )
            .requirement(Requirement::ReportedBy(Shapes::BOTH, RuleId::Probe))
            .placeholder("value"),
            Field::new(
                concat!("healthChecks.", $key, ".exec"),
                Kind::Mapping,
                "Exec",
                "Run a command in the container instead of an HTTP request; exit code 0 passes.",
            ),
            Field::new(
                concat!("healthChecks.", $key, ".exec.command"),
                Kind::List(&Kind::String),
                "Exec command",
                "The program and its arguments, one list item each.",
            )
            .required(Shapes::BOTH)
            .item("argument")
            .placeholder("/bin/true"),
            Field::new(
                concat!("healthChecks.", $key, ".initialDelaySeconds"),
                INT_MIN0,
                "Initial delay (s)",
                "Seconds to wait after the container starts before the first probe.",
            )
            .default("0")
            .placeholder("0")
            .owner(Owner::Value(RuleId::Probe)),
            Field::new(
                concat!("healthChecks.", $key, ".periodSeconds"),
                INT_MIN1,
                "Period (s)",
                "Seconds between probes.",
            )
            .default("10")
            .placeholder("10")
            .owner(Owner::Value(RuleId::Probe)),
            Field::new(
                concat!("healthChecks.", $key, ".timeoutSeconds"),
                INT_MIN1,
                "Timeout (s)",
                "Seconds after which a probe counts as failed; at least 1.",
            )
            .default("1")
            .placeholder("1")
            .owner(Owner::Value(RuleId::Probe)),
            Field::new(
                concat!("healthChecks.", $key, ".failureThreshold"),
                INT_MIN1,
                "Failure threshold",
                "Failed probes in a row before the replica counts as unhealthy.",
            )
            .default("3")
            .placeholder("3")
            .owner(Owner::Value(RuleId::Probe)),
        ]
    };
}

const INT_MIN0: Kind = Kind::Integer {
    min: Some(0),
    max: None,
};
const INT_MIN1: Kind = Kind::Integer {
    min: Some(1),
    max: None,
};
const ANY_NUMBER: Kind = Kind::Number {
    min: None,
    max: None,
};

/// Every field, in groups (a form section each), in display order.
pub(super) static GROUPS: &[&[Field]] = &[
    TOP,
    RESOURCES,
    ENV,
    HEALTH_CHECKS,
    probe!(
        "liveness",
        "Liveness probe",
        "restarts a replica that stops answering"
    ),
    probe!(
        "readiness",
        "Readiness probe",
        "sends traffic to a replica only once it answers"
    ),
    probe!(
        "startup",
        "Startup probe",
        "gives a slow-starting replica time before the other probes begin"
    ),
    MODELS,
    REPOSITORIES,
    INTEGRATIONS,
    V1_TAIL,
];

const TOP: &[Field] = &[
    Field::new(
        "apiVersion",
        Kind::Enum(API_VERSIONS),
        "API version",
        "Which version of the spec this is: `v1` (current), `v0alpha0` (legacy) or `latest`.",
    )
    .placeholder("v1")
    .owner(Owner::Scalar(RuleId::ApiVersion)),
    Field::new(
        "name",
        Kind::String,
        "Name",
        "The deployment's name, unique within its project.",
    )
    .required(Shapes::V1)
    .placeholder("my-deployment"),
    Field::new(
        "image",
        Kind::String,
        "Image",
        "The container image to run, e.g. `paperspace/fastapi-template-app:latest`.",
    )
    .required(Shapes::BOTH)
    .placeholder("<image>")
    .owner(Owner::ValueOrEmpty(RuleId::Image)),
    Field::new(
        "enabled",
        Kind::Bool,
        "Enabled",
        "Whether the deployment runs; `false` stops it but keeps its spec.",
    )
    .default("true")
    .placeholder("true")
    .owner(Owner::Scalar(RuleId::Enabled)),
    Field::new(
        "command",
        Kind::List(&Kind::String),
        "Command",
        "Overrides the image's command: the program and its arguments, one list item each.",
    )
    .item("argument")
    .reorderable()
    .placeholder("/bin/sh")
    .owner(Owner::Whole(RuleId::Command)),
    Field::new(
        "port",
        Kind::Port,
        "Port",
        "The port the container listens on (legacy shape; v1 uses `resources.ports`).",
    )
    .shapes(Shapes::LEGACY)
    .default("80")
    .placeholder("8000")
    .owner(Owner::Scalar(RuleId::PortRange)),
    Field::new(
        "containerRegistry",
        Kind::String,
        "Container registry",
        "The name of a registry connection saved in the team's settings, for private images.",
    )
    .placeholder("my-registry")
    .owner(Owner::Scalar(RuleId::ContainerRegistry)),
    Field::new(
        "region",
        Kind::String,
        "Region",
        "Where the deployment runs (undocumented; seen holding a cluster id).",
    )
    .placeholder("<cluster-id>"),
    Field::new(
        "$schema",
        Kind::String,
        "JSON schema",
        "The URL of the schema the spec follows, as Paperspace's JSON templates write it \
         (`https://api.paperspace.com/schemas/v0alpha0`); a version it names counts like `apiVersion`.",
    )
    .placeholder("https://api.paperspace.com/schemas/v1"),
];

const RESOURCES: &[Field] = &[
    Field::new("resources", Kind::Mapping, "Resources", "The machine, ports, replicas and autoscaling.")
        .required(Shapes::BOTH),
    Field::new(
        "resources.instanceType",
        Kind::Machine,
        "Instance type",
        "The machine each replica runs on, e.g. `C4`, `A4000` (legacy shape).",
    )
    .shapes(Shapes::LEGACY)
    .required(Shapes::LEGACY)
    .placeholder("C4")
    .owner(Owner::Value(RuleId::MachineType)),
    Field::new(
        "resources.machineType",
        Kind::Machine,
        "Machine type",
        "The machine each replica runs on, e.g. `C4`, `A4000` (v1 shape).",
    )
    .shapes(Shapes::V1)
    .required(Shapes::V1)
    .placeholder("C4")
    .owner(Owner::Value(RuleId::MachineType)),
    Field::new(
        "resources.ports",
        Kind::List(&Kind::Port),
        "Ports",
        "The ports the container listens on, e.g. `[8000]` (v1 shape).",
    )
    .shapes(Shapes::V1)
    .required(Shapes::V1)
    .item("port")
    .placeholder("8000")
    .owner(Owner::Scalar(RuleId::PortRange)),
    Field::new(
        "resources.replicas",
        INT_MIN0,
        "Replicas",
        "How many copies of the container run; `0` stops the deployment.",
    )
    .default("1")
    .placeholder("1")
    .owner(Owner::Scalar(RuleId::Replicas)),
    Field::new(
        "resources.autoscaling",
        Kind::Mapping,
        "Autoscaling",
        "Adds replicas, up to `maxReplicas`, when a metric passes its target.",
    )
    .owner(Owner::Value(RuleId::Autoscaling)),
    Field::new("resources.autoscaling.enabled", Kind::Bool, "Autoscaling enabled", "Whether autoscaling is on.")
        .default("true")
        .placeholder("true"),
    Field::new(
        "resources.autoscaling.maxReplicas",
        INT_MIN0,
        "Maximum replicas",
        "The most replicas autoscaling may run; at least `replicas`.",
    )
    .requirement(Requirement::ReportedBy(Shapes::BOTH, RuleId::Autoscaling))
    .placeholder("2")
    .owner(Owner::Scalar(RuleId::Replicas)),
    Field::new(
        "resources.autoscaling.metrics",
        Kind::List(&Kind::Mapping),
        "Metrics",
        "The targets autoscaling keeps replicas near; at least one.",
    )
    .requirement(Requirement::ReportedBy(Shapes::BOTH, RuleId::Autoscaling))
    .item("metric")
    .owner(Owner::Value(RuleId::Autoscaling)),
    Field::new(
        "resources.autoscaling.metrics[].metric",
        Kind::Enum(METRICS),
        "Metric",
        "What to measure: `cpu` or `memory` (percent) or `requestDuration` (seconds).",
    )
    .required(Shapes::BOTH)
    .placeholder("cpu")
    .owner(Owner::Scalar(RuleId::Autoscaling)),
    Field::new(
        "resources.autoscaling.metrics[].summary",
        Kind::Enum(SUMMARIES),
        "Summary",
        "How replicas' measurements combine; `average` is the only one.",
    )
    .required(Shapes::BOTH)
    .placeholder("average")
    .owner(Owner::Scalar(RuleId::Autoscaling)),
    Field::new(
        "resources.autoscaling.metrics[].value",
        ANY_NUMBER,
        "Target",
        "The target: a percentage 1–100 for `cpu` and `memory`, seconds (≥ 0.01) for `requestDuration`.",
    )
    .required(Shapes::BOTH)
    .placeholder("75")
    .owner(Owner::Scalar(RuleId::Autoscaling)),
];

const ENV: &[Field] = &[
    Field::new(
        "env",
        Kind::List(&Kind::Mapping),
        "Environment variables",
        "Variables set in the container at run time.",
    )
    .item("variable")
    .reorderable(),
    Field::new(
        "env[].name",
        Kind::String,
        "Name",
        "The variable's name, e.g. `MODEL_DIR`.",
    )
    .required(Shapes::BOTH)
    .placeholder("NAME"),
    Field::new(
        "env[].value",
        Kind::String,
        "Value",
        "The variable's value, a string; `secret:NAME` takes it from a secret.",
    )
    .required(Shapes::BOTH)
    .placeholder("value")
    .owner(Owner::Scalar(RuleId::Env)),
];

const HEALTH_CHECKS: &[Field] = &[Field::new(
    "healthChecks",
    Kind::Mapping,
    "Health checks",
    "Probes that tell when a replica is started, ready for traffic, and alive.",
)];

const MODELS: &[Field] = &[
    Field::new(
        "models",
        Kind::List(&Kind::Mapping),
        "Models",
        "Models from the Gradient model registry, mounted into the container (legacy shape).",
    )
    .shapes(Shapes::LEGACY)
    .item("model"),
    Field::new(
        "models[].id",
        Kind::String,
        "Model id",
        "The model's id in the Gradient model registry.",
    )
    .shapes(Shapes::LEGACY)
    .required(Shapes::LEGACY)
    .placeholder("<model-id>"),
    Field::new(
        "models[].path",
        Kind::Path,
        "Path",
        "Where the model's files appear in the container; an absolute path.",
    )
    .shapes(Shapes::LEGACY)
    .default("/opt/models")
    .placeholder("/opt/models")
    .owner(Owner::Value(RuleId::MountPath)),
];

const REPOSITORIES: &[Field] = &[
    Field::new(
        "repositories",
        Kind::Mapping,
        "Repositories",
        "Git repositories cloned into a dataset that is mounted in the container (legacy shape).",
    )
    .shapes(Shapes::LEGACY),
    Field::new(
        "repositories.dataset",
        Kind::String,
        "Dataset",
        "The id or name of an existing dataset; the repositories are cloned into it.",
    )
    .shapes(Shapes::LEGACY)
    .requirement(Requirement::ReportedBy(Shapes::LEGACY, RuleId::DatasetRequired))
    .placeholder("<dataset-id>")
    .owner(Owner::Value(RuleId::DatasetRequired)),
    Field::new(
        "repositories.mountPath",
        Kind::Path,
        "Mount path",
        "Where the dataset appears in the container: an absolute path other than `/`.",
    )
    .shapes(Shapes::LEGACY)
    .placeholder("/opt/repos")
    .owner(Owner::Value(RuleId::MountPath)),
    Field::new(
        "repositories.repositories",
        Kind::List(&Kind::Mapping),
        "Repositories to clone",
        "Each repository lands at `<mountPath>/<name>`.",
    )
    .shapes(Shapes::LEGACY)
    .required(Shapes::LEGACY)
    .item("repository")
    .reorderable(),
    Field::new(
        "repositories.repositories[].url",
        Kind::String,
        "URL",
        "The git clone URL, e.g. `https://github.com/owner/repo.git`.",
    )
    .shapes(Shapes::LEGACY)
    .required(Shapes::LEGACY)
    .placeholder("https://github.com/owner/repo.git")
    .owner(Owner::Value(RuleId::RepoUrl)),
    Field::new(
        "repositories.repositories[].name",
        Kind::String,
        "Directory name",
        "The directory to clone into: one path segment, unique in the list.",
    )
    .shapes(Shapes::LEGACY)
    .required(Shapes::LEGACY)
    .placeholder("repo")
    .owner(Owner::ValueOrEmpty(RuleId::RepoName)),
    Field::new("repositories.repositories[].ref", Kind::String, "Ref", "A branch, tag or commit to check out.")
        .shapes(Shapes::LEGACY)
        .placeholder("main"),
    Field::new(
        "repositories.repositories[].username",
        Kind::String,
        "Username",
        "The user to clone a private repository as.",
    )
    .shapes(Shapes::LEGACY)
    .placeholder("<username>")
    .owner(Owner::Value(RuleId::RepoCredentials)),
    Field::new(
        "repositories.repositories[].password",
        Kind::Secret,
        "Password",
        "A secret reference (`secret:NAME`) holding the password or access token; never the plaintext.",
    )
    .shapes(Shapes::LEGACY)
    .placeholder("secret:GIT_TOKEN")
    .owner(Owner::Scalar(RuleId::PlaintextSecret)),
];

const GIT_LFS: &[&str] = &["git-lfs"];
const S3: &[&str] = &["s3"];
const SPACES: &[&str] = &["spaces", "do-spaces"];
const KEYED: &[&str] = &["s3", "spaces", "do-spaces"];
const MODEL: &[&str] = &["model"];

const INTEGRATIONS: &[Field] = &[
    Field::new(
        "integrations",
        Kind::List(&Kind::Mapping),
        "Integrations",
        "External data mounted into the container: git-lfs repos, S3 or Spaces buckets, volumes, models (v1 shape, at most 5).",
    )
    .shapes(Shapes::V1)
    .item("integration")
    .owner(Owner::Value(RuleId::Integrations)),
    Field::new(
        "integrations[].type",
        Kind::Enum(INTEGRATION_TYPES),
        "Type",
        "What to mount: `git-lfs`, `s3`, `spaces`, `volume` or `model`.",
    )
    .shapes(Shapes::V1)
    .required(Shapes::V1)
    .placeholder("git-lfs")
    .owner(Owner::Scalar(RuleId::Integrations)),
    Field::new("integrations[].name", Kind::String, "Name", "A name for the integration, unique in the list.")
        .shapes(Shapes::V1)
        .required(Shapes::V1)
        .placeholder("my-integration")
        .owner(Owner::Value(RuleId::Integrations)),
    Field::new(
        "integrations[].path",
        Kind::Path,
        "Path",
        "Where it appears in the container: a unique absolute path.",
    )
    .shapes(Shapes::V1)
    .placeholder("/opt/integrations")
    .owner(Owner::Value(RuleId::MountPath)),
    Field::new(
        "integrations[].url",
        Kind::String,
        "URL",
        "The http(s) URL of the git-lfs repository, e.g. a Hugging Face model repo.",
    )
    .shapes(Shapes::V1)
    .required(Shapes::V1)
    .variants(GIT_LFS)
    .placeholder("https://huggingface.co/owner/model")
    .owner(Owner::Value(RuleId::RepoUrl)),
    Field::new("integrations[].url", Kind::String, "URL", "The bucket to mount: `s3://bucket/prefix`.")
        .shapes(Shapes::V1)
        .required(Shapes::V1)
        .variants(S3)
        .placeholder("s3://bucket/"),
    Field::new("integrations[].region", Kind::String, "Region", "The bucket's region, e.g. `us-east-1` (s3 only).")
        .shapes(Shapes::V1)
        .variants(S3)
        .placeholder("us-east-1")
        .owner(Owner::Value(RuleId::Integrations)),
    Field::new("integrations[].endpoint", Kind::String, "Endpoint", "The object store's endpoint URL.")
        .shapes(Shapes::V1)
        .variants(S3)
        .placeholder("https://s3.amazonaws.com"),
    Field::new(
        "integrations[].endpoint",
        Kind::String,
        "Endpoint",
        "The Spaces endpoint, e.g. `https://nyc3.digitaloceanspaces.com`.",
    )
    .shapes(Shapes::V1)
    .required(Shapes::V1)
    .variants(SPACES)
    .placeholder("https://nyc3.digitaloceanspaces.com"),
    Field::new("integrations[].accessKeyId", Kind::String, "Access key id", "The access key id for the bucket.")
        .shapes(Shapes::V1)
        .variants(KEYED)
        .placeholder("<access-key-id>"),
    Field::new(
        "integrations[].secretAccessKey",
        Kind::Secret,
        "Secret access key",
        "A secret reference (`secret:NAME`) holding the secret access key.",
    )
    .shapes(Shapes::V1)
    .variants(KEYED)
    .placeholder("secret:SECRET_ACCESS_KEY")
    .owner(Owner::Scalar(RuleId::PlaintextSecret)),
    Field::new("integrations[].id", Kind::String, "Model id", "The model's id in the model registry.")
        .shapes(Shapes::V1)
        .required(Shapes::V1)
        .variants(MODEL)
        .placeholder("<model-id>"),
];

const V1_TAIL: &[Field] = &[Field::new(
    "basicAuthKey",
    Kind::Secret,
    "Basic auth key",
    "A secret reference (`secret:NAME`): protects the endpoint with HTTP basic auth, user `paperspace`.",
)
.shapes(Shapes::V1)
.placeholder("secret:BASIC_AUTH_KEY")
.owner(Owner::Scalar(RuleId::PlaintextSecret))];
