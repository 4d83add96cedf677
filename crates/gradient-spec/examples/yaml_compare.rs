//! Prints what the YAML layer (`yaml::parse`, saphyr-parser events) and yaml-edit's
//! own parser (the oracle of the differential tests in `src/yaml/oracle/`) make of one
//! text: the layer's problems and root, and yaml-edit's raw errors. For looking into a
//! difference the differential tests report:
//!
//! ```sh
//! cargo run -p gradient-spec --example yaml_compare -- 'image:\tx\n'
//! ```
//!
//! `\n` and `\t` in the argument stand for a line break and a tab.

fn main() {
    let Some(arg) = std::env::args().nth(1) else {
        eprintln!("usage: yaml_compare TEXT  (\\n and \\t stand for a line break and a tab)");
        std::process::exit(2);
    };
    let text = arg.replace("\\n", "\n").replace("\\t", "\t");
    let doc = gradient_spec::yaml::parse(&text);
    println!("yaml::parse:");
    for d in &doc.syntax_diagnostics {
        let s = d.span;
        println!(
            "  {} {}..{} {:?}: {}",
            d.rule,
            s.start,
            s.end,
            s.slice(&text),
            d.message
        );
    }
    println!("  root: {:?}", doc.root.as_ref().map(|r| r.kind_name()));
    println!("yaml-edit's parser:");
    for e in yaml_edit::YamlFile::parse(&text).positioned_errors() {
        let (start, end) = (e.range.start as usize, e.range.end as usize);
        println!(
            "  {start}..{end} {:?}: {}",
            text.get(start..end).unwrap_or(""),
            e.message
        );
    }
}
