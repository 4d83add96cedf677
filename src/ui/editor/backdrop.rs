//! The drawn layers behind and beside the textarea: coloured text with problem
//! underlines, and the gutter with line numbers and problem markers. Both are hidden
//! from assistive technology (the textarea and the Problems list carry the content).

use super::{EditorView, LINE_HEIGHT, PAD_X, PAD_Y};
use crate::state::visible_lines::LineView;
use crate::ui::keyed::static_rows;
use leptos::prelude::*;

fn top_of(index: usize) -> String {
    format!("{}px", PAD_Y + index as f64 * LINE_HEIGHT)
}

// `#[component]` gives its props struct `pub` fields, which the lint would flag.
#[allow(unreachable_pub)]
#[component]
pub(crate) fn Backdrop(lines: Memo<Vec<LineView>>, view: EditorView) -> impl IntoView {
    let shift = move || {
        format!(
            "translate({}px, {}px)",
            PAD_X - view.scroll_left.get(),
            -view.scroll_top.get()
        )
    };
    view! {
        <div class="backdrop" aria-hidden="true">
            <div class="backdrop-inner" style:transform=shift>
                {static_rows(
                    move || lines.get(),
                    |l| l.clone(),
                    |line: LineView| view! {
                        <div class="code-line" style:top=top_of(line.index)>
                            {line
                                .segments
                                .into_iter()
                                .map(|s| view! { <span class=s.class>{s.text}</span> })
                                .collect_view()}
                        </div>
                    },
                )}
            </div>
        </div>
    }
}

// `#[component]` gives its props struct `pub` fields, which the lint would flag.
#[allow(unreachable_pub)]
#[component]
pub(crate) fn Gutter(lines: Memo<Vec<LineView>>, view: EditorView) -> impl IntoView {
    let shift = move || format!("translateY({}px)", -view.scroll_top.get());
    view! {
        <div class="gutter" aria-hidden="true">
            <div class="gutter-inner" style:transform=shift>
                {static_rows(
                    move || lines.get().into_iter().map(|l| (l.index, l.marker)).collect(),
                    |k| *k,
                    |k: (usize, Option<gradient_spec::Severity>)| view! {
                        <div class="gutter-line" style:top=top_of(k.0)>
                            <span class=format!("marker {}", k.1.map_or("", |s| s.as_str()))></span>
                            {k.0 + 1}
                        </div>
                    },
                )}
            </div>
        </div>
    }
}
