use super::*;
use crate::model::{
    Adoption, AdoptionId, Citation, Claim, ClaimId, FamilyId, Model, ModelFamily, ModelId, OrgId,
    OrgKind, Organization, Source, SourceKind, Unit, When,
};
use crate::plots::{PlotKind, derive};

fn org(id: &str, country: &str) -> Organization {
    Organization {
        id: OrgId::new(id),
        name: id.to_uppercase(),
        native_name: String::new(),
        country: country.to_owned(),
        kind: OrgKind::AiLab,
        sector: String::new(),
        headquarters: String::new(),
        founded: None,
        notes: String::new(),
        sources: Vec::new(),
    }
}

fn source(id: &str, kind: SourceKind, publisher: &str, locator: &str) -> Source {
    Source {
        id: SourceId::new(id),
        title: String::new(),
        publisher: publisher.into(),
        author: String::new(),
        date: None,
        locator: locator.into(),
        kind,
        via: None,
        notes: String::new(),
    }
}

fn figure(id: &str, family: &str, metric: Metric, v: f64, month: u8, src: &str) -> Claim {
    Claim {
        id: ClaimId::new(id),
        subject: Subject::Family(FamilyId::new(family)),
        metric,
        value: ClaimValue::Number(v),
        unit: Unit::Count,
        qualifier: Qualifier::Exact,
        baseline: String::new(),
        scope: String::new(),
        when: Some(When::On(PartialDate::month(2025, month))),
        said_by: None,
        source: Some(Citation::new(src)),
        quote: String::new(),
        paraphrase: String::new(),
        notes: String::new(),
    }
}

/// Five Epoch models (three Chinese, two US) and one hand-made one, Qwen's and Llama's figures
/// at two dates (only the earlier shared), three adoptions by two organizations.
fn dataset() -> Dataset {
    let mut ds = Dataset {
        sources: vec![
            source(
                "epoch",
                SourceKind::Dataset,
                "Epoch AI",
                "data/epoch_large_scale_ai_models.csv",
            ),
            source("card", SourceKind::Primary, "", "lab/model@1:README.md"),
            source("press", SourceKind::Press, "BBC", "bbc.co.uk/x"),
            source("blog", SourceKind::Web, "Some blog", "blog.example/y"),
        ],
        organizations: vec![
            org("alibaba", "China"),
            org("meta", "United States"),
            org("shop", "Japan"),
            org("bank", "Germany"),
        ],
        families: vec![
            ModelFamily {
                id: FamilyId::new("qwen"),
                name: "Qwen".into(),
                developer: OrgId::new("alibaba"),
                notes: String::new(),
                sources: Vec::new(),
            },
            ModelFamily {
                id: FamilyId::new("llama"),
                name: "Llama".into(),
                developer: OrgId::new("meta"),
                notes: String::new(),
                sources: Vec::new(),
            },
        ],
        ..Dataset::default()
    };
    for (i, (dev, month, epoch)) in [
        ("alibaba", 1, true),
        ("alibaba", 2, true),
        ("meta", 3, true),
        ("alibaba", 10, true),
        ("alibaba", 11, true),
        ("meta", 12, true),
        ("meta", 11, false),
    ]
    .into_iter()
    .enumerate()
    {
        let mut m = Model::new(
            ModelId::new(format!("m{i}")),
            format!("M{i}"),
            OrgId::new(dev),
        );
        m.release_date = Some(PartialDate::month(2025, month));
        m.sources = vec![Citation::new(if epoch { "epoch" } else { "card" })];
        ds.models.push(m);
    }
    ds.claims = vec![
        figure(
            "q1",
            "qwen",
            Metric::CumulativeDownloads,
            385.0e6,
            9,
            "press",
        ),
        figure(
            "l1",
            "llama",
            Metric::CumulativeDownloads,
            346.0e6,
            9,
            "press",
        ),
        figure(
            "q2",
            "qwen",
            Metric::CumulativeDownloads,
            400.0e6,
            12,
            "blog",
        ),
    ];
    let adoption = |id: &str, org: &str, target: AdoptionTarget, src: &str| Adoption {
        id: AdoptionId::new(id),
        organization: OrgId::new(org),
        target: Some(target),
        use_cases: Vec::new(),
        status: Vec::new(),
        notes: String::new(),
        sources: vec![Citation::new(src)],
    };
    ds.adoptions = vec![
        adoption(
            "a1",
            "shop",
            AdoptionTarget::Family(FamilyId::new("qwen")),
            "press",
        ),
        adoption(
            "a2",
            "bank",
            AdoptionTarget::Family(FamilyId::new("qwen")),
            "blog",
        ),
        adoption(
            "a3",
            "bank",
            AdoptionTarget::Model(ModelId::new("m2")),
            "blog",
        ),
    ];
    ds
}

/// The sentence as text, each marker as "[source ids]".
fn text(s: &Sentence) -> String {
    s.iter()
        .map(|p| match p {
            Piece::Text(t) => t.clone(),
            Piece::Cite(ids) => {
                let ids: Vec<&str> = ids.iter().map(|i| i.as_str()).collect();
                format!("[{}]", ids.join(","))
            }
        })
        .collect()
}

#[test]
fn the_reading_is_generated_from_the_data_with_a_marker_after_every_number() {
    let ds = dataset();
    let ix = Index::build(&ds);
    let rows: Vec<u32> = (0..ds.models.len() as u32).collect();
    let releases = derive(
        PlotKind::ReleasesPerQuarter,
        &ds,
        &ix,
        &[],
        &rows,
        Vec::new(),
    );
    let r: Vec<String> = reading(&ds, &ix, &releases).iter().map(text).collect();
    assert_eq!(
        r,
        [
            "Among models trained with more than 10^23 FLOP (known or likely), per Epoch AI, \
             6 were[epoch] released from Q1 2025 to Q4 2025: developers in China 4[epoch], \
             developers in United States 2[epoch].",
            "In Q4 2025, developers in China released 2[epoch] of the 3[epoch].",
            "In 2025-09, Qwen had 385,000,000 cumulative downloads[press] against \
             346,000,000[press] for Llama.",
            "2 organizations[blog,press] in this dataset adopted, evaluated or dropped AI \
             models: 2[press,blog] of them models from China, 1[blog] from United States.",
        ]
    );
    // Every number carries its marker.
    for s in reading(&ds, &ix, &releases) {
        for w in s.windows(2) {
            if let [Piece::Text(t), next] = w
                && t.ends_with(|c: char| c.is_ascii_digit())
            {
                assert!(matches!(next, Piece::Cite(ids) if !ids.is_empty()), "{t}");
            }
        }
    }
}

#[test]
fn a_reading_says_nothing_it_has_no_data_for() {
    let ds = Dataset::default();
    let ix = Index::build(&ds);
    let releases = derive(PlotKind::ReleasesPerQuarter, &ds, &ix, &[], &[], Vec::new());
    assert!(reading(&ds, &ix, &releases).is_empty());
}
