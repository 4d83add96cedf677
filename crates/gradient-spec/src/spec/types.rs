//! The vocabulary of the field catalogue: what a field is, what kind of value it
//! holds, which shapes have it, and which rule judges its value.

use crate::rules::RuleId;
pub use crate::rules::Shape;

/// A set of spec shapes (legacy, v1, both or none).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Shapes {
    pub legacy: bool,
    pub v1: bool,
}

impl Shapes {
    pub const NONE: Shapes = Shapes {
        legacy: false,
        v1: false,
    };
    pub const LEGACY: Shapes = Shapes {
        legacy: true,
        v1: false,
    };
    pub const V1: Shapes = Shapes {
        legacy: false,
        v1: true,
    };
    pub const BOTH: Shapes = Shapes {
        legacy: true,
        v1: true,
    };

    pub const fn contains(self, shape: Shape) -> bool {
        match shape {
            Shape::Legacy => self.legacy,
            Shape::V1 => self.v1,
        }
    }
    pub const fn is_empty(self) -> bool {
        !self.legacy && !self.v1
    }
    /// "legacy", "v1" or "both" (for docs and messages).
    pub const fn name(self) -> &'static str {
        match (self.legacy, self.v1) {
            (true, true) => "both",
            (true, false) => "legacy",
            (false, true) => "v1",
            (false, false) => "none",
        }
    }
}

/// The kind of value a field holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    String,
    /// A string that must reference a secret (`secret:NAME`), never hold a plaintext.
    Secret,
    /// An absolute path inside the container (or, for probes, of the URL).
    Path,
    Integer {
        min: Option<i64>,
        max: Option<i64>,
    },
    Number {
        min: Option<f64>,
        max: Option<f64>,
    },
    Bool,
    /// A string from a fixed list.
    Enum(&'static [&'static str]),
    /// A container port: an integer from 1 to [`Kind::PORT_MAX`].
    Port,
    /// A machine name: any string, with the known names as suggestions.
    Machine,
    /// A mapping whose keys are the catalogue's child fields (`path.key`).
    Mapping,
    /// A list; a list of mappings has its item fields at `path[].key`.
    List(&'static Kind),
}

impl Kind {
    /// The largest port number.
    pub const PORT_MAX: i64 = 65535;

    /// The smallest and largest value a number of this kind may take (`None`: no
    /// bound, or not a number), for inputs and the schema.
    pub fn bounds(&self) -> (Option<f64>, Option<f64>) {
        match *self {
            Kind::Integer { min, max } => (min.map(|m| m as f64), max.map(|m| m as f64)),
            Kind::Port => (Some(1.0), Some(Kind::PORT_MAX as f64)),
            Kind::Number { min, max } => (min, max),
            _ => (None, None),
        }
    }

    /// True for kinds written as a single scalar.
    pub const fn is_scalar(&self) -> bool {
        !matches!(self, Kind::Mapping | Kind::List(_))
    }
    /// "a string", "a list of integers", … for messages and help.
    pub fn describe(&self) -> String {
        match self {
            Kind::String | Kind::Machine => "a string".into(),
            Kind::Secret => "a secret reference (`secret:NAME`)".into(),
            Kind::Path => "an absolute path".into(),
            Kind::Integer { .. } => "an integer".into(),
            Kind::Number { .. } => "a number".into(),
            Kind::Bool => "a boolean (`true` or `false`)".into(),
            Kind::Enum(values) => format!("one of {}", backticked(values)),
            Kind::Port => "a port number (1–65535)".into(),
            Kind::Mapping => "a mapping".into(),
            Kind::List(item) => match item {
                Kind::Mapping => "a list of mappings".into(),
                Kind::Port => "a list of port numbers".into(),
                Kind::Integer { .. } => "a list of integers".into(),
                _ => "a list of strings".into(),
            },
        }
    }
}

/// `a`, `b` or `c` with backticks, for messages.
pub fn backticked(values: &[&str]) -> String {
    let quoted: Vec<String> = values.iter().map(|v| format!("`{v}`")).collect();
    match quoted.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        n => format!("{} or {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

/// Whether a field must be present, and which rule says so when it is not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Requirement {
    Optional,
    /// Required in these shapes; absence (or an empty value) is `missing-field`.
    Required(Shapes),
    /// Required in these shapes, but absence is reported by the named rule (for
    /// example `dataset-required`), which says more than `missing-field` could.
    ReportedBy(Shapes, RuleId),
    /// A probe's `path`: required in the HTTP form (a probe without `exec` that has
    /// `path`, `port`, `host` or `headers`); a probe with neither form is `probe`.
    HttpProbe,
}

impl Requirement {
    /// Whether the field must be present in `shape` (whoever reports it).
    pub const fn required_in(self, shape: Shape) -> bool {
        match self {
            Requirement::Required(s) | Requirement::ReportedBy(s, _) => s.contains(shape),
            Requirement::Optional | Requirement::HttpProbe => false,
        }
    }
}

/// Who judges a present value beyond `structure`'s check of its kind.
///
/// `structure` always reports a collection where a scalar belongs and the reverse
/// (except for [`Owner::Whole`]); the owner says who looks closer, so no problem is
/// reported twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    /// `structure` checks the scalar kind; no other rule judges the value.
    Structure,
    /// `structure` checks the scalar kind (and reports an empty string in a required
    /// field as missing); the rule judges values of the right kind.
    Value(RuleId),
    /// Like [`Owner::Value`], but an empty string is the rule's too (its "empty"
    /// case: `image`, a repository `name`).
    ValueOrEmpty(RuleId),
    /// The rule judges every scalar, its kind and emptiness included.
    Scalar(RuleId),
    /// The rule judges the whole value, whatever its kind (`command`).
    Whole(RuleId),
}

impl Owner {
    /// The rule id that judges the value, if any.
    pub const fn rule(self) -> Option<RuleId> {
        match self {
            Owner::Structure => None,
            Owner::Value(r) | Owner::ValueOrEmpty(r) | Owner::Scalar(r) | Owner::Whole(r) => {
                Some(r)
            }
        }
    }
}

/// One field of the spec.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Field {
    /// Path pattern from the root, list items as `[]`: `env[].value`.
    pub path: &'static str,
    pub kind: Kind,
    /// The shapes that have this field.
    pub shapes: Shapes,
    pub requirement: Requirement,
    /// For integration fields: the `type`s this entry applies to (empty: all).
    pub variants: &'static [&'static str],
    /// The default the server applies when the field is absent, as YAML text.
    pub default: Option<&'static str>,
    /// A human label for the form.
    pub label: &'static str,
    /// One line of help for the form and hover.
    pub help: &'static str,
    /// The value inserted by fixes and "Add" buttons, as YAML text (scalars only;
    /// collections are built from their required children).
    pub placeholder: &'static str,
    /// For lists: what one item is called ("Add variable").
    pub item: &'static str,
    /// For lists: whether the form offers to reorder the items (where their order
    /// matters to the deployment or to people: variables, repositories, arguments).
    pub reorderable: bool,
    pub owner: Owner,
}

impl Field {
    /// A field of both shapes, optional, judged by `structure` alone.
    pub const fn new(
        path: &'static str,
        kind: Kind,
        label: &'static str,
        help: &'static str,
    ) -> Field {
        Field {
            path,
            kind,
            shapes: Shapes::BOTH,
            requirement: Requirement::Optional,
            variants: &[],
            default: None,
            label,
            help,
            placeholder: "",
            item: "",
            reorderable: false,
            owner: Owner::Structure,
        }
    }
    pub const fn shapes(mut self, shapes: Shapes) -> Field {
        self.shapes = shapes;
        self
    }
    pub const fn required(mut self, shapes: Shapes) -> Field {
        self.requirement = Requirement::Required(shapes);
        self
    }
    pub const fn requirement(mut self, requirement: Requirement) -> Field {
        self.requirement = requirement;
        self
    }
    pub const fn variants(mut self, variants: &'static [&'static str]) -> Field {
        self.variants = variants;
        self
    }
    pub const fn default(mut self, default: &'static str) -> Field {
        self.default = Some(default);
        self
    }
    pub const fn placeholder(mut self, placeholder: &'static str) -> Field {
        self.placeholder = placeholder;
        self
    }
    pub const fn item(mut self, item: &'static str) -> Field {
        self.item = item;
        self
    }
    pub const fn reorderable(mut self) -> Field {
        self.reorderable = true;
        self
    }
    pub const fn owner(mut self, owner: Owner) -> Field {
        self.owner = owner;
        self
    }

    /// The last key of the path (`value` for `env[].value`).
    pub fn key(&self) -> &'static str {
        // A byte search: `rfind` with a char pattern costs ~300 instructions at
        // opt-level "z", and the structure walker asks this for every key it meets.
        let p = self.path;
        p.bytes()
            .rposition(|b| b == b'.')
            .map_or(p, |i| &p[i + 1..])
    }
    /// The pattern of the mapping holding this field (`env[]` for `env[].value`, `""`
    /// for a top-level field).
    pub fn parent(&self) -> &'static str {
        let p = self.path;
        p.bytes().rposition(|b| b == b'.').map_or("", |i| &p[..i])
    }
    /// True when this entry applies to an integration of type `variant` (or to every
    /// type). `None` (type unknown) matches every entry.
    pub fn applies_to(&self, variant: Option<&str>) -> bool {
        match variant {
            Some(v) => self.variants.is_empty() || self.variants.contains(&v),
            None => true,
        }
    }
    pub fn is_list(&self) -> bool {
        matches!(self.kind, Kind::List(_))
    }
    /// Whether the field must be present in a spec of `shape` (an HTTP probe's
    /// `path` counts as optional here: it depends on the probe's form).
    pub fn is_required(&self, shape: Shape) -> bool {
        self.requirement.required_in(shape)
    }

    /// Hover help in Markdown: label, kind, when it is required, default, help.
    pub fn hover(&self, shape: Shape) -> String {
        let need = match self.requirement {
            Requirement::HttpProbe => "required for an HTTP check".to_string(),
            r if r.required_in(shape) => "required".to_string(),
            _ => "optional".to_string(),
        };
        let mut out = format!(
            "**{}** (`{}`): {}, {need}",
            self.label,
            self.key(),
            self.kind.describe()
        );
        if let Some(d) = self.default {
            out.push_str(&format!(", default `{d}`"));
        }
        if !self.shapes.contains(shape) {
            out.push_str(&format!("; only in the {} shape", self.shapes.name()));
        }
        out.push_str(".\n\n");
        out.push_str(self.help);
        out
    }

    /// True for a list whose items are mappings (`env`, `models`, …).
    pub fn is_list_of_mappings(&self) -> bool {
        matches!(self.kind, Kind::List(Kind::Mapping))
    }
}
