//! Importing adoptions, claims and series (long and wide form) into a small test dataset built
//! here: matching to the records it has, conflicts kept each way, every value citing its row as
//! the spreadsheet numbers it (header = row 1), the import undone as one step, the result
//! passing validation, and the command line's exit codes.

use std::path::{Path, PathBuf};
use std::process::Command;

use ai_adoption_explorer::app::{Action, AppState, ScriptedDialogs, Settings as AppSettings};
use ai_adoption_explorer::import::*;
use ai_adoption_explorer::model::*;

mod common;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import");

const HAND: &str = "hand-notes";

/// Two labs, a bank, a family and three models, one adoption and one series, all citing one
/// source; a model and a family share the name "Nimbus".
fn base() -> Dataset {
    let cite = || vec![Citation::new(HAND)];
    let org = |id: &str, name: &str, country: &str| Organization {
        id: OrgId::new(id),
        name: name.into(),
        native_name: String::new(),
        country: country.into(),
        kind: OrgKind::Company,
        sector: String::new(),
        headquarters: String::new(),
        founded: None,
        notes: String::new(),
        sources: cite(),
    };
    let model = |id: &str, name: &str, family: Option<&str>| Model {
        family: family.map(FamilyId::new),
        sources: cite(),
        ..Model::new(ModelId::new(id), name.into(), OrgId::new("acme-labs"))
    };
    let family = |id: &str, name: &str| ModelFamily {
        id: FamilyId::new(id),
        name: name.into(),
        developer: OrgId::new("acme-labs"),
        notes: String::new(),
        sources: cite(),
    };
    Dataset {
        sources: vec![Source {
            id: SourceId::new(HAND),
            title: "Hand-kept notes".into(),
            publisher: "Test".into(),
            author: String::new(),
            date: Some(PartialDate::month(2025, 1)),
            locator: "notes.txt".into(),
            kind: SourceKind::Dataset,
            via: None,
            notes: String::new(),
        }],
        organizations: vec![
            org("acme-labs", "Acme Labs", "France"),
            org("northwind-bank", "Northwind Bank", "Germany"),
        ],
        families: vec![family("zephyr", "Zephyr"), family("nimbus", "Nimbus")],
        models: vec![
            model("zephyr-7b", "Zephyr-7B", Some("zephyr")),
            model("zephyr-7b-instruct", "Zephyr-7B-Instruct", Some("zephyr")),
            model("nimbus", "Nimbus", Some("nimbus")),
        ],
        adoptions: vec![Adoption {
            id: AdoptionId::new("northwind-zephyr-7b"),
            organization: OrgId::new("northwind-bank"),
            target: Some(AdoptionTarget::Model(ModelId::new("zephyr-7b"))),
            use_cases: vec!["fraud detection".into()],
            status: vec![StatusEntry {
                status: AdoptionStatus::Production,
                date: Some(PartialDate::month(2025, 3)),
                date_means: StatusDate::AsOf,
                notes: String::new(),
                sources: cite(),
            }],
            notes: String::new(),
            sources: cite(),
        }],
        series: vec![Series {
            id: SeriesId::new("zephyr-downloads"),
            name: "Zephyr-7B monthly downloads".into(),
            subject: Subject::Model(ModelId::new("zephyr-7b")),
            metric: Metric::MonthlyDownloads,
            unit: Unit::Count,
            points: vec![
                SeriesPoint {
                    date: PartialDate::month(2025, 1),
                    value: 100.0,
                },
                SeriesPoint {
                    date: PartialDate::month(2025, 2),
                    value: 200.0,
                },
            ],
            notes: String::new(),
            sources: cite(),
        }],
        ..Dataset::default()
    }
}

fn settings(on_conflict: ConflictChoice) -> Settings {
    Settings {
        source: SourceInfo {
            title: "Colleague's sheet".into(),
            publisher: "Test".into(),
            locator: "sheet.csv".into(),
            ..Default::default()
        },
        on_conflict,
        accept_best: None,
        new_only: false,
    }
}

fn mapping(kind: ImportKind, table: &Table, wide: bool, metric: &str) -> Mapping {
    let mut m = Mapping::suggest(kind, &table.headers);
    m.set_wide(wide);
    m.metric = metric.into();
    m
}

fn import(
    ds: &Dataset,
    file: &str,
    kind: ImportKind,
    on_conflict: ConflictChoice,
    adjust: impl FnOnce(&mut Mapping),
) -> (Import, Plan) {
    let table = read_file(&Path::new(FIXTURES).join(file), &ReadOptions::default()).unwrap();
    let mut m = mapping(kind, &table, false, "");
    adjust(&mut m);
    let import = Import::new(ds, table, m, settings(on_conflict)).unwrap();
    let plan = import.plan(ds);
    (import, plan)
}

/// An import with the mapping suggested from the headers.
fn plain(
    ds: &Dataset,
    file: &str,
    kind: ImportKind,
    on_conflict: ConflictChoice,
) -> (Import, Plan) {
    import(ds, file, kind, on_conflict, |_| {})
}

fn applied(ds: &Dataset, plan: &Plan) -> Dataset {
    let mut out = ds.clone();
    ai_adoption_explorer::app::edit::apply_all(&mut out, plan.edits.clone()).unwrap();
    out
}

fn errors(ds: &Dataset) -> Vec<String> {
    validate(ds)
        .into_iter()
        .filter(|p| p.is_error())
        .map(|p| format!("{p:?}"))
        .collect()
}

fn row(plan: &Plan, n: u32) -> Citation {
    Citation::with_detail(plan.source.clone(), format!("row {n}"))
}

/// The test dataset as a file, for the window's test (`tests/ui_import_kinds.rs`); written
/// again with `UPDATE_FIXTURES=1`.
const BASE_FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/import/kinds_base.ron"
);

#[test]
fn the_test_dataset_is_valid_and_its_file_is_the_same() {
    assert_eq!(errors(&base()), Vec::<String>::new());
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        ai_adoption_explorer::io::save_atomic(&base(), Path::new(BASE_FILE)).unwrap();
    }
    let loaded = ai_adoption_explorer::io::load_path(Path::new(BASE_FILE)).unwrap();
    assert_eq!(loaded.dataset, base(), "run with UPDATE_FIXTURES=1");
}

#[test]
fn adopters_match_existing_adoptions_create_organizations_and_cite_their_rows() {
    let ds = base();
    let (imp, plan) = plain(
        &ds,
        "kinds_adopters.csv",
        ImportKind::Adoptions,
        ConflictChoice::Both,
    );
    assert_eq!(
        imp.mapping.column_of(Field::Target).unwrap().column,
        "Model"
    );
    let out = applied(&ds, &plan);
    assert_eq!(errors(&out), Vec::<String>::new());
    // Northwind's adoption is updated, not duplicated: the new use case added, citing row 2.
    let north: Vec<&Adoption> = out
        .adoptions
        .iter()
        .filter(|a| a.organization.as_str() == "northwind-bank")
        .collect();
    assert_eq!(north.len(), 1);
    assert_eq!(north[0].use_cases, ["fraud detection", "customer chat"]);
    assert!(north[0].sources.contains(&row(&plan, 2)));
    // Its production date differs (2025-03 vs 2025-06): kept, the file's recorded as a conflict.
    assert_eq!(north[0].status[0].date, Some(PartialDate::month(2025, 3)));
    let claim = out
        .claims
        .iter()
        .find(|c| c.subject == Subject::Adoption(north[0].id.clone()))
        .expect("the file's date as a claim");
    assert_eq!(claim.value, ClaimValue::Date(PartialDate::month(2025, 6)));
    assert_eq!(claim.source, Some(row(&plan, 2)));
    assert!(out.conflicts.iter().any(|k| {
        k.records
            .contains(&RecordRef::Adoption(north[0].id.clone()))
    }));
    // Globex is new, as an organization and as an adopter of the Zephyr family.
    let globex = out
        .organizations
        .iter()
        .find(|o| o.name == "Globex Insurance")
        .unwrap();
    assert_eq!(globex.sources, [row(&plan, 3)]);
    let g = out
        .adoptions
        .iter()
        .find(|a| a.organization == globex.id)
        .unwrap();
    assert_eq!(
        g.target,
        Some(AdoptionTarget::Family(FamilyId::new("zephyr")))
    );
    assert_eq!(g.status[0].status, AdoptionStatus::Experimenting);
    assert_eq!(g.status[0].date, Some(PartialDate::month(2025, 4)));
    assert_eq!(g.status[0].sources, [row(&plan, 3)]);
    assert_eq!(g.sources, [row(&plan, 3)]);
    assert_eq!(g.notes, "first trial");
    // "zephyr 7b" is Zephyr-7B by its folded name.
    let initech = out
        .organizations
        .iter()
        .find(|o| o.name == "Initech")
        .unwrap();
    let i = out
        .adoptions
        .iter()
        .find(|a| a.organization == initech.id)
        .unwrap();
    assert_eq!(
        i.target,
        Some(AdoptionTarget::Model(ModelId::new("zephyr-7b")))
    );
    assert_eq!(i.status[0].date, Some(PartialDate::year(2025)));
    // An unknown target skips its row and leaves no organization; an ambiguous one lists both.
    assert!(!out.organizations.iter().any(|o| o.name == "Umbrella Co"));
    let skipped: Vec<(u32, &str)> = plan
        .skipped
        .iter()
        .map(|s| (s.row, s.reason.as_str()))
        .collect();
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    assert_eq!(skipped[0].0, 5);
    assert!(skipped[0].1.contains("no model or family"), "{skipped:?}");
    assert_eq!(skipped[1].0, 6);
    assert!(
        skipped[1].1.contains("ambiguous")
            && skipped[1].1.contains("model “Nimbus”")
            && skipped[1].1.contains("family “Nimbus”"),
        "{skipped:?}"
    );
    let c = plan.counts[&RecordKind::Adoption];
    assert_eq!((c.new, c.updated, c.conflicts, c.skipped), (2, 1, 1, 2));
}

#[test]
fn an_adoption_conflict_kept_or_taken() {
    let ds = base();
    let (_, keep) = plain(
        &ds,
        "kinds_adopters.csv",
        ImportKind::Adoptions,
        ConflictChoice::Keep,
    );
    let out = applied(&ds, &keep);
    assert_eq!(
        out.adoptions[0].status[0].date,
        Some(PartialDate::month(2025, 3))
    );
    assert!(out.conflicts.is_empty());
    assert!(
        keep.conflicts[0].ends_with("kept 2025-03"),
        "{:?}",
        keep.conflicts
    );
    let (_, new) = plain(
        &ds,
        "kinds_adopters.csv",
        ImportKind::Adoptions,
        ConflictChoice::New,
    );
    let out = applied(&ds, &new);
    let step = &out.adoptions[0].status[0];
    assert_eq!(step.date, Some(PartialDate::month(2025, 6)));
    assert!(step.sources.contains(&row(&new, 2)));
    assert!(out.conflicts.is_empty());
    assert_eq!(errors(&out), Vec::<String>::new());
}

#[test]
fn claims_keep_quotes_and_paraphrases_apart_and_cite_their_rows() {
    let ds = base();
    let (_, plan) = plain(
        &ds,
        "kinds_claims.csv",
        ImportKind::Claims,
        ConflictChoice::Both,
    );
    let out = applied(&ds, &plan);
    assert_eq!(errors(&out), Vec::<String>::new());
    let new: Vec<&Claim> = out.claims.iter().collect();
    assert_eq!(new.len(), 4, "{new:#?}");
    let share = new
        .iter()
        .find(|c| c.metric == Metric::DownloadShare)
        .unwrap();
    assert_eq!(
        share.subject,
        Subject::Organization(OrgId::new("acme-labs"))
    );
    assert_eq!(share.value, ClaimValue::Number(12.0));
    assert_eq!(share.unit, Unit::Percent);
    assert_eq!(
        share.quote,
        "\"Our models took 12% of the downloads,\" the lab said"
    );
    assert_eq!(share.paraphrase, "");
    assert_eq!(share.source, Some(row(&plan, 2)));
    assert_eq!(share.when, Some(When::On(PartialDate::month(2025, 6))));
    // The measure by the name the data model uses; a paraphrase stays a paraphrase.
    let monthly = new
        .iter()
        .find(|c| c.metric == Metric::MonthlyDownloads)
        .unwrap();
    assert_eq!(monthly.subject, Subject::Model(ModelId::new("zephyr-7b")));
    assert_eq!(monthly.value, ClaimValue::Number(1_200_000.0));
    assert_eq!(monthly.quote, "");
    assert!(monthly.paraphrase.starts_with("Downloads as the lab's"));
    // A country the dataset's organizations are in; a range.
    let country = new.iter().find(|c| c.metric == Metric::ModelCount).unwrap();
    assert_eq!(country.subject, Subject::Country("France".into()));
    assert_eq!(country.value, ClaimValue::Range(10.0, 20.0));
    assert_eq!(country.source, Some(row(&plan, 4)));
    // A hedged percentage keeps its hedge; a quote column stays a quote.
    let cost = new
        .iter()
        .find(|c| c.metric == Metric::CostReduction)
        .unwrap();
    assert_eq!(cost.qualifier, Qualifier::About);
    assert_eq!(cost.quote, "cut costs by about 30%");
    assert_eq!(cost.paraphrase, "");
    // No record is named "Nobody Inc": skipped, by row.
    assert_eq!(plan.skipped.len(), 1);
    assert_eq!(plan.skipped[0].row, 5);
    assert!(plan.skipped[0].reason.contains("Nobody Inc"));
    // Importing the same file again adds nothing.
    let (_, again) = plain(
        &out,
        "kinds_claims.csv",
        ImportKind::Claims,
        ConflictChoice::Both,
    );
    assert_eq!(again.counts[&RecordKind::Claim].new, 0);
    assert_eq!(again.counts[&RecordKind::Claim].unchanged, 4);
}

#[test]
fn a_long_series_merges_into_the_existing_one_and_a_new_one_cites_its_rows() {
    let ds = base();
    let (_, plan) = plain(
        &ds,
        "kinds_series_long.csv",
        ImportKind::Series,
        ConflictChoice::Both,
    );
    let out = applied(&ds, &plan);
    assert_eq!(errors(&out), Vec::<String>::new());
    assert_eq!(out.series.len(), 2);
    let z = &out.series[0];
    let points: Vec<(String, f64)> = z
        .points
        .iter()
        .map(|p| (p.date.to_string(), p.value))
        .collect();
    // 2025-01 agrees, 2025-02 differs (200 kept, 250 recorded), 2025-03 is new.
    assert_eq!(
        points,
        [
            ("2025-01".to_string(), 100.0),
            ("2025-02".into(), 200.0),
            ("2025-03".into(), 300.0)
        ]
    );
    assert!(z.sources.contains(&row(&plan, 4)));
    let claim = out.claims.iter().find(|c| c.subject == z.subject).unwrap();
    assert_eq!(claim.value, ClaimValue::Number(250.0));
    assert_eq!(claim.when, Some(When::On(PartialDate::month(2025, 2))));
    assert_eq!(claim.source, Some(row(&plan, 3)));
    assert!(
        out.conflicts[0]
            .records
            .contains(&RecordRef::Series(z.id.clone()))
    );
    // The new series: one per subject and metric, its points from rows 5-7.
    let acme = &out.series[1];
    assert_eq!(acme.subject, Subject::Organization(OrgId::new("acme-labs")));
    assert_eq!(acme.metric, Metric::MonthlyDownloads);
    assert_eq!(acme.points.len(), 3);
    assert_eq!(
        acme.sources,
        [Citation::with_detail(plan.source.clone(), "rows 5-7")]
    );
    let c = plan.counts[&RecordKind::Series];
    assert_eq!((c.new, c.updated, c.conflicts), (1, 1, 1));
    assert!(plan.skipped.is_empty());
    // Taking the file's values instead.
    let (_, new) = plain(
        &ds,
        "kinds_series_long.csv",
        ImportKind::Series,
        ConflictChoice::New,
    );
    let out = applied(&ds, &new);
    assert_eq!(out.series[0].points[1].value, 250.0);
    assert!(out.conflicts.is_empty());
    assert!(
        out.series[0]
            .sources
            .contains(&Citation::with_detail(new.source.clone(), "rows 3-4"))
    );
}

#[test]
fn a_wide_history_makes_a_series_per_column_with_absent_cells_left_out() {
    let ds = base();
    let (imp, plan) = import(
        &ds,
        "kinds_leaderboard_wide.csv",
        ImportKind::Series,
        ConflictChoice::Both,
        |m| {
            m.set_wide(true);
            m.metric = "Monthly downloads".into();
            m.absent = vec!["0.0".into()];
        },
    );
    assert!(imp.mapping.column_of(Field::Date).is_some());
    let out = applied(&ds, &plan);
    assert_eq!(errors(&out), Vec::<String>::new());
    // Zephyr-7B: merged (2025-01 agrees, 2025-02 differs, 2025-04 is new; its empty cell absent).
    let z = &out.series[0];
    let dates: Vec<String> = z.points.iter().map(|p| p.date.to_string()).collect();
    assert_eq!(dates, ["2025-01", "2025-02", "2025-04"]);
    assert_eq!(z.points[1].value, 200.0);
    assert!(z.sources.contains(&row(&plan, 5)));
    assert_eq!(plan.counts[&RecordKind::Series].conflicts, 1);
    // The instruct model's column: a new series; "oops" is listed by row and column.
    let instruct = out
        .series
        .iter()
        .find(|s| s.subject == Subject::Model(ModelId::new("zephyr-7b-instruct")))
        .unwrap();
    assert_eq!(instruct.points.len(), 2);
    assert_eq!(
        instruct.sources,
        [Citation::with_detail(plan.source.clone(), "rows 3-4")]
    );
    assert_eq!(plan.problems.len(), 1);
    assert_eq!((plan.problems[0].row, plan.problems[0].column), (5, 3));
    // Acme's 0.0 and 0 cells are absent: one point, from row 4.
    let acme = out
        .series
        .iter()
        .find(|s| s.subject == Subject::Organization(OrgId::new("acme-labs")))
        .unwrap();
    assert_eq!(acme.points.len(), 1);
    assert_eq!(acme.points[0].value, 40.0);
    assert_eq!(
        acme.sources,
        [Citation::with_detail(plan.source.clone(), "row 4")]
    );
    // A column no record is named after is skipped as a whole (its header is row 1).
    assert_eq!(plan.skipped.len(), 1);
    assert_eq!(plan.skipped[0].row, 1);
    assert!(plan.skipped[0].reason.contains("Mystery Model"));
}

#[test]
fn an_import_of_each_kind_is_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("base.ron");
    ai_adoption_explorer::io::save_atomic(&base(), &path).unwrap();
    let mut state = AppState::new(Box::new(ScriptedDialogs::default()), AppSettings::default());
    state.apply(Action::Open(path));
    let before = (*state.doc.dataset).clone();
    assert_eq!(before, base());
    for (file, kind) in [
        ("kinds_adopters.csv", ImportKind::Adoptions),
        ("kinds_claims.csv", ImportKind::Claims),
        ("kinds_series_long.csv", ImportKind::Series),
    ] {
        let (_, plan) = import(&before, file, kind, ConflictChoice::Both, |_| {});
        state.apply(plan.action());
        assert_ne!(*state.doc.dataset, before, "{file}");
        assert!(
            state.history.undo_menu_text().contains(file),
            "{}",
            state.history.undo_menu_text()
        );
        state.apply(Action::Undo);
        assert_eq!(*state.doc.dataset, before, "{file}");
    }
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_ai-adoption-explorer"))
        .args(args)
        .output()
        .unwrap();
    common::outcome(out)
}

fn fixture(name: &str) -> String {
    Path::new(FIXTURES).join(name).display().to_string()
}

#[test]
fn the_command_line_imports_each_kind_with_its_exit_code_and_the_result_checks() {
    let dir = tempfile::tempdir().unwrap();
    let base_path = dir.path().join("base.ron");
    ai_adoption_explorer::io::save_atomic(&base(), &base_path).unwrap();
    let into = base_path.to_str().unwrap();
    let out_path: PathBuf = dir.path().join("out.ron");
    let out = out_path.to_str().unwrap();
    let import_cli = |file: &str, rest: &[&str]| {
        let file = fixture(file);
        let mut args = vec!["import", &file, "--into", into, "--out", out];
        args.extend_from_slice(rest);
        run(&args)
    };
    // Rows skipped: exit 1, each listed as FILE:ROW.
    let (code, stdout, err) = import_cli(
        "kinds_adopters.csv",
        &["--kind", "adoptions", "--map", "Model=target"],
    );
    assert_eq!(code, 1, "{err}");
    assert!(stdout.contains("adoptions: 2 new, 1 updated"), "{stdout}");
    assert!(err.contains("kinds_adopters.csv:5: skipped:"), "{err}");
    assert!(err.contains("conflict: "), "{err}");
    assert_eq!(run(&["check", out]).0, 0);
    // A clean long series: exit 0, and the result checks.
    let (code, stdout, err) = import_cli("kinds_series_long.csv", &["--kind", "series"]);
    assert_eq!(code, 0, "{err}");
    assert!(stdout.contains("series: 1 new, 1 updated"), "{stdout}");
    let (code, _, err) = run(&["check", out]);
    assert_eq!(code, 0, "{err}");
    // Wide form with absent cells: a cell that is not a number is a problem (exit 1).
    let (code, stdout, err) = import_cli(
        "kinds_leaderboard_wide.csv",
        &[
            "--kind",
            "series",
            "--wide",
            "--metric",
            "Monthly downloads",
            "--absent",
            "0.0",
            "--absent",
            "",
        ],
    );
    assert_eq!(code, 1, "{err}");
    assert!(stdout.contains("series: 2 new, 1 updated"), "{stdout}");
    assert!(
        err.contains("kinds_leaderboard_wide.csv:5:3: Zephyr-7B-Instruct:"),
        "{err}"
    );
    assert_eq!(run(&["check", out]).0, 0);
    // Claims, dry run: nothing written.
    let dry = dir.path().join("dry.ron");
    let (code, stdout, _) = run(&[
        "import",
        &fixture("kinds_claims.csv"),
        "--into",
        into,
        "--out",
        dry.to_str().unwrap(),
        "--kind",
        "claims",
        "--dry-run",
    ]);
    assert_eq!(code, 1);
    assert!(stdout.contains("claims: 4 new"), "{stdout}");
    assert!(!dry.exists());
    // Unusable: series without a measure, or wide organizations (exit 2).
    let (code, _, err) = import_cli(
        "kinds_leaderboard_wide.csv",
        &["--kind", "series", "--wide"],
    );
    assert_eq!(code, 2);
    assert!(err.contains("--metric"), "{err}");
    let (code, _, err) = import_cli("kinds_adopters.csv", &["--kind", "organizations", "--wide"]);
    assert_eq!(code, 2);
    assert!(err.contains("wide form"), "{err}");
    // Could not write: exit 3.
    let (code, _, _) = run(&[
        "import",
        &fixture("kinds_series_long.csv"),
        "--into",
        into,
        "--out",
        dir.path().join("no/such/dir/out.ron").to_str().unwrap(),
        "--kind",
        "series",
    ]);
    assert_eq!(code, 3);
}

#[test]
fn the_fields_of_the_new_kinds_are_listed() {
    for (kind, field) in [
        ("adoptions", "target\t"),
        ("claims", "paraphrase\t"),
        ("series", "unit\t"),
    ] {
        let (code, out, _) = run(&["import", "--list-fields", kind]);
        assert_eq!(code, 0);
        assert!(out.lines().any(|l| l.starts_with(field)), "{kind}: {out}");
    }
}

proptest::proptest! {
    /// Any range written low-high (with a hyphen, an en dash or "to") reads back as that range.
    #[test]
    fn ranges_read_back(lo in 0u32..1_000_000, span in 0u32..1_000_000, sep in 0usize..3) {
        let hi = lo + span;
        let text = format!("{lo}{}{hi}", ["-", "–", " to "][sep]);
        let read = parse_value(&text).unwrap();
        proptest::prop_assert!(
            matches!(read, Value::Range(a, b) if a.value == lo as f64 && b.value == hi as f64),
            "{text}: {read:?}"
        );
    }

    /// A measure's label and its name in the data format both read back as the measure, in any
    /// case; other words are kept as a measure of their own.
    #[test]
    fn measures_read_back(i in 0usize..16, upper in proptest::bool::ANY, words in "[a-z]{3,12} [a-z]{3,12}") {
        let m = Metric::ALL[i].clone();
        let label = if upper { m.label().to_uppercase() } else { m.label() };
        proptest::prop_assert_eq!(parse_metric(&label), Some(m.clone()));
        proptest::prop_assert_eq!(parse_metric(&format!("{m:?}")), Some(m));
        let known = Metric::ALL.iter().any(|k| {
            let fold = |t: &str| t.chars().filter(|c| c.is_alphanumeric()).collect::<String>().to_lowercase();
            fold(&k.label()) == fold(&words) || fold(&format!("{k:?}")) == fold(&words)
        });
        if !known {
            proptest::prop_assert_eq!(parse_metric(&words), Some(Metric::Other(words.clone())));
        }
    }
}

#[test]
fn new_only_leaves_existing_series_and_adoptions_alone() {
    let ds = base();
    for (file, kind) in [
        ("kinds_series_long.csv", ImportKind::Series),
        ("kinds_adopters.csv", ImportKind::Adoptions),
    ] {
        let table = read_file(&Path::new(FIXTURES).join(file), &ReadOptions::default()).unwrap();
        let m = mapping(kind, &table, false, "");
        let mut s = settings(ConflictChoice::Both);
        s.new_only = true;
        let plan = Import::new(&ds, table, m, s).unwrap().plan(&ds);
        let out = applied(&ds, &plan);
        assert_eq!(out.series[0], ds.series[0], "{file}");
        assert_eq!(out.adoptions[0], ds.adoptions[0], "{file}");
        assert!(out.conflicts.is_empty(), "{file}");
        assert_eq!(errors(&out), Vec::<String>::new());
    }
    let table = read_file(
        &Path::new(FIXTURES).join("kinds_series_long.csv"),
        &ReadOptions::default(),
    )
    .unwrap();
    let m = mapping(ImportKind::Series, &table, false, "");
    let mut s = settings(ConflictChoice::Both);
    s.new_only = true;
    let plan = Import::new(&ds, table, m, s).unwrap().plan(&ds);
    let rows: Vec<u32> = plan.skipped.iter().map(|s| s.row).collect();
    assert_eq!(rows, [2, 3, 4]);
    assert_eq!(plan.counts[&RecordKind::Series].new, 1);
    assert_eq!(plan.counts[&RecordKind::Series].skipped, 3);
}
