//! Rules: (to be written).

use super::Context;
use crate::diag::Diagnostic;

pub(crate) fn check(_cx: &Context, _out: &mut Vec<Diagnostic>) {}
