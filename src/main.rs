use std::process::ExitCode;

fn main() -> ExitCode {
    stet::cli::run()
}
