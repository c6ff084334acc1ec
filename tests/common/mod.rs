//! Shared by the integration tests: a small valid dataset with every record kind, every reference
//! kind and text in several scripts, and (`window`) the real app in a kittest window. Each test
//! binary uses part of it.
#![allow(dead_code)]

use ai_adoption_explorer::model::*;

pub mod window;
pub mod words;

/// A finished command's exit code (-1 when a signal ended it), standard output and error.
pub fn outcome(out: std::process::Output) -> (i32, String, String) {
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The first record of each kind that has a detail view and a form, in `ds`.
pub fn first_of_each_kind(ds: &Dataset) -> Vec<RecordRef> {
    vec![
        RecordRef::Organization(ds.organizations[0].id.clone()),
        RecordRef::Model(ds.models[0].id.clone()),
        RecordRef::Source(ds.sources[0].id.clone()),
        RecordRef::Person(ds.people[0].id.clone()),
        RecordRef::Event(ds.events[0].id.clone()),
        RecordRef::Family(ds.families[0].id.clone()),
        RecordRef::Role(ds.roles[0].id.clone()),
        RecordRef::Adoption(ds.adoptions[0].id.clone()),
        RecordRef::Claim(ds.claims[0].id.clone()),
        RecordRef::Conflict(ds.conflicts[0].id.clone()),
        RecordRef::Series(ds.series[0].id.clone()),
    ]
}

pub fn d(text: &str) -> PartialDate {
    PartialDate::parse(text).unwrap()
}

pub fn src(id: &str) -> SourceId {
    SourceId::new(id)
}

/// A citation of the whole source `id` (no detail), as every v1 `sources` entry reads.
pub fn cite(id: &str) -> Citation {
    Citation::new(id)
}

/// A small valid dataset with every record kind, every reference kind and non-ASCII text.
pub fn sample() -> Dataset {
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
                sources: vec![cite("s1")],
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
                sources: vec![cite("s1"), cite("s3")],
            },
        ],
        people: vec![Person {
            id: PersonId::new("ada"),
            name: "Ada".into(),
            native_name: "أدا".into(),
            notes: String::new(),
            sources: vec![cite("s2")],
        }],
        roles: vec![Role {
            id: RoleId::new("ada-cto"),
            person: PersonId::new("ada"),
            organization: OrgId::new("acme"),
            title: "CTO".into(),
            since: Some(d("2020")),
            until: Some(d("2023-05")),
            former: false,
            notes: String::new(),
            sources: vec![cite("s2")],
        }],
        families: vec![ModelFamily {
            id: FamilyId::new("fam"),
            name: "Fam".into(),
            developer: OrgId::new("lab"),
            notes: String::new(),
            sources: vec![cite("s1")],
        }],
        models: vec![
            Model {
                id: ModelId::new("fam-7b"),
                name: "Fam 7B".into(),
                family: Some(FamilyId::new("fam")),
                developer: OrgId::new("lab"),
                release_date: Some(d("2024-03-01")),
                openness: Some(Openness::OpenWeightsUnrestricted),
                openness_basis: None,
                license: "Apache-2.0".into(),
                total_params_b: Some(7.0),
                active_params_b: Some(7.0),
                params_qualifier: Qualifier::Exact,
                architecture: Some(Architecture::Dense),
                context_k_tokens: Some(128.0),
                context_qualifier: Qualifier::Exact,
                notes: String::new(),
                sources: vec![cite("s1")],
            },
            Model {
                id: ModelId::new("fam-moe"),
                name: "Fam MoE".into(),
                family: Some(FamilyId::new("fam")),
                developer: OrgId::new("lab"),
                release_date: Some(d("2024-04")),
                openness: Some(Openness::ApiAccess),
                openness_basis: None,
                license: String::new(),
                total_params_b: Some(235.0),
                active_params_b: Some(22.0),
                params_qualifier: Qualifier::Exact,
                architecture: Some(Architecture::MixtureOfExperts),
                context_k_tokens: None,
                context_qualifier: Qualifier::Exact,
                notes: String::new(),
                sources: vec![cite("s1")],
            },
        ],
        adoptions: vec![
            Adoption {
                id: AdoptionId::new("acme-fam-7b"),
                organization: OrgId::new("acme"),
                target: Some(AdoptionTarget::Model(ModelId::new("fam-7b"))),
                use_cases: vec!["customer service".into()],
                status: vec![
                    StatusEntry {
                        status: AdoptionStatus::Evaluating,
                        date: Some(d("2024-01")),
                        date_means: StatusDate::AsOf,
                        notes: String::new(),
                        sources: vec![],
                    },
                    StatusEntry {
                        status: AdoptionStatus::Production,
                        date: Some(d("2024-06-15")),
                        date_means: StatusDate::Since,
                        notes: String::new(),
                        sources: vec![cite("s2")],
                    },
                ],
                notes: String::new(),
                sources: vec![cite("s2")],
            },
            Adoption {
                id: AdoptionId::new("acme-fam"),
                organization: OrgId::new("acme"),
                target: Some(AdoptionTarget::Family(FamilyId::new("fam"))),
                use_cases: vec![],
                status: vec![],
                notes: String::new(),
                sources: vec![cite("s3")],
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
                source: Some(cite("s2")),
                quote: "costs fell by up to 30%".into(),
                paraphrase: String::new(),
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
                source: Some(cite("s1")),
                quote: "10 to 20 downloads".into(),
                paraphrase: String::new(),
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
                source: Some(cite("s1")),
                quote: "released on 1 March".into(),
                paraphrase: String::new(),
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
                source: Some(cite("s2")),
                quote: "«very happy»".into(),
                paraphrase: String::new(),
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
                source: Some(cite("s3")),
                quote: "2.6 times".into(),
                paraphrase: String::new(),
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
            sources: vec![cite("s3")],
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
            sources: vec![cite("s1")],
        }],
    }
}
