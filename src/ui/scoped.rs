//! Memos for views that are rebuilt while their sources live on.
//!
//! reactive_graph 0.2 does not unsubscribe a disposed memo from its sources: the
//! source keeps a `Weak` to it, which also keeps the memo's allocation, until the
//! source is dropped. The form's fields subscribe to the page-long form model, and
//! each rebuild of the form's layout (a shape switch, Add, Remove) left 10–22 KB
//! behind that way. A [`scoped_memo`] unsubscribes when its owner is cleaned up.

use leptos::prelude::*;
use leptos::reactive::graph::{Subscriber, ToAnySubscriber};

/// [`Memo::new`] that leaves its sources when the current owner is cleaned up.
pub fn scoped_memo<T>(fun: impl Fn(Option<&T>) -> T + Send + Sync + 'static) -> Memo<T>
where
    T: PartialEq + Send + Sync + 'static,
{
    let memo = ArcMemo::new(fun);
    let own = memo.clone();
    on_cleanup(move || own.clear_sources(&own.to_any_subscriber()));
    Memo::from(memo)
}
