//! Prints what today's YAML layer (`yaml::parse`, yaml-edit) and the next one
//! (`yaml::events::parse`, saphyr-parser) make of one text: their problems and root.
//! For looking into a difference the differential tests report:
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
    let parses = [
        ("yaml::parse (yaml-edit)", gradient_spec::yaml::parse(&text)),
        (
            "yaml::events::parse",
            gradient_spec::yaml::events::parse(&text),
        ),
    ];
    for (name, doc) in parses {
        println!("{name}:");
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
    }
}
