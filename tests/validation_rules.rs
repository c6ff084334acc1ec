//! One test per validation rule: a small valid dataset, one thing broken, exactly the expected
//! problem (kind, id, field, and a key word of the message). Then the visitor over sourced
//! values: every number and date of the built-in data has an existing source.

use ai_adoption_explorer::io::{load_bytes, to_ron_string};
use ai_adoption_explorer::model::*;

mod common;
use common::{d, sample, src};

// Safe text, plausible values and the warning level, in their own file.
mod text_and_value_rules;

/// Asserts that `ds` has exactly the `expected` problems, in any order: (kind, id, field, a word
/// of the message).
#[track_caller]
fn expect(ds: &Dataset, expected: &[(RecordKind, &str, &str, &str)]) {
    let problems = validate(ds);
    let shown: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert_in_words(ds, &problems);
    assert_eq!(
        problems.len(),
        expected.len(),
        "expected {expected:?}, got {shown:#?}"
    );
    let mut left = problems.clone();
    for (kind, id, field, word) in expected {
        let at = left
            .iter()
            .position(|p| p.kind == *kind && p.id == *id && p.field == *field)
            .unwrap_or_else(|| {
                panic!("no problem at {kind} `{id}` field `{field}`; got {shown:#?}")
            });
        let p = left.remove(at);
        assert!(
            p.message.contains(word),
            "message `{}` should contain `{word}`",
            p.message
        );
    }
}

/// Asserts that every problem's message, and the problem as the problems panel shows it, is in
/// words: no record id, no field path (each rule's fixture below passes through here).
#[track_caller]
fn assert_in_words(ds: &Dataset, problems: &[Problem]) {
    let words = common::words::Words::of(ds);
    for p in problems {
        words.assert_words("a problem's message", &p.message);
        let panel = field_words::problem_text(ds, &ScanLists, p);
        words.assert_words("the problems panel", &panel);
    }
}

/// Asserts that `ds` has exactly one problem.
#[track_caller]
fn expect_one(ds: &Dataset, kind: RecordKind, id: &str, field: &str, word: &str) {
    expect(ds, &[(kind, id, field, word)]);
}

/// A change to the sample dataset, with a label for failure messages.
type Change = (&'static str, fn(&mut Dataset));

/// Where a value goes (kind, id, field of the expected problem) and how to put it there.
type Setter<T> = (RecordKind, &'static str, &'static str, fn(&mut Dataset, T));

fn broken(change: fn(&mut Dataset)) -> Dataset {
    let mut ds = sample();
    change(&mut ds);
    ds
}

#[test]
fn sample_dataset_is_valid() {
    expect(&sample(), &[]);
    let loaded = load_bytes("s.ron", to_ron_string(&sample()).unwrap().as_bytes()).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
}

#[test]
fn problem_display_is_kind_id_field_message() {
    let ds = broken(|ds| ds.organizations[0].name.clear());
    let p = &validate(&ds)[0];
    assert_eq!(
        p.to_string(),
        format!("organization acme: name: {}", p.message)
    );
}

#[test]
fn format_version_0_and_newer_are_problems() {
    for v in [0, FORMAT_VERSION + 1] {
        let mut ds = sample();
        ds.format_version = v;
        expect_one(
            &ds,
            RecordKind::Dataset,
            "",
            "format_version",
            "not supported",
        );
    }
}

#[test]
fn duplicate_id_in_every_kind() {
    let cases: [(RecordKind, &str, Change); 11] = [
        (
            RecordKind::Source,
            "s1",
            ("source", |d| d.sources.push(d.sources[0].clone())),
        ),
        (
            RecordKind::Organization,
            "acme",
            ("org", |d| d.organizations.push(d.organizations[0].clone())),
        ),
        (
            RecordKind::Person,
            "ada",
            ("person", |d| d.people.push(d.people[0].clone())),
        ),
        (
            RecordKind::Role,
            "ada-cto",
            ("role", |d| d.roles.push(d.roles[0].clone())),
        ),
        (
            RecordKind::Family,
            "fam",
            ("family", |d| d.families.push(d.families[0].clone())),
        ),
        (
            RecordKind::Model,
            "fam-7b",
            ("model", |d| d.models.push(d.models[0].clone())),
        ),
        (
            RecordKind::Adoption,
            "acme-fam-7b",
            ("adoption", |d| d.adoptions.push(d.adoptions[0].clone())),
        ),
        (
            RecordKind::Claim,
            "c-cost",
            ("claim", |d| d.claims.push(d.claims[0].clone())),
        ),
        (
            RecordKind::Conflict,
            "k1",
            ("conflict", |d| d.conflicts.push(d.conflicts[0].clone())),
        ),
        (
            RecordKind::Series,
            "share",
            ("series", |d| d.series.push(d.series[0].clone())),
        ),
        (
            RecordKind::Event,
            "release",
            ("event", |d| d.events.push(d.events[0].clone())),
        ),
    ];
    for (kind, id, (label, change)) in cases {
        let ds = broken(change);
        let problems = validate(&ds);
        assert_in_words(&ds, &problems);
        assert_eq!(problems.len(), 1, "{label}: {problems:#?}");
        assert_eq!(
            (
                problems[0].kind,
                problems[0].id.as_str(),
                problems[0].field.as_str()
            ),
            (kind, id, "id"),
            "{label}"
        );
        assert!(problems[0].message.contains("duplicate"), "{}", problems[0]);
    }
    // The same id in two different kinds is fine.
    let mut ds = sample();
    ds.people[0].id = PersonId::new("acme");
    ds.roles[0].person = PersonId::new("acme");
    ds.claims[0].said_by = Some(Speaker::Person(PersonId::new("acme")));
    expect(&ds, &[]);
}

#[test]
fn bad_id_shape() {
    let long = "a".repeat(129);
    for (id, word) in [
        ("", "empty"),
        ("Release", "`R`"),
        ("has space", "` `"),
        ("ümlaut", "`ü`"),
        ("a/b", "`/`"),
        ("a:b", "`:`"),
        (long.as_str(), "128"),
    ] {
        let mut ds = sample();
        ds.events[0].id = EventId::new(id);
        expect_one(&ds, RecordKind::Event, id, "id", word);
        let mut ds = sample();
        ds.conflicts[0].id = ConflictId::new(id);
        expect_one(&ds, RecordKind::Conflict, id, "id", word);
        let mut ds = sample();
        ds.series[0].id = SeriesId::new(id);
        expect_one(&ds, RecordKind::Series, id, "id", word);
    }
    // Every allowed character, at the longest allowed length.
    let mut ds = sample();
    let ok = format!("a-z_0.9{}", "x".repeat(121));
    assert_eq!(ok.len(), 128);
    ds.events[0].id = EventId::new(ok);
    expect(&ds, &[]);
}

#[test]
fn reference_to_a_missing_record() {
    use RecordKind as K;
    let cases: Vec<(K, &str, &str, Change)> = vec![
        (
            K::Role,
            "ada-cto",
            "person",
            ("role.person", |d| d.roles[0].person = PersonId::new("gone")),
        ),
        (
            K::Role,
            "ada-cto",
            "organization",
            ("role.organization", |d| {
                d.roles[0].organization = OrgId::new("gone")
            }),
        ),
        (
            K::Family,
            "fam",
            "developer",
            ("family.developer", |d| {
                d.families[0].developer = OrgId::new("gone")
            }),
        ),
        (
            K::Model,
            "fam-7b",
            "family",
            ("model.family", |d| {
                d.models[0].family = Some(FamilyId::new("gone"))
            }),
        ),
        (
            K::Model,
            "fam-7b",
            "developer",
            ("model.developer", |d| {
                d.models[0].developer = OrgId::new("gone")
            }),
        ),
        (
            K::Adoption,
            "acme-fam-7b",
            "organization",
            ("adoption.organization", |d| {
                d.adoptions[0].organization = OrgId::new("gone")
            }),
        ),
        (
            K::Adoption,
            "acme-fam-7b",
            "target",
            ("adoption target model", |d| {
                d.adoptions[0].target = Some(AdoptionTarget::Model(ModelId::new("gone")))
            }),
        ),
        (
            K::Adoption,
            "acme-fam",
            "target",
            ("adoption target family", |d| {
                d.adoptions[1].target = Some(AdoptionTarget::Family(FamilyId::new("gone")))
            }),
        ),
        (
            K::Claim,
            "c-cost",
            "subject",
            ("claim subject organization", |d| {
                d.claims[0].subject = Subject::Organization(OrgId::new("gone"))
            }),
        ),
        (
            K::Claim,
            "c-cost",
            "subject",
            ("claim subject model", |d| {
                d.claims[0].subject = Subject::Model(ModelId::new("gone"))
            }),
        ),
        (
            K::Claim,
            "c-cost",
            "subject",
            ("claim subject family", |d| {
                d.claims[0].subject = Subject::Family(FamilyId::new("gone"))
            }),
        ),
        (
            K::Claim,
            "c-cost",
            "subject",
            ("claim subject adoption", |d| {
                d.claims[0].subject = Subject::Adoption(AdoptionId::new("gone"))
            }),
        ),
        (
            K::Claim,
            "c-cost",
            "said_by",
            ("claim said_by person", |d| {
                d.claims[0].said_by = Some(Speaker::Person(PersonId::new("gone")))
            }),
        ),
        (
            K::Claim,
            "c-cost",
            "said_by",
            ("claim said_by organization", |d| {
                d.claims[0].said_by = Some(Speaker::Organization(OrgId::new("gone")))
            }),
        ),
        (
            K::Claim,
            "c-cost",
            "source",
            ("claim.source", |d| {
                d.claims[0].source = Some(Citation::new("gone"))
            }),
        ),
        (
            K::Series,
            "share",
            "subject",
            ("series subject organization", |d| {
                d.series[0].subject = Subject::Organization(OrgId::new("gone"))
            }),
        ),
        (
            K::Series,
            "share",
            "subject",
            ("series subject model", |d| {
                d.series[0].subject = Subject::Model(ModelId::new("gone"))
            }),
        ),
        (
            K::Series,
            "share",
            "subject",
            ("series subject family", |d| {
                d.series[0].subject = Subject::Family(FamilyId::new("gone"))
            }),
        ),
        (
            K::Series,
            "share",
            "subject",
            ("series subject adoption", |d| {
                d.series[0].subject = Subject::Adoption(AdoptionId::new("gone"))
            }),
        ),
        (
            K::Source,
            "s2",
            "via",
            ("source.via", |d| {
                d.sources[1].via = Some(SourceId::new("gone"))
            }),
        ),
        (
            K::Organization,
            "acme",
            "sources[1]",
            ("organization sources", |d| {
                d.organizations[0].sources.push(Citation::new("gone"))
            }),
        ),
        (
            K::Person,
            "ada",
            "sources[1]",
            ("person sources", |d| {
                d.people[0].sources.push(Citation::new("gone"))
            }),
        ),
        (
            K::Role,
            "ada-cto",
            "sources[1]",
            ("role sources", |d| {
                d.roles[0].sources.push(Citation::new("gone"))
            }),
        ),
        (
            K::Family,
            "fam",
            "sources[1]",
            ("family sources", |d| {
                d.families[0].sources.push(Citation::new("gone"))
            }),
        ),
        (
            K::Model,
            "fam-7b",
            "sources[1]",
            ("model sources", |d| {
                d.models[0].sources.push(Citation::new("gone"))
            }),
        ),
        (
            K::Adoption,
            "acme-fam-7b",
            "sources[1]",
            ("adoption sources", |d| {
                d.adoptions[0].sources.push(Citation::new("gone"))
            }),
        ),
        (
            K::Adoption,
            "acme-fam-7b",
            "status[1].sources[1]",
            ("status sources", |d| {
                d.adoptions[0].status[1].sources.push(Citation::new("gone"))
            }),
        ),
        (
            K::Adoption,
            "acme-fam-7b",
            "status[0].sources[0]",
            ("empty status sources", |d| {
                d.adoptions[0].status[0].sources.push(Citation::new("gone"))
            }),
        ),
        (
            K::Series,
            "share",
            "sources[1]",
            ("series sources", |d| {
                d.series[0].sources.push(Citation::new("gone"))
            }),
        ),
        (
            K::Event,
            "release",
            "sources[1]",
            ("event sources", |d| {
                d.events[0].sources.push(Citation::new("gone"))
            }),
        ),
        // An id that exists, but for another kind of record, is missing too.
        (
            K::Claim,
            "c-cost",
            "subject",
            ("subject of the wrong kind", |d| {
                d.claims[0].subject = Subject::Model(ModelId::new("acme"))
            }),
        ),
    ];
    for (kind, id, field, (label, change)) in cases {
        let ds = broken(change);
        let problems = validate(&ds);
        assert_in_words(&ds, &problems);
        assert_eq!(problems.len(), 1, "{label}: {problems:#?}");
        let p = &problems[0];
        assert_eq!(
            (p.kind, p.id.as_str(), p.field.as_str()),
            (kind, id, field),
            "{label}: {p}"
        );
        assert!(p.message.contains("does not exist"), "{label}: {p}");
        assert!(
            !p.message.contains("gone") && !p.message.contains("acme"),
            "{label}: the missing id is no word for people: {p}"
        );
    }
}

#[test]
fn reference_to_a_missing_record_of_every_kind_in_conflicts_and_events() {
    let refs = [
        (RecordRef::Source(SourceId::new("gone")), "source"),
        (RecordRef::Organization(OrgId::new("gone")), "organization"),
        (RecordRef::Person(PersonId::new("gone")), "person"),
        (RecordRef::Role(RoleId::new("gone")), "role"),
        (RecordRef::Family(FamilyId::new("gone")), "family"),
        (RecordRef::Model(ModelId::new("gone")), "model"),
        (RecordRef::Adoption(AdoptionId::new("gone")), "adoption"),
        (RecordRef::Claim(ClaimId::new("gone")), "claim"),
        (RecordRef::Series(SeriesId::new("gone")), "series"),
        (RecordRef::Event(EventId::new("gone")), "event"),
    ];
    for (r, kind_name) in refs {
        let a = if kind_name.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        let word = format!("refers to {a} {kind_name} which does not exist");
        let mut ds = sample();
        ds.conflicts[0].records[1] = r.clone();
        expect_one(&ds, RecordKind::Conflict, "k1", "records[1]", &word);
        let mut ds = sample();
        ds.events[0].related.push(r);
        expect_one(&ds, RecordKind::Event, "release", "related[2]", &word);
    }
    // References to existing records of every kind are fine.
    let mut ds = sample();
    ds.events[0].related = vec![
        RecordRef::Source(SourceId::new("s1")),
        RecordRef::Organization(OrgId::new("acme")),
        RecordRef::Person(PersonId::new("ada")),
        RecordRef::Role(RoleId::new("ada-cto")),
        RecordRef::Family(FamilyId::new("fam")),
        RecordRef::Model(ModelId::new("fam-moe")),
        RecordRef::Adoption(AdoptionId::new("acme-fam")),
        RecordRef::Claim(ClaimId::new("c-text")),
        RecordRef::Series(SeriesId::new("share")),
        RecordRef::Event(EventId::new("release")),
    ];
    ds.conflicts[0].records = ds.events[0].related.clone();
    expect(&ds, &[]);
}

#[test]
fn via_loop() {
    // Two sources pointing at each other: both are in a loop.
    let mut ds = sample();
    ds.sources[0].via = Some(SourceId::new("s2"));
    expect(
        &ds,
        &[
            (RecordKind::Source, "s1", "via", "loops"),
            (RecordKind::Source, "s2", "via", "loops"),
        ],
    );
    // A source reprinting itself.
    let mut ds = sample();
    ds.sources[2].via = Some(SourceId::new("s3"));
    expect_one(&ds, RecordKind::Source, "s3", "via", "loops");
    // A longer chain that ends is fine.
    let mut ds = sample();
    ds.sources[2].via = Some(SourceId::new("s2"));
    expect(&ds, &[]);
    // A chain of three that loops.
    let mut ds = sample();
    ds.sources[2].via = Some(SourceId::new("s2"));
    ds.sources[0].via = Some(SourceId::new("s3"));
    expect(
        &ds,
        &[
            (RecordKind::Source, "s1", "via", "loops"),
            (RecordKind::Source, "s2", "via", "loops"),
            (RecordKind::Source, "s3", "via", "loops"),
        ],
    );
}

#[test]
fn empty_required_text() {
    use RecordKind as K;
    let cases: Vec<Setter<String>> = vec![
        (K::Organization, "acme", "name", |d, t| {
            d.organizations[0].name = t
        }),
        (K::Person, "ada", "name", |d, t| d.people[0].name = t),
        (K::Role, "ada-cto", "title", |d, t| d.roles[0].title = t),
        (K::Family, "fam", "name", |d, t| d.families[0].name = t),
        (K::Model, "fam-7b", "name", |d, t| d.models[0].name = t),
        (K::Adoption, "acme-fam-7b", "use_cases[0]", |d, t| {
            d.adoptions[0].use_cases[0] = t
        }),
        (K::Claim, "c-cost", "quote", |d, t| d.claims[0].quote = t),
        (K::Claim, "c-text", "value", |d, t| {
            d.claims[3].value = ClaimValue::Text(t)
        }),
        (K::Claim, "c-country", "subject", |d, t| {
            d.claims[4].subject = Subject::Country(t)
        }),
        (K::Claim, "c-text", "metric", |d, t| {
            d.claims[3].metric = Metric::Other(t)
        }),
        (K::Claim, "c-text", "unit", |d, t| {
            d.claims[3].unit = Unit::Other(t)
        }),
        (K::Conflict, "k1", "description", |d, t| {
            d.conflicts[0].description = t
        }),
        (K::Series, "share", "name", |d, t| d.series[0].name = t),
        (K::Series, "share", "subject", |d, t| {
            d.series[0].subject = Subject::Country(t)
        }),
        (K::Series, "share", "metric", |d, t| {
            d.series[0].metric = Metric::Other(t)
        }),
        (K::Event, "release", "title", |d, t| d.events[0].title = t),
    ];
    for (kind, id, field, set) in cases {
        for blank in ["", "  \n\t"] {
            let mut ds = sample();
            set(&mut ds, blank.to_owned());
            expect_one(&ds, kind, id, field, "empty");
            // And a real value is fine.
            let mut ds = sample();
            set(&mut ds, "x".to_owned());
            expect(&ds, &[]);
        }
    }
}

#[test]
fn source_with_neither_title_nor_locator() {
    let mut ds = sample();
    ds.sources[2].locator = "   ".into(); // s3 had only a locator
    expect_one(&ds, RecordKind::Source, "s3", "title", "locator");
    let mut ds = sample();
    ds.sources[0].title.clear();
    ds.sources[0].locator.clear();
    ds.sources[0].publisher.clear();
    expect_one(&ds, RecordKind::Source, "s1", "title", "title");
    // A title alone, or a locator alone, is enough.
    let mut ds = sample();
    ds.sources[0].locator.clear();
    ds.sources[0].publisher.clear();
    ds.sources[1].title.clear();
    ds.sources[1].publisher.clear();
    ds.sources[1].locator = "https://example.org".into();
    expect(&ds, &[]);
}

#[test]
fn missing_sources_on_every_record_kind() {
    use RecordKind as K;
    let cases: Vec<(K, &str, Change)> = vec![
        (
            K::Organization,
            "acme",
            ("org", |d| d.organizations[0].sources.clear()),
        ),
        (
            K::Person,
            "ada",
            ("person", |d| d.people[0].sources.clear()),
        ),
        (K::Role, "ada-cto", ("role", |d| d.roles[0].sources.clear())),
        (
            K::Family,
            "fam",
            ("family", |d| d.families[0].sources.clear()),
        ),
        (
            K::Model,
            "fam-7b",
            ("model", |d| d.models[0].sources.clear()),
        ),
        (
            K::Adoption,
            "acme-fam",
            ("adoption", |d| d.adoptions[1].sources.clear()),
        ),
        (
            K::Series,
            "share",
            ("series", |d| d.series[0].sources.clear()),
        ),
        (
            K::Event,
            "release",
            ("event", |d| d.events[0].sources.clear()),
        ),
    ];
    for (kind, id, (label, change)) in cases {
        let ds = broken(change);
        let problems = validate(&ds);
        assert_in_words(&ds, &problems);
        assert_eq!(problems.len(), 1, "{label}: {problems:#?}");
        expect_one(&ds, kind, id, "sources", "no source");
    }
    // A status step may go without its own sources (the adoption's cover it).
    let mut ds = sample();
    ds.adoptions[0].status[1].sources.clear();
    expect(&ds, &[]);
}

#[test]
fn percentage_out_of_range() {
    for v in [100.5, -0.1, 1e9] {
        let mut ds = sample();
        ds.claims[0].value = ClaimValue::Number(v); // c-cost is in Percent
        expect_one(&ds, RecordKind::Claim, "c-cost", "value", "outside 0..=100");
        let mut ds = sample();
        ds.series[0].points[1].value = v; // the series is in Percent
        expect_one(
            &ds,
            RecordKind::Series,
            "share",
            "points[1].value",
            "outside 0..=100",
        );
    }
    let mut ds = sample();
    ds.claims[0].value = ClaimValue::Range(-5.0, 50.0);
    expect_one(&ds, RecordKind::Claim, "c-cost", "value", "-5");
    // The bounds themselves are fine.
    let mut ds = sample();
    ds.claims[0].value = ClaimValue::Range(0.0, 100.0);
    ds.series[0].points[0].value = 0.0;
    ds.series[0].points[1].value = 100.0;
    expect(&ds, &[]);
}

#[test]
fn negative_count() {
    for unit in [Unit::Count, Unit::BillionParams, Unit::Times] {
        let mut ds = sample();
        ds.claims[1].unit = unit.clone();
        ds.claims[1].value = ClaimValue::Number(-3.0);
        expect_one(&ds, RecordKind::Claim, "c-downloads", "value", "negative");
        let mut ds = sample();
        ds.claims[1].unit = unit.clone();
        ds.claims[1].value = ClaimValue::Range(-1.0, 5.0);
        expect_one(&ds, RecordKind::Claim, "c-downloads", "value", "negative");
        let mut ds = sample();
        ds.series[0].unit = unit;
        ds.series[0].points[0].value = -1.0;
        ds.series[0].points[1].value = 17.0; // whole, as a count must be
        expect_one(
            &ds,
            RecordKind::Series,
            "share",
            "points[0].value",
            "negative",
        );
    }
    // Without a unit, a negative number is fine; a count of zero is fine.
    let mut ds = sample();
    ds.claims[1].unit = Unit::None;
    ds.claims[1].value = ClaimValue::Number(-3.0);
    ds.claims[4].value = ClaimValue::Number(0.0);
    expect(&ds, &[]);
}

#[test]
fn claim_number_that_is_not_finite() {
    for v in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let mut ds = sample();
        ds.claims[4].value = ClaimValue::Number(v);
        expect_one(&ds, RecordKind::Claim, "c-country", "value", "finite");
    }
}

#[test]
fn range_backwards() {
    let mut ds = sample();
    ds.claims[1].value = ClaimValue::Range(20.0, 10.0);
    expect_one(&ds, RecordKind::Claim, "c-downloads", "value", "backwards");
    let mut ds = sample();
    ds.claims[1].value = ClaimValue::Range(10.0, 10.0);
    expect(&ds, &[]);
}

#[test]
fn impossible_dates_in_every_date_field() {
    use RecordKind as K;
    let cases: Vec<Setter<PartialDate>> = vec![
        (K::Dataset, "", "meta.date", |ds, x| ds.meta.date = Some(x)),
        (K::Source, "s1", "date", |ds, x| {
            ds.sources[0].date = Some(x)
        }),
        (K::Organization, "acme", "founded", |ds, x| {
            ds.organizations[0].founded = Some(x)
        }),
        (K::Role, "ada-cto", "since", |ds, x| {
            ds.roles[0].since = Some(x);
            ds.roles[0].until = None;
        }),
        (K::Role, "ada-cto", "until", |ds, x| {
            ds.roles[0].since = None;
            ds.roles[0].until = Some(x);
        }),
        (K::Model, "fam-7b", "release_date", |ds, x| {
            ds.models[0].release_date = Some(x)
        }),
        (K::Adoption, "acme-fam-7b", "status[1].date", |ds, x| {
            ds.adoptions[0].status[0].date = None;
            ds.adoptions[0].status[1].date = Some(x);
        }),
        (K::Claim, "c-date", "value", |ds, x| {
            ds.claims[2].value = ClaimValue::Date(x)
        }),
        (K::Claim, "c-cost", "when", |ds, x| {
            ds.claims[0].when = Some(When::On(x))
        }),
        (K::Claim, "c-date", "when", |ds, x| {
            ds.claims[2].when = Some(When::By(x))
        }),
        (K::Claim, "c-downloads", "when", |ds, x| {
            ds.claims[1].when = Some(When::Between(x, d("9999")))
        }),
        (K::Claim, "c-downloads", "when", |ds, x| {
            ds.claims[1].when = Some(When::Between(d("1000"), x))
        }),
        (K::Series, "share", "points[1].date", |ds, x| {
            ds.series[0].points[1].date = x
        }),
        (K::Event, "release", "date", |ds, x| {
            ds.events[0].date = Some(x)
        }),
    ];
    let bad = [
        PartialDate::day(2025, 2, 29),
        PartialDate::month(2025, 13),
        PartialDate::day(2025, 4, 31),
        PartialDate::month(2025, 0),
        PartialDate::day(2025, 1, 0),
        PartialDate::day(1900, 2, 29),
    ];
    for (kind, id, field, set) in &cases {
        for x in bad {
            let mut ds = sample();
            set(&mut ds, x);
            expect_one(&ds, *kind, id, field, "impossible date");
        }
        // A leap day that exists is fine.
        let mut ds = sample();
        set(&mut ds, PartialDate::day(2024, 2, 29));
        expect(&ds, &[]);
    }
}

#[test]
fn year_outside_1000_to_9999() {
    for year in [0, 999] {
        let mut ds = sample();
        ds.meta.date = Some(PartialDate::year(year));
        expect_one(&ds, RecordKind::Dataset, "", "meta.date", "1000..=9999");
        let mut ds = sample();
        ds.events[0].date = Some(PartialDate::day(year, 1, 1));
        expect_one(&ds, RecordKind::Event, "release", "date", "1000..=9999");
    }
    let mut ds = sample();
    ds.events[0].date = Some(PartialDate::year(1000));
    ds.meta.date = Some(PartialDate::year(9999));
    expect(&ds, &[]);
}

#[test]
fn role_until_before_since() {
    let mut ds = sample();
    ds.roles[0].since = Some(d("2023-06"));
    ds.roles[0].until = Some(d("2023-05-31"));
    expect_one(&ds, RecordKind::Role, "ada-cto", "until", "before");
    let mut ds = sample();
    ds.roles[0].since = Some(d("2023-05-31"));
    ds.roles[0].until = Some(d("2023-05-31"));
    expect(&ds, &[]);
}

#[test]
fn claim_period_backwards() {
    let mut ds = sample();
    ds.claims[1].when = Some(When::Between(d("2024-12"), d("2024-01")));
    expect_one(&ds, RecordKind::Claim, "c-downloads", "when", "before");
    let mut ds = sample();
    ds.claims[1].when = Some(When::Between(d("2024-12"), d("2024-12")));
    expect(&ds, &[]);
}

/// A date known only to the year ends at the end of that year: `2020-05` to `2020` is a period
/// within 2020, not one that ends before it starts.
#[test]
fn period_ending_in_the_same_year_known_less_precisely_is_fine() {
    let mut ds = sample();
    ds.roles[0].since = Some(d("2020-05"));
    ds.roles[0].until = Some(d("2020"));
    expect(&ds, &[]);
    let mut ds = sample();
    ds.claims[1].when = Some(When::Between(d("2024-06-15"), d("2024-06")));
    expect(&ds, &[]);
}

#[test]
fn status_history_out_of_order() {
    let mut ds = sample();
    ds.adoptions[0].status[0].date = Some(d("2024-07"));
    expect_one(
        &ds,
        RecordKind::Adoption,
        "acme-fam-7b",
        "status[1].date",
        "earlier",
    );
    // Steps without a date are skipped when comparing.
    let mut ds = sample();
    let step = ds.adoptions[0].status[0].clone();
    ds.adoptions[0].status[0].date = Some(d("2024-05"));
    ds.adoptions[0].status.insert(
        1,
        StatusEntry {
            date: None,
            ..step.clone()
        },
    );
    ds.adoptions[0].status.push(StatusEntry {
        date: Some(d("2024-02")),
        ..step
    });
    expect_one(
        &ds,
        RecordKind::Adoption,
        "acme-fam-7b",
        "status[3].date",
        "earlier",
    );
}

#[test]
fn active_params_more_than_total() {
    let mut ds = sample();
    ds.models[1].active_params_b = Some(300.0);
    expect_one(
        &ds,
        RecordKind::Model,
        "fam-moe",
        "active_params_b",
        "more than",
    );
}

#[test]
fn dense_model_with_active_different_from_total() {
    let mut ds = sample();
    ds.models[0].active_params_b = Some(3.0);
    expect_one(&ds, RecordKind::Model, "fam-7b", "active_params_b", "dense");
    // Dense with active left empty is fine; so is a model with no architecture.
    let mut ds = sample();
    ds.models[0].active_params_b = None;
    ds.models[1].architecture = None;
    expect(&ds, &[]);
}

#[test]
fn non_positive_params() {
    for (field, v) in [
        ("total_params_b", 0.0),
        ("total_params_b", -7.0),
        ("total_params_b", f64::NAN),
        ("active_params_b", 0.0),
        ("active_params_b", -1.0),
        ("context_k_tokens", 0.0),
        ("context_k_tokens", f64::INFINITY),
    ] {
        let mut ds = sample();
        let m = &mut ds.models[1]; // mixture of experts, 235B total, 22B active
        match field {
            "total_params_b" => {
                m.total_params_b = Some(v);
                m.active_params_b = None;
            }
            "active_params_b" => m.active_params_b = Some(v),
            _ => m.context_k_tokens = Some(v),
        }
        expect_one(&ds, RecordKind::Model, "fam-moe", field, "positive");
    }
}

#[test]
fn conflict_with_fewer_than_two_distinct_records() {
    let one = RecordRef::Claim(ClaimId::new("c-cost"));
    for records in [vec![], vec![one.clone()]] {
        let mut ds = sample();
        ds.conflicts[0].records = records;
        expect_one(&ds, RecordKind::Conflict, "k1", "records", "two");
    }
    // The same record twice is one record, and is listed twice.
    let mut ds = sample();
    ds.conflicts[0].records = vec![one.clone(), one];
    expect(
        &ds,
        &[
            (RecordKind::Conflict, "k1", "records", "two"),
            (RecordKind::Conflict, "k1", "records[1]", "twice"),
        ],
    );
}

// ---------------------------------------------------------------------------------------------
// Rules of format version 2

#[test]
fn conflict_listing_a_record_twice_among_others() {
    let mut ds = sample();
    ds.conflicts[0]
        .records
        .push(RecordRef::Claim(ClaimId::new("c-cost")));
    expect_one(
        &ds,
        RecordKind::Conflict,
        "k1",
        "records[2]",
        "twice; remove one",
    );
}

#[test]
fn conflict_naming_itself() {
    let mut ds = sample();
    ds.conflicts[0]
        .records
        .push(RecordRef::Conflict(ConflictId::new("k1")));
    expect_one(&ds, RecordKind::Conflict, "k1", "records[2]", "itself");
}

#[test]
fn claim_without_a_source_is_a_problem_not_a_dangling_reference() {
    let mut ds = sample();
    ds.claims[0].source = None;
    expect_one(
        &ds,
        RecordKind::Claim,
        "c-cost",
        "source",
        "no source chosen yet",
    );
    // Nothing refers to nothing: no field of the claim names a source any more.
    assert!(
        !references_to(&ds, &RecordRef::Source(src("s2")))
            .iter()
            .any(|(r, _)| *r == RecordRef::Claim(ClaimId::new("c-cost")))
    );
}

#[test]
fn adoption_without_a_target_is_a_problem_not_a_dangling_reference() {
    let mut ds = sample();
    ds.adoptions[0].target = None;
    expect_one(
        &ds,
        RecordKind::Adoption,
        "acme-fam-7b",
        "target",
        "no model or family chosen yet",
    );
    assert!(
        !references_to(&ds, &RecordRef::Model(ModelId::new("fam-7b")))
            .iter()
            .any(|(r, _)| *r == RecordRef::Adoption(AdoptionId::new("acme-fam-7b")))
    );
}

#[test]
fn claim_needs_a_quote_or_a_paraphrase() {
    let mut ds = sample();
    ds.claims[0].quote = " ".into();
    expect_one(&ds, RecordKind::Claim, "c-cost", "quote", "paraphrase");
    // A paraphrase alone is enough, and so is a quote alone (the sample's claims).
    ds.claims[0].quote.clear();
    ds.claims[0].paraphrase = "Costs fell by as much as 30%.".into();
    expect(&ds, &[]);
    ds.claims[0].quote = "costs fell by up to 30%".into();
    expect(&ds, &[]);
}

#[test]
fn rolling_period_of_no_days() {
    let mut ds = sample();
    ds.claims[1].when = Some(When::Trailing(0, d("2026-03-01")));
    expect_one(&ds, RecordKind::Claim, "c-downloads", "when", "0 days");
    ds.claims[1].when = Some(When::Trailing(30, d("2026-03-01")));
    expect(&ds, &[]);
    ds.claims[1].when = Some(When::Trailing(30, d("2026-02-30")));
    expect_one(&ds, RecordKind::Claim, "c-downloads", "when", "impossible");
}

#[test]
fn openness_basis_names_an_existing_source() {
    let mut ds = sample();
    ds.models[0].openness_basis = Some(OpennessBasis::License);
    ds.models[1].openness_basis = Some(OpennessBasis::Source(src("s1")));
    expect(&ds, &[]);
    ds.models[1].openness_basis = Some(OpennessBasis::Source(src("gone")));
    expect_one(
        &ds,
        RecordKind::Model,
        "fam-moe",
        "openness_basis",
        "does not exist",
    );
}

#[test]
fn one_source_may_be_cited_at_two_places_but_not_twice_at_one() {
    let mut ds = sample();
    ds.organizations[0].sources = vec![
        Citation::with_detail("s1", "row 37"),
        Citation::with_detail("s1", "row 38"),
    ];
    expect(&ds, &[]);
    ds.organizations[0]
        .sources
        .push(Citation::with_detail("s1", "row 37"));
    expect_one(
        &ds,
        RecordKind::Organization,
        "acme",
        "sources[2]",
        "at “row 37” twice",
    );
}

#[test]
fn duplicate_series_dates() {
    let mut ds = sample();
    ds.series[0].points[1].date = d("2024-01");
    expect_one(
        &ds,
        RecordKind::Series,
        "share",
        "points[1].date",
        "2024-01",
    );
    // The same month at another precision is another date.
    let mut ds = sample();
    ds.series[0].points[1].date = d("2024-01-01");
    expect(&ds, &[]);
}

#[test]
fn duplicate_source_in_a_list() {
    let mut ds = sample();
    ds.organizations[0].sources.push(Citation::new("s1"));
    expect_one(&ds, RecordKind::Organization, "acme", "sources[1]", "twice");
    let mut ds = sample();
    ds.adoptions[0].status[1].sources.push(Citation::new("s2"));
    expect_one(
        &ds,
        RecordKind::Adoption,
        "acme-fam-7b",
        "status[1].sources[1]",
        "twice",
    );
    let mut ds = sample();
    ds.events[0].sources.push(Citation::new("s1"));
    expect_one(&ds, RecordKind::Event, "release", "sources[1]", "twice");
}

// ---------------------------------------------------------------------------------------------
// The visitor over sourced values

/// Number of numbers and dates in `ds`, counted independently of the visitor through its JSON
/// form: every JSON number except `format_version`, and every string under a date key, except
/// the dataset's own `meta.date` (a fact about the file, which the visitor leaves out).
fn count_numbers_and_dates(ds: &Dataset) -> (usize, usize) {
    fn walk(v: &serde_json::Value, key: &str, numbers: &mut usize, dates: &mut usize) {
        use serde_json::Value as V;
        const DATE_KEYS: [&str; 10] = [
            "date",
            "founded",
            "since",
            "until",
            "release_date",
            "On",
            "By",
            "Between",
            "Trailing",
            "Date",
        ];
        match v {
            V::Number(_) => *numbers += 1,
            V::String(_) if DATE_KEYS.contains(&key) => *dates += 1,
            // Series points are (date, value) pairs.
            V::Array(items) if key == "points" => {
                for p in items {
                    if let V::Array(pair) = p
                        && let [V::String(_), value] = pair.as_slice()
                    {
                        *dates += 1;
                        walk(value, "value", numbers, dates);
                    } else {
                        walk(p, key, numbers, dates);
                    }
                }
            }
            V::Array(items) => items.iter().for_each(|i| walk(i, key, numbers, dates)),
            V::Object(map) => map.iter().for_each(|(k, v)| walk(v, k, numbers, dates)),
            _ => {}
        }
    }
    let mut json = serde_json::to_value(ds).unwrap();
    json.as_object_mut().unwrap().remove("format_version");
    json["meta"].as_object_mut().unwrap().remove("date");
    let (mut numbers, mut dates) = (0, 0);
    walk(&json, "", &mut numbers, &mut dates);
    (numbers, dates)
}

/// Numbers and dates the visitor reports: (numbers, dates, the ones with no existing source).
fn visit(ds: &Dataset) -> (usize, usize, Vec<String>) {
    let (mut numbers, mut dates, mut uncovered) = (0, 0, Vec::new());
    for_each_sourced_value(ds, |v| {
        match v.value {
            ValueRef::Number(_) => numbers += 1,
            ValueRef::Date(_) => dates += 1,
        }
        let existing = v
            .sources
            .iter()
            .filter(|s| ds.sources.iter().any(|src| src.id.as_str() == s.as_str()))
            .count();
        if existing == 0 {
            uncovered.push(format!(
                "{} {}: {}: {:?} (sources {:?})",
                v.kind, v.id, v.field, v.value, v.sources
            ));
        }
    });
    (numbers, dates, uncovered)
}

#[test]
fn visitor_reports_every_number_and_date_of_the_sample_with_its_sources() {
    let ds = sample();
    let (numbers, dates, uncovered) = visit(&ds);
    assert_eq!((numbers, dates), count_numbers_and_dates(&ds));
    assert!(uncovered.is_empty(), "{uncovered:#?}");

    let mut seen = Vec::new();
    for_each_sourced_value(&ds, |v| {
        let sources: Vec<&str> = v.sources.iter().map(|s| s.as_str()).collect();
        seen.push((
            v.kind,
            v.id.to_owned(),
            v.field.clone(),
            v.value,
            sources.join(","),
        ));
    });
    let has = |kind, id: &str, field: &str, value: ValueRef, sources: &str| {
        assert!(
            seen.contains(&(
                kind,
                id.to_owned(),
                field.to_owned(),
                value,
                sources.to_owned()
            )),
            "missing {kind} {id} {field} {value:?} [{sources}] in {seen:#?}"
        );
    };
    has(
        RecordKind::Model,
        "fam-7b",
        "total_params_b",
        ValueRef::Number(7.0),
        "s1",
    );
    has(
        RecordKind::Model,
        "fam-moe",
        "active_params_b",
        ValueRef::Number(22.0),
        "s1",
    );
    has(
        RecordKind::Organization,
        "acme",
        "founded",
        ValueRef::Date(d("2001")),
        "s1",
    );
    // A step without its own sources is covered by the adoption's; a step with sources by its own.
    has(
        RecordKind::Adoption,
        "acme-fam-7b",
        "status[0].date",
        ValueRef::Date(d("2024-01")),
        "s2",
    );
    has(
        RecordKind::Claim,
        "c-downloads",
        "value",
        ValueRef::Number(20.0),
        "s1",
    );
    has(
        RecordKind::Claim,
        "c-downloads",
        "when",
        ValueRef::Date(d("2024-12")),
        "s1",
    );
    has(
        RecordKind::Series,
        "share",
        "points[1].value",
        ValueRef::Number(17.5),
        "s3",
    );
    has(
        RecordKind::Source,
        "s2",
        "date",
        ValueRef::Date(d("2024-06-15")),
        "s2",
    );
}

#[test]
fn visitor_finds_a_source_for_every_number_and_date_of_the_built_in_data() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data.ron");
    let bytes = std::fs::read(path).unwrap();
    let loaded = load_bytes(path, &bytes).unwrap_or_else(|e| panic!("{e}"));
    let ds = &loaded.dataset;
    let (numbers, dates, uncovered) = visit(ds);
    assert_eq!(
        (numbers, dates),
        count_numbers_and_dates(ds),
        "the visitor must report every number and date"
    );
    assert!(
        uncovered.is_empty(),
        "{} values of data.ron have no existing source:\n{}",
        uncovered.len(),
        uncovered.join("\n")
    );
}

#[test]
fn visitor_reports_a_number_with_no_sources_as_uncovered() {
    let mut ds = sample();
    ds.models[1].sources.clear();
    ds.series[0].sources = vec![Citation::new("gone")];
    let (_, _, uncovered) = visit(&ds);
    let fields: Vec<&str> = uncovered
        .iter()
        .map(|u| u.split(" (").next().unwrap())
        .collect();
    let want = [
        "model fam-moe: release_date",
        "model fam-moe: total_params_b",
        "model fam-moe: active_params_b",
        "series share: points[0].date",
        "series share: points[0].value",
        "series share: points[1].date",
        "series share: points[1].value",
    ];
    for w in want {
        assert!(
            fields.iter().any(|f| f.starts_with(w)),
            "`{w}` not reported as uncovered: {uncovered:#?}"
        );
    }
    assert_eq!(fields.len(), want.len(), "{uncovered:#?}");
}
