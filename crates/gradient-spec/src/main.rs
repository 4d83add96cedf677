//! `gradient-spec`: the command-line linter, a thin view of the core crate
//! (`gradient_spec::check`). Everything it does lives in `cli/`.

mod cli;

fn main() {
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    std::process::exit(cli::run(&args));
}
