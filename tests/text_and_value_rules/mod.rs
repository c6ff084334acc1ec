//! The rules on what strings and values may hold (issue #10): safe text in every string of every
//! record, plausible values, and dates far ahead as warnings. One test per rule, each with a
//! hostile example; part of `validation_rules` (it uses its `expect` helpers and the sample).

use super::*;

/// Every string field of every kind in the sample, with where a problem in it is reported.
fn text_fields() -> Vec<Setter<String>> {
    use RecordKind as K;
    vec![
        (K::Dataset, "", "meta.title", |d, t| d.meta.title = t),
        (K::Dataset, "", "meta.description", |d, t| {
            d.meta.description = t
        }),
        (K::Dataset, "", "meta.credits[0]", |d, t| {
            d.meta.credits[0] = t
        }),
        (K::Source, "s1", "title", |d, t| d.sources[0].title = t),
        (K::Source, "s1", "publisher", |d, t| {
            d.sources[0].publisher = t
        }),
        (K::Source, "s1", "author", |d, t| d.sources[0].author = t),
        (K::Source, "s1", "locator", |d, t| d.sources[0].locator = t),
        (K::Source, "s2", "notes", |d, t| d.sources[1].notes = t),
        (K::Organization, "acme", "name", |d, t| {
            d.organizations[0].name = t
        }),
        (K::Organization, "acme", "native_name", |d, t| {
            d.organizations[0].native_name = t
        }),
        (K::Organization, "acme", "country", |d, t| {
            d.organizations[0].country = t
        }),
        (K::Organization, "acme", "sector", |d, t| {
            d.organizations[0].sector = t
        }),
        (K::Organization, "acme", "headquarters", |d, t| {
            d.organizations[0].headquarters = t
        }),
        (K::Organization, "acme", "notes", |d, t| {
            d.organizations[0].notes = t
        }),
        (K::Person, "ada", "name", |d, t| d.people[0].name = t),
        (K::Person, "ada", "native_name", |d, t| {
            d.people[0].native_name = t
        }),
        (K::Person, "ada", "notes", |d, t| d.people[0].notes = t),
        (K::Role, "ada-cto", "title", |d, t| d.roles[0].title = t),
        (K::Role, "ada-cto", "notes", |d, t| d.roles[0].notes = t),
        (K::Family, "fam", "name", |d, t| d.families[0].name = t),
        (K::Family, "fam", "notes", |d, t| d.families[0].notes = t),
        (K::Model, "fam-7b", "name", |d, t| d.models[0].name = t),
        (K::Model, "fam-7b", "license", |d, t| {
            d.models[0].license = t
        }),
        (K::Model, "fam-7b", "notes", |d, t| d.models[0].notes = t),
        (K::Adoption, "acme-fam-7b", "use_cases[0]", |d, t| {
            d.adoptions[0].use_cases[0] = t
        }),
        (K::Adoption, "acme-fam-7b", "status[1].notes", |d, t| {
            d.adoptions[0].status[1].notes = t
        }),
        (K::Adoption, "acme-fam-7b", "notes", |d, t| {
            d.adoptions[0].notes = t
        }),
        (K::Claim, "c-country", "subject", |d, t| {
            d.claims[4].subject = Subject::Country(t)
        }),
        (K::Claim, "c-text", "metric", |d, t| {
            d.claims[3].metric = Metric::Other(t)
        }),
        (K::Claim, "c-text", "value", |d, t| {
            d.claims[3].value = ClaimValue::Text(t)
        }),
        (K::Claim, "c-text", "unit", |d, t| {
            d.claims[3].unit = Unit::Other(t)
        }),
        (K::Claim, "c-cost", "baseline", |d, t| {
            d.claims[0].baseline = t
        }),
        (K::Claim, "c-cost", "scope", |d, t| d.claims[0].scope = t),
        (K::Claim, "c-cost", "quote", |d, t| d.claims[0].quote = t),
        (K::Claim, "c-cost", "notes", |d, t| d.claims[0].notes = t),
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
        (K::Series, "share", "unit", |d, t| {
            d.series[0].unit = Unit::Other(t)
        }),
        (K::Series, "share", "notes", |d, t| d.series[0].notes = t),
        (K::Event, "release", "title", |d, t| d.events[0].title = t),
        (K::Event, "release", "description", |d, t| {
            d.events[0].description = t
        }),
    ]
}

/// Whether a field of [`text_fields`] may hold several lines (notes, descriptions, quotes).
fn multiline(field: &str) -> bool {
    matches!(
        field,
        "meta.description" | "notes" | "status[1].notes" | "quote" | "description"
    )
}

#[test]
fn terminal_escape_sequences_in_any_string_are_problems() {
    // Retitles the terminal (ESC ] 0 ; ... BEL) and clears it (ESC [ 2 J) when printed raw.
    let hostile = "Acme\u{1b}]0;pwned\u{7}\u{1b}[2J";
    for (kind, id, field, set) in text_fields() {
        let mut ds = sample();
        set(&mut ds, hostile.to_owned());
        expect_one(
            &ds,
            kind,
            id,
            field,
            "control character (U+001B) at character 5",
        );
    }
    // C1 controls and DEL too.
    for c in ['\u{85}', '\u{9b}', '\u{7f}', '\u{0}'] {
        let mut ds = sample();
        ds.people[0].name = format!("Ada{c}");
        expect_one(&ds, RecordKind::Person, "ada", "name", "control character");
    }
}

#[test]
fn line_breaks_only_in_fields_of_several_lines() {
    for (kind, id, field, set) in text_fields() {
        let mut ds = sample();
        set(&mut ds, "line one\nline two\twith a tab".to_owned());
        if multiline(field) {
            expect(&ds, &[]);
        } else {
            expect_one(&ds, kind, id, field, "line break");
        }
    }
    // A carriage return is a line break nowhere (files are read with `\n` line ends).
    let mut ds = sample();
    ds.claims[0].notes = "one\rtwo".into();
    expect_one(&ds, RecordKind::Claim, "c-cost", "notes", "line break");
}

#[test]
fn bidi_overrides_and_isolates_are_problems() {
    // Drawn as "Pinterestgpj.exe": the override reverses what follows it.
    let mut ds = sample();
    ds.organizations[0].name = "Pinterest\u{202e}exe.jpg".into();
    expect_one(
        &ds,
        RecordKind::Organization,
        "acme",
        "name",
        "bidirectional override or isolate (U+202E)",
    );
    for c in [
        '\u{202a}', '\u{202d}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
    ] {
        let mut ds = sample();
        ds.models[0].name = format!("Fam{c}7B");
        expect_one(&ds, RecordKind::Model, "fam-7b", "name", "bidirectional");
        // Several lines allowed, still no override.
        let mut ds = sample();
        ds.claims[0].quote = format!("costs{c} fell");
        expect_one(&ds, RecordKind::Claim, "c-cost", "quote", "bidirectional");
    }
    // Right-to-left text itself is fine.
    let mut ds = sample();
    ds.people[0].name = "أدا لوفلايس".into();
    expect(&ds, &[]);
}

#[test]
fn names_of_invisible_characters_only_are_problems() {
    use RecordKind as K;
    let names: Vec<Setter<String>> = vec![
        (K::Organization, "acme", "name", |d, t| {
            d.organizations[0].name = t
        }),
        (K::Person, "ada", "name", |d, t| d.people[0].name = t),
        (K::Role, "ada-cto", "title", |d, t| d.roles[0].title = t),
        (K::Family, "fam", "name", |d, t| d.families[0].name = t),
        (K::Model, "fam-7b", "name", |d, t| d.models[0].name = t),
        (K::Series, "share", "name", |d, t| d.series[0].name = t),
        (K::Event, "release", "title", |d, t| d.events[0].title = t),
        (K::Claim, "c-country", "subject", |d, t| {
            d.claims[4].subject = Subject::Country(t)
        }),
        // A source's title where it is all that names the source.
        (K::Source, "s1", "title", |d, t| {
            d.sources[0].locator.clear();
            d.sources[0].publisher.clear();
            d.sources[0].title = t;
        }),
    ];
    for invisible in [
        "\u{200b}",
        "\u{3164}",
        "\u{3164}\u{3164}\u{3164}",
        " \u{200b} \u{2060}\u{feff} ",
        "\u{115f}\u{1160}",
    ] {
        for (kind, id, field, set) in &names {
            let mut ds = sample();
            set(&mut ds, invisible.to_owned());
            expect_one(&ds, *kind, id, field, "invisible characters");
        }
    }
    // One visible letter is enough; a blank name is the "empty" rule's, reported once.
    let mut ds = sample();
    ds.organizations[0].name = "\u{200b}A\u{200b}".into();
    expect(&ds, &[]);
    let mut ds = sample();
    ds.organizations[0].name = "   ".into();
    expect_one(&ds, RecordKind::Organization, "acme", "name", "empty");
}

#[test]
fn a_combining_mark_with_no_letter_before_it_is_a_problem() {
    let mut ds = sample();
    ds.organizations[0].name = "\u{301}".into();
    expect_one(
        &ds,
        RecordKind::Organization,
        "acme",
        "name",
        "combining mark (U+0301)",
    );
    let mut ds = sample();
    ds.events[0].title = "Fam \u{301}7B released".into();
    expect_one(&ds, RecordKind::Event, "release", "title", "combining mark");
    // After its letter it is an accent: "Café" written with U+0301.
    let mut ds = sample();
    ds.organizations[0].name = "Cafe\u{301}".into();
    ds.people[0].name = "Zoe\u{308} Ada".into();
    expect(&ds, &[]);
}

#[test]
fn counts_must_be_whole() {
    // c-downloads: cumulative downloads, unit count, 10 to 20.
    let mut ds = sample();
    ds.claims[1].value = ClaimValue::Number(0.5);
    expect_one(
        &ds,
        RecordKind::Claim,
        "c-downloads",
        "value",
        "0.5 is not a whole number",
    );
    let mut ds = sample();
    ds.claims[1].value = ClaimValue::Range(10.0, 20.25);
    expect_one(&ds, RecordKind::Claim, "c-downloads", "value", "20.25");
    // A counting measure with no unit counts too; in an other unit ("million") it need not.
    let mut ds = sample();
    ds.claims[1].unit = Unit::None;
    ds.claims[1].value = ClaimValue::Number(2.5);
    expect_one(
        &ds,
        RecordKind::Claim,
        "c-downloads",
        "value",
        "Cumulative downloads is a count",
    );
    let mut ds = sample();
    ds.claims[1].unit = Unit::Other("million".into());
    ds.claims[1].value = ClaimValue::Number(2.5);
    expect(&ds, &[]);
    for metric in [
        Metric::MonthlyDownloads,
        Metric::PeriodDownloads,
        Metric::Derivatives,
        Metric::ModelCount,
        Metric::MonthlyActiveUsers,
        Metric::TrendingModels,
    ] {
        let mut ds = sample();
        ds.claims[1].metric = metric.clone();
        ds.claims[1].unit = Unit::None;
        ds.claims[1].value = ClaimValue::Number(1.5);
        expect_one(&ds, RecordKind::Claim, "c-downloads", "value", "whole");
    }
    // A series of counts: one problem for all its fractional points.
    let mut ds = sample();
    ds.series[0].metric = Metric::CumulativeDownloads;
    ds.series[0].unit = Unit::Count;
    ds.series[0].points[0].value = 0.5;
    ds.series[0].points[1].value = 17.5;
    expect_one(
        &ds,
        RecordKind::Series,
        "share",
        "points[0].value",
        "(and 1 more point like it)",
    );
}

#[test]
fn a_download_rank_is_whole_and_at_least_1() {
    let rank = |v: f64| {
        let mut ds = sample();
        ds.claims[1].metric = Metric::DownloadRank;
        ds.claims[1].unit = Unit::None;
        ds.claims[1].value = ClaimValue::Number(v);
        ds
    };
    expect_one(
        &rank(-3.0),
        RecordKind::Claim,
        "c-downloads",
        "value",
        "rank -3 is below 1",
    );
    expect_one(
        &rank(0.0),
        RecordKind::Claim,
        "c-downloads",
        "value",
        "below 1",
    );
    expect_one(
        &rank(2.5),
        RecordKind::Claim,
        "c-downloads",
        "value",
        "rank 2.5 is not a whole number",
    );
    expect(&rank(1.0), &[]);
    expect(&rank(250.0), &[]);
}

#[test]
fn a_share_needs_a_unit_and_at_most_100_percent() {
    // c-country: share of downloads, "more than 2.6 times" (a ratio is fine).
    let mut ds = sample();
    ds.claims[4].unit = Unit::None;
    ds.claims[4].value = ClaimValue::Number(150.0);
    expect(
        &ds,
        &[
            (RecordKind::Claim, "c-country", "unit", "no unit"),
            (
                RecordKind::Claim,
                "c-country",
                "value",
                "150 is more than 100%",
            ),
        ],
    );
    let mut ds = sample();
    ds.claims[4].unit = Unit::None;
    ds.claims[4].value = ClaimValue::Number(40.0);
    expect_one(
        &ds,
        RecordKind::Claim,
        "c-country",
        "unit",
        "percentage (%)",
    );
    // In percent, over 100 is the percentage rule's problem, reported once.
    let mut ds = sample();
    ds.claims[4].unit = Unit::Percent;
    ds.claims[4].value = ClaimValue::Number(150.0);
    expect_one(
        &ds,
        RecordKind::Claim,
        "c-country",
        "value",
        "outside 0..=100",
    );
    for metric in [
        Metric::DerivativeShare,
        Metric::ReleaseShare,
        Metric::UsageShare,
    ] {
        let mut ds = sample();
        ds.series[0].metric = metric;
        ds.series[0].unit = Unit::None;
        expect_one(&ds, RecordKind::Series, "share", "unit", "no unit");
    }
}

#[test]
fn a_value_of_the_wrong_kind_for_its_metric_or_unit() {
    // A percentage holding a date.
    let mut ds = sample();
    ds.claims[0].value = ClaimValue::Date(d("2024-06"));
    expect_one(
        &ds,
        RecordKind::Claim,
        "c-cost",
        "value",
        "a value in % must be a number, but this one is a date",
    );
    // Text under a count.
    let mut ds = sample();
    ds.claims[1].value = ClaimValue::Text("many".into());
    expect_one(
        &ds,
        RecordKind::Claim,
        "c-downloads",
        "value",
        "count must be a number",
    );
    // A Date measure holding a number or a range.
    for value in [ClaimValue::Number(2024.0), ClaimValue::Range(1.0, 2.0)] {
        let mut ds = sample();
        ds.claims[2].value = value;
        expect_one(
            &ds,
            RecordKind::Claim,
            "c-date",
            "value",
            "the measure is Date",
        );
    }
    // Downloads holding a date, with no unit.
    let mut ds = sample();
    ds.claims[1].unit = Unit::None;
    ds.claims[1].value = ClaimValue::Date(d("2024-06"));
    expect_one(
        &ds,
        RecordKind::Claim,
        "c-downloads",
        "value",
        "Cumulative downloads is a number, not a date",
    );
    // A series is numbers: its measure cannot be Date.
    let mut ds = sample();
    ds.series[0].metric = Metric::Date;
    ds.series[0].unit = Unit::None;
    expect_one(&ds, RecordKind::Series, "share", "metric", "cannot be Date");
    // Words for a measure of other things, and a date as a date, are fine.
    let mut ds = sample();
    ds.claims[1].unit = Unit::None;
    ds.claims[1].value = ClaimValue::Text("millions".into());
    ds.claims[2].value = ClaimValue::Text("early March".into());
    expect(&ds, &[]);
}

#[test]
fn model_sizes_between_a_thousand_and_100_trillion_parameters() {
    // fam-7b is dense (active equals total); fam-moe a mixture of experts.
    let mut ds = sample();
    ds.models[0].total_params_b = Some(1e308);
    ds.models[0].active_params_b = Some(1e308);
    expect(
        &ds,
        &[
            (
                RecordKind::Model,
                "fam-7b",
                "total_params_b",
                "1e308 billion is more than 100 trillion",
            ),
            (
                RecordKind::Model,
                "fam-7b",
                "active_params_b",
                "more than 100 trillion",
            ),
        ],
    );
    let mut ds = sample();
    ds.models[1].total_params_b = Some(1e-7);
    ds.models[1].active_params_b = Some(1e-8);
    expect(
        &ds,
        &[
            (
                RecordKind::Model,
                "fam-moe",
                "total_params_b",
                "fewer than 1,000 parameters",
            ),
            (
                RecordKind::Model,
                "fam-moe",
                "active_params_b",
                "fewer than 1,000",
            ),
        ],
    );
    // The bounds themselves, and a 1e308 total with its active share, are reported as such.
    let mut ds = sample();
    ds.models[1].total_params_b = Some(100_000.0);
    ds.models[1].active_params_b = Some(0.000_001);
    expect(&ds, &[]);
    let mut ds = sample();
    ds.models[1].total_params_b = Some(1e308);
    expect_one(
        &ds,
        RecordKind::Model,
        "fam-moe",
        "total_params_b",
        "100 trillion",
    );
    // A size stated in a claim follows the same bounds.
    let mut ds = sample();
    ds.claims[1].metric = Metric::Other("Parameters".into());
    ds.claims[1].unit = Unit::BillionParams;
    ds.claims[1].value = ClaimValue::Number(2e6);
    expect_one(
        &ds,
        RecordKind::Claim,
        "c-downloads",
        "value",
        "100 trillion",
    );
}

#[test]
fn dates_more_than_a_year_ahead_are_warnings() {
    let today = d("2026-03-01");
    let mut ds = sample();
    ds.claims[0].when = Some(When::On(d("9999-12-31")));
    let problems = validate_on(&ds, today);
    assert_in_words(&ds, &problems);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    let p = &problems[0];
    assert_eq!(
        (p.severity, p.kind, p.id.as_str(), p.field.as_str()),
        (Severity::Warning, RecordKind::Claim, "c-cost", "when")
    );
    assert!(p.is_warning() && !p.is_error());
    assert!(
        p.message
            .contains("9999-12-31 is more than a year after today (2026-03-01)"),
        "{}",
        p.message
    );
    assert!(
        p.to_string().starts_with("warning: claim c-cost: when: "),
        "{p}"
    );
    assert_eq!(problems_summary(&problems), "No problems, 1 warning");
    // The clock-free rules see nothing wrong.
    assert_eq!(validate(&ds), vec![]);

    // Up to a year ahead is fine, as is a year that may mean a day within one.
    for near in ["2027-03-01", "2027-02", "2027"] {
        let mut ds = sample();
        ds.events[0].date = Some(d(near));
        assert_eq!(validate_on(&ds, today), vec![], "{near}");
    }
    for far in ["2027-03-02", "2027-04", "2028"] {
        let mut ds = sample();
        ds.events[0].date = Some(d(far));
        let p = validate_on(&ds, today);
        assert_in_words(&ds, &p);
        assert_eq!(p.len(), 1, "{far}: {p:#?}");
        assert_eq!(
            (p[0].severity, p[0].field.as_str()),
            (Severity::Warning, "date")
        );
    }
    // Many late points of a series: one warning. An impossible date is an error, not also late.
    let mut ds = sample();
    ds.series[0].points[0].date = d("3000-01");
    ds.series[0].points[1].date = d("3000-02");
    ds.meta.date = Some(d("3000-02-30"));
    let p = validate_on(&ds, today);
    assert_in_words(&ds, &p);
    assert_eq!(p.len(), 2, "{p:#?}");
    assert_eq!(
        (p[0].severity, p[0].field.as_str()),
        (Severity::Error, "meta.date")
    );
    assert_eq!(
        (p[1].severity, p[1].field.as_str()),
        (Severity::Warning, "points[0].date")
    );
    assert!(
        p[1].message.contains("(and 1 more date here)"),
        "{}",
        p[1].message
    );
    assert_eq!(problems_summary(&p), "1 problem, 1 warning");
}

#[test]
fn the_benchmarks_synthetic_data_has_no_problem() {
    let today = d("2026-03-01");
    let ds = synth::scatter_series(40_000, 5);
    assert_eq!(validate_on(&ds, today), vec![]);
    let ds = synth::synthetic(2_000, 5);
    assert_eq!(validate_on(&ds, today), vec![]);
}
