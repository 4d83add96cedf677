//! What the form shows for one version of the text: every field of the spec's shape
//! in catalogue order, with the current value (or absent), its span in the text and
//! the problems on it. Sections whose text does not parse keep their last good values
//! and are marked stale.

use gradient_spec::spec::{self, Field, Kind, Shape};
use gradient_spec::yaml::Node;
use gradient_spec::{Diagnostic, RuleId, Severity, Span, SpecPath};

#[derive(Debug, Clone, PartialEq)]
pub struct FormModel {
    pub shape: Shape,
    pub fields: Vec<FormField>,
    /// True when the document holds no mapping at all (empty or broken at the root).
    pub empty: bool,
}

/// A problem shown on a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    pub severity: Severity,
    pub rule: RuleId,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FormField {
    /// The spec path; its text is the input's `name`
    /// (`repositories.repositories[1].password`).
    pub path: SpecPath,
    pub label: &'static str,
    pub help: &'static str,
    pub required: bool,
    pub control: Control,
    /// Where the value is in the text (for highlighting); `None` when absent.
    pub span: Option<Span>,
    pub problems: Vec<FieldProblem>,
    /// The text here does not parse: the values are the last good ones, read-only.
    pub stale: bool,
}

/// How a field is edited.
#[derive(Debug, Clone, PartialEq)]
pub enum Control {
    /// A free text (also secrets and paths); `value` is the scalar's text.
    Text {
        value: Option<String>,
        placeholder: &'static str,
        secret: bool,
    },
    Number {
        value: Option<String>,
        placeholder: &'static str,
        min: Option<f64>,
        max: Option<f64>,
        integer: bool,
    },
    Checkbox {
        value: Option<bool>,
        default: bool,
    },
    /// One of fixed values (`apiVersion`, `metric`, integration `type`).
    Select {
        value: Option<String>,
        options: &'static [&'static str],
    },
    /// Free text with suggestions (machine names: unknown ones are allowed).
    Suggest {
        value: Option<String>,
        placeholder: &'static str,
        options: &'static [&'static str],
    },
    /// A mapping: its fields.
    Group {
        present: bool,
        children: Vec<FormField>,
    },
    /// A list: its items, each a group of fields or a single scalar field.
    /// `items` are the first `max_items` (see [`build_with`]) of `total`.
    Items {
        items: Vec<FormItem>,
        item_name: &'static str,
        reorderable: bool,
        of_mappings: bool,
        present: bool,
        total: usize,
    },
    /// The value has a kind the form cannot edit here (a list where a mapping is
    /// expected, an alias, …): edit it in the YAML; the problem says what is wrong.
    Mismatch {
        found: &'static str,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct FormItem {
    pub path: SpecPath,
    pub index: usize,
    /// The item's fields (one for a list of scalars, whose path is the item's).
    pub fields: Vec<FormField>,
    pub span: Span,
}

/// How many items of a list the form shows unless asked for all: a 2,500-item `env`
/// would otherwise cost thousands of inputs on every change.
pub const DEFAULT_MAX_ITEMS: usize = 100;

/// Builds the form for `root` (the parsed document) with its `diagnostics`.
/// `last_good` is the last form built from text without syntax errors: sections that
/// overlap a syntax error show its values instead, marked stale.
pub fn build(
    shape: Shape,
    root: Option<&Node>,
    diagnostics: &[Diagnostic],
    last_good: Option<&FormModel>,
) -> FormModel {
    build_with(shape, root, diagnostics, last_good, DEFAULT_MAX_ITEMS)
}

/// [`build`] showing at most `max_items` items of each list.
pub fn build_with(
    shape: Shape,
    root: Option<&Node>,
    diagnostics: &[Diagnostic],
    last_good: Option<&FormModel>,
    max_items: usize,
) -> FormModel {
    let mapping = root.and_then(Node::as_mapping);
    let syntax: Vec<Span> = diagnostics
        .iter()
        .filter(|d| d.rule == RuleId::YamlSyntax)
        .map(|d| d.span)
        .collect();
    let cx = FormBuild {
        shape,
        diagnostics,
        max_items,
    };
    let mut fields = cx.fields_at(&SpecPath::root(), None, root.filter(|_| mapping.is_some()));
    for field in &mut fields {
        let broken = field
            .span
            .is_some_and(|s| syntax.iter().any(|e| overlaps(s, *e)));
        if broken {
            if let Some(good) =
                last_good.and_then(|g| g.fields.iter().find(|f| f.path == field.path))
            {
                *field = good.clone();
            }
            mark_stale(field);
        }
    }
    FormModel {
        shape,
        fields,
        empty: mapping.is_none(),
    }
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start <= b.end && b.start <= a.end
}

fn mark_stale(field: &mut FormField) {
    field.stale = true;
    match &mut field.control {
        Control::Group { children, .. } => children.iter_mut().for_each(mark_stale),
        Control::Items { items, .. } => items
            .iter_mut()
            .flat_map(|i| i.fields.iter_mut())
            .for_each(mark_stale),
        _ => {}
    }
}

/// The settings of one build of the form: the spec's shape, its problems, and how
/// many items of a list to show.
struct FormBuild<'a> {
    shape: Shape,
    diagnostics: &'a [Diagnostic],
    max_items: usize,
}

impl FormBuild<'_> {
    /// The fields held by the mapping at `path` (`node`, when present).
    fn fields_at(
        &self,
        path: &SpecPath,
        variant: Option<&str>,
        node: Option<&Node>,
    ) -> Vec<FormField> {
        let mapping = node.and_then(Node::as_mapping);
        spec::children(self.shape, path, variant)
            .into_iter()
            .map(|f| {
                let entry = mapping.and_then(|m| m.get_entry(f.key()));
                let child = path.key(f.key());
                let mut field = self.field(f, child, entry.map(|e| &e.value));
                if let Some(e) = entry {
                    field.span = Some(if e.value.span.is_empty() {
                        e.key.span
                    } else {
                        e.value.span
                    });
                }
                field
            })
            .collect()
    }

    /// The problems about `path` and, for a scalar, those inside its value. A
    /// diagnostic carries its path as text: the path's text is written once here and
    /// compared as text, which mostly stops at the lengths (comparing piece by piece
    /// without writing it out took 15 ms against 0.28 ms for 200 fields and 2,500
    /// problems).
    fn problems(&self, path: &SpecPath, value: Option<&Node>, scalar: bool) -> Vec<FieldProblem> {
        let written = path.to_string();
        self.diagnostics
            .iter()
            .filter(|d| d.rule != RuleId::YamlSyntax)
            .filter(|d| {
                d.path == written
                    || (scalar
                        && value
                            .is_some_and(|v| !v.span.is_empty() && v.span.contains(d.span.start)))
            })
            .map(|d| FieldProblem {
                severity: d.severity,
                rule: d.rule,
                message: d.message.clone(),
            })
            .collect()
    }

    fn field(&self, f: &'static Field, path: SpecPath, value: Option<&Node>) -> FormField {
        let control = self.control(f, &path, value);
        let scalar = f.kind.is_scalar();
        FormField {
            problems: self.problems(&path, value, scalar),
            path,
            label: f.label,
            help: f.help,
            required: f.is_required(self.shape),
            span: value.map(|v| v.span),
            control,
            stale: false,
        }
    }

    fn control(&self, f: &'static Field, path: &SpecPath, value: Option<&Node>) -> Control {
        let value = value.filter(|v| !v.is_null());
        match f.kind {
            Kind::Mapping => match value {
                Some(v) if v.as_mapping().is_none() => Control::Mismatch {
                    found: v.kind_name(),
                },
                _ => Control::Group {
                    present: value.is_some(),
                    children: self.fields_at(path, None, value),
                },
            },
            Kind::List(item_kind) => match value {
                Some(v) if v.as_sequence().is_none() => Control::Mismatch {
                    found: v.kind_name(),
                },
                _ => self.items(f, item_kind, path, value),
            },
            kind => scalar_control(f, &kind, value),
        }
    }

    fn items(
        &self,
        f: &'static Field,
        item_kind: &'static Kind,
        path: &SpecPath,
        value: Option<&Node>,
    ) -> Control {
        let of_mappings = matches!(item_kind, Kind::Mapping);
        let total = value
            .and_then(Node::as_sequence)
            .map_or(0, |s| s.items.len());
        let items = value
            .and_then(Node::as_sequence)
            .map(|seq| {
                seq.items
                    .iter()
                    .take(self.max_items)
                    .enumerate()
                    .map(|(i, item)| {
                        let item_path = path.index(i);
                        let fields = if of_mappings {
                            if item.as_mapping().is_some() || item.is_null() {
                                let variant = item
                                    .as_mapping()
                                    .and_then(|m| m.get("type"))
                                    .and_then(Node::scalar_text);
                                self.fields_at(&item_path, variant, Some(item))
                            } else {
                                vec![FormField {
                                    path: item_path.clone(),
                                    label: f.item,
                                    help: f.help,
                                    required: false,
                                    control: Control::Mismatch {
                                        found: item.kind_name(),
                                    },
                                    span: Some(item.span),
                                    problems: self.problems(&item_path, Some(item), false),
                                    stale: false,
                                }]
                            }
                        } else {
                            vec![FormField {
                                problems: self.problems(&item_path, Some(item), true),
                                path: item_path.clone(),
                                label: f.item,
                                help: f.help,
                                required: false,
                                control: scalar_control(f, item_kind, Some(item)),
                                span: Some(item.span),
                                stale: false,
                            }]
                        };
                        FormItem {
                            path: item_path,
                            index: i,
                            fields,
                            span: item.span,
                        }
                    })
                    .collect()
            })
            .unwrap_or_default();
        Control::Items {
            items,
            item_name: f.item,
            reorderable: f.reorderable,
            of_mappings,
            present: value.is_some(),
            total,
        }
    }
}

fn scalar_control(f: &'static Field, kind: &Kind, value: Option<&Node>) -> Control {
    if let Some(v) = value {
        if v.as_scalar().is_none() {
            return Control::Mismatch {
                found: v.kind_name(),
            };
        }
    }
    let text = value.and_then(Node::scalar_text).map(str::to_string);
    match kind {
        Kind::Bool => Control::Checkbox {
            value: value.and_then(|v| match v.as_scalar().map(|s| s.kind) {
                Some(gradient_spec::yaml::ScalarKind::Bool(b)) => Some(b),
                _ => None,
            }),
            default: f.default != Some("false"),
        },
        Kind::Enum(options) => Control::Select {
            value: text,
            options,
        },
        Kind::Machine => Control::Suggest {
            value: text,
            placeholder: f.placeholder,
            options: spec::MACHINE_NAMES,
        },
        Kind::Integer { .. } | Kind::Port | Kind::Number { .. } => {
            let (min, max) = kind.bounds();
            Control::Number {
                value: text,
                placeholder: f.placeholder,
                min,
                max,
                integer: !matches!(kind, Kind::Number { .. }),
            }
        }
        Kind::Secret => Control::Text {
            value: text,
            placeholder: f.placeholder,
            secret: true,
        },
        _ => Control::Text {
            value: text,
            placeholder: f.placeholder,
            secret: false,
        },
    }
}

impl Control {
    /// This control for a [`FieldState`]: a section or a list without what it holds.
    /// Those fields have states of their own, and their spans move with every
    /// keystroke above them: comparing (and cloning) them per container was waste.
    fn without_contents(&self) -> Control {
        match self {
            Control::Group { present, .. } => Control::Group {
                present: *present,
                children: Vec::new(),
            },
            Control::Items {
                item_name,
                reorderable,
                of_mappings,
                present,
                total,
                ..
            } => Control::Items {
                items: Vec::new(),
                item_name,
                reorderable: *reorderable,
                of_mappings: *of_mappings,
                present: *present,
                total: *total,
            },
            other => other.clone(),
        }
    }
}

/// A field's changing parts, read by its input on every change of the text. Not its
/// span: a keystroke moves the span of every field after it, and each field would
/// then redraw (the page reads the span from the model when it needs it).
#[derive(Debug, Clone, PartialEq)]
pub struct FieldState {
    pub control: Control,
    pub problems: Vec<FieldProblem>,
    pub stale: bool,
}

impl FormModel {
    /// The field at `path` (descending by path, not scanning the whole form).
    pub fn find(&self, path: &SpecPath) -> Option<&FormField> {
        fn walk<'a>(fields: &'a [FormField], path: &SpecPath) -> Option<&'a FormField> {
            let f = fields.iter().find(|f| path.starts_with(&f.path))?;
            if f.path == *path {
                return Some(f);
            }
            match &f.control {
                Control::Group { children, .. } => walk(children, path),
                Control::Items { items, .. } => {
                    let item = items.iter().find(|i| path.starts_with(&i.path))?;
                    walk(&item.fields, path)
                }
                _ => None,
            }
        }
        walk(&self.fields, path)
    }

    pub fn state(&self, path: &SpecPath) -> Option<FieldState> {
        self.find(path).map(|f| FieldState {
            control: f.control.without_contents(),
            problems: f.problems.clone(),
            stale: f.stale,
        })
    }

    /// Whether `other` has this form's structure (shape, paths and control kinds, list
    /// lengths): the DOM of the form is rebuilt only when it changes, so typing in a
    /// field never loses focus. Compared in place: it runs on every keystroke.
    pub fn same_layout(&self, other: &FormModel) -> bool {
        fn kind(c: &Control) -> u8 {
            match c {
                Control::Text { .. } => 0,
                Control::Number { .. } => 1,
                Control::Checkbox { .. } => 2,
                Control::Select { .. } => 3,
                Control::Suggest { .. } => 4,
                Control::Group { present: false, .. } => 5,
                Control::Group { present: true, .. } => 6,
                Control::Items { .. } => 7,
                Control::Mismatch { .. } => 8,
            }
        }
        let (a, b) = (self.all_fields(), other.all_fields());
        self.shape == other.shape
            && self.empty == other.empty
            && a.len() == b.len()
            && a.iter()
                .zip(&b)
                .all(|(x, y)| x.path == y.path && kind(&x.control) == kind(&y.control))
    }

    /// Every field shown, depth first (a section before what it holds).
    pub fn all_fields(&self) -> Vec<&FormField> {
        fn walk<'a>(f: &'a FormField, out: &mut Vec<&'a FormField>) {
            out.push(f);
            match &f.control {
                Control::Group { children, .. } => children.iter().for_each(|c| walk(c, out)),
                Control::Items { items, .. } => items
                    .iter()
                    .flat_map(|i| &i.fields)
                    .for_each(|c| walk(c, out)),
                _ => {}
            }
        }
        let mut out = Vec::new();
        self.fields.iter().for_each(|f| walk(f, &mut out));
        out
    }

    /// Every field path shown, depth first (tests and the caret → field lookup).
    pub fn paths(&self) -> Vec<&SpecPath> {
        self.all_fields().into_iter().map(|f| &f.path).collect()
    }

    /// The deepest field whose value span holds byte `offset` (the caret): the last
    /// such field depth first, since a section comes before what it holds.
    pub fn field_at(&self, offset: usize) -> Option<&FormField> {
        self.all_fields()
            .into_iter()
            .rfind(|f| f.span.is_some_and(|s| s.start <= offset && offset <= s.end))
    }
}

#[cfg(test)]
#[path = "model_tests.rs"]
pub(crate) mod tests;
