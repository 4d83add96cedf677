//! Hovering an underlined problem shows its message next to the pointer. The
//! textarea lies on top of the drawn text, so the position is computed from the
//! pointer: rows are fixed-height and the font is monospaced.

use super::{LINE_HEIGHT, PAD_X, PAD_Y};
use crate::ui::store::Store;
use leptos::prelude::*;
use web_sys::{HtmlTextAreaElement, MouseEvent};

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Hover {
    pub x: f64,
    pub y: f64,
    pub label: String,
    pub severity: &'static str,
}

/// Width of one character of the editor font, measured once per page.
pub(crate) fn char_width(area: &HtmlTextAreaElement) -> f64 {
    thread_local!(static WIDTH: std::cell::Cell<f64> = const { std::cell::Cell::new(0.0) });
    WIDTH.with(|w| {
        if w.get() == 0.0 {
            let measured = (|| {
                let doc = area.owner_document()?;
                let probe = doc.create_element("span").ok()?;
                probe.set_class_name("char-probe");
                probe.set_text_content(Some(&"0".repeat(100)));
                area.parent_element()?.append_child(&probe).ok()?;
                let width = probe.get_bounding_client_rect().width() / 100.0;
                probe.remove();
                Some(width)
            })();
            w.set(measured.filter(|m| *m > 0.0).unwrap_or(7.8));
        }
        w.get()
    })
}

pub(crate) fn hover_at(ev: &MouseEvent, store: Store) -> Option<Hover> {
    let area: HtmlTextAreaElement = event_target(ev);
    let (x, y) = (ev.offset_x() as f64, ev.offset_y() as f64);
    let row = ((y + area.scroll_top() as f64 - PAD_Y) / LINE_HEIGHT).floor();
    let col = ((x + area.scroll_left() as f64 - PAD_X) / char_width(&area)).floor();
    if row < 0.0 || col < 0.0 {
        return None;
    }
    let offset = store.with_text(|text| {
        store.index.with_untracked(|index| {
            let s = index.0.starts();
            let start = *s.get(row as usize)?;
            let line = gradient_spec::text::line_text(text, s, row as usize);
            let (i, _) = line.char_indices().nth(col as usize)?;
            Some(start + i)
        })
    })?;
    let problem = store
        .analysis
        .with_untracked(|a| a.problem_at(offset).cloned())?;
    Some(Hover {
        x,
        y: y + 18.0,
        label: format!(
            "{} {}: {}",
            problem.severity.as_str(),
            problem.rule,
            problem.message
        ),
        severity: problem.severity.as_str(),
    })
}

// `#[component]` gives its props struct `pub` fields, which the lint would flag.
#[allow(unreachable_pub)]
#[component]
pub(crate) fn HoverTip(hover: RwSignal<Option<Hover>>) -> impl IntoView {
    move || {
        hover.get().map(|h| {
            view! {
                <div
                    class=format!("hover-tip {}", h.severity)
                    role="tooltip"
                    style:left=format!("{}px", h.x)
                    style:top=format!("{}px", h.y)
                >
                    {h.label}
                </div>
            }
        })
    }
}
