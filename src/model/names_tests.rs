//! Tests of the display names (`names.rs`).

use super::*;
use crate::model::synth::synthetic;
use crate::model::{AnyRecord, ModelId, PartialDate, SourceId, SourceKind};

fn source(title: &str, publisher: &str, locator: &str) -> Source {
    Source {
        id: SourceId::new("s-1"),
        title: title.into(),
        publisher: publisher.into(),
        author: String::new(),
        date: None,
        locator: locator.into(),
        kind: SourceKind::Web,
        via: None,
        notes: String::new(),
    }
}

#[test]
fn sources_are_named_by_title_publisher_or_locator_never_by_id() {
    let name = |s: Source| AnyRecord::from(s).display_name();
    assert_eq!(
        name(source("Annual report", "Acme", "")),
        "Annual report (Acme)"
    );
    assert_eq!(
        name(source("Acme annual report", "Acme", "x")),
        "Acme annual report"
    );
    assert_eq!(
        name(source(" ", "Acme", "https://a.example")),
        "Acme, a.example"
    );
    let mut dated = source("", "BBC", "https://bbc.example/1");
    dated.date = Some(PartialDate::month(2026, 1));
    assert_eq!(name(dated), "BBC (2026-01)");
    assert_eq!(name(source("", "Acme", "")), "Acme");
    assert_eq!(
        name(source("", "", "data/x.json")),
        "Web page (supplied as a JSON file)"
    );
    let mut article = source("", "", "shared/sources/000_b9b3d6cb2cdf0734.txt");
    article.kind = SourceKind::Press;
    assert_eq!(name(article), "News article (supplied as a text file)");
    assert_eq!(
        name(source(
            "",
            "",
            "meta-llama/llama-models@a9c89c47:models/llama2/LICENSE"
        )),
        "models/llama2/LICENSE (meta-llama/llama-models)"
    );
    assert_eq!(name(source("", " ", "")), "Untitled web page");
}

#[test]
fn sources_that_would_share_a_name_are_told_apart() {
    let mut ds = Dataset::default();
    let mut a = source("LICENSE", "", "owner/one@1:LICENSE");
    let mut b = source("LICENSE", "", "owner/two@2:LICENSE");
    a.id = SourceId::new("a");
    b.id = SourceId::new("b");
    let mut w1 = source("", "Wikipedia", "");
    let mut w2 = source("", "Wikipedia", "");
    w1.id = SourceId::new("w1");
    w2.id = SourceId::new("w2");
    let mut forum = source("", "", "cr4.globalspec.com");
    forum.id = SourceId::new("forum");
    forum.via = Some(w1.id.clone());
    ds.sources = vec![a, b, w1, w2, forum];
    let names: Vec<String> = ds
        .sources
        .iter()
        .map(|s| source_name(&ds, s, SourceName::Title))
        .collect();
    assert_eq!(names[0], "LICENSE, LICENSE (owner/one)");
    assert_eq!(names[1], "LICENSE, LICENSE (owner/two)");
    assert_eq!(names[2], "Wikipedia, as reprinted in cr4.globalspec.com");
    assert_eq!(names[3], "Wikipedia");
    let short = source_name(&ds, &ds.sources[0], SourceName::Short);
    assert_eq!(short, names[0]);
    let linked = record_name(
        &ds,
        &ScanLists,
        &RecordRef::Source(SourceId::new("w1")),
        NameStyle::Plain,
    );
    assert_eq!(linked, names[2]);
}

#[test]
fn the_built_in_sources_all_have_names_of_their_own() {
    let ds: Dataset = ron::from_str(include_str!("../../data.ron")).unwrap();
    let names: Vec<String> = ds
        .sources
        .iter()
        .map(|s| source_name(&ds, s, SourceName::Title))
        .collect();
    for n in &names {
        assert_eq!(names.iter().filter(|m| *m == n).count(), 1, "{n} is shared");
    }
    assert!(names.contains(&"News article (supplied as a text file)".to_owned()));
}

#[test]
fn references_are_named_through_the_dataset_and_by_id_without_it() {
    let ds = synthetic(1000, 7);
    let adoption = &ds.adoptions[0];
    let org = display_name(&ds, &RecordRef::Organization(adoption.organization.clone()));
    let named = ds
        .organizations
        .iter()
        .find(|o| o.id == adoption.organization)
        .map(|o| name_or_unnamed(&o.name, RecordKind::Organization));
    assert_eq!(Some(org.clone()), named);
    let by_dataset = display_name(&ds, &RecordRef::Adoption(adoption.id.clone()));
    assert!(
        by_dataset.starts_with(&format!("{org} uses ")),
        "{by_dataset}"
    );
    let alone = AnyRecord::from(adoption.clone()).display_name();
    assert!(
        alone.starts_with(&format!("{} uses ", adoption.organization)),
        "{alone}"
    );
    let missing = RecordRef::Model(ModelId::new("no-such-model"));
    assert_eq!(display_name(&ds, &missing), "no-such-model");
}

#[test]
fn names_are_safe_to_show() {
    let mut ds = synthetic(50, 3);
    ds.organizations[0].name = "Pinterest\u{202e}gpj.exe\u{1b}]0;x\u{7}".into();
    ds.models[0].name = "m".repeat(10_000);
    let org = RecordRef::Organization(ds.organizations[0].id.clone());
    assert_eq!(
        display_name(&ds, &org),
        "Pinterest\\u{202e}gpj.exe\\u{1b}]0;x\\u{7}"
    );
    let model = display_name(&ds, &RecordRef::Model(ds.models[0].id.clone()));
    assert!(model.ends_with("… (10000 characters)"), "{model}");
    assert!(model.chars().count() < 230);
    let mut s = source("T\u{1b}[2J", "P", "");
    s.locator = "https://x.example/".to_owned() + &"a".repeat(100_000);
    for style in [SourceName::Short, SourceName::Title, SourceName::Described] {
        let n = source_name(&Dataset::default(), &s, style);
        assert!(!n.contains('\u{1b}') && n.chars().count() < 230, "{n}");
    }
}
