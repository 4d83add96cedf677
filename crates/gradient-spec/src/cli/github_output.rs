//! GitHub Actions output: one workflow command per problem, which GitHub shows as an
//! annotation on the file's line in the run and the pull request:
//! `::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=RULE-ID::message`
//! (`::warning` for warnings, `::notice` for infos). Lines and columns are 1-based,
//! columns in characters. Values are escaped as GitHub's toolkit (`@actions/core`)
//! escapes them, so a `,` or `:` in a file name or a line break in a message cannot
//! end a property or the command early.

use gradient_spec::text::LineIndex;
use gradient_spec::{Diagnostic, Severity};

/// The workflow command for one diagnostic, with its line break.
pub fn command(name: &str, index: &LineIndex, d: &Diagnostic) -> String {
    let start = index.position(d.span.start);
    let end = index.position(d.span.end);
    let kind = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    };
    format!(
        "::{kind} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
        escape_property(name),
        start.line,
        start.column,
        end.line,
        end.column,
        escape_property(d.rule.as_str()),
        escape_data(&d.message)
    )
}

/// A command's message (`escapeData` in `@actions/core`).
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A command's property value (`escapeProperty` in `@actions/core`).
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use gradient_spec::RuleId;
    use gradient_spec::Span;

    #[test]
    fn one_command_per_problem_with_escapes() {
        let text = "a: 1\nname: \"日本\" x\n";
        let at = text.find('x').unwrap();
        let d = Diagnostic::new(
            RuleId::YamlSyntax,
            Severity::Error,
            Span::new(at, at + 1),
            "name",
            "100% bad:\r\nreally, bad",
        );
        let out = command("dir,a:b/f.yaml", &LineIndex::new(text), &d);
        assert_eq!(
            out,
            "::error file=dir%2Ca%3Ab/f.yaml,line=2,col=12,endLine=2,endColumn=13,title=yaml-syntax::100%25 bad:%0D%0Areally, bad\n"
        );
        let warn = Diagnostic::new(RuleId::Image, Severity::Warning, Span::at(0), "", "m");
        assert!(command("f", &LineIndex::new(text), &warn)
            .starts_with("::warning file=f,line=1,col=1,endLine=1,endColumn=1,"));
        let info = Diagnostic::new(RuleId::Image, Severity::Info, Span::at(0), "", "m");
        assert!(command("f", &LineIndex::new(text), &info).starts_with("::notice "));
    }
}
