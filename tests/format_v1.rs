//! Format version 1 files read unchanged under format 2: a copy of `data.ron` as it was in
//! format 1 (`tests/fixtures/data_v1.ron`) and small hand-written v1 snippets load to the values
//! they say, round trip, and are written as format 2 with the user told so; the spellings that
//! only format 2 writes or accepts read too.

use std::path::Path;

use ai_adoption_explorer::app::{Action, AppState, ScriptedDialogs, Settings};
use ai_adoption_explorer::io::{Loaded, load_bytes, load_path, save_atomic, to_ron_string};
use ai_adoption_explorer::model::*;

const FIXTURE: &str = include_str!("fixtures/data_v1.ron");

fn load(text: &str) -> Loaded {
    load_bytes("v1.ron", text.as_bytes()).unwrap_or_else(|e| panic!("{e}"))
}

/// A v1 dataset around `records` (the lists of a dataset, written as a v1 file would be).
fn v1(records: &str) -> String {
    format!("Dataset(\n    format_version: 1,\n{records}\n)\n")
}

#[test]
fn the_v1_data_file_loads_as_it_did_and_is_held_as_format_2() {
    assert!(FIXTURE.contains("format_version: 1,"), "the fixture is v1");
    let loaded = load(FIXTURE);
    assert_eq!(loaded.written_in, 1);
    assert_eq!(loaded.dataset.format_version, FORMAT_VERSION);
    let problems: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
    assert!(problems.is_empty(), "{problems:#?}");
    let ds = &loaded.dataset;

    // Values read from the fixture's text.
    let claim = ds
        .claims
        .iter()
        .find(|c| c.id.as_str() == "pinterest-accuracy-article")
        .unwrap();
    assert_eq!(claim.source, Some(Citation::new("article-000")));
    assert_eq!(
        claim.quote,
        "30% greater accuracy than leading off-the-shelf alternatives"
    );
    assert_eq!(claim.paraphrase, "");
    let adoption = ds
        .adoptions
        .iter()
        .find(|a| a.id.as_str() == "pinterest-deepseek-r1")
        .unwrap();
    assert_eq!(
        adoption.target,
        Some(AdoptionTarget::Model(ModelId::new("deepseek-r1")))
    );
    assert_eq!(
        adoption.status[0].sources,
        vec![Citation::new("article-000")]
    );
    assert_eq!(adoption.status[0].date_means, StatusDate::AsOf);
    let role = ds
        .roles
        .iter()
        .find(|r| r.id.as_str() == "ready-ceo-pinterest")
        .unwrap();
    assert!(!role.former);
    assert_eq!(role.sources[0], Citation::new("webnewswire-ready"));

    // What format 1 could not say is read as its weakest or plainest form everywhere.
    assert!(ds.claims.iter().all(|c| {
        c.source.as_ref().is_some_and(|s| s.detail.is_empty()) && c.paraphrase.is_empty()
    }));
    assert!(ds.adoptions.iter().all(|a| a.target.is_some()));
    assert!(
        ds.adoptions
            .iter()
            .flat_map(|a| &a.status)
            .all(|s| s.date_means == StatusDate::AsOf)
    );
    assert!(ds.models.iter().all(|m| {
        m.params_qualifier == Qualifier::Exact
            && m.context_qualifier == Qualifier::Exact
            && m.openness_basis.is_none()
    }));
    assert!(ds.roles.iter().all(|r| !r.former));
    assert!(
        ds.claims
            .iter()
            .all(|c| !matches!(c.when, Some(When::Trailing(..))))
    );
    let mut details = 0;
    for_each_citation_list(ds, |list| {
        details += list.iter().filter(|c| !c.detail.is_empty()).count()
    });
    assert_eq!(details, 0);
}

/// Calls `f` with every `sources` list of the dataset.
fn for_each_citation_list(ds: &Dataset, mut f: impl FnMut(&[Citation])) {
    ds.organizations.iter().for_each(|r| f(&r.sources));
    ds.people.iter().for_each(|r| f(&r.sources));
    ds.roles.iter().for_each(|r| f(&r.sources));
    ds.families.iter().for_each(|r| f(&r.sources));
    ds.models.iter().for_each(|r| f(&r.sources));
    for a in &ds.adoptions {
        f(&a.sources);
        a.status.iter().for_each(|s| f(&s.sources));
    }
    ds.series.iter().for_each(|r| f(&r.sources));
    ds.events.iter().for_each(|r| f(&r.sources));
}

#[test]
fn the_v1_data_file_round_trips_and_is_written_as_v2_with_nothing_else_changed() {
    let loaded = load(FIXTURE);
    let text = to_ron_string(&loaded.dataset).unwrap();
    assert!(text.contains("format_version: 2,"), "a v2 save says so");
    let again = load(&text);
    assert_eq!(again.written_in, 2);
    assert_eq!(again.upgrade_note(), None);
    assert_eq!(again.dataset, loaded.dataset);
    assert_eq!(to_ron_string(&again.dataset).unwrap(), text);
    // Every line of the v1 file is kept; format 2 only adds what each status date means.
    let back_to_v1: String = text
        .replacen("format_version: 2,", "format_version: 1,", 1)
        .lines()
        .filter(|l| l.trim() != "date_means: AsOf,")
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(back_to_v1, FIXTURE);
    let steps = loaded
        .dataset
        .adoptions
        .iter()
        .map(|a| a.status.len())
        .sum::<usize>();
    assert_eq!(text.matches("date_means: AsOf,").count(), steps);
}

#[test]
fn v1_snippets_read_to_the_values_they_say() {
    let text = v1(r#"    sources: [
        Source(id: "a", title: "A", kind: Web),
        Source(id: "b", title: "B", kind: Press, via: Some("a")),
    ],
    organizations: [
        Organization(id: "o", name: "O", kind: Company, sources: ["a", "b"]),
    ],
    models: [
        Model(id: "x", name: "X", developer: "o", openness: Some(ApiAccess), total_params_b: Some(2000.0), sources: ["a"]),
    ],
    adoptions: [
        Adoption(
            id: "o-x",
            organization: "o",
            target: Model("x"),
            status: [StatusEntry(status: Production, date: Some("2025-10"), sources: ["b"])],
            sources: ["a"],
        ),
    ],
    claims: [
        Claim(id: "c", subject: Organization("o"), metric: CostReduction, value: Number(30.0), unit: Percent, source: "a", quote: "30% cheaper"),
    ],"#);
    let loaded = load(&text);
    assert_eq!(loaded.written_in, 1);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let ds = &loaded.dataset;
    assert_eq!(
        ds.organizations[0].sources,
        vec![Citation::new("a"), Citation::new("b")]
    );
    assert_eq!(ds.sources[1].via, Some(SourceId::new("a")));
    let m = &ds.models[0];
    assert_eq!(m.sources, vec![Citation::new("a")]);
    assert_eq!(m.params_qualifier, Qualifier::Exact);
    assert_eq!(m.openness_basis, None);
    let a = &ds.adoptions[0];
    assert_eq!(a.target, Some(AdoptionTarget::Model(ModelId::new("x"))));
    assert_eq!(a.status[0].date_means, StatusDate::AsOf);
    assert_eq!(a.status[0].sources, vec![Citation::new("b")]);
    let c = &ds.claims[0];
    assert_eq!(c.source, Some(Citation::new("a")));
    assert_eq!(c.quote, "30% cheaper");
    assert_eq!(c.paraphrase, "");

    // A family target, as v1 wrote it.
    let family = text.replace("target: Model(\"x\")", "target: Family(\"f\")");
    let family = family.replace(
        "    models: [",
        "    families: [ModelFamily(id: \"f\", name: \"F\", developer: \"o\", sources: [\"a\"])],\n    models: [",
    );
    let loaded = load(&family);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(
        loaded.dataset.adoptions[0].target,
        Some(AdoptionTarget::Family(FamilyId::new("f")))
    );
}

#[test]
fn format_2_spellings_read_and_write() {
    let text = r#"Dataset(
    format_version: 2,
    sources: [Source(id: "a", title: "A", kind: Web)],
    organizations: [
        Organization(id: "o", name: "O", kind: Company, sources: ["a", (source: "a", detail: "row 37"), Citation(source: "a", detail: "p. 4")]),
    ],
    people: [Person(id: "p", name: "P", sources: ["a"])],
    roles: [Role(id: "r", person: "p", organization: "o", title: "deputy prime minister", former: true, sources: ["a"])],
    models: [
        Model(id: "x", name: "X", developer: "o", openness: Some(OpenWeightsRestricted), openness_basis: Some(Source("a")), total_params_b: Some(2000.0), params_qualifier: About, context_k_tokens: Some(128.0), context_qualifier: About, sources: ["a"]),
        Model(id: "y", name: "Y", developer: "o", openness: Some(OpenWeightsUnrestricted), openness_basis: Some(License), sources: ["a"]),
    ],
    adoptions: [
        Adoption(id: "a1", organization: "o", target: Some(Model("x")), status: [StatusEntry(status: Production, date: Some("2025-10"), date_means: Since, sources: [])], sources: ["a"]),
        Adoption(id: "a2", organization: "o", target: None, sources: ["a"]),
        Adoption(id: "a3", organization: "o", sources: ["a"]),
    ],
    claims: [
        Claim(id: "c1", subject: Model("x"), metric: MonthlyDownloads, value: Number(100.0), unit: Count, when: Some(Trailing(30, "2026-03-01")), source: Some("a"), paraphrase: "about a hundred a month"),
        Claim(id: "c2", subject: Model("x"), metric: MonthlyDownloads, value: Number(100.0), unit: Count, source: (source: "a", detail: "row 37"), quote: "100"),
        Claim(id: "c3", subject: Model("x"), metric: MonthlyDownloads, value: Number(100.0), unit: Count, source: None, quote: "100"),
        Claim(id: "c4", subject: Model("x"), metric: MonthlyDownloads, value: Number(100.0), unit: Count, quote: "100"),
    ],
    conflicts: [
        Conflict(id: "k", kind: DifferingAccounts, records: [Claim("c1"), Claim("c2")], description: "both can be true"),
    ],
)
"#;
    let loaded = load(text);
    assert_eq!(loaded.written_in, 2);
    assert_eq!(loaded.upgrade_note(), None);
    let ds = &loaded.dataset;
    assert_eq!(
        ds.organizations[0].sources,
        vec![
            Citation::new("a"),
            Citation::with_detail("a", "row 37"),
            Citation::with_detail("a", "p. 4"),
        ]
    );
    assert!(ds.roles[0].former);
    assert_eq!(
        ds.models[0].openness_basis,
        Some(OpennessBasis::Source(SourceId::new("a")))
    );
    assert_eq!(ds.models[0].params_qualifier, Qualifier::About);
    assert_eq!(ds.models[0].context_qualifier, Qualifier::About);
    assert_eq!(ds.models[1].openness_basis, Some(OpennessBasis::License));
    assert_eq!(
        ds.adoptions[0].target,
        Some(AdoptionTarget::Model(ModelId::new("x")))
    );
    assert_eq!(ds.adoptions[0].status[0].date_means, StatusDate::Since);
    assert_eq!(ds.adoptions[1].target, None);
    assert_eq!(ds.adoptions[2].target, None);
    assert_eq!(
        ds.claims[0].when,
        Some(When::Trailing(30, PartialDate::day(2026, 3, 1)))
    );
    assert_eq!(ds.claims[0].source, Some(Citation::new("a")));
    assert_eq!(ds.claims[0].paraphrase, "about a hundred a month");
    assert_eq!(ds.claims[0].quote, "");
    assert_eq!(
        ds.claims[1].source,
        Some(Citation::with_detail("a", "row 37"))
    );
    assert_eq!(ds.claims[2].source, None);
    assert_eq!(ds.claims[3].source, None);
    assert_eq!(ds.conflicts[0].kind, ConflictKind::DifferingAccounts);
    // Unset references are problems of their own, not dangling references.
    let fields: Vec<(&str, &str)> = loaded
        .problems
        .iter()
        .map(|p| (p.id.as_str(), p.field.as_str()))
        .collect();
    assert_eq!(
        fields,
        [
            ("a2", "target"),
            ("a3", "target"),
            ("c3", "source"),
            ("c4", "source")
        ]
    );

    // Written back: set references bare as in v1, unset ones left out, details in struct form.
    let out = to_ron_string(ds).unwrap();
    assert!(out.contains("target: Model(\"x\"),"), "{out}");
    assert!(
        !out.contains("target: None") && !out.contains("source: None"),
        "{out}"
    );
    assert!(out.contains("source: \"a\",\n"), "{out}");
    assert!(
        out.contains("source: Citation(\n                source: \"a\",\n                detail: \"row 37\",\n            ),"),
        "{out}"
    );
    assert!(
        out.contains("when: Some(Trailing(30, \"2026-03-01\")),"),
        "{out}"
    );
    assert!(out.contains("date_means: Since,"), "{out}");
    assert!(out.contains("former: true,"), "{out}");
    assert!(out.contains("params_qualifier: About,"), "{out}");
    assert!(
        out.contains("openness_basis: Some(Source(\"a\")),"),
        "{out}"
    );
    assert_eq!(load(&out).dataset, *ds);
}

#[test]
fn a_v2_save_writes_format_version_2() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.ron");
    save_atomic(&load(FIXTURE).dataset, &path).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.starts_with("Dataset(\n    format_version: 2,\n"),
        "{}",
        &text[..80]
    );
    assert_eq!(load_path(&path).unwrap().written_in, 2);
}

fn v1_file() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.ron");
    std::fs::write(&path, FIXTURE).unwrap();
    (dir, path)
}

fn note_of(path: &Path) -> Option<String> {
    load_path(path).unwrap().upgrade_note()
}

#[test]
fn the_app_says_a_v1_file_will_be_written_as_v2_when_it_opens_and_saves_it() {
    let (_dir, path) = v1_file();
    assert_eq!(
        note_of(&path).as_deref(),
        Some(
            "This file was written in format 1; saving writes format 2, which older versions of \
             the app cannot open."
        )
    );
    let mut state = AppState::new(Box::new(ScriptedDialogs::default()), Settings::default());
    state.apply(Action::Open(path.clone()));
    assert!(
        state
            .status
            .contains("written in format 1; saving writes format 2"),
        "{}",
        state.status
    );
    state.apply(Action::Save);
    assert!(
        state
            .status
            .contains("in format 2; older versions of the app cannot open it"),
        "{}",
        state.status
    );
    assert_eq!(note_of(&path), None, "the file is now in format 2");
    // Said once: the next save is an ordinary one.
    state.apply(Action::Save);
    assert!(!state.status.contains("format"), "{}", state.status);
    // A file already in format 2 opens without the note.
    state.apply(Action::Open(path));
    assert!(!state.status.contains("format"), "{}", state.status);
}

#[test]
fn format_on_the_command_line_notes_the_new_format() {
    let (_dir, path) = v1_file();
    let mut err = Vec::new();
    assert_eq!(ai_adoption_explorer::cli::run_format(&path, &mut err), 0);
    let err = String::from_utf8(err).unwrap();
    assert_eq!(
        err,
        format!(
            "{}: note: This file was written in format 1; saving writes format 2, which older \
             versions of the app cannot open.\n",
            path.display()
        )
    );
    assert_eq!(note_of(&path), None);
    let mut err = Vec::new();
    assert_eq!(ai_adoption_explorer::cli::run_format(&path, &mut err), 0);
    assert!(err.is_empty(), "{}", String::from_utf8_lossy(&err));
}
