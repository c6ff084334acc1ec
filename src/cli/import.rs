//! `import FILE --into DATASET --out OUT.ron`: read a CSV/TSV, XLSX/ODS or JSON file, map its
//! columns (a preset detected from the headers, `--preset`, `--kind` with `--map`, or a saved
//! `--mapping`), match its rows to the dataset's records, print the summary and write the result.
//! Exit codes: 0 done; 1 done with rows skipped or problems; 2 unusable file, mapping or
//! arguments (`FILE:ROW:COLUMN: message` lines); 3 could not write.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::lines::{load_error_line, shown_path};
use crate::app::edit::apply_all;
use crate::import::{
    ConflictChoice, Field, Import, ImportKind, Mapping, PRESETS, Preset, ReadOptions, Settings,
    SourceInfo, Target, parse_date, plural, read_file, user_preset, user_presets, user_presets_dir,
};
use crate::io::{load_path, save_atomic};
use crate::model::text::safe_line;

/// Done.
pub const EXIT_IMPORT_DONE: i32 = 0;
/// Done, with rows skipped or problems reported.
pub const EXIT_IMPORT_PROBLEMS: i32 = 1;
/// Unusable file, mapping or arguments.
pub const EXIT_IMPORT_UNUSABLE: i32 = 2;
/// The result could not be written.
pub const EXIT_IMPORT_WRITE_FAILED: i32 = 3;

/// Options of `import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The file to import (CSV, TSV, XLSX, ODS or JSON).
    pub file: Option<PathBuf>,
    /// The dataset to import into (it is read, never written unless --out names it).
    #[arg(long, value_name = "DATASET")]
    pub into: Option<PathBuf>,
    /// Where to write the dataset with the import applied.
    #[arg(long, value_name = "OUT.ron")]
    pub out: Option<PathBuf>,
    /// Print the presets, one a line, name first.
    #[arg(long)]
    pub list_presets: bool,
    /// Use this preset instead of the one detected from the headers.
    #[arg(long, value_name = "NAME")]
    pub preset: Option<String>,
    /// What the rows become: organizations, models, adoptions, claims or series.
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    /// Map a column to a field (repeatable): COLUMN a header or #N; FIELD from --list-fields, or
    /// `notes` / `ignore`.
    #[arg(long = "map", value_name = "COLUMN=FIELD")]
    pub maps: Vec<String>,
    /// Print the fields of a kind, one a line.
    #[arg(long, value_name = "KIND")]
    pub list_fields: Option<String>,
    /// A saved mapping (RON).
    #[arg(long, value_name = "FILE.ron")]
    pub mapping: Option<PathBuf>,
    /// The sheet of a workbook.
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// The delimiter of delimited text (one character; `\t` for tab).
    #[arg(long, value_name = "C")]
    pub delimiter: Option<String>,
    /// The text encoding (utf-8, utf-16le, utf-16be, windows-1252...).
    #[arg(long, value_name = "NAME")]
    pub encoding: Option<String>,
    /// Wide form: one row per date, one column per subject (series).
    #[arg(long)]
    pub wide: bool,
    /// A cell text that means "no value" (repeatable), such as 0.0.
    #[arg(long, value_name = "VALUE")]
    pub absent: Vec<String>,
    /// The measure of every row when no column gives it (claims, series): "Monthly downloads",
    /// or any other words.
    #[arg(long, value_name = "NAME")]
    pub metric: Option<String>,
    /// The unit of every value when no column gives it (claims, series): %, count, or any name.
    #[arg(long, value_name = "UNIT")]
    pub unit: Option<String>,
    /// A value every row gets for FIELD when no column gives it (repeatable), parsed like a cell
    /// of that field: `--set unit=count`, `--set date=2026-03-01 --set period_days=30` (a rolling
    /// period: the 30 days up to the date). `{COLUMN}` in TEXT is the row's cell of that column
    /// (`{COLUMN:,}` writes a whole number as 19,284,289; `{{` and `}}` are braces): `--set
    /// 'paraphrase={name} had {hf_downloads} downloads'`.
    #[arg(long = "set", value_name = "FIELD=TEXT")]
    pub sets: Vec<String>,
    /// Models: a model given no family (by the file or the dataset) joins the existing family
    /// whose name begins its name and whose developer is its developer ("Qwen2.5-7B" joins Qwen,
    /// a fine-tune by another developer does not).
    #[arg(long)]
    pub family_from_name: bool,
    /// Title of the source record.
    #[arg(long, value_name = "TEXT")]
    pub source_title: Option<String>,
    /// Publisher of the source.
    #[arg(long, value_name = "TEXT")]
    pub publisher: Option<String>,
    /// When the file was retrieved (2026-02-16).
    #[arg(long, value_name = "DATE")]
    pub retrieved: Option<String>,
    /// Licence and credit of the data.
    #[arg(long, value_name = "TEXT")]
    pub license: Option<String>,
    /// What to do with a value that differs: keep, new, or both (a recorded conflict).
    #[arg(long, value_name = "keep|new|both", default_value = "both")]
    pub on_conflict: String,
    /// Accept the best close candidate at or above SCORE (0 to 1).
    #[arg(long, value_name = "SCORE")]
    pub accept_best: Option<f64>,
    /// Only add new records; rows that match are skipped.
    #[arg(long)]
    pub new_only: bool,
    /// Print the summary; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Also write the summary as JSON to this file.
    #[arg(long, value_name = "FILE")]
    pub summary_json: Option<PathBuf>,
}

/// Runs `import`; returns its exit code.
pub fn run_import(args: &ImportArgs, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    match run(args, out, err) {
        Ok(code) => code,
        Err((code, lines)) => {
            for l in lines {
                let _ = writeln!(err, "{}", safe_line(&l));
            }
            code
        }
    }
}

type Failure = (i32, Vec<String>);

fn unusable(line: impl Into<String>) -> Failure {
    (EXIT_IMPORT_UNUSABLE, vec![line.into()])
}

fn run(args: &ImportArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<i32, Failure> {
    if args.list_presets {
        for p in PRESETS {
            let _ = writeln!(out, "{}\t{} ({})", p.name, p.description, p.kind.name());
        }
        // The user's saved presets, after the built-in ones.
        if let Some(dir) = user_presets_dir() {
            let (saved, problems) = user_presets(&dir);
            for p in saved {
                let _ = writeln!(
                    out,
                    "{}\tsaved mapping ({}), {}",
                    p.name,
                    p.mapping.kind.name(),
                    p.path.display()
                );
            }
            for why in problems {
                let _ = writeln!(err, "{}", safe_line(&why));
            }
        }
        return Ok(EXIT_IMPORT_DONE);
    }
    if let Some(k) = &args.list_fields {
        let kind = kind_named(k)?;
        for f in kind.fields() {
            let _ = writeln!(out, "{}\t{}", f.name(), f.help());
        }
        let _ = writeln!(out, "notes\tkeep the column in the record's notes");
        let _ = writeln!(out, "ignore\tleave the column out");
        if kind == ImportKind::Series {
            let _ = writeln!(
                out,
                "(with --wide: map only the date column; every other column is one subject's series, named by its header)"
            );
        }
        return Ok(EXIT_IMPORT_DONE);
    }
    let Some(file) = &args.file else {
        return Err(unusable(
            "import: name the file to import: import FILE --into DATASET --out OUT.ron",
        ));
    };
    let Some(into) = &args.into else {
        return Err(unusable(
            "import: say which dataset to import into with --into DATASET",
        ));
    };
    if args.out.is_none() && !args.dry_run {
        return Err(unusable(
            "import: say where to write the result with --out OUT.ron (or pass --dry-run)",
        ));
    }
    let shown = shown_path(file);
    let on_conflict = ConflictChoice::from_name(&args.on_conflict).ok_or_else(|| {
        unusable(format!(
            "import: --on-conflict takes keep, new or both, not `{}`",
            args.on_conflict
        ))
    })?;
    if let Some(s) = args.accept_best
        && !(0.0..=1.0).contains(&s)
    {
        return Err(unusable(format!(
            "import: --accept-best takes a score from 0 to 1, not {s}"
        )));
    }
    let retrieved = match &args.retrieved {
        Some(d) => {
            Some(parse_date(d).map_err(|why| unusable(format!("import: --retrieved: {why}")))?)
        }
        None => None,
    };
    let delimiter = match args.delimiter.as_deref() {
        None => None,
        Some("\\t") | Some("tab") => Some(b'\t'),
        Some(d) if d.len() == 1 => Some(d.as_bytes()[0]),
        Some(d) => {
            return Err(unusable(format!(
                "import: --delimiter takes one character, not `{d}`"
            )));
        }
    };
    let loaded = load_path(into).map_err(|e| unusable(load_error_line(&e)))?;
    let ds = loaded.dataset;
    let options = ReadOptions {
        sheet: args.sheet.clone(),
        delimiter,
        encoding: args.encoding.clone(),
        max_rows: None,
    };
    let table = read_file(file, &options).map_err(|e| unusable(e.to_string()))?;
    for issue in &table.issues {
        let _ = writeln!(
            err,
            "{}",
            safe_line(&format!("{shown}:{}: {}", issue.row, issue.message))
        );
    }
    let (mapping, preset) = choose_mapping(args, &table.headers, &shown)?;
    match preset {
        Some(p) if args.preset.is_none() => {
            let _ = writeln!(
                err,
                "{shown}: using preset {} (detected from the headers)",
                p.name
            );
        }
        Some(p) => {
            let _ = writeln!(err, "{shown}: using preset {}", p.name);
        }
        None => {}
    }
    let _ = writeln!(
        err,
        "{shown}: {}; {} rows",
        table.detected.describe(),
        table.rows.len()
    );
    let file_name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| shown.clone());
    let source = SourceInfo {
        title: args
            .source_title
            .clone()
            .or(preset.map(|p| p.title.to_owned()))
            .unwrap_or_else(|| file_name.clone()),
        publisher: args
            .publisher
            .clone()
            .or(preset.map(|p| p.publisher.to_owned()))
            .unwrap_or_default(),
        published: None,
        retrieved,
        license: args
            .license
            .clone()
            .or(preset.map(|p| p.license.to_owned()))
            .unwrap_or_default(),
        locator: file_name,
    };
    let settings = Settings {
        source,
        on_conflict,
        accept_best: args.accept_best,
        new_only: args.new_only,
    };
    let import = Import::new(&ds, table, mapping, settings).map_err(|wrong| {
        (
            EXIT_IMPORT_UNUSABLE,
            wrong.into_iter().map(|w| format!("{shown}: {w}")).collect(),
        )
    })?;
    let plan = import.plan(&ds);
    let _ = writeln!(
        out,
        "{}: {} of {} rows imported",
        shown,
        plan.rows_imported,
        import.rows.len()
    );
    for line in plan.summary_lines() {
        let _ = writeln!(out, "{line}");
    }
    for p in &plan.problems {
        let _ = writeln!(
            err,
            "{}",
            safe_line(&format!(
                "{shown}:{}:{}: {}: {}",
                p.row, p.column, p.header, p.message
            ))
        );
    }
    for s in &plan.skipped {
        let _ = writeln!(
            err,
            "{}",
            safe_line(&format!("{shown}:{}: skipped: {}", s.row, s.reason))
        );
    }
    for c in &plan.conflicts {
        let _ = writeln!(err, "{}", safe_line(&format!("{shown}: conflict: {c}")));
    }
    if let Some(path) = &args.summary_json {
        let json = summary_json(&shown, preset, &import, &plan);
        if let Err(e) = std::fs::write(path, json) {
            return Err((
                EXIT_IMPORT_WRITE_FAILED,
                vec![format!(
                    "{}: cannot write the summary: {e}",
                    shown_path(path)
                )],
            ));
        }
    }
    let problems =
        !plan.skipped.is_empty() || !plan.problems.is_empty() || !import.table.issues.is_empty();
    if !args.dry_run
        && let Some(out_path) = &args.out
    {
        let mut result = ds.clone();
        if let Err(e) = apply_all(&mut result, plan.edits.clone()) {
            return Err((
                EXIT_IMPORT_WRITE_FAILED,
                vec![format!("{shown}: the import could not be applied: {e}")],
            ));
        }
        if let Err(e) = save_atomic(&result, out_path) {
            return Err((
                EXIT_IMPORT_WRITE_FAILED,
                vec![format!("{}: cannot write: {e}", shown_path(out_path))],
            ));
        }
        let _ = writeln!(err, "{}: written", shown_path(out_path));
    }
    Ok(if problems {
        EXIT_IMPORT_PROBLEMS
    } else {
        EXIT_IMPORT_DONE
    })
}

fn kind_named(k: &str) -> Result<ImportKind, Failure> {
    ImportKind::from_name(k).ok_or_else(|| {
        let names: Vec<&str> = ImportKind::ALL.iter().map(|k| k.name()).collect();
        unusable(format!(
            "import: `{k}` is not a kind; use one of {}",
            names.join(", ")
        ))
    })
}

/// The mapping: a saved one, or `--kind` with suggestions and `--map`, or a preset (named or
/// detected), with `--map`, `--wide` and `--absent` on top.
fn choose_mapping(
    args: &ImportArgs,
    headers: &[String],
    shown: &str,
) -> Result<(Mapping, Option<&'static Preset>), Failure> {
    let mut preset = None;
    let mut mapping = if let Some(path) = &args.mapping {
        let text = std::fs::read_to_string(path).map_err(|e| {
            unusable(format!(
                "{}: cannot read the mapping: {e}",
                shown_path(path)
            ))
        })?;
        Mapping::from_ron(&text).map_err(|why| unusable(format!("{}: {why}", shown_path(path))))?
    } else if let Some(name) = &args.preset {
        match Preset::by_name(name) {
            Some(p) => {
                preset = Some(p);
                p.mapping(headers)
            }
            // A preset the user saved (the same file `--mapping` reads).
            None => user_presets_dir()
                .and_then(|dir| user_preset(&dir, name))
                .map(|p| p.mapping)
                .ok_or_else(|| {
                    unusable(format!(
                        "import: there is no preset `{name}`; see import --list-presets"
                    ))
                })?,
        }
    } else if let Some(k) = &args.kind {
        Mapping::suggest(kind_named(k)?, headers)
    } else if let Some(p) = Preset::detect(headers) {
        preset = Some(p);
        p.mapping(headers)
    } else {
        return Err(unusable(format!(
            "{shown}: no preset fits these headers ({}); pass --kind KIND with --map COLUMN=FIELD, or --preset NAME",
            headers.join(", ")
        )));
    };
    if let Some(k) = &args.kind {
        mapping.kind = kind_named(k)?;
    }
    if args.wide {
        mapping.set_wide(true);
    }
    for m in &args.maps {
        let Some((column, field)) = m.rsplit_once('=') else {
            return Err(unusable(format!(
                "import: --map takes COLUMN=FIELD, not `{m}`"
            )));
        };
        let target = match field.trim() {
            "notes" => Target::Notes,
            "ignore" => Target::Ignore,
            f => Target::Field(Field::from_name(f).ok_or_else(|| {
                unusable(format!(
                    "import: `{f}` is not a field; see import --list-fields {}",
                    mapping.kind.name()
                ))
            })?),
        };
        mapping.set(column.trim(), target);
    }
    mapping.absent.extend(args.absent.iter().cloned());
    for s in &args.sets {
        let Some((field, text)) = s.split_once('=') else {
            return Err(unusable(format!(
                "import: --set takes FIELD=TEXT, not `{s}`"
            )));
        };
        let f = Field::from_name(field).ok_or_else(|| {
            unusable(format!(
                "import: --set {}: `{}` is not a field; see import --list-fields {}",
                field.trim(),
                field.trim(),
                mapping.kind.name()
            ))
        })?;
        mapping.fixed.insert(f, text.to_owned());
    }
    if let Some(m) = &args.metric {
        mapping.metric = m.trim().to_owned();
    }
    if let Some(u) = &args.unit {
        mapping.unit = u.trim().to_owned();
    }
    if args.family_from_name {
        if mapping.kind != ImportKind::Models {
            return Err(unusable(
                "import: --family-from-name is for --kind models".to_owned(),
            ));
        }
        mapping.family_from_name = true;
    }
    Ok((mapping, preset))
}

fn summary_json(
    shown: &str,
    preset: Option<&Preset>,
    import: &Import,
    plan: &crate::import::Plan,
) -> String {
    let counts: serde_json::Map<String, serde_json::Value> = plan
        .counts
        .iter()
        .map(|(k, c)| {
            (
                plural(*k).to_owned(),
                serde_json::to_value(c).unwrap_or_default(),
            )
        })
        .collect();
    let problems: Vec<serde_json::Value> = plan
        .problems
        .iter()
        .map(|p| serde_json::json!({"row": p.row, "column": p.column, "header": p.header, "message": p.message}))
        .collect();
    let v = serde_json::json!({
        "file": shown,
        "preset": preset.map(|p| p.name),
        "detected": import.table.detected.describe(),
        "rows": import.rows.len(),
        "rows_imported": plan.rows_imported,
        "counts": counts,
        "skipped": plan.skipped,
        "problems": problems,
        "conflicts": plan.conflicts,
        "undo_label": plan.label,
    });
    serde_json::to_string_pretty(&v).unwrap_or_default()
}
