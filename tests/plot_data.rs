//! Plot-data derivation on a small hand-built dataset whose every answer is known, then on the
//! built-in dataset: grouping, dates at their true precision, log scale, qualifiers, conflicts,
//! filtering, picking and the CSV export.

use std::sync::Arc;

use ai_adoption_explorer::app::BUILTIN_RON;
use ai_adoption_explorer::app::explorer::{Explorer, Index, ListQuery, ListTab};
use ai_adoption_explorer::io::load_bytes;
use ai_adoption_explorer::model::*;
use ai_adoption_explorer::plots::*;

/// Two labs (China, United States) and one without a country; models dated to the day, the
/// month, the year only and not at all; one mixture-of-experts model; one with zero parameters;
/// adoptions of models and of a family; outcome claims with every qualifier; download claims
/// with a recorded conflict; a series; events dated to the day, the year and not at all.
const SMALL: &str = r#"Dataset(
    format_version: 1,
    meta: Meta(
        title: "Small test data",
        date: Some("2025-06"),
        credits: ["Epoch AI, Notable models, CC BY 4.0", "Counts from other/repo data/other.json (MIT)"],
    ),
    sources: [
        Source(id: "s-a", publisher: "Epoch AI", kind: Dataset),
        Source(id: "s-b", title: "News, with a comma", kind: Press),
        Source(id: "s-c", title: "Original report", date: Some("2025-03-01"), kind: Study),
        Source(id: "s-d", locator: "reprint.example/x", kind: Web, via: Some("s-c")),
    ],
    organizations: [
        Organization(id: "lab-cn", name: "Dragon Lab", country: "China", kind: AiLab, sources: ["s-a"]),
        Organization(id: "lab-us", name: "Eagle Lab", country: "United States", kind: AiLab, sources: ["s-a"]),
        Organization(id: "acme", name: "Acme, Inc.", country: "United States", kind: Company, sources: ["s-b"]),
        Organization(id: "beta", name: "Beta 贝塔", country: "China", kind: Company, sources: ["s-b"]),
        Organization(id: "gamma", name: "Gamma", country: "France", kind: Company, sources: ["s-b"]),
        Organization(id: "lab-x", name: "Lab X", kind: AiLab, sources: ["s-b"]),
    ],
    families: [
        ModelFamily(id: "dragon", name: "Dragon", developer: "lab-cn", sources: ["s-a"]),
        ModelFamily(id: "eagle", name: "Eagle", developer: "lab-us", sources: ["s-a"]),
    ],
    models: [
        Model(id: "d1", name: "Dragon-1", family: Some("dragon"), developer: "lab-cn", release_date: Some("2024-05"), total_params_b: Some(7.0), sources: ["s-a"]),
        Model(id: "d2", name: "Dragon-2", family: Some("dragon"), developer: "lab-cn", release_date: Some("2024-11-02"), total_params_b: Some(671.0), active_params_b: Some(37.0), architecture: Some(MixtureOfExperts), sources: ["s-a", "s-b"]),
        Model(id: "d3", name: "Dragon-3", family: Some("dragon"), developer: "lab-cn", release_date: Some("2025"), total_params_b: Some(100.0), sources: ["s-a"]),
        Model(id: "e1", name: "Eagle-1", family: Some("eagle"), developer: "lab-us", release_date: Some("2024-04-10"), total_params_b: Some(70.0), sources: ["s-a"]),
        Model(id: "e2", name: "Eagle-2", family: Some("eagle"), developer: "lab-us", total_params_b: Some(405.0), sources: ["s-a"]),
        Model(id: "e3", name: "Eagle-3", family: Some("eagle"), developer: "lab-us", release_date: Some("2025-02"), total_params_b: Some(0.0), sources: ["s-a"]),
        Model(id: "x1", name: "Xeno", developer: "lab-x", release_date: Some("2025-01"), sources: ["s-b"]),
    ],
    adoptions: [
        Adoption(id: "a1", organization: "acme", target: Model("d1"), use_cases: ["search", "ads, ranking"], status: [
            StatusEntry(status: Evaluating, date: Some("2024-06"), sources: ["s-c"]),
            StatusEntry(status: Production, date: Some("2024-09-15")),
        ], sources: ["s-b"]),
        Adoption(id: "a2", organization: "acme", target: Family("eagle"), status: [StatusEntry(status: Experimenting, date: Some("2025"))], sources: ["s-b"]),
        Adoption(id: "a3", organization: "beta", target: Model("x1"), sources: ["s-b"]),
        Adoption(id: "a4", organization: "beta", target: Model("d2"), status: [StatusEntry(status: Production, date: Some("2025-01"))], sources: ["s-b"]),
    ],
    claims: [
        Claim(id: "o1", subject: Organization("acme"), metric: CostReduction, value: Number(90.0), unit: Percent, qualifier: UpTo, baseline: "proprietary models like \"X\"", source: "s-b", quote: "up to 90%"),
        Claim(id: "o2", subject: Adoption("a1"), metric: AccuracyGain, value: Number(30.0), unit: Percent, baseline: "leading off-the-shelf models", source: "s-b", quote: "30%"),
        Claim(id: "o3", subject: Adoption("a4"), metric: SpeedGain, value: Range(20.0, 30.0), unit: Percent, qualifier: About, baseline: "the old system", source: "s-b", quote: "20 to 30%"),
        Claim(id: "o4", subject: Organization("beta"), metric: CostReduction, value: Number(50.0), unit: Percent, qualifier: About, source: "s-b", quote: "about half"),
        Claim(id: "o5", subject: Organization("beta"), metric: AccuracyGain, value: Number(10.0), unit: Percent, qualifier: MoreThan, baseline: "before", source: "s-b", quote: ">10%"),
        Claim(id: "o6", subject: Organization("beta"), metric: SpeedGain, value: Number(2.6), unit: Times, baseline: "before", source: "s-b", quote: "2.6x"),
        Claim(id: "o7", subject: Organization("acme"), metric: CostReduction, value: Text("a lot"), source: "s-b", quote: "a lot"),
        Claim(id: "dl1", subject: Family("dragon"), metric: CumulativeDownloads, value: Number(1000000000.0), unit: Count, qualifier: About, when: Some(On("2025-03")), source: "s-b", quote: "~1B"),
        Claim(id: "dl2", subject: Family("eagle"), metric: CumulativeDownloads, value: Number(800000000.0), unit: Count, when: Some(On("2025-03-15")), source: "s-b", quote: "800M"),
        Claim(id: "dl3", subject: Family("dragon"), metric: Derivatives, value: Number(180000.0), unit: Count, qualifier: MoreThan, source: "s-d", quote: ">180,000"),
        Claim(id: "dl4", subject: Family("dragon"), metric: Derivatives, value: Number(150000.0), unit: Count, when: Some(On("2025")), source: "s-a", quote: "150,000"),
        Claim(id: "dl5", subject: Family("eagle"), metric: DownloadShare, value: Number(15.8), unit: Percent, when: Some(Between("2024-08", "2025-08")), source: "s-b", quote: "15.8%"),
        Claim(id: "dl6", subject: Family("eagle"), metric: PeriodDownloads, value: Number(50000000.0), unit: Count, when: Some(Between("2024-08", "2025-08")), source: "s-b", quote: "50M"),
        Claim(id: "dl7", subject: Family("dragon"), metric: MonthlyDownloads, value: Number(0.0), unit: Count, when: Some(On("2025-04")), source: "s-b", quote: "none"),
        Claim(id: "dl8", subject: Family("eagle"), metric: CumulativeDownloads, value: Number(1000000.0), unit: Count, source: "s-b", quote: "1M"),
        Claim(id: "dl9", subject: Family("dragon"), metric: DownloadRank, value: Number(1.0), when: Some(On("2025-09")), source: "s-b", quote: "most downloaded"),
    ],
    conflicts: [
        Conflict(id: "k1", kind: DifferentMeasure, records: [Claim("dl3"), Claim("dl4")], description: "Two counts of derivatives."),
    ],
    series: [
        Series(id: "ser1", name: "Dragon-1 monthly downloads", subject: Model("d1"), metric: MonthlyDownloads, unit: Count, points: [
            SeriesPoint(date: "2024-06", value: 10.0),
            SeriesPoint(date: "2024-07", value: 20.0),
            SeriesPoint(date: "2024", value: 5.0),
        ], sources: ["s-c"]),
    ],
    events: [
        Event(id: "ev1", date: Some("2024-05-20"), kind: Release, title: "Dragon-1 released", related: [Model("d1")], sources: ["s-a"]),
        Event(id: "ev2", kind: Other, title: "Undated", sources: ["s-b"]),
        Event(id: "ev3", date: Some("2024"), kind: Report, title: "A report", sources: ["s-c"]),
        Event(id: "ev4", date: Some("2025-01-02"), kind: Statement, title: "Eagle statement", related: [Model("e1")], sources: ["s-b"]),
    ],
)"#;

fn small() -> Dataset {
    load_bytes("small.ron", SMALL.as_bytes())
        .expect("the small dataset parses")
        .dataset
}

fn builtin() -> Dataset {
    load_bytes("data.ron", BUILTIN_RON.as_bytes())
        .expect("the built-in dataset parses")
        .dataset
}

fn all(n: usize) -> Vec<u32> {
    (0..n as u32).collect()
}

/// Derives `kind` with every organization and model.
fn plot(kind: PlotKind, ds: &Dataset) -> PlotData {
    let ix = Index::build(ds);
    derive(
        kind,
        ds,
        &ix,
        &all(ds.organizations.len()),
        &all(ds.models.len()),
        Vec::new(),
    )
}

fn marks_of(p: &PlotData, kind: MarkKind) -> Vec<&Mark> {
    p.marks.iter().filter(|m| m.kind == kind).collect()
}

fn mark_for<'a>(p: &'a PlotData, r: &RecordRef) -> Vec<&'a Mark> {
    p.marks
        .iter()
        .filter(|m| m.record.as_ref() == Some(r))
        .collect()
}

fn model(id: &str) -> RecordRef {
    RecordRef::Model(ModelId::new(id))
}

fn claim(id: &str) -> RecordRef {
    RecordRef::Claim(ClaimId::new(id))
}

fn has_note(p: &PlotData, text: &str) -> bool {
    p.notes.iter().any(|n| n.contains(text))
}

/// A small, strict CSV reader (RFC 4180 quoting) to check what `to_csv` writes.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                c => field.push(c),
            }
        } else {
            match c {
                '"' => {
                    assert!(field.is_empty(), "a quote inside an unquoted field");
                    quoted = true;
                }
                ',' => row.push(std::mem::take(&mut field)),
                '\n' => {
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                c => field.push(c),
            }
        }
    }
    assert!(!quoted, "unterminated quoted field");
    assert!(
        field.is_empty() && row.is_empty(),
        "the last line ends in a newline"
    );
    rows
}

// ---------------------------------------------------------------------------------------------
// Plot kinds
// ---------------------------------------------------------------------------------------------

#[test]
fn plot_names_round_trip() {
    let names: Vec<&str> = PlotKind::ALL.iter().map(|k| k.name()).collect();
    assert_eq!(
        names,
        [
            "release-timeline",
            "model-size",
            "who-uses-what",
            "outcomes",
            "downloads",
            "releases-per-quarter",
            "share-by-country"
        ]
    );
    for k in PlotKind::ALL {
        assert_eq!(PlotKind::from_name(k.name()), Some(k));
        assert!(!k.name().contains(' '));
        assert!(!k.title().is_empty());
    }
    assert_eq!(
        PlotKind::from_name(" Model-Size "),
        Some(PlotKind::ModelSize)
    );
    assert_eq!(PlotKind::from_name("pie"), None);
    assert_eq!(PlotKind::Outcomes.list_tab(), ListTab::Organizations);
    assert_eq!(PlotKind::Downloads.list_tab(), ListTab::Models);
}

// ---------------------------------------------------------------------------------------------
// Release timeline
// ---------------------------------------------------------------------------------------------

#[test]
fn timeline_groups_by_country_and_keeps_dates_at_their_precision() {
    let ds = small();
    let p = plot(PlotKind::ReleaseTimeline, &ds);
    assert_eq!(p.group_kind, GroupKind::Country);
    let Scale::Category(rows) = &p.y_axis.scale else {
        panic!("rows are countries")
    };
    assert_eq!(
        rows,
        &["Country unknown", "China", "United States", "Adoptions"]
    );
    assert_eq!(p.x_axis.scale, Scale::Time);

    let d1 = mark_for(&p, &model("d1"));
    assert_eq!(d1.len(), 1);
    assert_eq!(d1[0].kind, MarkKind::Point);
    assert_eq!(d1[0].group, "China");
    assert_eq!(d1[0].y, 1.0);
    assert_eq!(d1[0].date_text, "2024-05");
    assert_eq!(
        Some(d1[0].x),
        PartialDate::month(2024, 5).as_year_fraction()
    );
    assert_eq!(mark_for(&p, &model("e1"))[0].group, "United States");
    assert_eq!(mark_for(&p, &model("x1"))[0].group, "");

    // Year only: a span over the year, never a point at a made-up month.
    let d3 = mark_for(&p, &model("d3"));
    assert_eq!(d3.len(), 1);
    assert_eq!(d3[0].kind, MarkKind::YearSpan);
    assert_eq!((d3[0].x, d3[0].x2), (2025.0, Some(2026.0)));
    // Undated: not drawn, counted.
    assert!(mark_for(&p, &model("e2")).is_empty());
    // e2, adoption a3 (no status), event ev2.
    assert!(
        has_note(&p, "3 values without a date are not shown"),
        "{:?}",
        p.notes
    );

    // Size from parameters, a default without them, and a note saying so.
    assert!(d1[0].size < mark_for(&p, &model("d2"))[0].size);
    assert_eq!(mark_for(&p, &model("x1"))[0].size, DEFAULT_MARKER_RADIUS);
    assert!(has_note(
        &p,
        "2 models without a parameter count drawn at the default size"
    ));

    // Adoption steps and events have marks of their own kinds.
    let steps = marks_of(&p, MarkKind::Adoption);
    assert_eq!(steps.len(), 3, "a1 twice and a4; a2 is year-only");
    assert!(steps.iter().all(|m| m.y == 3.0));
    let a2 = mark_for(&p, &RecordRef::Adoption(AdoptionId::new("a2")));
    assert_eq!(a2[0].kind, MarkKind::YearSpan);
    let lines = marks_of(&p, MarkKind::EventLine);
    assert_eq!(lines.len(), 2);
    assert!(has_note(&p, "1 event dated only to a year"));

    // Legend: countries, then the styles used.
    let groups: Vec<&str> = p.legend.iter().filter_map(|l| l.group.as_deref()).collect();
    assert_eq!(groups, ["", "China", "United States"]);
    assert!(
        p.legend
            .iter()
            .any(|l| l.mark == MarkKind::YearSpan && l.group.is_none())
    );
}

#[test]
fn filtering_models_narrows_the_timeline() {
    let ds = small();
    let ix = Index::build(&ds);
    // Only Eagle-1.
    let p = derive(
        PlotKind::ReleaseTimeline,
        &ds,
        &ix,
        &[],
        &[3],
        vec!["family: Eagle".into()],
    );
    let models: Vec<&Mark> = p
        .marks
        .iter()
        .filter(|m| matches!(m.record, Some(RecordRef::Model(_))))
        .collect();
    assert_eq!(models.len(), 1);
    // The family adoption of Eagle stays; Dragon's adoptions and event go.
    assert!(mark_for(&p, &RecordRef::Adoption(AdoptionId::new("a2"))).len() == 1);
    assert!(mark_for(&p, &RecordRef::Adoption(AdoptionId::new("a1"))).is_empty());
    assert!(mark_for(&p, &RecordRef::Event(EventId::new("ev1"))).is_empty());
    assert_eq!(
        mark_for(&p, &RecordRef::Event(EventId::new("ev4"))).len(),
        1
    );
    assert_eq!(p.footer.filters, ["family: Eagle"]);
    assert!(
        p.footer
            .lines()
            .iter()
            .any(|l| l == "Filters: family: Eagle")
    );
}

// ---------------------------------------------------------------------------------------------
// Model size
// ---------------------------------------------------------------------------------------------

#[test]
fn model_size_is_log_scaled_without_zero_or_missing_values() {
    let ds = small();
    let p = plot(PlotKind::ModelSize, &ds);
    assert_eq!(p.y_axis.scale, Scale::Log10);
    assert!(p.y_axis.title.contains("log scale"));
    // Total points: d1, d2, e1 (d3 year-only, e2 undated, e3 zero, x1 missing).
    let totals = marks_of(&p, MarkKind::TotalParams);
    let ids: Vec<&str> = totals
        .iter()
        .filter_map(|m| match &m.record {
            Some(RecordRef::Model(i)) => Some(i.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(ids, ["d1", "d2", "e1"]);
    assert!((totals[0].y - 7e9f64.log10()).abs() < 1e-12);
    assert_eq!(totals[0].value, Some(7.0));
    assert!(
        has_note(&p, "2 items with zero or missing values not shown"),
        "{:?}",
        p.notes
    );
    assert!(has_note(&p, "1 value without a date is not shown"));
    assert!(has_note(&p, "1 model with only a release year not shown"));
    // Ticks at powers of ten, labelled in words.
    let labels: Vec<&str> = p.y_axis.ticks.iter().map(|(_, l)| l.as_str()).collect();
    assert_eq!(labels, ["1B", "10B", "100B", "1T"]);
    assert!(p.y_axis.ticks.iter().all(|(v, _)| v.fract() == 0.0));
}

/// Parameter counts the log axis cannot place (1e308 billion overflows, infinity, NaN) are
/// counted in a note with the reason; the axis keeps its labelled powers of ten; a huge but
/// finite count is placed and the ticks thin out to stay labelled.
#[test]
fn model_size_counts_what_it_cannot_place_and_stays_labelled() {
    let mut ds = small();
    let d1 = ds
        .models
        .iter()
        .position(|m| m.id.as_str() == "d1")
        .unwrap();
    let e1 = ds
        .models
        .iter()
        .position(|m| m.id.as_str() == "e1")
        .unwrap();
    let d2 = ds
        .models
        .iter()
        .position(|m| m.id.as_str() == "d2")
        .unwrap();
    ds.models[d1].total_params_b = Some(1e308);
    ds.models[e1].total_params_b = Some(f64::INFINITY);
    ds.models[d2].active_params_b = Some(f64::NAN);
    let p = plot(PlotKind::ModelSize, &ds);
    let totals = marks_of(&p, MarkKind::TotalParams);
    assert_eq!(totals.len(), 1, "only d2 is placed");
    assert!(
        p.marks.iter().all(|m| m.y.is_finite() && m.y > 5.0),
        "nothing at 0"
    );
    assert!(
        has_note(
            &p,
            "1 parameter count not shown: too large to place on the axis"
        ),
        "{:?}",
        p.notes
    );
    assert!(
        has_note(
            &p,
            "2 parameter counts not shown: not a number (NaN or infinite)"
        ),
        "{:?}",
        p.notes
    );
    let labels: Vec<&str> = p.y_axis.ticks.iter().map(|(_, l)| l.as_str()).collect();
    assert_eq!(labels, ["100B", "1T"]);

    // 1e290 billion is finite: placed at the top of an axis of a few hundred powers of ten,
    // labelled every so many powers.
    ds.models[d1].total_params_b = Some(1e290);
    let p = plot(PlotKind::ModelSize, &ds);
    assert_eq!(marks_of(&p, MarkKind::TotalParams).len(), 2);
    let ticks = &p.y_axis.ticks;
    assert!((2..=17).contains(&ticks.len()), "{ticks:?}");
    assert!(
        ticks[0].0 <= 11.0 && ticks[ticks.len() - 1].0 >= 299.0,
        "{ticks:?}"
    );
    assert!(
        ticks.iter().all(|(_, l)| !l.is_empty() && l.len() < 8),
        "{ticks:?}"
    );
}

#[test]
fn mixture_of_experts_has_active_and_total_linked() {
    let ds = small();
    let p = plot(PlotKind::ModelSize, &ds);
    let d2 = mark_for(&p, &model("d2"));
    assert_eq!(d2.len(), 2);
    let total = p
        .marks
        .iter()
        .position(|m| m.kind == MarkKind::TotalParams && m.record == Some(model("d2")))
        .expect("a total point");
    let active = d2
        .iter()
        .find(|m| m.kind == MarkKind::ActiveParams)
        .expect("an active point");
    assert_eq!(active.link, Some(total));
    assert_eq!(active.x, p.marks[total].x);
    assert!((active.y - 37e9f64.log10()).abs() < 1e-12);
    assert!(active.value_text.contains("37B"));
    // Dense models have no active point.
    assert_eq!(marks_of(&p, MarkKind::ActiveParams).len(), 1);
}

#[test]
fn model_size_groups_by_family_on_request() {
    let ds = small();
    let ix = Index::build(&ds);
    let options = DeriveOptions {
        group_by: GroupBy::Family,
        ..DeriveOptions::default()
    };
    let p = derive_with(
        PlotKind::ModelSize,
        &ds,
        &ix,
        &[],
        &all(ds.models.len()),
        Vec::new(),
        &options,
    );
    assert_eq!(p.group_kind, GroupKind::Family);
    assert_eq!(mark_for(&p, &model("d1"))[0].group, "dragon");
    assert_eq!(mark_for(&p, &model("e1"))[0].group, "eagle");
    let labels: Vec<&str> = p
        .legend
        .iter()
        .filter(|l| l.group.is_some())
        .map(|l| l.label.as_str())
        .collect();
    assert_eq!(labels, ["Dragon", "Eagle"]);
    let by_country = plot(PlotKind::ModelSize, &ds);
    assert_eq!(mark_for(&by_country, &model("d1"))[0].group, "China");
}

// ---------------------------------------------------------------------------------------------
// Who uses what
// ---------------------------------------------------------------------------------------------

#[test]
fn matrix_has_rows_of_adopters_and_columns_of_families() {
    let ds = small();
    let p = plot(PlotKind::WhoUsesWhat, &ds);
    let Scale::Category(rows) = &p.y_axis.scale else {
        panic!("rows")
    };
    let Scale::Category(cols) = &p.x_axis.scale else {
        panic!("columns")
    };
    assert_eq!(rows, &["Acme, Inc.", "Beta 贝塔"]);
    assert_eq!(cols, &["Dragon", "Eagle", "Xeno"]);
    assert_eq!(p.marks.len(), 4);
    assert!(p.marks.iter().all(|m| m.kind == MarkKind::Cell));
    let a1 = &mark_for(&p, &RecordRef::Adoption(AdoptionId::new("a1")))[0];
    assert_eq!((a1.x, a1.y), (0.0, 0.0));
    assert_eq!(a1.group, "China");
    assert_eq!(a1.value_text, "search, ads, ranking · In production");
    assert_eq!(a1.date_text, "2024-09-15");
    assert_eq!(a1.sources, [SourceId::new("s-b"), SourceId::new("s-c")]);
    let a2 = &mark_for(&p, &RecordRef::Adoption(AdoptionId::new("a2")))[0];
    assert_eq!((a2.x, a2.y, a2.group.as_str()), (1.0, 0.0, "United States"));
    let a3 = &mark_for(&p, &RecordRef::Adoption(AdoptionId::new("a3")))[0];
    assert_eq!((a3.x, a3.y, a3.group.as_str()), (2.0, 1.0, ""));
    assert!(a3.value_text.contains("status not stated"));
    assert!(has_note(&p, "4 organizations without adoptions not shown"));
}

#[test]
fn filtering_organizations_narrows_the_matrix_and_outcomes() {
    let ds = small();
    let ix = Index::build(&ds);
    let beta = [ix.org(&OrgId::new("beta")).expect("beta") as u32];
    let m = derive(PlotKind::WhoUsesWhat, &ds, &ix, &beta, &[], vec![]);
    assert_eq!(m.marks.len(), 2);
    let o = derive(PlotKind::Outcomes, &ds, &ix, &beta, &[], vec![]);
    let ids: Vec<RecordRef> = o.marks.iter().filter_map(|m| m.record.clone()).collect();
    assert_eq!(ids, [claim("o5"), claim("o4"), claim("o3")]);
    let none = derive(PlotKind::Outcomes, &ds, &ix, &[], &[], vec![]);
    assert!(none.marks.is_empty());
    assert!(has_note(&none, "Nothing to show"));
}

// ---------------------------------------------------------------------------------------------
// Outcomes
// ---------------------------------------------------------------------------------------------

#[test]
fn qualifiers_map_to_honest_mark_kinds() {
    use ClaimValue::{Number, Range, Text};
    assert_eq!(
        outcome_mark_kind(&Number(1.0), Qualifier::Exact),
        Some(MarkKind::Bar)
    );
    assert_eq!(
        outcome_mark_kind(&Number(1.0), Qualifier::UpTo),
        Some(MarkKind::UpTo)
    );
    assert_eq!(
        outcome_mark_kind(&Number(1.0), Qualifier::About),
        Some(MarkKind::Hollow)
    );
    assert_eq!(
        outcome_mark_kind(&Number(1.0), Qualifier::AtLeast),
        Some(MarkKind::AtLeast)
    );
    assert_eq!(
        outcome_mark_kind(&Number(1.0), Qualifier::MoreThan),
        Some(MarkKind::AtLeast)
    );
    assert_eq!(
        outcome_mark_kind(&Range(1.0, 2.0), Qualifier::About),
        Some(MarkKind::Range)
    );
    assert_eq!(
        outcome_mark_kind(&Text("a lot".into()), Qualifier::Exact),
        None
    );

    let ds = small();
    let p = plot(PlotKind::Outcomes, &ds);
    let kind_of = |id: &str| mark_for(&p, &claim(id))[0].kind;
    assert_eq!(kind_of("o1"), MarkKind::UpTo);
    assert_eq!(kind_of("o2"), MarkKind::Bar);
    assert_eq!(kind_of("o3"), MarkKind::Range);
    assert_eq!(kind_of("o4"), MarkKind::Hollow);
    assert_eq!(kind_of("o5"), MarkKind::AtLeast);
    let o1 = mark_for(&p, &claim("o1"))[0];
    assert_eq!((o1.y, o1.y2), (90.0, Some(0.0)));
    assert_eq!(o1.value_text, "up to 90%");
    assert!(o1.label.contains("vs proprietary models like \"X\""));
    let o3 = mark_for(&p, &claim("o3"))[0];
    assert_eq!((o3.y, o3.y2), (30.0, Some(20.0)));
    assert_eq!(o3.value_text, "about 20–30%");
    let o4 = mark_for(&p, &claim("o4"))[0];
    assert_eq!(o4.y2, None);
    assert!(o4.label.contains("baseline not stated"));
    // Ratios and words are not drawn on a percent axis, and say so.
    assert!(mark_for(&p, &claim("o6")).is_empty());
    assert!(mark_for(&p, &claim("o7")).is_empty());
    assert!(has_note(&p, "1 outcome in units other than percent"));
    assert!(has_note(&p, "1 outcome stated in words"));
    // One category per claim; a legend entry for each metric and each style used.
    let Scale::Category(cats) = &p.x_axis.scale else {
        panic!("categories")
    };
    assert_eq!(cats.len(), p.marks.len());
    let styles: Vec<MarkKind> = p
        .legend
        .iter()
        .filter(|l| l.group.is_none())
        .map(|l| l.mark)
        .collect();
    for k in [
        MarkKind::UpTo,
        MarkKind::Bar,
        MarkKind::Range,
        MarkKind::Hollow,
        MarkKind::AtLeast,
    ] {
        assert!(styles.contains(&k), "{k:?} explained in the legend");
    }
    assert!(p.legend.iter().any(|l| l.label.contains("up to")));
}

// ---------------------------------------------------------------------------------------------
// Downloads
// ---------------------------------------------------------------------------------------------

#[test]
fn downloads_keep_counts_dates_and_conflicts_honest() {
    let ds = small();
    let p = plot(PlotKind::Downloads, &ds);
    assert_eq!(p.group_kind, GroupKind::Family);
    let one = |id: &str| {
        let v = mark_for(&p, &claim(id));
        assert_eq!(v.len(), 1, "{id}");
        v[0].clone()
    };
    let dl1 = one("dl1");
    assert_eq!(dl1.kind, MarkKind::Hollow);
    // Coloured by subject (a family keeps its colour in every figure), on its measure's panel.
    assert_eq!(dl1.group, "dragon");
    assert!((dl1.y - 9.0).abs() < 1e-12);
    assert_eq!(one("dl2").kind, MarkKind::Point);
    // No date of its own: at its original source's date, and said so.
    let dl3 = one("dl3");
    assert_eq!(dl3.kind, MarkKind::AtLeast);
    assert_eq!(Some(dl3.x), PartialDate::day(2025, 3, 1).as_year_fraction());
    assert!(dl3.date_text.starts_with("reported 2025-03-01"));
    assert!(
        has_note(&p, "placed at their source's publication date")
            || has_note(&p, "placed at its source")
    );
    // Year only: a span.
    let dl4 = one("dl4");
    assert_eq!(
        (dl4.kind, dl4.x, dl4.x2),
        (MarkKind::YearSpan, 2025.0, Some(2026.0))
    );
    // Both sides of the conflict are drawn and flagged.
    assert_eq!(dl3.in_conflict, Some(ConflictId::new("k1")));
    assert_eq!(dl4.in_conflict, Some(ConflictId::new("k1")));
    assert_eq!(one("dl1").in_conflict, None);
    assert!(has_note(&p, "2 marks are in a recorded conflict"));
    // A period: a span from its first to its last month.
    let dl6 = one("dl6");
    assert_eq!(dl6.kind, MarkKind::TimeSpan);
    assert!((dl6.x - (2024.0 + 7.0 / 12.0)).abs() < 1e-12);
    assert!((dl6.x2.unwrap_or_default() - (2025.0 + 8.0 / 12.0)).abs() < 1e-12);
    // A share is drawn in percent on its own panel.
    let dl5 = one("dl5");
    assert_eq!(dl5.y, 15.8);
    // Zero is not on a log axis; undated is not on a time axis.
    assert!(mark_for(&p, &claim("dl7")).is_empty());
    assert!(has_note(&p, "1 item with zero or missing values not shown"));
    assert!(mark_for(&p, &claim("dl8")).is_empty());
    assert!(has_note(&p, "1 value without a date is not shown"));
    // A rank is a point on the rank panel, not a count.
    let dl9 = one("dl9");
    assert_eq!((dl9.kind, dl9.y), (MarkKind::Point, 1.0));
    // A single model's series is summarised when every model is listed.
    assert!(mark_for(&p, &RecordRef::Series(SeriesId::new("ser1"))).is_empty());
    assert!(has_note(
        &p,
        "1 single-model figure of 2024-06 (downloads per month)"
    ));
}

#[test]
fn filtering_models_narrows_downloads() {
    let ds = small();
    let ix = Index::build(&ds);
    let eagle_only = [3u32, 4, 5];
    let p = derive(PlotKind::Downloads, &ds, &ix, &[], &eagle_only, vec![]);
    assert!(!p.marks.is_empty());
    assert!(p.marks.iter().all(|m| m.group == "eagle"), "{:?}", p.marks);
    // Narrowed to a few models, the figures about single models are drawn: the series'
    // month-dated points, its year-only point a span, joined only where dated to the month.
    let dragon_1 = [0u32];
    let p = derive(PlotKind::Downloads, &ds, &ix, &[], &dragon_1, vec![]);
    let ser = mark_for(&p, &RecordRef::Series(SeriesId::new("ser1")));
    let kinds: Vec<MarkKind> = ser.iter().map(|m| m.kind).collect();
    assert_eq!(
        kinds,
        [MarkKind::Point, MarkKind::Point, MarkKind::YearSpan]
    );
    assert_eq!(ser[0].group, "model:d1");
    let monthly = p
        .panels
        .iter()
        .find(|q| q.title.starts_with("Downloads per month"))
        .expect("a monthly panel");
    let s = &monthly.series[0];
    assert_eq!(
        (s.name.as_str(), s.marks.len(), s.line.len()),
        ("Dragon-1", 3, 2)
    );
}

// ---------------------------------------------------------------------------------------------
// Releases per quarter
// ---------------------------------------------------------------------------------------------

#[test]
fn quarters_count_only_month_or_day_dated_releases() {
    let ds = small();
    let p = plot(PlotKind::ReleasesPerQuarter, &ds);
    let segs = marks_of(&p, MarkKind::StackSegment);
    assert_eq!(segs.len(), p.marks.len());
    let total: f64 = segs.iter().filter_map(|m| m.value).sum();
    // d1 2024-05, d2 2024-11-02, e1 2024-04-10, e3 2025-02, x1 2025-01.
    assert_eq!(total, 5.0);
    let members: usize = segs.iter().map(|m| m.members.len()).sum();
    assert_eq!(members, 5);
    // 2024 Q2 holds d1 (China) and e1 (United States), stacked.
    let q2: Vec<&&Mark> = segs.iter().filter(|m| m.date_text == "Q2 2024").collect();
    assert_eq!(q2.len(), 2);
    assert_eq!(
        (q2[0].group.as_str(), q2[0].y2, q2[0].y),
        ("China", Some(0.0), 1.0)
    );
    assert_eq!(
        (q2[1].group.as_str(), q2[1].y2, q2[1].y),
        ("United States", Some(1.0), 2.0)
    );
    assert!((q2[0].x - 2024.375).abs() < 1e-12);
    assert!(has_note(&p, "1 model with only a release year not counted"));
    assert!(has_note(&p, "1 model without a release date not counted"));
}

// ---------------------------------------------------------------------------------------------
// Footer
// ---------------------------------------------------------------------------------------------

#[test]
fn footer_lists_sources_filters_dataset_and_credits_used() {
    let ds = small();
    let p = plot(PlotKind::Outcomes, &ds);
    assert_eq!(p.footer.sources, [SourceId::new("s-b")]);
    assert_eq!(p.footer.dataset, "Small test data, 2025-06");
    // No Epoch source behind outcomes; the unattributable credit stays.
    assert_eq!(
        p.footer.credits,
        ["Counts from other/repo data/other.json (MIT)"]
    );
    let lines = p.footer.lines();
    // The footer names the source by its title; the CSV has the id, publisher and locator.
    assert_eq!(lines[0], "Source: News, with a comma");
    assert!(p.footer.source_labels[0].starts_with("s-b: News, with a comma"));
    assert_eq!(lines[1], "Filters: none");
    assert_eq!(lines[2], "Dataset: Small test data, 2025-06");
    let t = plot(PlotKind::ReleaseTimeline, &ds);
    assert!(t.footer.credits.iter().any(|c| c.starts_with("Epoch AI")));
    // Sources are distinct, in order of first use.
    let mut seen = t.footer.sources.clone();
    seen.dedup();
    assert_eq!(seen.len(), t.footer.sources.len());
    assert_eq!(t.footer.sources[0], SourceId::new("s-a"));
    assert_eq!(t.footer.source_labels.len(), t.footer.sources.len());
    // Every mark's sources are in the footer.
    for kind in PlotKind::ALL {
        let p = plot(kind, &ds);
        for m in &p.marks {
            for s in &m.sources {
                assert!(p.footer.sources.contains(s), "{kind:?} {s}");
            }
        }
    }
}

/// Sources of every kind the short source line groups: a dataset with a publisher, primary
/// sources (repositories of two developers), a press article and a reprint of it, a local text
/// file. Used by: Epoch AI 5 models, the repositories 3 (Dragon Lab 2, Eagle Lab 1), the BBC 2
/// (one through its reprint), the text file 1.
const SOURCED: &str = r#"Dataset(
    format_version: 2,
    meta: Meta(title: "Sourced", credits: ["Epoch AI, Notable models, CC BY 4.0"]),
    sources: [
        Source(id: "epoch", publisher: "Epoch AI", locator: "somebody/copy@abc:data/epoch.csv", kind: Dataset),
        Source(id: "readme-d", locator: "dragon-org/Dragon-1@abc:README.md", kind: Primary),
        Source(id: "license-d", locator: "dragon-org/Dragon-1@abc:LICENSE", kind: Primary),
        Source(id: "readme-e", locator: "eagle-org/Eagle@def:README.md", kind: Primary),
        Source(id: "bbc", title: "A story", publisher: "BBC", kind: Press),
        Source(id: "reprint", locator: "europesays.com/uk/?p=716407", kind: Press, via: Some("bbc")),
        Source(id: "article", locator: "shared/sources/000_b9b3d6cb2cdf0734.txt", kind: Press),
    ],
    organizations: [
        Organization(id: "lab-cn", name: "Dragon Lab", country: "China", kind: AiLab),
        Organization(id: "lab-us", name: "Eagle Lab", country: "United States", kind: AiLab),
    ],
    models: [
        Model(id: "d1", name: "Dragon-1", developer: "lab-cn", release_date: Some("2024-05"), sources: ["epoch", "readme-d", "license-d"]),
        Model(id: "d2", name: "Dragon-2", developer: "lab-cn", release_date: Some("2024-08"), sources: ["epoch", "readme-d", "reprint"]),
        Model(id: "d3", name: "Dragon-3", developer: "lab-cn", release_date: Some("2024-11"), sources: ["epoch", "article"]),
        Model(id: "e1", name: "Eagle-1", developer: "lab-us", release_date: Some("2024-04"), sources: ["epoch", "readme-e", "bbc"]),
        Model(id: "e2", name: "Eagle-2", developer: "lab-us", release_date: Some("2025-02"), sources: ["epoch"]),
    ],
)"#;

#[test]
fn the_source_line_groups_sources_by_publisher_developer_and_original_most_used_first() {
    let ds = load_bytes("sourced.ron", SOURCED.as_bytes())
        .expect("the sourced dataset parses")
        .dataset;
    let p = plot(PlotKind::ReleaseTimeline, &ds);
    let everything = |_: &str| true;
    // Publisher (Epoch AI), the primary sources by developer (not "dragon-org"), the reprint
    // credited to the BBC, the local file by what it is, never by its path; most used first.
    assert_eq!(
        p.footer.source_line(&everything),
        "Source: Epoch AI; model cards and repositories of Dragon Lab, Eagle Lab; BBC; \
         news article (supplied as a text file)"
    );
    // Too long: the least used names go first, and the line says how many.
    assert_eq!(
        p.footer.source_line(&|l: &str| l.chars().count() <= 80),
        "Source: Epoch AI; model cards and repositories of Dragon Lab; BBC; and 2 more"
    );
    assert_eq!(
        p.footer.source_line(&|l: &str| l.chars().count() <= 30),
        "Source: Epoch AI; and 4 more"
    );
    // Not even one name fits: the most used one still stands.
    assert_eq!(
        p.footer.source_line(&|_: &str| false),
        "Source: Epoch AI; and 4 more"
    );
    let groups = source_groups(&p.footer.full_sources);
    let uses: Vec<(&str, usize)> = groups.iter().map(|g| (g.name.as_str(), g.marks)).collect();
    assert_eq!(
        uses,
        [
            ("Epoch AI", 5),
            (PRIMARY_GROUP, 3),
            ("BBC", 2),
            ("news article (supplied as a text file)", 1)
        ]
    );
    assert_eq!(
        groups[1].developers,
        [("Dragon Lab".to_owned(), 2), ("Eagle Lab".to_owned(), 1)]
    );
    // The complete list keeps every source with its locator, reprint and marks.
    let full = &p.footer.full_sources;
    assert_eq!(full.len(), 7);
    let reprint = full.iter().find(|s| s.id.as_str() == "reprint").unwrap();
    assert_eq!(reprint.via, Some(SourceId::new("bbc")));
    assert_eq!(reprint.locator, "europesays.com/uk/?p=716407");
    assert_eq!(reprint.credit, Credit::Named("BBC".into()));
    assert_eq!(reprint.mark_count(), 1);
    let epoch = full.iter().find(|s| s.id.as_str() == "epoch").unwrap();
    assert_eq!(epoch.mark_count(), 5);
    // So does the CSV, mark by mark; the credits line keeps the dataset's licence.
    let csv = to_csv(&p);
    assert!(
        csv.contains("shared/sources/000_b9b3d6cb2cdf0734.txt"),
        "{csv}"
    );
    assert!(csv.contains("dragon-org/Dragon-1@abc:LICENSE"));
    assert!(csv.contains("europesays.com/uk/?p=716407"));
    let lines = p.footer.lines();
    assert!(!lines[0].contains("shared/sources"), "{}", lines[0]);
    assert_eq!(
        lines.last().unwrap(),
        "Data credits: Epoch AI, Notable models, CC BY 4.0"
    );
    // A view without China credits only what it still shows.
    let us = p.footer.for_shown(&p, &|m: &Mark| m.group != "China");
    assert_eq!(
        us.source_line(&everything),
        "Source: Epoch AI; model cards and repositories of Eagle Lab; BBC"
    );
    assert_eq!(us.sources.len(), us.full_sources.len());
    assert_eq!(us.sources.len(), 3);
}

// ---------------------------------------------------------------------------------------------
// Picking
// ---------------------------------------------------------------------------------------------

#[test]
fn nearest_mark_picks_in_screen_pixels() {
    let ds = small();
    let p = plot(PlotKind::ModelSize, &ds);
    let d1 = p
        .marks
        .iter()
        .position(|m| m.record == Some(model("d1")))
        .expect("d1");
    let (x, y) = (p.marks[d1].x, p.marks[d1].y);
    // 1 px = 0.01 year horizontally, 0.01 decade vertically.
    assert_eq!(
        nearest_mark(&p, x + 0.03, y - 0.04, 0.01, 0.01, 6.0),
        Some(d1)
    );
    assert_eq!(nearest_mark(&p, x + 0.03, y - 0.04, 0.01, 0.01, 4.9), None);
    // The same plot distance is far on a zoomed-in axis.
    assert_eq!(nearest_mark(&p, x + 0.03, y, 0.001, 0.01, 10.0), None);
    assert_eq!(nearest_mark(&p, f64::NAN, y, 0.01, 0.01, 10.0), None);

    // Inside a bar counts as on it; a point beats a bar at the same distance.
    let o = plot(PlotKind::Outcomes, &ds);
    let o1 = o
        .marks
        .iter()
        .position(|m| m.record == Some(claim("o1")))
        .expect("o1");
    assert_eq!(
        nearest_mark(&o, o.marks[o1].x + 0.2, 45.0, 0.01, 0.5, 1.0),
        Some(o1)
    );
    assert_eq!(nearest_mark(&o, o.marks[o1].x, 200.0, 0.01, 0.5, 5.0), None);

    // Event lines span the plot's height.
    let t = plot(PlotKind::ReleaseTimeline, &ds);
    let ev = t
        .marks
        .iter()
        .position(|m| m.record == Some(RecordRef::Event(EventId::new("ev4"))))
        .expect("ev4");
    assert_eq!(
        nearest_mark(&t, t.marks[ev].x, 1000.0, 0.001, 0.01, 3.0),
        Some(ev)
    );
}

// ---------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------

#[test]
fn csv_has_one_row_per_mark_and_survives_quoting() {
    let ds = small();
    for kind in PlotKind::ALL {
        let p = plot(kind, &ds);
        let rows = parse_csv(&to_csv(&p));
        assert_eq!(rows.len(), p.marks.len() + 1, "{kind:?}");
        let width = rows[0].len();
        assert!(rows.iter().all(|r| r.len() == width), "{kind:?}");
        assert_eq!(rows[0][0], "plot");
        for (r, m) in rows[1..].iter().zip(&p.marks) {
            assert_eq!(r[0], kind.name());
            assert_eq!(r[1], m.kind.name());
            assert_eq!(r[3], m.label);
            let sources: Vec<&str> = m.sources.iter().map(SourceId::as_str).collect();
            assert_eq!(r[16], sources.join(";"));
        }
    }
    // Commas, quotes and CJK in labels and values come back exactly.
    let mut p = plot(PlotKind::WhoUsesWhat, &ds);
    p.marks[0].label = "逗号, \"引号\"\nand a new line".to_owned();
    p.marks[1].value_text = " leading and trailing ".to_owned();
    let rows = parse_csv(&to_csv(&p));
    assert_eq!(rows.len(), p.marks.len() + 1);
    assert_eq!(rows[1][3], "逗号, \"引号\"\nand a new line");
    assert_eq!(rows[2][11], " leading and trailing ");
    assert!(rows.iter().any(|r| r[3].contains("Beta 贝塔")));
    assert!(
        rows.iter()
            .any(|r| r[11] == "search, ads, ranking · In production")
    );
}

// ---------------------------------------------------------------------------------------------
// The built-in dataset
// ---------------------------------------------------------------------------------------------

#[test]
fn builtin_pinterest_up_to_90_is_open_ended_with_its_baseline() {
    let ds = builtin();
    let p = plot(PlotKind::Outcomes, &ds);
    let up = mark_for(&p, &claim("pinterest-cost-article"));
    assert_eq!(up.len(), 1);
    assert_eq!(up[0].kind, MarkKind::UpTo);
    assert_eq!(up[0].value_text, "up to 90%");
    assert!(
        up[0]
            .label
            .contains("vs proprietary systems from U.S. developers like OpenAI"),
        "{}",
        up[0].label
    );
    let about = mark_for(&p, &claim("pinterest-cost-bbc"));
    assert_eq!(about[0].kind, MarkKind::Hollow);
    assert!(about[0].label.contains("leading off-the-shelf models"));
    assert_eq!(
        up[0].in_conflict,
        Some(ConflictId::new("pinterest-cost-saving"))
    );
    let bars = marks_of(&p, MarkKind::Bar);
    assert_eq!(bars.len(), 2, "the two 30% accuracy claims");
}

#[test]
fn builtin_downloads_show_qwen_and_llama_with_conflicts_flagged() {
    let ds = builtin();
    let p = plot(PlotKind::Downloads, &ds);
    assert!(p.marks.iter().any(|m| m.group == "qwen"));
    assert!(p.marks.iter().any(|m| m.group == "llama"));
    // Both counts of Qwen derivatives are visible and flagged with their conflict.
    for id in ["qwen-derivatives-180k", "qwen-derivatives-summer-2026"] {
        let m = mark_for(&p, &claim(id));
        assert_eq!(m.len(), 1, "{id}");
        assert_eq!(
            m[0].in_conflict,
            Some(ConflictId::new("qwen-derivative-counts"))
        );
    }
    // The passing-Llama rank claims that have a month are points on the rank panel, flagged.
    // (Xinhua's "by October 2025" says only that Qwen passed Llama, no rank, so it is not on
    // this plot.)
    let rank = mark_for(&p, &claim("qwen-passes-llama-stanford"));
    assert_eq!(rank[0].kind, MarkKind::Point);
    assert_eq!(
        rank[0].in_conflict,
        Some(ConflictId::new("qwen-passes-llama-timing"))
    );
    assert!(mark_for(&p, &claim("qwen-passes-llama-xinhua")).is_empty());
    // Never at a false precision: year-only figures are spans.
    for m in &p.marks {
        if m.date_text.len() == 4 {
            assert_eq!(m.kind, MarkKind::YearSpan, "{}", m.label);
        }
    }
    assert!(has_note(&p, "without a date"));
    assert_eq!(parse_csv(&to_csv(&p)).len(), p.marks.len() + 1);
    assert!(
        p.footer
            .credits
            .iter()
            .any(|c| c.contains("hf_models.json"))
    );
}

#[test]
fn builtin_quarters_sum_to_the_month_dated_models_in_the_filtered_set() {
    let ds = Arc::new(builtin());
    // The plot counts one population: by default Epoch AI's large-scale models.
    let population = ai_adoption_explorer::plots::population_of(
        &ds,
        &ai_adoption_explorer::plots::PopulationChoice::Default,
    );
    assert!(
        population.source.is_some(),
        "the built-in data has Epoch's table"
    );
    let mut ex = Explorer::new();
    let ix = ex.index(&ds, 1);
    for search in ["", "qwen", "llama", "deepseek"] {
        let query = ListQuery {
            search: search.to_owned(),
            ..ListQuery::default()
        };
        let models = ex.rows(&ds, 1, ListTab::Models, &query).to_vec();
        let filters = query.describe(ListTab::Models, &ds);
        let p = derive(
            PlotKind::ReleasesPerQuarter,
            &ds,
            &ix,
            &[],
            &models,
            filters,
        );
        let expected = models
            .iter()
            .filter(|&&m| population.contains(m as usize))
            .filter_map(|&m| ds.models[m as usize].release_date)
            .filter(|d| d.precision() != Precision::Year)
            .count();
        let total: f64 = p.marks.iter().filter_map(|m| m.value).sum();
        assert_eq!(total as usize, expected, "search {search:?}");
        let members: usize = p.marks.iter().map(|m| m.members.len()).sum();
        assert_eq!(members, expected);
        if !search.is_empty() {
            assert_eq!(p.footer.filters, [format!("search: \"{search}\"")]);
            assert!(models.len() < ds.models.len());
        }
    }
}

#[test]
fn builtin_every_plot_is_complete_and_exports_one_row_per_mark() {
    let ds = builtin();
    for kind in PlotKind::ALL {
        let p = plot(kind, &ds);
        assert!(!p.marks.is_empty(), "{kind:?} shows something");
        assert_eq!(p.title, kind.title());
        assert!(!p.subtitle.is_empty());
        assert!(!p.x_axis.title.is_empty() && !p.y_axis.title.is_empty());
        assert!(
            p.legend.iter().any(|l| l.group.is_none()),
            "{kind:?} styles"
        );
        let lines = p.footer.lines();
        assert!(lines[0].starts_with("Source: "), "{kind:?}");
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("Dataset: AI Adoption Explorer"))
        );
        let rows = parse_csv(&to_csv(&p));
        assert_eq!(rows.len(), p.marks.len() + 1, "{kind:?}");
        // Nothing on a time axis at a false precision.
        if p.x_axis.scale == Scale::Time {
            for m in &p.marks {
                if matches!(
                    m.kind,
                    MarkKind::Point | MarkKind::Adoption | MarkKind::TotalParams
                ) {
                    assert!(
                        m.date_text.len() >= 7 || m.date_text.starts_with("reported"),
                        "{kind:?} {} {}",
                        m.label,
                        m.date_text
                    );
                }
            }
        }
    }
    let t = plot(PlotKind::ReleaseTimeline, &ds);
    assert!(t.footer.credits.iter().any(|c| c.starts_with("Epoch AI")));
    let moe = plot(PlotKind::ModelSize, &ds);
    let r1 = mark_for(&moe, &model("deepseek-r1"));
    let kinds: Vec<MarkKind> = r1.iter().map(|m| m.kind).collect();
    assert_eq!(kinds, [MarkKind::TotalParams, MarkKind::ActiveParams]);
}

// ---------------------------------------------------------------------------------------------
// What a selection highlights
// ---------------------------------------------------------------------------------------------

#[test]
fn selecting_an_organization_highlights_its_models_adoptions_and_the_figures_about_them() {
    let ds = builtin();
    let pinterest = OrgId::new("pinterest");
    let rel = related_records(&ds, &RecordRef::Organization(pinterest.clone()));
    assert!(rel.contains(&RecordRef::Organization(pinterest.clone())));
    // Every adoption of Pinterest, and no other organization's.
    for a in &ds.adoptions {
        let r = RecordRef::Adoption(a.id.clone());
        assert_eq!(rel.contains(&r), a.organization == pinterest, "{}", a.id);
    }
    // Its claimed outcomes (about Pinterest or its adoptions) are highlighted in the outcomes
    // plot, and nothing about Airbnb is.
    let p = plot(PlotKind::Outcomes, &ds);
    let lit: Vec<&Mark> = p
        .marks
        .iter()
        .filter(|m| m.record.as_ref().is_some_and(|r| rel.contains(r)))
        .collect();
    assert!(!lit.is_empty());
    assert!(lit.iter().all(|m| !m.label.contains("Airbnb")));
    // A developer lights up its own models on the model plots.
    let alibaba = related_records(&ds, &RecordRef::Organization(OrgId::new("alibaba")));
    let qwen_models = ds
        .models
        .iter()
        .filter(|m| m.developer == OrgId::new("alibaba"))
        .count();
    assert!(qwen_models > 0);
    let t = plot(PlotKind::ModelSize, &ds);
    assert!(
        t.marks
            .iter()
            .any(|m| m.record.as_ref().is_some_and(|r| alibaba.contains(r)))
    );
}

#[test]
fn selecting_a_family_highlights_its_models_and_their_adoptions() {
    let ds = builtin();
    let f = ds
        .families
        .iter()
        .find(|f| f.name.contains("Qwen"))
        .unwrap();
    let rel = related_records(&ds, &RecordRef::Family(f.id.clone()));
    for m in &ds.models {
        let r = RecordRef::Model(m.id.clone());
        assert_eq!(
            rel.contains(&r),
            m.family.as_ref() == Some(&f.id),
            "{}",
            m.id
        );
    }
    // Airbnb's adoption of Qwen belongs to the Qwen family.
    assert!(ds.adoptions.iter().any(|a| {
        a.organization == OrgId::new("airbnb") && rel.contains(&RecordRef::Adoption(a.id.clone()))
    }));
    // A claim or source selected highlights only itself.
    let c = RecordRef::Claim(ds.claims[0].id.clone());
    assert_eq!(related_records(&ds, &c).len(), 1);
}

#[test]
fn unset_sources_and_targets_are_left_off_with_a_note_and_rolling_periods_sit_at_their_end() {
    let mut ds = small();
    let at = |ds: &Dataset, id: &str| ds.claims.iter().position(|c| c.id.as_str() == id).unwrap();
    // A new claim with no source yet, on the downloads and the outcomes plots.
    let (dl2, o1) = (at(&ds, "dl2"), at(&ds, "o1"));
    ds.claims[dl2].source = None;
    ds.claims[o1].source = None;
    // A rolling 30-day count ending on a day: a point on that day.
    let dl1 = at(&ds, "dl1");
    ds.claims[dl1].when = Some(When::Trailing(30, PartialDate::day(2025, 3, 1)));
    // A new adoption with no model or family yet.
    ds.adoptions[0].target = None;

    let p = plot(PlotKind::Downloads, &ds);
    assert!(mark_for(&p, &claim("dl2")).is_empty());
    assert!(has_note(&p, "1 claim with no source chosen yet not shown"));
    let m = mark_for(&p, &claim("dl1"));
    assert_eq!(m.len(), 1);
    assert_eq!(
        Some(m[0].x),
        PartialDate::day(2025, 3, 1).as_year_fraction()
    );
    assert_eq!(m[0].date_text, "30 days to 2025-03-01");

    let p = plot(PlotKind::Outcomes, &ds);
    assert!(mark_for(&p, &claim("o1")).is_empty());
    assert!(has_note(&p, "1 claim with no source chosen yet not shown"));

    let p = plot(PlotKind::WhoUsesWhat, &ds);
    assert!(mark_for(&p, &RecordRef::Adoption(AdoptionId::new("a1"))).is_empty());
    assert!(has_note(
        &p,
        "1 adoption with no model or family chosen yet not shown"
    ));
    // Every plot builds, and exports, with them.
    for kind in PlotKind::ALL {
        let p = plot(kind, &ds);
        assert!(to_csv(&p).lines().count() > 0, "{kind:?}");
    }
}

/// The caps on figure texts (labels, legend, notes, footer) are for hostile files: no text of
/// the built-in dataset's figures reaches them (a cut text is exactly as long as its cap), in
/// either grouping or scale, and none holds an escape.
#[test]
fn builtin_figure_texts_are_not_cut() {
    let ds = builtin();
    let ix = Index::build(&ds);
    for kind in PlotKind::ALL {
        for (group_by, linear) in [(GroupBy::Country, false), (GroupBy::Family, true)] {
            let options = DeriveOptions {
                group_by,
                linear,
                ..DeriveOptions::default()
            };
            let p = derive_with(
                kind,
                &ds,
                &ix,
                &all(ds.organizations.len()),
                &all(ds.models.len()),
                vec!["search: \"qwen\"".into()],
                &options,
            );
            // (text, the cap it would be cut at)
            let mut texts: Vec<(&str, usize)> = vec![
                (&p.title, ENTRY_CAP),
                (&p.subtitle, NOTE_CAP),
                (&p.x_axis.title, LABEL_CAP),
                (&p.y_axis.title, LABEL_CAP),
            ];
            let ticks = p.x_axis.ticks.iter().chain(&p.y_axis.ticks);
            texts.extend(ticks.map(|(_, l)| (l.as_str(), ENTRY_CAP)));
            for e in &p.legend {
                let cap = if e.group.is_some() {
                    LABEL_CAP
                } else {
                    NOTE_CAP
                };
                texts.push((&e.label, cap));
            }
            texts.extend(p.notes.iter().map(|n| (n.as_str(), NOTE_CAP)));
            for m in &p.marks {
                texts.extend([
                    (m.label.as_str(), ENTRY_CAP),
                    (&m.group, LABEL_CAP),
                    (&m.value_text, ENTRY_CAP),
                    (&m.date_text, LABEL_CAP),
                ]);
            }
            let f = &p.footer;
            for t in f.source_labels.iter().chain(&f.credits) {
                texts.push((t, ENTRY_CAP));
            }
            for s in &f.full_sources {
                for t in [&s.title, &s.publisher, &s.locator] {
                    texts.push((t, ENTRY_CAP));
                }
            }
            for (t, cap) in texts {
                let n = t.chars().count();
                assert!(
                    n < cap && !t.contains("\\u{"),
                    "{}: cut at {cap}: {t}",
                    kind.name()
                );
            }
        }
    }
}
