//! Values every row gets (`--set FIELD=TEXT`, [`Mapping::fixed`]): constants and `{COLUMN}`
//! templates, a placeholder naming no column refused (exit 2 on the command line), a claim's
//! rolling period (`period_days` with the date: `When::Trailing`) and scope, the same figure
//! from the same file never doubled (whatever its words), and another value for the same
//! figure handled as `--on-conflict` says. The dataset and files are made here.

use std::path::Path;
use std::process::Command;

use ai_adoption_explorer::import::*;
use ai_adoption_explorer::model::*;

mod common;

const SNAP: &str = "snap";

/// One lab, two models, and one hand-made downloads claim from the snapshot file.
fn base() -> Dataset {
    let cite = || vec![Citation::new(SNAP)];
    let model = |id: &str, name: &str| Model {
        sources: cite(),
        ..Model::new(ModelId::new(id), name.into(), OrgId::new("acme-labs"))
    };
    Dataset {
        sources: vec![Source {
            id: SourceId::new(SNAP),
            title: "Snapshot".into(),
            publisher: "Test".into(),
            author: String::new(),
            date: Some(PartialDate::day(2026, 3, 1)),
            locator: "repos.csv".into(),
            kind: SourceKind::Dataset,
            via: None,
            notes: String::new(),
        }],
        organizations: vec![Organization {
            id: OrgId::new("acme-labs"),
            name: "Acme Labs".into(),
            native_name: String::new(),
            country: "France".into(),
            kind: OrgKind::Company,
            sector: String::new(),
            headquarters: String::new(),
            founded: None,
            notes: String::new(),
            sources: cite(),
        }],
        models: vec![
            model("zephyr-7b", "Zephyr-7B"),
            model("zephyr-7b-instruct", "Zephyr-7B-Instruct"),
        ],
        claims: vec![Claim {
            id: ClaimId::new("hand-made"),
            subject: Subject::Model(ModelId::new("zephyr-7b-instruct")),
            metric: Metric::PeriodDownloads,
            value: ClaimValue::Number(300.0),
            unit: Unit::Count,
            qualifier: Qualifier::Exact,
            baseline: String::new(),
            scope: "Hugging Face repo acme/Zephyr-7B-Instruct, 30 days".into(),
            when: Some(period()),
            said_by: None,
            source: Some(Citation::with_detail(SNAP, "row 4")),
            quote: String::new(),
            paraphrase: "Written by hand, in other words".into(),
            notes: String::new(),
        }],
        ..Dataset::default()
    }
}

fn period() -> When {
    When::Trailing(30, PartialDate::day(2026, 3, 1))
}

/// The snapshot: two repositories of one name under two accounts, and the hand-made one's.
fn repos(instruct: u32) -> String {
    format!(
        "repo,downloads\nacme/Zephyr-7B,1000\nmirror/Zephyr-7B,20\nacme/Zephyr-7B-Instruct,{instruct}\n"
    )
}

fn table(text: &str) -> Table {
    read_bytes(
        "repos.csv",
        "repos.csv",
        text.as_bytes(),
        false,
        &ReadOptions::default(),
    )
    .unwrap()
}

/// The build's mapping: repo → subject, downloads → value, the rest set for every row.
fn mapping(t: &Table) -> Mapping {
    let mut m = Mapping::new(ImportKind::Claims);
    m.set("repo", Target::Field(Field::Subject));
    m.set("downloads", Target::Field(Field::Value));
    for (f, text) in [
        (Field::Metric, "PeriodDownloads"),
        (Field::Unit, "count"),
        (Field::Date, "2026-03-01"),
        (Field::PeriodDays, "30"),
        (Field::Scope, "Hugging Face repo {repo}, 30 days"),
        (
            Field::Paraphrase,
            "{repo} had {downloads:,} downloads in 30 days",
        ),
    ] {
        m.fixed.insert(f, text.into());
    }
    assert_eq!(m.check(t), Vec::<String>::new());
    m
}

fn settings(on_conflict: ConflictChoice) -> Settings {
    Settings {
        source: SourceInfo {
            title: "Snapshot".into(),
            locator: "repos.csv".into(),
            ..Default::default()
        },
        on_conflict,
        accept_best: None,
        new_only: false,
    }
}

fn plan(ds: &Dataset, text: &str, on_conflict: ConflictChoice) -> Plan {
    let t = table(text);
    let m = mapping(&t);
    Import::new(ds, t, m, settings(on_conflict))
        .unwrap()
        .plan(ds)
}

fn applied(ds: &Dataset, plan: &Plan) -> Dataset {
    let mut out = ds.clone();
    ai_adoption_explorer::app::edit::apply_all(&mut out, plan.edits.clone()).unwrap();
    let errors: Vec<String> = validate(&out)
        .into_iter()
        .filter(|p| p.is_error())
        .map(|p| format!("{p:?}"))
        .collect();
    assert_eq!(errors, Vec::<String>::new());
    out
}

fn scoped<'a>(ds: &'a Dataset, repo: &str) -> Vec<&'a Claim> {
    let scope = format!("Hugging Face repo {repo}, 30 days");
    ds.claims.iter().filter(|c| c.scope == scope).collect()
}

#[test]
fn set_values_fill_every_row_and_templates_take_the_rows_cells() {
    let ds = base();
    let p = plan(&ds, &repos(300), ConflictChoice::Both);
    assert_eq!(p.problems, Vec::new());
    assert_eq!(p.skipped, Vec::new());
    let claims = p.counts[&RecordKind::Claim];
    assert_eq!((claims.new, claims.unchanged), (2, 1), "{claims:?}");
    let out = applied(&ds, &p);
    let acme = scoped(&out, "acme/Zephyr-7B");
    assert_eq!(acme.len(), 1);
    let c = acme[0];
    assert_eq!(c.subject, Subject::Model(ModelId::new("zephyr-7b")));
    assert_eq!(c.metric, Metric::PeriodDownloads);
    assert_eq!(c.value, ClaimValue::Number(1000.0));
    assert_eq!(c.unit, Unit::Count);
    assert_eq!(c.when, Some(period()));
    assert_eq!(
        c.paraphrase,
        "acme/Zephyr-7B had 1,000 downloads in 30 days"
    );
    assert_eq!(
        c.source,
        Some(Citation::with_detail(p.source.clone(), "row 2"))
    );
    // The same name under another account: the same model, told apart by the scope.
    let mirror = scoped(&out, "mirror/Zephyr-7B");
    assert_eq!(mirror.len(), 1);
    assert_eq!(mirror[0].subject, c.subject);
    assert_eq!(mirror[0].value, ClaimValue::Number(20.0));
    assert_ne!(mirror[0].id, c.id);
    // The hand-made claim stands for its row: not doubled, its words kept.
    let hand = scoped(&out, "acme/Zephyr-7B-Instruct");
    assert_eq!(hand.len(), 1);
    assert_eq!(hand[0].id.as_str(), "hand-made");
    assert_eq!(hand[0].paraphrase, "Written by hand, in other words");
    // Importing again adds nothing.
    let again = plan(&out, &repos(300), ConflictChoice::Both);
    let claims = again.counts[&RecordKind::Claim];
    assert_eq!((claims.new, claims.unchanged), (0, 3), "{claims:?}");
}

#[test]
fn the_same_figure_about_another_record_of_the_same_thing_is_not_doubled() {
    // The hand-made claim is about another record (a model added twice under two names): the
    // same scope, measure, period and value from the same file is the same figure.
    let mut ds = base();
    ds.claims[0].subject = Subject::Model(ModelId::new("zephyr-7b"));
    let p = plan(&ds, &repos(300), ConflictChoice::Both);
    let claims = p.counts[&RecordKind::Claim];
    assert_eq!((claims.new, claims.unchanged), (2, 1), "{claims:?}");
    let out = applied(&ds, &p);
    assert_eq!(scoped(&out, "acme/Zephyr-7B-Instruct").len(), 1);
    // From another file it is not the same figure: a claim of its own.
    ds.claims[0].source = Some(Citation::new("other-file"));
    ds.sources.push(Source {
        id: SourceId::new("other-file"),
        title: "Another file".into(),
        ..ds.sources[0].clone()
    });
    let p = plan(&ds, &repos(300), ConflictChoice::Both);
    assert_eq!(p.counts[&RecordKind::Claim].new, 3);
}

#[test]
fn another_value_for_the_same_figure_is_a_conflict_each_way() {
    let ds = base();
    // Both: a second claim, linked to the first as a conflict.
    let both = plan(&ds, &repos(301), ConflictChoice::Both);
    let out = applied(&ds, &both);
    let hand = scoped(&out, "acme/Zephyr-7B-Instruct");
    assert_eq!(hand.len(), 2);
    assert_eq!(both.counts[&RecordKind::Conflict].new, 1);
    assert_eq!(out.conflicts.len(), 1);
    assert!(
        out.conflicts[0]
            .records
            .contains(&RecordRef::Claim(ClaimId::new("hand-made")))
    );
    assert_eq!(both.conflicts.len(), 1, "{:?}", both.conflicts);
    assert!(both.conflicts[0].contains("300") && both.conflicts[0].contains("301"));
    // Keep: the dataset's value stays, alone.
    let keep = plan(&ds, &repos(301), ConflictChoice::Keep);
    let out = applied(&ds, &keep);
    let hand = scoped(&out, "acme/Zephyr-7B-Instruct");
    assert_eq!(hand.len(), 1);
    assert_eq!(hand[0].value, ClaimValue::Number(300.0));
    assert!(out.conflicts.is_empty());
    // New: the file's value replaces it, citing the row.
    let new = plan(&ds, &repos(301), ConflictChoice::New);
    let out = applied(&ds, &new);
    let hand = scoped(&out, "acme/Zephyr-7B-Instruct");
    assert_eq!(hand.len(), 1);
    assert_eq!(hand[0].value, ClaimValue::Number(301.0));
    assert_eq!(
        hand[0].source,
        Some(Citation::with_detail(new.source.clone(), "row 4"))
    );
    assert_eq!(new.counts[&RecordKind::Claim].updated, 1);
}

#[test]
fn a_date_alone_is_a_day_and_a_period_needs_a_date() {
    let ds = base();
    let t = table(&repos(300));
    let mut m = mapping(&t);
    m.fixed.remove(&Field::PeriodDays);
    m.fixed
        .insert(Field::Scope, "Hugging Face repo {repo}".into());
    let p = Import::new(&ds, t.clone(), m, settings(ConflictChoice::Both))
        .unwrap()
        .plan(&ds);
    let out = applied(&ds, &p);
    let c = &out.claims[out.claims.len() - 1];
    assert_eq!(c.when, Some(When::On(PartialDate::day(2026, 3, 1))));
    // A period without a date, a value that does not parse, a field of another kind, a
    // placeholder naming no column: the mapping is refused, each said.
    let mut m = mapping(&t);
    m.fixed.remove(&Field::Date);
    assert!(
        m.check(&t).iter().any(|w| w.contains("period_days")),
        "{:?}",
        m.check(&t)
    );
    let mut m = mapping(&t);
    m.fixed.insert(Field::Date, "soon".into());
    assert!(m.check(&t).iter().any(|w| w.contains("--set date")));
    let mut m = mapping(&t);
    m.fixed.insert(Field::Developer, "Acme".into());
    assert!(m.check(&t).iter().any(|w| w.contains("--set developer")));
    let mut m = mapping(&t);
    m.fixed.insert(Field::Paraphrase, "{repository} had".into());
    let wrong = m.check(&t);
    assert!(
        wrong
            .iter()
            .any(|w| w.contains("{repository}") && w.contains("repo, downloads")),
        "{wrong:?}"
    );
    // A period that is not a whole number of days skips the row, saying why.
    let mut m = mapping(&t);
    m.fixed.insert(Field::PeriodDays, "2.5".into());
    let p = Import::new(&ds, t.clone(), m, settings(ConflictChoice::Both))
        .unwrap()
        .plan(&ds);
    assert_eq!(p.skipped.len(), 3);
    assert!(p.skipped[0].reason.contains("whole number of days"));
}

#[test]
fn a_saved_mapping_keeps_its_set_values_and_old_ones_still_load() {
    let t = table(&repos(300));
    let m = mapping(&t);
    assert_eq!(Mapping::from_ron(&m.to_ron()).unwrap(), m);
    let old = "(kind: Claims, columns: [], metric: \"Monthly downloads\")";
    assert!(Mapping::from_ron(old).unwrap().fixed.is_empty());
}

fn run(dir: &Path, rest: &[&str]) -> (i32, String, String) {
    let file = dir.join("repos.csv");
    std::fs::write(&file, repos(300)).unwrap();
    let into = dir.join("base.ron");
    ai_adoption_explorer::io::save_atomic(&base(), &into).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_ai-adoption-explorer"))
        .arg("import")
        .arg(&file)
        .arg("--into")
        .arg(&into)
        .arg("--out")
        .arg(dir.join("out.ron"))
        .args([
            "--kind",
            "claims",
            "--source-title",
            "Snapshot",
            "--map",
            "repo=subject",
            "--map",
            "downloads=value",
        ])
        .args(rest)
        .output()
        .unwrap();
    common::outcome(out)
}

#[test]
fn the_command_line_sets_values_and_refuses_a_placeholder_naming_no_column() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) = run(
        dir.path(),
        &[
            "--set",
            "metric=PeriodDownloads",
            "--set",
            "date=2026-03-01",
            "--set",
            "period_days=30",
            "--set",
            "scope=Hugging Face repo {repo}, 30 days",
            "--set",
            "paraphrase={repo} had {downloads} downloads",
        ],
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("claims: 2 new, 0 updated, 1 unchanged"),
        "{out}"
    );
    let ds = ai_adoption_explorer::io::load_path(&dir.path().join("out.ron"))
        .unwrap()
        .dataset;
    let c = scoped(&ds, "mirror/Zephyr-7B");
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].when, Some(period()));
    assert_eq!(c[0].paraphrase, "mirror/Zephyr-7B had 20 downloads");
    // A constant: one paraphrase for every row.
    let (code, _, err) = run(
        dir.path(),
        &[
            "--metric",
            "Downloads in period",
            "--set",
            "paraphrase=Downloads",
        ],
    );
    assert_eq!(code, 0, "{err}");
    // A placeholder naming no column: exit 2, saying which and what the columns are.
    let (code, _, err) = run(
        dir.path(),
        &[
            "--metric",
            "PeriodDownloads",
            "--set",
            "paraphrase={name} had",
        ],
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("--set paraphrase")
            && err.contains("{name}")
            && err.contains("repo, downloads"),
        "{err}"
    );
    // Not a field, or no `=`: exit 2.
    let (code, _, err) = run(
        dir.path(),
        &["--metric", "PeriodDownloads", "--set", "likes=3"],
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("`likes` is not a field"), "{err}");
    let (code, _, err) = run(
        dir.path(),
        &["--metric", "PeriodDownloads", "--set", "paraphrase"],
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("FIELD=TEXT"), "{err}");
}
