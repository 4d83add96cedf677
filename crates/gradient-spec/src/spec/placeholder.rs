//! YAML text for a new field or list item, built from the catalogue's placeholders:
//! what a `missing-field` fix and the form's "Add" buttons insert. Collections get
//! their required children, so the inserted text is a complete, valid start.

use super::lookup::{children_of, field_by_pattern};
use super::types::{Field, Kind, Requirement, Shape};

/// How inserted text is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout<'a> {
    /// Block style: `indent` is the column of the key being written, `step` the
    /// document's indentation step, `newline` its line break (`\n` or `\r\n`).
    Block {
        indent: usize,
        step: usize,
        newline: &'a str,
    },
    /// Flow style (`{a: 1}`, `[1]`), for insertion inside a flow collection.
    Flow,
}

/// The integration type a new integration gets.
pub const DEFAULT_INTEGRATION_TYPE: &str = "git-lfs";

/// The text to write after `key:` for a new field at `pattern`: ` value` on the same
/// line, or (block layout, collections) a newline and the indented children.
pub fn value_text(shape: Shape, pattern: &str, variant: Option<&str>, layout: Layout) -> String {
    let Some(field) = field_by_pattern(pattern, variant) else {
        return " \"\"".to_string();
    };
    match (field.kind, layout) {
        (Kind::Mapping, Layout::Flow) => format!(" {{{}}}", flow_entries(shape, pattern, variant)),
        (
            Kind::Mapping,
            Layout::Block {
                indent,
                step,
                newline,
            },
        ) => {
            let children = required_children(shape, pattern, variant);
            if children.is_empty() {
                return " {}".to_string();
            }
            let mut out = String::new();
            for child in children {
                let inner = Layout::Block {
                    indent: indent + step,
                    step,
                    newline,
                };
                out.push_str(newline);
                out.push_str(&" ".repeat(indent + step));
                out.push_str(child.key());
                out.push(':');
                out.push_str(&value_text(shape, child.path, variant, inner));
            }
            out
        }
        (Kind::List(Kind::Mapping), Layout::Flow) => {
            format!(
                " [{{{}}}]",
                flow_entries(shape, &format!("{pattern}[]"), item_variant(pattern))
            )
        }
        (
            Kind::List(Kind::Mapping),
            Layout::Block {
                indent,
                step,
                newline,
            },
        ) => {
            let dash = indent + step;
            let item = item_text(
                shape,
                pattern,
                Layout::Block {
                    indent: dash + 2,
                    step,
                    newline,
                },
            );
            format!("{newline}{}- {item}", " ".repeat(dash))
        }
        (Kind::List(_), _) => format!(" [{}]", scalar_text(field)),
        _ => format!(" {}", scalar_text(field)),
    }
}

/// The text of one new item of the list at `pattern`, to write after `- `. With a
/// block layout, `indent` is the column where the item's content starts.
pub fn item_text(shape: Shape, pattern: &str, layout: Layout) -> String {
    let Some(list) = field_by_pattern(pattern, None) else {
        return "\"\"".to_string();
    };
    if !list.is_list_of_mappings() {
        return scalar_text(list).to_string();
    }
    let item = format!("{pattern}[]");
    let variant = item_variant(pattern);
    match layout {
        Layout::Flow => format!("{{{}}}", flow_entries(shape, &item, variant)),
        Layout::Block {
            indent, newline, ..
        } => {
            let mut out = String::new();
            for (i, child) in required_children(shape, &item, variant)
                .into_iter()
                .enumerate()
            {
                if i > 0 {
                    out.push_str(newline);
                    out.push_str(&" ".repeat(indent));
                }
                out.push_str(child.key());
                out.push(':');
                out.push_str(&value_text(shape, child.path, variant, layout));
            }
            if out.is_empty() {
                out.push_str("{}");
            }
            out
        }
    }
}

/// The scalar a field gets: its placeholder, else its default, else `""`.
pub fn scalar_text(field: &Field) -> &'static str {
    if !field.placeholder.is_empty() {
        field.placeholder
    } else {
        field.default.unwrap_or("\"\"")
    }
}

/// The integration type a new item of the list at `list_pattern` gets (`None`: the
/// list's items have no variants). Fixes and the form's Add both ask here.
pub fn item_variant(list_pattern: &str) -> Option<&'static str> {
    (list_pattern == "integrations").then_some(DEFAULT_INTEGRATION_TYPE)
}

fn required_children(shape: Shape, pattern: &str, variant: Option<&str>) -> Vec<&'static Field> {
    children_of(pattern, Some(shape), variant)
        .into_iter()
        .filter(|f| f.requirement.required_in(shape) || f.requirement == Requirement::HttpProbe)
        .collect()
}

fn flow_entries(shape: Shape, pattern: &str, variant: Option<&str>) -> String {
    required_children(shape, pattern, variant)
        .into_iter()
        .map(|c| {
            format!(
                "{}:{}",
                c.key(),
                value_text(shape, c.path, variant, Layout::Flow)
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const BLOCK: Layout = Layout::Block {
        indent: 0,
        step: 2,
        newline: "\n",
    };

    #[test]
    fn scalars_and_collections() {
        assert_eq!(value_text(Shape::Legacy, "image", None, BLOCK), " <image>");
        assert_eq!(
            value_text(Shape::Legacy, "resources", None, BLOCK),
            "\n  instanceType: C4"
        );
        assert_eq!(
            value_text(Shape::V1, "resources", None, BLOCK),
            "\n  machineType: C4\n  ports: [8000]"
        );
        assert_eq!(
            value_text(Shape::V1, "resources", None, Layout::Flow),
            " {machineType: C4, ports: [8000]}"
        );
        assert_eq!(
            value_text(
                Shape::Legacy,
                "repositories.repositories",
                None,
                Layout::Block {
                    indent: 2,
                    step: 2,
                    newline: "\n"
                }
            ),
            "\n    - url: https://github.com/owner/repo.git\n      name: repo"
        );
        assert_eq!(
            item_text(Shape::V1, "integrations", Layout::Flow),
            "{type: git-lfs, name: my-integration, url: https://huggingface.co/owner/model}"
        );
        assert_eq!(
            value_text(Shape::V1, "healthChecks.readiness", None, BLOCK),
            "\n  path: /"
        );
    }
}
