//! Synthetic datasets of any size, for benchmarks and scale tests. Deterministic: the same
//! arguments always give the same dataset. The values are made up and say so in the title; they
//! are never shipped as data.

use super::date::PartialDate;
use super::ids::*;
use super::types::*;

/// A small deterministic pseudo-random generator (SplitMix64), so no dependency is needed.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    /// A float in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

const COUNTRIES: [&str; 6] = [
    "China",
    "United States",
    "France",
    "United Kingdom",
    "Japan",
    "Germany",
];
const WORDS: [&str; 12] = [
    "Nimbus", "Quartz", "Harbor", "Lumen", "Vector", "Cobalt", "Aurora", "Summit", "Orbit",
    "Delta", "Meridian", "Atlas",
];

/// A valid synthetic dataset with about `records` records in all: per 10 records, 1 source,
/// 3 organizations, 3 models, 2 adoptions and 1 claim (plus a few families).
pub fn synthetic(records: usize, seed: u64) -> Dataset {
    let mut rng = Rng::new(seed);
    let tenth = (records / 10).max(1);
    let n_sources = tenth;
    let n_orgs = 3 * tenth;
    let n_models = 3 * tenth;
    let n_adoptions = 2 * tenth;
    let n_claims = records
        .saturating_sub(n_sources + n_orgs + n_models + n_adoptions)
        .max(1);
    let n_families = (n_models / 20).clamp(1, 200);
    let src = |i: usize| SourceId(format!("s{i}"));
    let mut ds = Dataset {
        meta: Meta {
            title: format!("Synthetic benchmark data ({records} records, made up)"),
            description: "Generated for benchmarks; not real data.".into(),
            date: Some(PartialDate::day(2026, 1, 1)),
            credits: Vec::new(),
        },
        ..Dataset::default()
    };
    for i in 0..n_sources {
        ds.sources.push(Source {
            id: src(i),
            title: format!("Report {i} on {}", WORDS[i % WORDS.len()]),
            publisher: format!("Publisher {}", i % 97),
            author: String::new(),
            date: Some(PartialDate::month(
                2020 + (i % 6) as i32,
                1 + (i % 12) as u8,
            )),
            locator: format!("https://example.org/reports/{i}"),
            kind: SourceKind::Press,
            via: None,
            notes: String::new(),
        });
    }
    for i in 0..n_orgs {
        let w = WORDS[rng.below(WORDS.len() as u64) as usize];
        ds.organizations.push(Organization {
            id: OrgId(format!("o{i}")),
            name: format!("{w} Company {i}"),
            native_name: if i % 7 == 0 {
                format!("公司{i}")
            } else {
                String::new()
            },
            country: COUNTRIES[rng.below(COUNTRIES.len() as u64) as usize].into(),
            kind: if i % 5 == 0 {
                OrgKind::AiLab
            } else {
                OrgKind::Company
            },
            sector: "Technology".into(),
            headquarters: String::new(),
            founded: None,
            notes: String::new(),
            sources: vec![src(i % n_sources).into()],
        });
    }
    for i in 0..n_families {
        ds.families.push(ModelFamily {
            id: FamilyId(format!("f{i}")),
            name: format!("{} family {i}", WORDS[i % WORDS.len()]),
            developer: OrgId(format!("o{}", (i * 5) % n_orgs)),
            notes: String::new(),
            sources: vec![src(i % n_sources).into()],
        });
    }
    for i in 0..n_models {
        let total = 10f64.powf(rng.unit() * 3.0 - 0.5);
        let moe = i % 4 == 0;
        ds.models.push(Model {
            id: ModelId(format!("m{i}")),
            name: format!("{}-{i}", WORDS[i % WORDS.len()]),
            family: Some(FamilyId(format!("f{}", i % n_families))),
            developer: OrgId(format!("o{}", (i % n_families) * 5 % n_orgs)),
            release_date: Some(PartialDate::day(
                2019 + rng.below(7) as i32,
                1 + rng.below(12) as u8,
                1 + rng.below(28) as u8,
            )),
            openness: Some(Openness::ALL[rng.below(Openness::ALL.len() as u64) as usize]),
            openness_basis: None,
            license: "Apache 2.0".into(),
            total_params_b: Some(total),
            active_params_b: moe.then_some(total / 8.0),
            params_qualifier: Qualifier::Exact,
            architecture: Some(if moe {
                Architecture::MixtureOfExperts
            } else {
                Architecture::Dense
            }),
            context_k_tokens: Some(128.0),
            context_qualifier: Qualifier::Exact,
            notes: String::new(),
            sources: vec![src(i % n_sources).into()],
        });
    }
    for i in 0..n_adoptions {
        ds.adoptions.push(Adoption {
            id: AdoptionId(format!("a{i}")),
            organization: OrgId(format!("o{}", rng.below(n_orgs as u64))),
            target: Some(AdoptionTarget::Model(ModelId(format!(
                "m{}",
                rng.below(n_models as u64)
            )))),
            use_cases: vec!["customer service".into()],
            status: vec![StatusEntry {
                status: AdoptionStatus::Production,
                date: Some(PartialDate::month(2025, 1 + (i % 12) as u8)),
                date_means: StatusDate::AsOf,
                notes: String::new(),
                sources: Vec::new(),
            }],
            notes: String::new(),
            sources: vec![src(i % n_sources).into()],
        });
    }
    for i in 0..n_claims {
        ds.claims.push(Claim {
            id: ClaimId(format!("c{i}")),
            subject: Subject::Adoption(AdoptionId(format!("a{}", i % n_adoptions))),
            metric: if i % 2 == 0 {
                Metric::CostReduction
            } else {
                Metric::AccuracyGain
            },
            value: ClaimValue::Number((rng.unit() * 100.0).round()),
            unit: Unit::Percent,
            qualifier: if i % 3 == 0 {
                Qualifier::UpTo
            } else {
                Qualifier::Exact
            },
            baseline: "proprietary models".into(),
            scope: String::new(),
            when: Some(When::On(PartialDate::month(2025, 1 + (i % 12) as u8))),
            said_by: None,
            source: Some(src(i % n_sources).into()),
            quote: format!("a made-up quote number {i}"),
            paraphrase: String::new(),
            notes: String::new(),
        });
    }
    ds
}

/// The date `n` days after 2018-01-01.
fn day_after_2018(mut n: u32) -> PartialDate {
    let mut year = 2018;
    loop {
        let len = if super::date::is_leap(year) { 366 } else { 365 };
        if n < len {
            break;
        }
        n -= len;
        year += 1;
    }
    let mut month = 1u8;
    loop {
        let len = u32::from(super::date::days_in_month(year, month));
        if n < len {
            break;
        }
        n -= len;
        month += 1;
    }
    PartialDate::day(year, month, (n + 1) as u8)
}

/// A dataset of three download series ("China", "United States", "Europe"), `points` points in
/// all, for the large-scatter benchmark: dates uniform over 2018-2025 (to the day), values
/// `10^(8 + 4u)` for uniform `u`, point `i` in series `i % 3`, as in
/// `../shared/bench/mpl_scatter.py`. Made up, and titled so.
pub fn scatter_series(points: usize, seed: u64) -> Dataset {
    let mut rng = Rng::new(seed);
    let source = SourceId("synthetic".into());
    let mut ds = Dataset {
        meta: Meta {
            title: format!("Synthetic scatter ({points} points, made up)"),
            description: "Generated for benchmarks; not real data.".into(),
            date: Some(PartialDate::day(2026, 1, 1)),
            credits: Vec::new(),
        },
        sources: vec![Source {
            id: source.clone(),
            title: "Synthetic benchmark data".into(),
            publisher: String::new(),
            author: String::new(),
            date: None,
            locator: String::new(),
            kind: SourceKind::Dataset,
            via: None,
            notes: String::new(),
        }],
        ..Dataset::default()
    };
    let groups = ["China", "United States", "Europe"];
    let mut series: Vec<Series> = groups
        .iter()
        .enumerate()
        .map(|(i, g)| Series {
            id: SeriesId(format!("scatter-{i}")),
            name: format!("{g} (synthetic)"),
            subject: Subject::Country((*g).to_owned()),
            metric: Metric::CumulativeDownloads,
            unit: Unit::Count,
            points: Vec::with_capacity(points / 3 + 1),
            notes: String::new(),
            sources: vec![source.clone().into()],
        })
        .collect();
    for i in 0..points {
        let date = day_after_2018(rng.below(8 * 365) as u32);
        let value = 10f64.powf(8.0 + 4.0 * rng.unit());
        series[i % 3].points.push(SeriesPoint { date, value });
    }
    ds.series = series;
    ds
}

#[cfg(test)]
mod tests {
    #[test]
    fn synthetic_data_is_valid_and_sized() {
        let ds = super::synthetic(1000, 7);
        assert_eq!(crate::model::validate(&ds), vec![]);
        let n = ds.sources.len()
            + ds.organizations.len()
            + ds.models.len()
            + ds.adoptions.len()
            + ds.claims.len();
        assert_eq!(n, 1000);
        assert_eq!(ds, super::synthetic(1000, 7), "deterministic");
    }
}
