//! Entry point: parse the command line, then run a command or open the window.

use clap::Parser;

use ai_adoption_explorer::cli::{
    Cli, Command, run_check, run_check_builtin, run_export, run_format, run_import,
    run_synth_scatter,
};

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { file, builtin: _ }) => {
            let (out, err) = (&mut std::io::stdout().lock(), &mut std::io::stderr().lock());
            // The command line requires a file or `--builtin`, never both.
            let code = match file {
                Some(file) => run_check(&file, out, err),
                None => run_check_builtin(out, err),
            };
            std::process::ExitCode::from(u8::try_from(code).unwrap_or(2))
        }
        Some(Command::Format { file }) => {
            let code = run_format(&file, &mut std::io::stderr().lock());
            std::process::ExitCode::from(u8::try_from(code).unwrap_or(2))
        }
        Some(Command::Export(args)) => {
            let code = run_export(
                &args,
                &mut std::io::stdout().lock(),
                &mut std::io::stderr().lock(),
            );
            std::process::ExitCode::from(u8::try_from(code).unwrap_or(2))
        }
        Some(Command::Import(args)) => {
            let code = run_import(
                &args,
                &mut std::io::stdout().lock(),
                &mut std::io::stderr().lock(),
            );
            std::process::ExitCode::from(u8::try_from(code).unwrap_or(2))
        }
        Some(Command::SynthScatter { points, out }) => {
            let code = run_synth_scatter(points, &out, &mut std::io::stderr().lock());
            std::process::ExitCode::from(u8::try_from(code).unwrap_or(2))
        }
        None => ai_adoption_explorer::ui::run_native(cli.file),
    }
}
