//! Round trip over generated datasets of every record kind: `load(to_ron_string(ds)) == ds`
//! exactly, and the text is stable across a second round. Text in any script (and with quotes,
//! backslashes, newlines, `"#` and `)`), partial dates of every precision including impossible
//! ones, and any finite float.

use ai_adoption_explorer::io::{load_bytes, load_path, save_atomic, to_ron_string};
use ai_adoption_explorer::model::*;
use proptest::collection::vec;
use proptest::option::of;
use proptest::prelude::*;
use proptest::sample::select;

const SAMPLES: &[&str] = &[
    "",
    " ",
    "阿里巴巴集团",
    "通义千问 Qwen2.5-72B-Instruct",
    "深度求索（DeepSeek）",
    "مرحبا بالعالم",
    "עברית",
    "Ελληνικά",
    "हिन्दी",
    "한국어",
    "😀🇨🇳👩‍💻🏳️‍🌈",
    "a \"quoted\" word",
    "back\\slash \\n not a newline",
    "line one\nline two\n",
    "crlf\r\nline",
    "tab\tand\u{0}nul",
    "\"#",
    "r#\"raw\"#",
    ")",
    "))]}",
    "Some(\"x\")",
    "// not a comment",
    "/* nor this */",
    "\u{FEFF}bom inside",
    "\u{202E}right-to-left override",
    "e\u{301} combining",
    "\u{7F}\u{85}\u{2028}\u{2029}",
];

/// Text of any kind.
fn text() -> BoxedStrategy<String> {
    prop_oneof![
        3 => "\\PC{0,24}",
        2 => vec(any::<char>(), 0..16).prop_map(|v| v.into_iter().collect()),
        2 => select(SAMPLES).prop_map(str::to_owned),
        1 => vec(select(SAMPLES), 0..4).prop_map(|v| v.concat()),
    ]
    .boxed()
}

/// Ids: mostly well-formed, sometimes any text (the file keeps whatever it is given).
fn id() -> BoxedStrategy<String> {
    prop_oneof![3 => "[a-z0-9][a-z0-9._-]{0,12}", 1 => text()].boxed()
}

/// Partial dates of every precision, including impossible ones (month 13, February 30th...).
fn date() -> BoxedStrategy<PartialDate> {
    let year = prop_oneof![3 => 1990i32..=2030, 1 => 0i32..=9999];
    let small = (
        year,
        of((
            prop_oneof![1u8..=12, 0u8..=99],
            of(prop_oneof![1u8..=31, 0u8..=99]),
        )),
    )
        .prop_map(|(y, md)| match md {
            None => PartialDate::year(y),
            Some((m, None)) => PartialDate::month(y, m),
            Some((m, Some(d))) => PartialDate::day(y, m, d),
        });
    let odd = select(vec![
        PartialDate::day(2025, 2, 30),
        PartialDate::day(2025, 2, 29),
        PartialDate::day(2024, 2, 29),
        PartialDate::day(2025, 4, 31),
        PartialDate::month(2025, 13),
        PartialDate::month(2025, 0),
        PartialDate::day(2025, 1, 0),
        PartialDate::year(0),
        PartialDate::year(9999),
        PartialDate::day(1900, 2, 29),
    ]);
    prop_oneof![4 => small, 1 => odd].boxed()
}

/// Any finite float: normal, subnormal, zero (both signs), huge and tiny.
fn finite() -> BoxedStrategy<f64> {
    use proptest::num::f64 as f;
    prop_oneof![
        3 => f::POSITIVE | f::NEGATIVE | f::NORMAL | f::SUBNORMAL | f::ZERO,
        1 => select(vec![
            0.0,
            -0.0,
            0.1,
            1.0 / 3.0,
            7.0,
            235.0,
            1e300,
            -1e300,
            f64::MAX,
            f64::MIN,
            f64::MIN_POSITIVE,
            5e-324,
            -5e-324,
            123_456_789.123_456_78,
            9_007_199_254_740_993.0,
        ]),
    ]
    .boxed()
}

/// A citation: a source id, with a detail of where in the source half of the time.
fn citation() -> BoxedStrategy<Citation> {
    (id(), prop_oneof![Just(String::new()), text()])
        .prop_map(|(id, detail)| Citation {
            source: SourceId(id),
            detail,
        })
        .boxed()
}

fn source_ids() -> BoxedStrategy<Vec<Citation>> {
    vec(citation(), 0..3).boxed()
}

fn record_ref() -> BoxedStrategy<RecordRef> {
    prop_oneof![
        id().prop_map(|i| RecordRef::Source(SourceId(i))),
        id().prop_map(|i| RecordRef::Organization(OrgId(i))),
        id().prop_map(|i| RecordRef::Person(PersonId(i))),
        id().prop_map(|i| RecordRef::Role(RoleId(i))),
        id().prop_map(|i| RecordRef::Family(FamilyId(i))),
        id().prop_map(|i| RecordRef::Model(ModelId(i))),
        id().prop_map(|i| RecordRef::Adoption(AdoptionId(i))),
        id().prop_map(|i| RecordRef::Claim(ClaimId(i))),
        id().prop_map(|i| RecordRef::Series(SeriesId(i))),
        id().prop_map(|i| RecordRef::Event(EventId(i))),
    ]
    .boxed()
}

fn subject() -> BoxedStrategy<Subject> {
    prop_oneof![
        id().prop_map(|i| Subject::Organization(OrgId(i))),
        id().prop_map(|i| Subject::Model(ModelId(i))),
        id().prop_map(|i| Subject::Family(FamilyId(i))),
        id().prop_map(|i| Subject::Adoption(AdoptionId(i))),
        text().prop_map(Subject::Country),
    ]
    .boxed()
}

fn metric() -> BoxedStrategy<Metric> {
    prop_oneof![
        select(vec![
            Metric::AccuracyGain,
            Metric::CostReduction,
            Metric::SpeedGain,
            Metric::CumulativeDownloads,
            Metric::MonthlyDownloads,
            Metric::PeriodDownloads,
            Metric::DownloadShare,
            Metric::DownloadRank,
            Metric::Derivatives,
            Metric::DerivativeShare,
            Metric::ReleaseShare,
            Metric::ModelCount,
            Metric::UsageShare,
            Metric::MonthlyActiveUsers,
            Metric::TrendingModels,
            Metric::Date,
        ]),
        text().prop_map(Metric::Other),
    ]
    .boxed()
}

fn unit() -> BoxedStrategy<Unit> {
    prop_oneof![
        select(vec![
            Unit::None,
            Unit::Percent,
            Unit::Count,
            Unit::Times,
            Unit::BillionParams,
        ]),
        text().prop_map(Unit::Other),
    ]
    .boxed()
}

fn qualifier() -> BoxedStrategy<Qualifier> {
    select(vec![
        Qualifier::Exact,
        Qualifier::About,
        Qualifier::UpTo,
        Qualifier::AtLeast,
        Qualifier::MoreThan,
    ])
    .boxed()
}

fn claim_value() -> BoxedStrategy<ClaimValue> {
    prop_oneof![
        finite().prop_map(ClaimValue::Number),
        (finite(), finite()).prop_map(|(a, b)| ClaimValue::Range(a, b)),
        date().prop_map(ClaimValue::Date),
        text().prop_map(ClaimValue::Text),
    ]
    .boxed()
}

fn when() -> BoxedStrategy<When> {
    prop_oneof![
        date().prop_map(When::On),
        date().prop_map(When::By),
        (date(), date()).prop_map(|(a, b)| When::Between(a, b)),
        (any::<u32>(), date()).prop_map(|(n, d)| When::Trailing(n, d)),
    ]
    .boxed()
}

fn speaker() -> BoxedStrategy<Speaker> {
    prop_oneof![
        id().prop_map(|i| Speaker::Person(PersonId(i))),
        id().prop_map(|i| Speaker::Organization(OrgId(i))),
    ]
    .boxed()
}

fn meta() -> BoxedStrategy<Meta> {
    (text(), text(), of(date()), vec(text(), 0..3))
        .prop_map(|(title, description, date, credits)| Meta {
            title,
            description,
            date,
            credits,
        })
        .boxed()
}

fn source() -> BoxedStrategy<Source> {
    let kind = select(vec![
        SourceKind::Primary,
        SourceKind::Press,
        SourceKind::Study,
        SourceKind::CompanyStatement,
        SourceKind::Dataset,
        SourceKind::Web,
    ]);
    (
        id(),
        text(),
        text(),
        text(),
        of(date()),
        text(),
        kind,
        of(id()),
        text(),
    )
        .prop_map(
            |(id, title, publisher, author, date, locator, kind, via, notes)| Source {
                id: SourceId(id),
                title,
                publisher,
                author,
                date,
                locator,
                kind,
                via: via.map(SourceId),
                notes,
            },
        )
        .boxed()
}

fn organization() -> BoxedStrategy<Organization> {
    let kind = select(vec![
        OrgKind::Company,
        OrgKind::AiLab,
        OrgKind::ModelHub,
        OrgKind::ResearchInstitute,
        OrgKind::Government,
        OrgKind::Media,
        OrgKind::Other,
    ]);
    (
        id(),
        text(),
        text(),
        text(),
        kind,
        text(),
        text(),
        of(date()),
        text(),
        source_ids(),
    )
        .prop_map(
            |(
                id,
                name,
                native_name,
                country,
                kind,
                sector,
                headquarters,
                founded,
                notes,
                sources,
            )| {
                Organization {
                    id: OrgId(id),
                    name,
                    native_name,
                    country,
                    kind,
                    sector,
                    headquarters,
                    founded,
                    notes,
                    sources,
                }
            },
        )
        .boxed()
}

fn person() -> BoxedStrategy<Person> {
    (id(), text(), text(), text(), source_ids())
        .prop_map(|(id, name, native_name, notes, sources)| Person {
            id: PersonId(id),
            name,
            native_name,
            notes,
            sources,
        })
        .boxed()
}

fn role() -> BoxedStrategy<Role> {
    (
        id(),
        id(),
        id(),
        text(),
        of(date()),
        of(date()),
        any::<bool>(),
        text(),
        source_ids(),
    )
        .prop_map(
            |(id, person, organization, title, since, until, former, notes, sources)| Role {
                id: RoleId(id),
                person: PersonId(person),
                organization: OrgId(organization),
                title,
                since,
                until,
                former,
                notes,
                sources,
            },
        )
        .boxed()
}

fn family() -> BoxedStrategy<ModelFamily> {
    (id(), text(), id(), text(), source_ids())
        .prop_map(|(id, name, developer, notes, sources)| ModelFamily {
            id: FamilyId(id),
            name,
            developer: OrgId(developer),
            notes,
            sources,
        })
        .boxed()
}

fn model() -> BoxedStrategy<Model> {
    let openness = of(select(Openness::ALL.to_vec()));
    let architecture = of(select(vec![
        Architecture::Dense,
        Architecture::MixtureOfExperts,
    ]));
    let basis = of(prop_oneof![
        Just(OpennessBasis::License),
        id().prop_map(|i| OpennessBasis::Source(SourceId(i))),
    ]);
    (
        (id(), text(), of(id()), id(), of(date()), openness, text()),
        (
            of(finite()),
            of(finite()),
            architecture,
            of(finite()),
            text(),
            source_ids(),
        ),
        (basis, qualifier(), qualifier()),
    )
        .prop_map(
            |(
                (id, name, family, developer, release_date, openness, license),
                (total, active, architecture, context, notes, sources),
                (openness_basis, params_qualifier, context_qualifier),
            )| Model {
                id: ModelId(id),
                name,
                family: family.map(FamilyId),
                developer: OrgId(developer),
                release_date,
                openness,
                openness_basis,
                license,
                total_params_b: total,
                active_params_b: active,
                params_qualifier,
                architecture,
                context_k_tokens: context,
                context_qualifier,
                notes,
                sources,
            },
        )
        .boxed()
}

fn status_entry() -> BoxedStrategy<StatusEntry> {
    let status = select(vec![
        AdoptionStatus::Evaluating,
        AdoptionStatus::Experimenting,
        AdoptionStatus::Production,
        AdoptionStatus::Stopped,
    ]);
    let means = select(StatusDate::ALL.to_vec());
    (status, of(date()), means, text(), source_ids())
        .prop_map(|(status, date, date_means, notes, sources)| StatusEntry {
            status,
            date,
            date_means,
            notes,
            sources,
        })
        .boxed()
}

fn adoption() -> BoxedStrategy<Adoption> {
    let target = of(prop_oneof![
        id().prop_map(|i| AdoptionTarget::Model(ModelId(i))),
        id().prop_map(|i| AdoptionTarget::Family(FamilyId(i))),
    ]);
    (
        id(),
        id(),
        target,
        vec(text(), 0..3),
        vec(status_entry(), 0..4),
        text(),
        source_ids(),
    )
        .prop_map(
            |(id, organization, target, use_cases, status, notes, sources)| Adoption {
                id: AdoptionId(id),
                organization: OrgId(organization),
                target,
                use_cases,
                status,
                notes,
                sources,
            },
        )
        .boxed()
}

fn claim() -> BoxedStrategy<Claim> {
    (
        (
            id(),
            subject(),
            metric(),
            claim_value(),
            unit(),
            qualifier(),
        ),
        (
            text(),
            text(),
            of(when()),
            of(speaker()),
            of(citation()),
            text(),
            text(),
            text(),
        ),
    )
        .prop_map(
            |(
                (id, subject, metric, value, unit, qualifier),
                (baseline, scope, when, said_by, source, quote, paraphrase, notes),
            )| Claim {
                id: ClaimId(id),
                subject,
                metric,
                value,
                unit,
                qualifier,
                baseline,
                scope,
                when,
                said_by,
                source,
                quote,
                paraphrase,
                notes,
            },
        )
        .boxed()
}

fn conflict() -> BoxedStrategy<Conflict> {
    let kind = select(ConflictKind::ALL.to_vec());
    (id(), kind, vec(record_ref(), 0..4), text())
        .prop_map(|(id, kind, records, description)| Conflict {
            id: ConflictId(id),
            kind,
            records,
            description,
        })
        .boxed()
}

fn series() -> BoxedStrategy<Series> {
    let points = vec(
        (date(), finite()).prop_map(|(date, value)| SeriesPoint { date, value }),
        0..5,
    );
    (
        id(),
        text(),
        subject(),
        metric(),
        unit(),
        points,
        text(),
        source_ids(),
    )
        .prop_map(
            |(id, name, subject, metric, unit, points, notes, sources)| Series {
                id: SeriesId(id),
                name,
                subject,
                metric,
                unit,
                points,
                notes,
                sources,
            },
        )
        .boxed()
}

fn event() -> BoxedStrategy<Event> {
    let kind = select(vec![
        EventKind::Release,
        EventKind::Overtaking,
        EventKind::Report,
        EventKind::Letter,
        EventKind::Statement,
        EventKind::Appointment,
        EventKind::Other,
    ]);
    (
        id(),
        of(date()),
        kind,
        text(),
        text(),
        vec(record_ref(), 0..4),
        source_ids(),
    )
        .prop_map(
            |(id, date, kind, title, description, related, sources)| Event {
                id: EventId(id),
                date,
                kind,
                title,
                description,
                related,
                sources,
            },
        )
        .boxed()
}

fn dataset() -> BoxedStrategy<Dataset> {
    (
        (
            prop_oneof![9 => Just(FORMAT_VERSION), 1 => Just(0u32)],
            meta(),
            vec(source(), 0..3),
            vec(organization(), 0..3),
            vec(person(), 0..3),
            vec(role(), 0..3),
        ),
        (
            vec(family(), 0..3),
            vec(model(), 0..3),
            vec(adoption(), 0..3),
            vec(claim(), 0..4),
            vec(conflict(), 0..3),
            vec(series(), 0..3),
            vec(event(), 0..3),
        ),
    )
        .prop_map(
            |(
                (format_version, meta, sources, organizations, people, roles),
                (families, models, adoptions, claims, conflicts, series, events),
            )| Dataset {
                format_version,
                meta,
                sources,
                organizations,
                people,
                roles,
                families,
                models,
                adoptions,
                claims,
                conflicts,
                series,
                events,
            },
        )
        .boxed()
}

/// `load(to_ron_string(ds)) == ds` and the text is the same after a second round.
fn round_trip(ds: &Dataset) -> Result<(), TestCaseError> {
    let text = to_ron_string(ds).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let loaded = load_bytes("gen.ron", text.as_bytes())
        .map_err(|e| TestCaseError::fail(format!("{e}\n--- text ---\n{text}")))?;
    prop_assert_eq!(&loaded.dataset, ds, "text:\n{}", text);
    let again = to_ron_string(&loaded.dataset).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(again, text);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn generated_datasets_round_trip_exactly(ds in dataset()) {
        round_trip(&ds)?;
    }

    #[test]
    fn any_text_round_trips_in_every_text_field(t in text(), id in text()) {
        let mut ds = Dataset::default();
        ds.meta.title = t.clone();
        ds.meta.credits = vec![t.clone(), String::new(), t.clone()];
        ds.organizations.push(Organization {
            id: OrgId(id.clone()),
            name: t.clone(),
            native_name: t.clone(),
            country: t.clone(),
            kind: OrgKind::Other,
            sector: t.clone(),
            headquarters: t.clone(),
            founded: None,
            notes: t.clone(),
            sources: vec![Citation::new(id.clone()), Citation::with_detail(t.clone(), t.clone())],
        });
        ds.claims.push(Claim {
            id: ClaimId(id),
            subject: Subject::Country(t.clone()),
            metric: Metric::Other(t.clone()),
            value: ClaimValue::Text(t.clone()),
            unit: Unit::Other(t.clone()),
            qualifier: Qualifier::Exact,
            baseline: t.clone(),
            scope: t.clone(),
            when: None,
            said_by: None,
            source: Some(Citation::with_detail(t.clone(), t.clone())),
            quote: t.clone(),
            paraphrase: t.clone(),
            notes: t,
        });
        round_trip(&ds)?;
    }

    /// Impossible dates survive the round trip; validation flags them, and only them.
    #[test]
    fn any_date_round_trips_and_validation_flags_only_impossible_ones(d in date()) {
        let mut ds = Dataset::default();
        ds.sources.push(Source {
            id: SourceId::new("s"),
            title: "t".into(),
            publisher: String::new(),
            author: String::new(),
            date: Some(d),
            locator: String::new(),
            kind: SourceKind::Web,
            via: None,
            notes: String::new(),
        });
        ds.events.push(Event {
            id: EventId::new("e"),
            date: Some(d),
            kind: EventKind::Other,
            title: "t".into(),
            description: String::new(),
            related: vec![],
            sources: vec![Citation::new("s")],
        });
        round_trip(&ds)?;
        let loaded = load_bytes("d.ron", to_ron_string(&ds).unwrap().as_bytes()).unwrap();
        prop_assert_eq!(loaded.dataset.events[0].date, Some(d));
        let fields: Vec<(RecordKind, &str)> = loaded
            .problems
            .iter()
            .map(|p| (p.kind, p.field.as_str()))
            .collect();
        if d.is_valid() {
            prop_assert!(fields.is_empty(), "{} is valid but got {:?}", d, loaded.problems);
        } else {
            prop_assert_eq!(
                fields,
                vec![(RecordKind::Source, "date"), (RecordKind::Event, "date")],
                "{}", d
            );
        }
    }

    /// Any finite float survives exactly, in every float field.
    #[test]
    fn any_finite_float_round_trips_exactly(x in finite(), y in finite()) {
        let mut ds = Dataset::default();
        ds.models.push(Model {
            id: ModelId::new("m"),
            name: "m".into(),
            family: None,
            developer: OrgId::new("o"),
            release_date: None,
            openness: None,
            openness_basis: None,
            license: String::new(),
            total_params_b: Some(x),
            active_params_b: Some(y),
            params_qualifier: Qualifier::About,
            architecture: None,
            context_k_tokens: Some(x),
            context_qualifier: Qualifier::Exact,
            notes: String::new(),
            sources: vec![],
        });
        ds.series.push(Series {
            id: SeriesId::new("s"),
            name: "s".into(),
            subject: Subject::Country("c".into()),
            metric: Metric::UsageShare,
            unit: Unit::None,
            points: vec![SeriesPoint { date: PartialDate::year(2025), value: x }],
            notes: String::new(),
            sources: vec![],
        });
        round_trip(&ds)?;
        let back = load_bytes("f.ron", to_ron_string(&ds).unwrap().as_bytes()).unwrap().dataset;
        // Bit for bit, so that even the sign of zero is kept.
        prop_assert_eq!(back.models[0].total_params_b.unwrap().to_bits(), x.to_bits());
        prop_assert_eq!(back.models[0].active_params_b.unwrap().to_bits(), y.to_bits());
        prop_assert_eq!(back.series[0].points[0].value.to_bits(), x.to_bits());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    /// The same through real files: save, load, save again gives the same bytes.
    #[test]
    fn generated_datasets_round_trip_through_files(ds in dataset()) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gen.ron");
        save_atomic(&ds, &path).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let first = std::fs::read(&path).unwrap();
        let loaded = load_path(&path).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&loaded.dataset, &ds);
        save_atomic(&loaded.dataset, &path).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(std::fs::read(&path).unwrap(), first);
    }
}

/// Every variant named in the schema appears in at least one explicit dataset that round trips
/// (the generators above pick among them at random; this makes sure none is left out).
#[test]
fn every_variant_round_trips() {
    let mut ds = Dataset::default();
    let values = [
        ClaimValue::Number(-0.0),
        ClaimValue::Range(1.5, 1e300),
        ClaimValue::Date(PartialDate::day(2025, 2, 30)),
        ClaimValue::Text("«»\"#)".into()),
    ];
    let whens = [
        Some(When::On(PartialDate::year(2025))),
        Some(When::By(PartialDate::month(2025, 13))),
        Some(When::Between(
            PartialDate::day(2025, 4, 31),
            PartialDate::year(2024),
        )),
        Some(When::Trailing(30, PartialDate::day(2026, 3, 1))),
        None,
    ];
    let speakers = [
        Some(Speaker::Person(PersonId::new("p"))),
        Some(Speaker::Organization(OrgId::new("o"))),
        None,
    ];
    let subjects = [
        Subject::Organization(OrgId::new("o")),
        Subject::Model(ModelId::new("m")),
        Subject::Family(FamilyId::new("f")),
        Subject::Adoption(AdoptionId::new("a")),
        Subject::Country("中国".into()),
    ];
    let units = [
        Unit::None,
        Unit::Percent,
        Unit::Count,
        Unit::Times,
        Unit::BillionParams,
        Unit::Other("tokens/s".into()),
    ];
    let qualifiers = [
        Qualifier::Exact,
        Qualifier::About,
        Qualifier::UpTo,
        Qualifier::AtLeast,
        Qualifier::MoreThan,
    ];
    let metrics = [
        Metric::AccuracyGain,
        Metric::CostReduction,
        Metric::SpeedGain,
        Metric::CumulativeDownloads,
        Metric::MonthlyDownloads,
        Metric::PeriodDownloads,
        Metric::DownloadShare,
        Metric::DownloadRank,
        Metric::Derivatives,
        Metric::DerivativeShare,
        Metric::ReleaseShare,
        Metric::ModelCount,
        Metric::UsageShare,
        Metric::MonthlyActiveUsers,
        Metric::TrendingModels,
        Metric::Date,
        Metric::Other("Other(\"nested\")".into()),
    ];
    for (i, metric) in metrics.iter().enumerate() {
        ds.claims.push(Claim {
            id: ClaimId(format!("c{i}")),
            subject: subjects[i % subjects.len()].clone(),
            metric: metric.clone(),
            value: values[i % values.len()].clone(),
            unit: units[i % units.len()].clone(),
            qualifier: qualifiers[i % qualifiers.len()],
            baseline: String::new(),
            scope: String::new(),
            when: whens[i % whens.len()].clone(),
            said_by: speakers[i % speakers.len()].clone(),
            // Sourced with and without a detail, and unsourced; quoted, paraphrased, or both.
            source: match i % 3 {
                0 => Some(Citation::new("s")),
                1 => Some(Citation::with_detail("s", "row 37")),
                _ => None,
            },
            quote: if i % 2 == 0 {
                "q".into()
            } else {
                String::new()
            },
            paraphrase: if i % 4 < 2 { String::new() } else { "p".into() },
            notes: String::new(),
        });
    }
    ds.conflicts.push(Conflict {
        id: ConflictId::new("k"),
        kind: ConflictKind::DifferingAccounts,
        records: vec![
            RecordRef::Source(SourceId::new("a")),
            RecordRef::Organization(OrgId::new("b")),
            RecordRef::Person(PersonId::new("c")),
            RecordRef::Role(RoleId::new("d")),
            RecordRef::Family(FamilyId::new("e")),
        ],
        description: "d".into(),
    });
    ds.events.push(Event {
        id: EventId::new("e"),
        date: None,
        kind: EventKind::Appointment,
        title: "t".into(),
        description: String::new(),
        related: vec![
            RecordRef::Model(ModelId::new("f")),
            RecordRef::Adoption(AdoptionId::new("g")),
            RecordRef::Claim(ClaimId::new("h")),
            RecordRef::Series(SeriesId::new("i")),
            RecordRef::Event(EventId::new("j")),
        ],
        sources: vec![],
    });
    ds.adoptions.push(Adoption {
        id: AdoptionId::new("a1"),
        organization: OrgId::new("o"),
        target: Some(AdoptionTarget::Model(ModelId::new("m"))),
        use_cases: vec![],
        status: [
            AdoptionStatus::Evaluating,
            AdoptionStatus::Experimenting,
            AdoptionStatus::Production,
            AdoptionStatus::Stopped,
        ]
        .into_iter()
        .zip(StatusDate::ALL.into_iter().cycle())
        .map(|(status, date_means)| StatusEntry {
            status,
            date: None,
            date_means,
            notes: String::new(),
            sources: vec![],
        })
        .collect(),
        notes: String::new(),
        sources: vec![],
    });
    ds.adoptions.push(Adoption {
        id: AdoptionId::new("a2"),
        organization: OrgId::new("o"),
        target: Some(AdoptionTarget::Family(FamilyId::new("f"))),
        use_cases: vec![],
        status: vec![],
        notes: String::new(),
        sources: vec![],
    });
    ds.adoptions.push(Adoption {
        id: AdoptionId::new("a3"),
        organization: OrgId::new("o"),
        target: None,
        use_cases: vec![],
        status: vec![],
        notes: String::new(),
        sources: vec![Citation::with_detail("s", "p. 4"), Citation::new("s")],
    });
    ds.roles.push(Role {
        id: RoleId::new("r"),
        person: PersonId::new("p"),
        organization: OrgId::new("o"),
        title: "deputy prime minister".into(),
        since: None,
        until: None,
        former: true,
        notes: String::new(),
        sources: vec![],
    });
    for (i, basis) in [
        None,
        Some(OpennessBasis::License),
        Some(OpennessBasis::Source(SourceId::new("s"))),
    ]
    .into_iter()
    .enumerate()
    {
        ds.models.push(Model {
            id: ModelId(format!("m{i}")),
            name: "m".into(),
            family: None,
            developer: OrgId::new("o"),
            release_date: None,
            openness: Some(Openness::OpenWeightsRestricted),
            openness_basis: basis,
            license: String::new(),
            total_params_b: Some(2000.0),
            active_params_b: None,
            params_qualifier: qualifiers[i],
            architecture: None,
            context_k_tokens: Some(128.0),
            context_qualifier: qualifiers[i + 1],
            notes: String::new(),
            sources: vec![],
        });
    }
    let text = to_ron_string(&ds).unwrap();
    let back = load_bytes("v.ron", text.as_bytes()).unwrap().dataset;
    assert_eq!(back, ds);
    assert_eq!(to_ron_string(&back).unwrap(), text);
}
