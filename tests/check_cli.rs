//! The real binary's `check` command: exit codes 0 (valid), 1 (invalid data), 2 (unreadable),
//! problems on stdout one a line as `FILE: <kind> <id>: <field>: message`, read errors as
//! `FILE:LINE:COL: message`.

use std::path::Path;
use std::process::Command;

use ai_adoption_explorer::io::{load_path, to_ron_string};
use ai_adoption_explorer::model::*;

const BIN: &str = env!("CARGO_BIN_EXE_ai-adoption-explorer");

/// Exit code, stdout and stderr of the binary run with `args` in `dir`.
fn run_in(dir: Option<&Path>, args: &[&std::ffi::OsStr]) -> (i32, String, String) {
    let mut cmd = Command::new(BIN);
    cmd.args(args);
    if let Some(dir) = dir {
        cmd.current_dir(dir);
    }
    let out = cmd.output().unwrap();
    (
        out.status
            .code()
            .expect("the binary was killed by a signal"),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn check(path: &Path) -> (i32, String, String) {
    run_in(None, &["check".as_ref(), path.as_os_str()])
}

fn run(args: &[&str]) -> (i32, String, String) {
    let args: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_ref()).collect();
    run_in(None, &args)
}

/// Writes `bytes` to a file named `name` in a new temporary folder.
fn file_with(name: &str, bytes: impl AsRef<[u8]>) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    (dir, path)
}

fn d(text: &str) -> PartialDate {
    PartialDate::parse(text).unwrap()
}

fn src(id: &str) -> SourceId {
    SourceId::new(id)
}

/// A small valid dataset with every record kind, every reference kind and non-ASCII text.
fn sample() -> Dataset {
    Dataset {
        format_version: FORMAT_VERSION,
        meta: Meta {
            title: "Sample «AI» adoption — 样本".into(),
            description: "Line one\nline \"two\" with \\ and )\"#".into(),
            date: Some(d("2025-06-30")),
            credits: vec!["Epoch AI, CC BY 4.0".into()],
        },
        sources: vec![
            Source {
                id: src("s1"),
                title: "Model card".into(),
                publisher: "Lab".into(),
                author: "Ada".into(),
                date: Some(d("2024-03")),
                locator: "https://example.org/card".into(),
                kind: SourceKind::Primary,
                via: None,
                notes: String::new(),
            },
            Source {
                id: src("s2"),
                title: "Press report".into(),
                publisher: "新闻".into(),
                author: String::new(),
                date: Some(d("2024-06-15")),
                locator: String::new(),
                kind: SourceKind::Press,
                via: Some(src("s1")),
                notes: "reprint".into(),
            },
            Source {
                id: src("s3"),
                title: String::new(),
                publisher: String::new(),
                author: String::new(),
                date: None,
                locator: "repo/file.csv".into(),
                kind: SourceKind::Dataset,
                via: None,
                notes: String::new(),
            },
        ],
        organizations: vec![
            Organization {
                id: OrgId::new("acme"),
                name: "Acme".into(),
                native_name: "アクメ".into(),
                country: "Japan".into(),
                kind: OrgKind::Company,
                sector: "Retail".into(),
                headquarters: "Tokyo".into(),
                founded: Some(d("2001")),
                notes: String::new(),
                sources: vec![src("s1")],
            },
            Organization {
                id: OrgId::new("lab"),
                name: "Lab".into(),
                native_name: "阿里巴巴".into(),
                country: "China".into(),
                kind: OrgKind::AiLab,
                sector: String::new(),
                headquarters: String::new(),
                founded: None,
                notes: String::new(),
                sources: vec![src("s1"), src("s3")],
            },
        ],
        people: vec![Person {
            id: PersonId::new("ada"),
            name: "Ada".into(),
            native_name: "أدا".into(),
            notes: String::new(),
            sources: vec![src("s2")],
        }],
        roles: vec![Role {
            id: RoleId::new("ada-cto"),
            person: PersonId::new("ada"),
            organization: OrgId::new("acme"),
            title: "CTO".into(),
            since: Some(d("2020")),
            until: Some(d("2023-05")),
            notes: String::new(),
            sources: vec![src("s2")],
        }],
        families: vec![ModelFamily {
            id: FamilyId::new("fam"),
            name: "Fam".into(),
            developer: OrgId::new("lab"),
            notes: String::new(),
            sources: vec![src("s1")],
        }],
        models: vec![
            Model {
                id: ModelId::new("fam-7b"),
                name: "Fam 7B".into(),
                family: Some(FamilyId::new("fam")),
                developer: OrgId::new("lab"),
                release_date: Some(d("2024-03-01")),
                openness: Some(Openness::OpenWeightsUnrestricted),
                license: "Apache-2.0".into(),
                total_params_b: Some(7.0),
                active_params_b: Some(7.0),
                architecture: Some(Architecture::Dense),
                context_k_tokens: Some(128.0),
                notes: String::new(),
                sources: vec![src("s1")],
            },
            Model {
                id: ModelId::new("fam-moe"),
                name: "Fam MoE".into(),
                family: Some(FamilyId::new("fam")),
                developer: OrgId::new("lab"),
                release_date: Some(d("2024-04")),
                openness: Some(Openness::ApiAccess),
                license: String::new(),
                total_params_b: Some(235.0),
                active_params_b: Some(22.0),
                architecture: Some(Architecture::MixtureOfExperts),
                context_k_tokens: None,
                notes: String::new(),
                sources: vec![src("s1")],
            },
        ],
        adoptions: vec![
            Adoption {
                id: AdoptionId::new("acme-fam-7b"),
                organization: OrgId::new("acme"),
                target: AdoptionTarget::Model(ModelId::new("fam-7b")),
                use_cases: vec!["customer service".into()],
                status: vec![
                    StatusEntry {
                        status: AdoptionStatus::Evaluating,
                        date: Some(d("2024-01")),
                        notes: String::new(),
                        sources: vec![],
                    },
                    StatusEntry {
                        status: AdoptionStatus::Production,
                        date: Some(d("2024-06-15")),
                        notes: String::new(),
                        sources: vec![src("s2")],
                    },
                ],
                notes: String::new(),
                sources: vec![src("s2")],
            },
            Adoption {
                id: AdoptionId::new("acme-fam"),
                organization: OrgId::new("acme"),
                target: AdoptionTarget::Family(FamilyId::new("fam")),
                use_cases: vec![],
                status: vec![],
                notes: String::new(),
                sources: vec![src("s3")],
            },
        ],
        claims: vec![
            Claim {
                id: ClaimId::new("c-cost"),
                subject: Subject::Organization(OrgId::new("acme")),
                metric: Metric::CostReduction,
                value: ClaimValue::Number(30.0),
                unit: Unit::Percent,
                qualifier: Qualifier::UpTo,
                baseline: "GPT-4".into(),
                scope: String::new(),
                when: Some(When::On(d("2024-06"))),
                said_by: Some(Speaker::Person(PersonId::new("ada"))),
                source: src("s2"),
                quote: "costs fell by up to 30%".into(),
                notes: String::new(),
            },
            Claim {
                id: ClaimId::new("c-downloads"),
                subject: Subject::Model(ModelId::new("fam-7b")),
                metric: Metric::CumulativeDownloads,
                value: ClaimValue::Range(10.0, 20.0),
                unit: Unit::Count,
                qualifier: Qualifier::About,
                baseline: String::new(),
                scope: "Hugging Face".into(),
                when: Some(When::Between(d("2024-01"), d("2024-12"))),
                said_by: Some(Speaker::Organization(OrgId::new("lab"))),
                source: src("s1"),
                quote: "10 to 20 downloads".into(),
                notes: String::new(),
            },
            Claim {
                id: ClaimId::new("c-date"),
                subject: Subject::Family(FamilyId::new("fam")),
                metric: Metric::Date,
                value: ClaimValue::Date(d("2024-03-01")),
                unit: Unit::None,
                qualifier: Qualifier::Exact,
                baseline: String::new(),
                scope: String::new(),
                when: Some(When::By(d("2024-03"))),
                said_by: None,
                source: src("s1"),
                quote: "released on 1 March".into(),
                notes: String::new(),
            },
            Claim {
                id: ClaimId::new("c-text"),
                subject: Subject::Adoption(AdoptionId::new("acme-fam-7b")),
                metric: Metric::Other("satisfaction".into()),
                value: ClaimValue::Text("very happy".into()),
                unit: Unit::Other("stars".into()),
                qualifier: Qualifier::Exact,
                baseline: String::new(),
                scope: String::new(),
                when: None,
                said_by: None,
                source: src("s2"),
                quote: "«very happy»".into(),
                notes: String::new(),
            },
            Claim {
                id: ClaimId::new("c-country"),
                subject: Subject::Country("China".into()),
                metric: Metric::DownloadShare,
                value: ClaimValue::Number(2.6),
                unit: Unit::Times,
                qualifier: Qualifier::MoreThan,
                baseline: String::new(),
                scope: String::new(),
                when: None,
                said_by: None,
                source: src("s3"),
                quote: "2.6 times".into(),
                notes: String::new(),
            },
        ],
        conflicts: vec![Conflict {
            id: ConflictId::new("k1"),
            kind: ConflictKind::DifferentMeasure,
            records: vec![
                RecordRef::Claim(ClaimId::new("c-cost")),
                RecordRef::Claim(ClaimId::new("c-downloads")),
            ],
            description: "different measures".into(),
        }],
        series: vec![Series {
            id: SeriesId::new("share"),
            name: "Share".into(),
            subject: Subject::Country("China".into()),
            metric: Metric::DownloadShare,
            unit: Unit::Percent,
            points: vec![
                SeriesPoint {
                    date: d("2024-01"),
                    value: 10.0,
                },
                SeriesPoint {
                    date: d("2024-02"),
                    value: 17.5,
                },
            ],
            notes: String::new(),
            sources: vec![src("s3")],
        }],
        events: vec![Event {
            id: EventId::new("release"),
            date: Some(d("2024-03-01")),
            kind: EventKind::Release,
            title: "Fam 7B released".into(),
            description: String::new(),
            related: vec![
                RecordRef::Model(ModelId::new("fam-7b")),
                RecordRef::Organization(OrgId::new("lab")),
            ],
            sources: vec![src("s1")],
        }],
    }
}

/// Asserts a failed read: exit 2, one line on stdout `FILE...: message` containing `words`.
fn assert_unreadable(path: &Path, words: &str) -> String {
    let (code, out, err) = check(path);
    assert_eq!(code, 2, "stdout: {out}\nstderr: {err}");
    let file = path.display().to_string();
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.ends_with('\n'), "{out:?}");
    assert!(out.starts_with(&file), "`{out}` should start with `{file}`");
    assert!(out.contains(words), "`{out}` should contain `{words}`");
    assert!(err.starts_with(&file), "{err}");
    out
}

#[test]
fn valid_file_exits_0_and_prints_nothing_on_stdout() {
    let (_dir, path) = file_with("data.ron", to_ron_string(&sample()).unwrap());
    let (code, out, err) = check(&path);
    assert_eq!(code, 0, "stdout: {out}\nstderr: {err}");
    assert_eq!(out, "");
    assert!(err.contains("valid"), "{err}");
}

#[test]
fn invalid_data_exits_1_and_prints_each_problem_on_its_own_line() {
    let mut ds = sample();
    let mut twin = ds.organizations[0].clone();
    twin.name = "Acme again".into();
    ds.organizations.push(twin);
    ds.models[0].developer = OrgId::new("nobody");
    ds.claims[0].source = SourceId::new("gone");
    let (_dir, path) = file_with("bad data.ron", to_ron_string(&ds).unwrap());
    let file = path.display().to_string();

    let (code, out, err) = check(&path);
    assert_eq!(code, 1, "stdout: {out}\nstderr: {err}");
    let lines: Vec<&str> = out.lines().collect();
    let want = [
        format!("{file}: organization acme: id: duplicate id"),
        format!("{file}: model fam-7b: developer: refers to organization `nobody`"),
        format!("{file}: claim c-cost: source: refers to source `gone`"),
    ];
    assert_eq!(lines.len(), want.len(), "{out}");
    for (line, prefix) in lines.iter().zip(&want) {
        assert!(
            line.starts_with(prefix.as_str()),
            "`{line}` should start with `{prefix}`"
        );
    }
    // The lines are the problems the library finds, in the same order.
    let problems = load_path(&path).unwrap().problems;
    let from_lib: Vec<String> = problems.iter().map(|p| format!("{file}: {p}")).collect();
    assert_eq!(lines, from_lib);
    assert!(err.contains("3 problems"), "{err}");
}

#[test]
fn impossible_date_exits_1() {
    let mut ds = sample();
    ds.events[0].date = Some(PartialDate::day(2025, 2, 29));
    let (_dir, path) = file_with("data.ron", to_ron_string(&ds).unwrap());
    let (code, out, _err) = check(&path);
    assert_eq!(code, 1);
    let want = format!("{}: event release: date: impossible date", path.display());
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.starts_with(&want), "`{out}` should start with `{want}`");
}

#[test]
fn syntax_error_exits_2_and_prints_file_line_col() {
    let text = to_ron_string(&sample())
        .unwrap()
        .replacen("kind: Company,", "kind: Compny,", 1);
    let before = &text[..text.find("Compny").unwrap()];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap().chars().count() + 1;
    let (_dir, path) = file_with("data.ron", &text);
    let out = assert_unreadable(&path, "Compny");
    let prefix = format!("{}:{line}:{col}: ", path.display());
    assert!(
        out.starts_with(&prefix),
        "`{out}` should start with `{prefix}`"
    );
}

#[test]
fn unknown_field_exits_2() {
    let text = to_ron_string(&sample()).unwrap().replacen(
        "kind: Company,",
        "kind: Company,\n            colour: \"red\",",
        1,
    );
    let (_dir, path) = file_with("data.ron", text);
    let out = assert_unreadable(&path, "unknown field `colour`");
    assert!(out.starts_with(&format!("{}:", path.display())), "{out}");
}

#[test]
fn newer_format_version_exits_2() {
    let text =
        to_ron_string(&sample())
            .unwrap()
            .replacen("format_version: 1", "format_version: 2", 1);
    let (_dir, path) = file_with("data.ron", text);
    assert_unreadable(&path, "newer version");
}

#[test]
fn missing_file_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nowhere.ron");
    assert_unreadable(&path, "no such file");
}

#[test]
fn empty_binary_and_folder_exit_2() {
    let (_d1, empty) = file_with("empty.ron", b"");
    assert_unreadable(&empty, "empty");
    let (_d2, binary) = file_with("image.ron", b"\x89PNG\r\n\x1a\n\0\0");
    assert_unreadable(&binary, "not UTF-8");
    let dir = tempfile::tempdir().unwrap();
    assert_unreadable(dir.path(), "folder");
}

#[test]
fn file_name_is_printed_as_given() {
    let (dir, _path) = file_with("données 中文.ron", b"Dataset(format_version: 1, colour: 1)");
    let (code, out, _err) = run_in(
        Some(dir.path()),
        &["check".as_ref(), "données 中文.ron".as_ref()],
    );
    assert_eq!(code, 2);
    assert!(
        out.starts_with("données 中文.ron:1:28: unknown field `colour`"),
        "{out}"
    );
}

#[test]
fn help_and_version_exit_0() {
    let (code, out, _) = run(&["--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("ai-adoption-explorer"), "{out}");
    assert!(out.contains("check"), "{out}");
    let (code, out, _) = run(&["check", "--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("FILE"), "{out}");
    let (code, out, _) = run(&["--version"]);
    assert_eq!(code, 0);
    assert_eq!(
        out.trim(),
        format!("ai-adoption-explorer {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn check_without_a_file_is_a_usage_error() {
    let (code, out, err) = run(&["check"]);
    assert_eq!(code, 2);
    assert_eq!(out, "");
    assert!(err.contains("Usage"), "{err}");
}

#[test]
fn built_in_data_passes_check() {
    let path = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/data.ron"));
    let (code, out, err) = check(path);
    assert_eq!(out, "", "problems in the built-in data.ron");
    assert_eq!(code, 0, "stderr: {err}");
}
