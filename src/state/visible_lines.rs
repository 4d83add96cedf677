//! What the editor draws beside the text, for the visible lines only (drawing all
//! 5,000 lines of a large spec on every keystroke would cost more than the budget).

use gradient_spec::{Severity, Span};

/// The first and last (exclusive) 0-based lines to draw for a viewport, with a
/// margin so fast scrolling does not show blank lines.
pub fn visible_range(
    scroll_top: f64,
    viewport_height: f64,
    line_height: f64,
    line_count: usize,
) -> (usize, usize) {
    const MARGIN: usize = 8;
    let lh = if line_height > 0.0 { line_height } else { 20.0 };
    let first = ((scroll_top.max(0.0) / lh).floor() as usize).saturating_sub(MARGIN);
    let shown = (viewport_height.max(0.0) / lh).ceil() as usize + 2 * MARGIN + 1;
    let first = first.min(line_count.saturating_sub(1));
    (first, (first + shown).min(line_count))
}

/// A run of a line's text with the classes it is drawn with.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Segment {
    pub text: String,
    /// Space-separated CSS classes: a token class (`tok-key` …) and, under a problem,
    /// `sq-error` / `sq-warning` / `sq-info`.
    pub class: String,
}

/// One drawn line (hashable: the view re-draws only lines whose content changed).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LineView {
    /// 0-based line number.
    pub index: usize,
    pub segments: Vec<Segment>,
    /// The most severe problem that starts on this line (gutter marker).
    pub marker: Option<Severity>,
}

/// A problem's byte span and severity, as the backdrop needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub span: Span,
    pub severity: Severity,
}

/// A highlighted range within one line (byte offsets relative to the line start).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColourRange {
    pub start: usize,
    pub end: usize,
    pub class: &'static str,
}

/// Builds the view of line `index` (`line` without its line break, starting at byte
/// `start` of the document), given its colour ranges and the problems (sorted by
/// start), and a `highlight`ed range (the focused form field's value). Zero-width
/// problems are widened to one character so they show.
pub fn line_view(
    index: usize,
    start: usize,
    line: &str,
    colours: &[ColourRange],
    marks: &[Mark],
    highlight: Option<Span>,
) -> LineView {
    let end = start + line.len();
    let (line_marks, marker) = marks_on_line(start, line, marks);
    let lit = highlight
        .filter(|h| h.start < end.max(start + 1) && h.end > start)
        .map(|h| (h.start.max(start) - start, h.end.min(end) - start));
    // Every place a colour, a problem or the highlight starts or ends cuts the line.
    let mut cuts = vec![0, line.len()];
    cuts.extend(line_marks.iter().flat_map(|m| [m.0, m.1]));
    for c in colours {
        cuts.extend([c.start.min(line.len()), c.end.min(line.len())]);
    }
    if let Some((a, b)) = lit {
        cuts.extend([a, b]);
    }
    cuts.retain(|&c| line.is_char_boundary(c));
    gradient_spec::sort::natural(&mut cuts);
    cuts.dedup();
    let mut segments: Vec<Segment> = cuts
        .windows(2)
        .filter(|w| w[0] != w[1])
        .map(|w| Segment {
            text: line[w[0]..w[1]].to_string(),
            class: segment_class(w[0], w[1], colours, &line_marks, lit),
        })
        .collect();
    if line.is_empty() {
        if let Some(sev) = line_marks.iter().map(|m| m.2).min() {
            segments.push(Segment {
                text: " ".into(),
                class: format!("sq-{}", sev.as_str()),
            });
        }
    }
    LineView {
        index,
        segments,
        marker,
    }
}

/// A problem's range on one line (byte offsets from the line's start) and severity.
type LineMark = (usize, usize, Severity);

/// The problems' ranges on the line starting at byte `start`, and the most severe
/// problem that starts on it (the gutter's marker).
fn marks_on_line(start: usize, line: &str, marks: &[Mark]) -> (Vec<LineMark>, Option<Severity>) {
    let end = start + line.len();
    let mut on_line = Vec::new();
    let mut marker: Option<Severity> = None;
    for m in marks {
        let (ms, mut me) = (m.span.start, m.span.end);
        if me == ms {
            me = ms
                + line[ms.saturating_sub(start).min(line.len())..]
                    .chars()
                    .next()
                    .map_or(1, char::len_utf8);
        }
        if ms >= start && ms <= end {
            marker = Some(marker.map_or(m.severity, |s| s.min(m.severity)));
        }
        if me <= start || ms > end || (ms == end && !line.is_empty()) {
            continue;
        }
        let (a, b) = (ms.max(start) - start, me.min(end) - start);
        on_line.push((a, b.max(a), m.severity));
    }
    (on_line, marker)
}

/// The classes of the segment `a..b`: its token colour, the squiggle of the most
/// severe problem over it, and `hl` inside the highlighted range.
fn segment_class(
    a: usize,
    b: usize,
    colours: &[ColourRange],
    line_marks: &[LineMark],
    lit: Option<(usize, usize)>,
) -> String {
    let mut class = colours
        .iter()
        .find(|c| c.start <= a && b <= c.end)
        .map_or(String::new(), |c| c.class.to_string());
    let mut add = |name: &str| {
        if !class.is_empty() {
            class.push(' ');
        }
        class.push_str(name);
    };
    if let Some(sev) = line_marks
        .iter()
        .filter(|(s, e, _)| *s <= a && b <= *e)
        .map(|m| m.2)
        .min()
    {
        add(&format!("sq-{}", sev.as_str()));
    }
    if lit.is_some_and(|(ha, hb)| ha <= a && b <= hb) {
        add("hl");
    }
    class
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visible_range_has_a_margin_and_stays_in_the_text() {
        assert_eq!(visible_range(0.0, 200.0, 20.0, 5000), (0, 27));
        assert_eq!(visible_range(2000.0, 200.0, 20.0, 5000), (92, 119));
        assert_eq!(visible_range(0.0, 200.0, 20.0, 3), (0, 3));
    }

    #[test]
    fn problems_split_segments_and_mark_the_gutter() {
        let text = "port: 99999 # x";
        let marks = [Mark {
            span: Span::new(106, 111),
            severity: Severity::Error,
        }];
        let colours = [ColourRange {
            start: 0,
            end: 4,
            class: "tok-key",
        }];
        let v = line_view(3, 100, text, &colours, &marks, None);
        let got: Vec<(&str, &str)> = v
            .segments
            .iter()
            .map(|s| (s.text.as_str(), s.class.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("port", "tok-key"),
                (": ", ""),
                ("99999", "sq-error"),
                (" # x", "")
            ]
        );
        assert_eq!(v.marker, Some(Severity::Error));
        let joined: String = v.segments.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(joined, text);
    }

    #[test]
    fn the_highlighted_range_gets_its_class() {
        let v = line_view(0, 10, "image: nginx", &[], &[], Some(Span::new(17, 22)));
        let got: Vec<(&str, &str)> = v
            .segments
            .iter()
            .map(|s| (s.text.as_str(), s.class.as_str()))
            .collect();
        assert_eq!(got, vec![("image: ", ""), ("nginx", "hl")]);
    }

    #[test]
    fn an_empty_span_shows_one_character_and_multibyte_text_is_kept_whole() {
        let text = "name: 日本";
        let marks = [Mark {
            span: Span::at(6),
            severity: Severity::Warning,
        }];
        let v = line_view(0, 0, text, &[], &marks, None);
        let got: Vec<(&str, &str)> = v
            .segments
            .iter()
            .map(|s| (s.text.as_str(), s.class.as_str()))
            .collect();
        assert_eq!(got, vec![("name: ", ""), ("日", "sq-warning"), ("本", "")]);
    }

    #[test]
    fn a_problem_on_an_empty_line_still_shows() {
        let v = line_view(
            1,
            5,
            "",
            &[],
            &[Mark {
                span: Span::at(5),
                severity: Severity::Info,
            }],
            None,
        );
        assert_eq!(
            v.segments,
            vec![Segment {
                text: " ".into(),
                class: "sq-info".into()
            }]
        );
    }
}
