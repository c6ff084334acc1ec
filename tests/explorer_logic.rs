//! The explorer's logic (index, search, filters, sorts, cache) on a small hand-built dataset
//! whose every answer is known, then on the built-in dataset.

use std::collections::BTreeSet;
use std::sync::Arc;

use ai_adoption_explorer::app::explorer::{
    CiteField, Explorer, Index, ListQuery, ListTab, ModelFilter, ModelSort, OrgFilter, OrgSort,
    RecordAt,
};
use ai_adoption_explorer::app::{Action, AppState, BUILTIN_RON, ScriptedDialogs, Settings, edit};
use ai_adoption_explorer::io::{load_bytes, save_atomic};
use ai_adoption_explorer::model::*;

/// Six organizations (two named "Acme", one without a country), five models in two families
/// plus one without, adoptions of models and of a family, and one of every linking record.
const SMALL: &str = r#"Dataset(
    format_version: 1,
    sources: [
        Source(id: "s-a", title: "Alpha report", publisher: "Pub House", author: "Ann Author", kind: Press),
        Source(id: "s-b", locator: "b.example/x", kind: Web, via: Some("s-a")),
        Source(id: "s-c", title: "Zeta", kind: Study),
    ],
    organizations: [
        Organization(id: "acme", name: "Acme", country: "United States", kind: Company, headquarters: "Springfield", sources: ["s-a"]),
        Organization(id: "beta", name: "beta corp", native_name: "贝塔公司", country: "China", kind: Company, sources: ["s-a"]),
        Organization(id: "lab-cn", name: "Dragon Lab", country: "China", kind: AiLab, sources: ["s-b"]),
        Organization(id: "lab-us", name: "Eagle Lab", country: "United States", kind: AiLab, sources: ["s-b"]),
        Organization(id: "nowhere", name: "Nowhere Inc", kind: Company, sources: ["s-b"]),
        Organization(id: "acme-fr", name: "Acme", country: "France", kind: Company, sources: ["s-b"]),
    ],
    people: [
        Person(id: "jane", name: "Jane Doe", native_name: "简", sources: ["s-a"]),
    ],
    roles: [
        Role(id: "jane-cto-acme", person: "jane", organization: "acme", title: "CTO", sources: ["s-a"]),
    ],
    families: [
        ModelFamily(id: "dragon", name: "Dragon", developer: "lab-cn", sources: ["s-b"]),
        ModelFamily(id: "eagle", name: "Eagle", developer: "lab-us", sources: ["s-b"]),
    ],
    models: [
        Model(id: "d1", name: "Dragon-1", family: Some("dragon"), developer: "lab-cn", release_date: Some("2024-05"), openness: Some(OpenWeightsUnrestricted), total_params_b: Some(7.0), sources: ["s-b"]),
        Model(id: "d2", name: "Dragon-2", family: Some("dragon"), developer: "lab-cn", openness: Some(ApiAccess), sources: ["s-b"]),
        Model(id: "e1", name: "Eagle-1", family: Some("eagle"), developer: "lab-us", release_date: Some("2023"), openness: Some(ApiAccess), total_params_b: Some(70.0), sources: ["s-b"]),
        Model(id: "e2", name: "Eagle-2", family: Some("eagle"), developer: "lab-us", release_date: Some("2025-01-02"), openness: Some(HostedAccessOnly), sources: ["s-b"]),
        Model(id: "x1", name: "Xeno", developer: "nowhere", total_params_b: Some(0.5), sources: ["s-b"]),
    ],
    adoptions: [
        Adoption(id: "a1", organization: "acme", target: Model("d1"), status: [StatusEntry(status: Production, date: Some("2024-06"), sources: ["s-c"])], sources: ["s-a"]),
        Adoption(id: "a2", organization: "acme", target: Model("e1"), status: [StatusEntry(status: Evaluating, date: Some("2023-02"))], sources: ["s-a"]),
        Adoption(id: "a3", organization: "beta", target: Family("dragon"), status: [StatusEntry(status: Experimenting)], sources: ["s-a"]),
        Adoption(id: "a4", organization: "nowhere", target: Model("e2"), status: [StatusEntry(status: Production, date: Some("2025-03"))], sources: ["s-b"]),
        Adoption(id: "a5", organization: "beta", target: Model("d1"), status: [StatusEntry(status: Evaluating, date: Some("2024-01")), StatusEntry(status: Production, date: Some("2024-02"), sources: ["s-c", "s-a"])], sources: ["s-a"]),
    ],
    claims: [
        Claim(id: "c1", subject: Adoption("a1"), metric: CostReduction, value: Number(50.0), unit: Percent, said_by: Some(Person("jane")), source: "s-c", quote: "half the cost"),
        Claim(id: "c2", subject: Organization("acme"), metric: MonthlyActiveUsers, value: Number(1000.0), unit: Count, source: "s-a", quote: "a thousand users"),
        Claim(id: "c3", subject: Country("China"), metric: DownloadShare, value: Number(40.0), unit: Percent, said_by: Some(Organization("lab-us")), source: "s-a", quote: "40%"),
    ],
    conflicts: [
        Conflict(id: "k1", kind: Contradiction, records: [Adoption("a1"), Claim("c2")], description: "They disagree."),
    ],
    series: [
        Series(id: "ser1", name: "Dragon-1 downloads", subject: Model("d1"), metric: MonthlyDownloads, unit: Count, points: [SeriesPoint(date: "2024-06", value: 10.0)], sources: ["s-a"]),
    ],
    events: [
        Event(id: "ev1", date: Some("2024-05"), kind: Release, title: "Dragon-1 released", description: "Open weights on the Hub", related: [Model("d1"), Organization("lab-cn")], sources: ["s-b"]),
        Event(id: "ev2", kind: Other, title: "Something undated", sources: ["s-b"]),
        Event(id: "ev3", date: Some("2023"), kind: Report, title: "Earlier report", sources: ["s-c"]),
    ],
)"#;

fn small() -> Arc<Dataset> {
    let loaded = load_bytes("small.ron", SMALL.as_bytes()).expect("the small dataset parses");
    assert_eq!(loaded.problems, vec![], "the small dataset is valid");
    Arc::new(loaded.dataset)
}

fn builtin() -> Arc<Dataset> {
    Arc::new(
        load_bytes("data.ron", BUILTIN_RON.as_bytes())
            .expect("built-in data loads")
            .dataset,
    )
}

/// Ids of the rows of `tab`, in order.
fn ids(ds: &Dataset, tab: ListTab, rows: &[u32]) -> Vec<String> {
    rows.iter()
        .map(|&p| {
            let p = p as usize;
            match tab {
                ListTab::Organizations => ds.organizations[p].id.to_string(),
                ListTab::Models => ds.models[p].id.to_string(),
                ListTab::Sources => ds.sources[p].id.to_string(),
                ListTab::Events => ds.events[p].id.to_string(),
            }
        })
        .collect()
}

fn rows_of(ds: &Arc<Dataset>, tab: ListTab, q: &ListQuery) -> Vec<String> {
    let mut ex = Explorer::new();
    let rows = ex.rows(ds, 0, tab, q).to_vec();
    ids(ds, tab, &rows)
}

fn set<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    items.into_iter().collect()
}

fn search(text: &str) -> ListQuery {
    ListQuery {
        search: text.into(),
        ..ListQuery::default()
    }
}

fn org_filter(f: OrgFilter) -> ListQuery {
    ListQuery {
        org_filter: f,
        ..ListQuery::default()
    }
}

fn model_filter(f: ModelFilter) -> ListQuery {
    ListQuery {
        model_filter: f,
        ..ListQuery::default()
    }
}

fn at(ix: &Index, r: RecordRef) -> RecordAt {
    ix.resolve(&r).expect("record exists")
}

// --- small dataset: lookups --------------------------------------------------------------------

#[test]
fn positions_of_every_kind() {
    let ds = small();
    let ix = Index::build(&ds);
    assert_eq!(ix.source(&"s-c".into()), Some(2));
    assert_eq!(ix.org(&"acme-fr".into()), Some(5));
    assert_eq!(ix.person(&"jane".into()), Some(0));
    assert_eq!(ix.role(&"jane-cto-acme".into()), Some(0));
    assert_eq!(ix.family(&"eagle".into()), Some(1));
    assert_eq!(ix.model(&"x1".into()), Some(4));
    assert_eq!(ix.adoption(&"a5".into()), Some(4));
    assert_eq!(ix.claim(&"c3".into()), Some(2));
    assert_eq!(ix.conflict(&"k1".into()), Some(0));
    assert_eq!(ix.series(&"ser1".into()), Some(0));
    assert_eq!(ix.event(&"ev3".into()), Some(2));
    assert_eq!(ix.org(&"missing".into()), None);
    assert_eq!(ix.position(RecordKind::Model, "e2"), Some(3));
    assert_eq!(ix.position(RecordKind::Dataset, ""), None);
    let a = at(&ix, RecordRef::Claim("c2".into()));
    assert_eq!(a, RecordAt::new(RecordKind::Claim, 1));
    assert_eq!(a.record_ref(&ds), Some(RecordRef::Claim("c2".into())));
    assert_eq!(RecordAt::new(RecordKind::Conflict, 0).id(&ds), Some("k1"));
    assert_eq!(
        RecordAt::new(RecordKind::Conflict, 0).record_ref(&ds),
        Some(RecordRef::Conflict("k1".into()))
    );
    assert_eq!(RecordAt::new(RecordKind::Model, 99).record_ref(&ds), None);
    assert_eq!(ix.count(ListTab::Organizations), 6);
    assert_eq!(ix.count(ListTab::Events), 3);
}

#[test]
fn roles_and_adoptions_by_record() {
    let ds = small();
    let ix = Index::build(&ds);
    assert_eq!(ix.roles_of_org(0), &[0]);
    assert_eq!(ix.roles_of_org(1), &[] as &[u32]);
    assert_eq!(ix.roles_of_person(0), &[0]);
    assert_eq!(ix.adoptions_of_org(0), &[0, 1]);
    assert_eq!(ix.adoptions_of_org(1), &[2, 4]);
    assert_eq!(ix.adoptions_of_model(0), &[0, 4], "d1 directly");
    assert_eq!(ix.adoptions_of_family(0), &[2], "the Dragon family");
    assert_eq!(ix.models_of_family(1), &[2, 3]);
    assert_eq!(ix.family_of_model(4), None);
    assert_eq!(ix.roles_of_org(99), &[] as &[u32], "out of range is empty");
}

#[test]
fn adopters_of_a_model_include_its_family_adoptions() {
    let ds = small();
    let ix = Index::build(&ds);
    let d1: Vec<(u32, Option<u32>, bool)> = ix
        .adopters_of_model(0)
        .iter()
        .map(|a| (a.adoption, a.organization, a.via_family))
        .collect();
    assert_eq!(
        d1,
        vec![(0, Some(0), false), (4, Some(1), false), (2, Some(1), true)]
    );
    assert_eq!(ix.model_adopter_count(0), 2, "beta counted once");
    assert_eq!(ix.model_adopter_count(1), 1, "d2 only through the family");
    assert!(ix.adopters_of_model(1).iter().all(|a| a.via_family));
    assert_eq!(ix.model_adopter_count(2), 1);
    assert_eq!(ix.model_adopter_count(4), 0);
    assert_eq!(ix.model_developer_country(0), Some("China"));
    assert_eq!(
        ix.model_developer_country(4),
        None,
        "developer has no country"
    );
}

#[test]
fn claims_conflicts_events_and_series_by_record() {
    let ds = small();
    let ix = Index::build(&ds);
    assert_eq!(ix.claims_about(&Subject::Adoption("a1".into())), &[0]);
    assert_eq!(
        ix.claims_about(&Subject::Organization("acme".into())),
        &[1],
        "claims about acme's adoptions stay under the adoptions"
    );
    assert_eq!(ix.claims_about(&Subject::Country(" China ".into())), &[2]);
    assert_eq!(
        ix.claims_about(&Subject::Model("nope".into())),
        &[] as &[u32]
    );
    assert_eq!(
        ix.claims_about_record(RecordAt::new(RecordKind::Adoption, 0)),
        &[0]
    );
    assert_eq!(ix.claims_by_person(0), &[0]);
    assert_eq!(ix.claims_by_org_speaker(3), &[2]);
    let a1 = at(&ix, RecordRef::Adoption("a1".into()));
    let c2 = at(&ix, RecordRef::Claim("c2".into()));
    assert_eq!(ix.conflicts_involving(a1), &[0]);
    assert_eq!(ix.conflicts_involving(c2), &[0]);
    let d1 = at(&ix, RecordRef::Model("d1".into()));
    assert_eq!(ix.events_related_to(d1), &[0]);
    assert_eq!(
        ix.events_related_to(at(&ix, RecordRef::Organization("lab-cn".into()))),
        &[0]
    );
    assert_eq!(ix.series_about(&Subject::Model("d1".into())), &[0]);
    assert_eq!(
        ix.series_about(&Subject::Country("China".into())),
        &[] as &[u32]
    );
}

#[test]
fn citations_cover_every_sources_field() {
    let ds = small();
    let ix = Index::build(&ds);
    let s_a = ix.source(&"s-a".into()).expect("s-a");
    let cites: Vec<(RecordRef, String)> = ix.citing_records(&ds, s_a);
    let expect = |r: RecordRef, f: &str| {
        assert!(
            cites.contains(&(r.clone(), f.to_owned())),
            "{r:?} {f} in {cites:?}"
        );
    };
    expect(RecordRef::Source("s-b".into()), "via");
    expect(RecordRef::Organization("acme".into()), "sources");
    expect(RecordRef::Organization("beta".into()), "sources");
    expect(RecordRef::Person("jane".into()), "sources");
    expect(RecordRef::Role("jane-cto-acme".into()), "sources");
    expect(RecordRef::Adoption("a5".into()), "sources");
    expect(RecordRef::Adoption("a5".into()), "status[1].sources");
    expect(RecordRef::Claim("c2".into()), "source");
    expect(RecordRef::Series("ser1".into()), "sources");
    // Every place in the file that names s-a: 1 via + 2 orgs + person + role + 4 adoptions
    // + 1 status entry + 2 claims + 1 series.
    assert_eq!(cites.len(), 13, "{cites:#?}");
    let s_c = ix.source(&"s-c".into()).expect("s-c");
    let fields: Vec<CiteField> = ix.citations(s_c).iter().map(|c| c.field).collect();
    assert_eq!(
        fields,
        vec![
            CiteField::StatusSources(0),
            CiteField::StatusSources(1),
            CiteField::ClaimSource,
            CiteField::Sources,
        ]
    );
}

#[test]
fn facts_per_organization() {
    let ds = small();
    let ix = Index::build(&ds);
    assert_eq!(
        ix.org_developer_countries(0),
        vec!["China", "United States"]
    );
    assert_eq!(
        ix.org_developer_countries(1),
        vec!["China"],
        "family adoption"
    );
    assert_eq!(ix.org_developer_countries(2), Vec::<&str>::new());
    assert!(ix.org_uses_open_weights(0));
    assert!(ix.org_uses_open_weights(1));
    assert!(!ix.org_uses_open_weights(4), "hosted-only model");
    assert_eq!(ix.org_first_adoption(0), PartialDate::parse("2023-02").ok());
    assert_eq!(
        ix.org_first_adoption(1),
        PartialDate::parse("2024-01").ok(),
        "the undated family adoption does not count"
    );
    assert_eq!(ix.org_first_adoption(2), None);
    assert_eq!(ix.org_adoption_count(0), 2);
    assert_eq!(ix.org_adoption_count(3), 0);
    assert_eq!(ix.org_country(1), Some("China"));
    assert_eq!(ix.org_country(4), None);
}

#[test]
fn open_weights_through_a_family_needs_an_open_model_in_it() {
    let ds = small();
    let mut changed = (*ds).clone();
    // d1 is the only open model of the Dragon family, and beta adopted both d1 and the family.
    changed.models[0].openness = Some(Openness::ApiAccess);
    let ix = Index::build(&changed);
    assert!(!ix.org_uses_open_weights(1));
    changed.models[1].openness = Some(Openness::OpenWeightsNonCommercial);
    let ix = Index::build(&changed);
    assert!(ix.org_uses_open_weights(1), "d2 is open: the family counts");
    assert!(!ix.org_uses_open_weights(0), "acme adopted d1 and e1 only");
}

#[test]
fn distinct_values_for_menus() {
    let ds = small();
    let ix = Index::build(&ds);
    assert_eq!(ix.org_countries(), ["China", "France", "United States"]);
    assert_eq!(ix.org_kinds(), [OrgKind::Company, OrgKind::AiLab]);
    assert_eq!(ix.model_developer_countries(), ["China", "United States"]);
    assert_eq!(ix.families_by_name(), [0, 1]);
    assert_eq!(
        ix.openness_values(),
        [
            Openness::OpenWeightsUnrestricted,
            Openness::ApiAccess,
            Openness::HostedAccessOnly
        ]
    );
    assert_eq!(ix.release_years(), [2023, 2024, 2025]);
}

// --- small dataset: search ---------------------------------------------------------------------

#[test]
fn search_is_case_insensitive_trimmed_and_covers_the_listed_fields() {
    let ds = small();
    let org = |q: &str| rows_of(&ds, ListTab::Organizations, &search(q));
    assert_eq!(org("JANE"), ["acme"], "people holding roles there");
    assert_eq!(org("简"), ["acme"], "their native names too");
    assert_eq!(org("  贝塔 "), ["beta"], "CJK, trimmed");
    assert_eq!(org("springfield"), ["acme"], "headquarters");
    assert_eq!(org("france"), ["acme-fr"], "country");
    assert_eq!(org("").len(), 6, "empty matches all");
    assert_eq!(org("   ").len(), 6, "blank matches all");
    assert_eq!(org("zzz"), Vec::<String>::new());
    assert_eq!(
        org("acme united"),
        Vec::<String>::new(),
        "fields stay apart"
    );
    let model = |q: &str| rows_of(&ds, ListTab::Models, &search(q));
    assert_eq!(model("dragon"), ["d1", "d2"], "family name");
    assert_eq!(model("eagle lab"), ["e1", "e2"], "developer name");
    assert_eq!(model("CHINA"), ["d1", "d2"], "developer country");
    let source = |q: &str| rows_of(&ds, ListTab::Sources, &search(q));
    assert_eq!(source("pub house"), ["s-a"]);
    assert_eq!(source("ann"), ["s-a"]);
    assert_eq!(source("B.EXAMPLE"), ["s-b"]);
    let event = |q: &str| rows_of(&ds, ListTab::Events, &search(q));
    assert_eq!(event("hub"), ["ev1"], "description");
    assert_eq!(event("report"), ["ev3"]);
    let ix = Index::build(&ds);
    assert!(ix.matches(ListTab::Organizations, 1, " BETA "));
    assert!(ix.haystack(ListTab::Organizations, 0).contains("jane doe"));
}

// --- small dataset: filters --------------------------------------------------------------------

#[test]
fn organization_filters() {
    let ds = small();
    let org = |f: OrgFilter| rows_of(&ds, ListTab::Organizations, &org_filter(f));
    let countries = |c: &[&str]| OrgFilter {
        countries: c.iter().map(|s| s.to_string()).collect(),
        ..OrgFilter::default()
    };
    assert_eq!(org(countries(&["China"])), ["beta", "lab-cn"]);
    assert_eq!(
        org(countries(&["China", "France"])),
        ["acme-fr", "beta", "lab-cn"]
    );
    assert_eq!(
        org(countries(&[""])),
        ["nowhere"],
        "\"\" is an unknown country"
    );
    assert_eq!(org(countries(&["Atlantis"])), Vec::<String>::new());
    let kinds = OrgFilter {
        kinds: set([OrgKind::AiLab]),
        ..OrgFilter::default()
    };
    assert_eq!(org(kinds), ["lab-cn", "lab-us"]);
    let from = |c: &str| OrgFilter {
        uses_model_from_country: Some(c.into()),
        ..OrgFilter::default()
    };
    assert_eq!(org(from("China")), ["acme", "beta"]);
    assert_eq!(org(from("United States")), ["acme", "nowhere"]);
    assert_eq!(org(from("Atlantis")), Vec::<String>::new());
    assert_eq!(org(from(" ")).len(), 6, "blank restricts nothing");
    let open = OrgFilter {
        uses_open_weights: true,
        ..OrgFilter::default()
    };
    assert_eq!(org(open), ["acme", "beta"]);
    let both = OrgFilter {
        countries: set(["United States".to_owned()]),
        uses_model_from_country: Some("China".into()),
        ..OrgFilter::default()
    };
    assert_eq!(org(both), ["acme"]);
}

#[test]
fn model_filters() {
    let ds = small();
    let model = |f: ModelFilter| rows_of(&ds, ListTab::Models, &model_filter(f));
    let dev = ModelFilter {
        developer_countries: set(["China".to_owned()]),
        ..ModelFilter::default()
    };
    assert_eq!(model(dev), ["d1", "d2"]);
    let unknown = ModelFilter {
        developer_countries: set([String::new()]),
        ..ModelFilter::default()
    };
    assert_eq!(model(unknown), ["x1"]);
    let fam = ModelFilter {
        families: set([FamilyId::new("eagle")]),
        ..ModelFilter::default()
    };
    assert_eq!(model(fam), ["e1", "e2"]);
    let open = ModelFilter {
        openness: set([Openness::ApiAccess]),
        ..ModelFilter::default()
    };
    assert_eq!(model(open), ["d2", "e1"]);
    let year = ModelFilter {
        release_years: set([2024, 2025]),
        ..ModelFilter::default()
    };
    assert_eq!(model(year), ["d1", "e2"]);
    let none = ModelFilter {
        families: set([FamilyId::new("eagle")]),
        openness: set([Openness::OpenWeightsUnrestricted]),
        ..ModelFilter::default()
    };
    assert_eq!(model(none), Vec::<String>::new());
}

#[test]
fn filters_describe_themselves_for_plot_footers() {
    let ds = small();
    assert_eq!(OrgFilter::default().describe(), Vec::<String>::new());
    assert!(OrgFilter::default().is_empty());
    let f = OrgFilter {
        countries: set([
            "United States".to_owned(),
            "China".to_owned(),
            String::new(),
        ]),
        kinds: set([OrgKind::AiLab, OrgKind::Company]),
        uses_model_from_country: Some("China".into()),
        uses_open_weights: true,
    };
    assert_eq!(
        f.describe(),
        [
            "country: unknown, China, United States",
            "kind: Company, AI lab",
            "uses models developed in China",
            "uses open-weight models",
        ]
    );
    assert!(!f.is_empty());
    let m = ModelFilter {
        developer_countries: set(["China".to_owned()]),
        families: set([FamilyId::new("eagle"), FamilyId::new("gone")]),
        openness: set([Openness::ApiAccess, Openness::OpenWeightsUnrestricted]),
        release_years: set([2025, 2024]),
        ..ModelFilter::default()
    };
    assert_eq!(
        m.describe(&ds),
        [
            "developer country: China",
            "family: Eagle, gone",
            "openness: Open weights (unrestricted), API access",
            "released in: 2024, 2025",
        ]
    );
    assert!(ModelFilter::default().describe(&ds).is_empty());
    let q = ListQuery {
        search: "  acme ".into(),
        org_filter: OrgFilter {
            uses_open_weights: true,
            ..OrgFilter::default()
        },
        ..ListQuery::default()
    };
    assert_eq!(
        q.describe(ListTab::Organizations, &ds),
        ["search: \"acme\"", "uses open-weight models"]
    );
    assert_eq!(q.describe(ListTab::Models, &ds), ["search: \"acme\""]);
}

// --- small dataset: sorts ----------------------------------------------------------------------

fn org_sorted(ds: &Arc<Dataset>, sort: OrgSort, descending: bool) -> Vec<String> {
    let q = ListQuery {
        org_sort: sort,
        descending,
        ..ListQuery::default()
    };
    rows_of(ds, ListTab::Organizations, &q)
}

fn model_sorted(ds: &Arc<Dataset>, sort: ModelSort, descending: bool) -> Vec<String> {
    let q = ListQuery {
        model_sort: sort,
        descending,
        ..ListQuery::default()
    };
    rows_of(ds, ListTab::Models, &q)
}

#[test]
fn organization_sorts_are_total_with_missing_values_last() {
    let ds = small();
    assert_eq!(
        org_sorted(&ds, OrgSort::Name, false),
        ["acme", "acme-fr", "beta", "lab-cn", "lab-us", "nowhere"],
        "case-insensitive; equal names by position"
    );
    assert_eq!(
        org_sorted(&ds, OrgSort::Name, true),
        ["nowhere", "lab-us", "lab-cn", "beta", "acme", "acme-fr"]
    );
    assert_eq!(
        org_sorted(&ds, OrgSort::Adoptions, true),
        ["acme", "beta", "nowhere", "acme-fr", "lab-cn", "lab-us"],
        "ties by name"
    );
    assert_eq!(
        org_sorted(&ds, OrgSort::Adoptions, false),
        ["acme-fr", "lab-cn", "lab-us", "nowhere", "acme", "beta"]
    );
    assert_eq!(
        org_sorted(&ds, OrgSort::FirstAdoption, false),
        ["acme", "beta", "nowhere", "acme-fr", "lab-cn", "lab-us"]
    );
    assert_eq!(
        org_sorted(&ds, OrgSort::FirstAdoption, true),
        ["nowhere", "beta", "acme", "acme-fr", "lab-cn", "lab-us"],
        "no adoption date: last in both directions"
    );
}

#[test]
fn model_sorts_are_total_with_missing_values_last() {
    let ds = small();
    assert_eq!(
        model_sorted(&ds, ModelSort::Name, false),
        ["d1", "d2", "e1", "e2", "x1"]
    );
    assert_eq!(
        model_sorted(&ds, ModelSort::Parameters, false),
        ["x1", "d1", "e1", "d2", "e2"]
    );
    assert_eq!(
        model_sorted(&ds, ModelSort::Parameters, true),
        ["e1", "d1", "x1", "d2", "e2"]
    );
    assert_eq!(
        model_sorted(&ds, ModelSort::ReleaseDate, false),
        ["e1", "d1", "e2", "d2", "x1"]
    );
    assert_eq!(
        model_sorted(&ds, ModelSort::ReleaseDate, true),
        ["e2", "d1", "e1", "d2", "x1"]
    );
    assert_eq!(
        model_sorted(&ds, ModelSort::Adoptions, true),
        ["d1", "d2", "e1", "e2", "x1"]
    );
}

#[test]
fn sources_by_title_or_locator_and_events_by_date() {
    let ds = small();
    let all = ListQuery::default();
    assert_eq!(rows_of(&ds, ListTab::Sources, &all), ["s-a", "s-b", "s-c"]);
    assert_eq!(rows_of(&ds, ListTab::Events, &all), ["ev3", "ev1", "ev2"]);
    let desc = ListQuery {
        descending: true,
        ..ListQuery::default()
    };
    assert_eq!(
        rows_of(&ds, ListTab::Events, &desc),
        ["ev3", "ev1", "ev2"],
        "sources and events use the search only"
    );
}

// --- small dataset: the cache ------------------------------------------------------------------

#[test]
fn rows_are_recomputed_only_when_their_inputs_change() {
    let ds = small();
    let mut ex = Explorer::new();
    assert_eq!(ex.total(ListTab::Organizations), 0, "nothing built yet");
    let mut q = ListQuery::default();
    let tab = ListTab::Organizations;
    assert_eq!(ex.rows(&ds, 1, tab, &q).len(), 6);
    assert_eq!((ex.index_builds(), ex.recomputations()), (1, 1));
    assert_eq!(ex.rows(&ds, 1, tab, &q).len(), 6);
    assert_eq!(ex.recomputations(), 1, "same inputs: cached");
    assert_eq!(ex.total(tab), 6);

    q.model_filter.release_years.insert(2024);
    q.model_sort = ModelSort::Parameters;
    ex.rows(&ds, 1, tab, &q);
    assert_eq!(
        ex.recomputations(),
        1,
        "model query parts do not concern organizations"
    );

    q.search = "acme".into();
    assert_eq!(ex.rows(&ds, 1, tab, &q).len(), 2);
    assert_eq!(ex.recomputations(), 2);
    q.search = "  ACME ".into();
    assert_eq!(ex.rows(&ds, 1, tab, &q).len(), 2);
    assert_eq!(ex.recomputations(), 2, "same search once normalized");

    q.org_sort = OrgSort::Adoptions;
    ex.rows(&ds, 1, tab, &q);
    assert_eq!(ex.recomputations(), 3, "sort changed");
    q.descending = true;
    ex.rows(&ds, 1, tab, &q);
    assert_eq!(ex.recomputations(), 4, "direction changed");

    // Each tab has its own cache: asking for models does not disturb organizations.
    ex.rows(&ds, 1, ListTab::Models, &q);
    assert_eq!(ex.recomputations(), 5);
    ex.rows(&ds, 1, tab, &q);
    ex.rows(&ds, 1, ListTab::Models, &q);
    assert_eq!(ex.recomputations(), 5);

    // A new revision rebuilds the index and the rows.
    ex.rows(&ds, 2, tab, &q);
    assert_eq!((ex.index_builds(), ex.recomputations()), (2, 6));
    // So does another dataset (an open replaces the document, which takes a revision of its own).
    let other = Arc::new((*ds).clone());
    ex.rows(&other, 3, tab, &q);
    assert_eq!((ex.index_builds(), ex.recomputations()), (3, 7));
    let ix = ex.index(&other, 3);
    assert_eq!(ex.index_builds(), 3, "index() reuses the cached index");
    assert_eq!(ix.count(ListTab::Models), 5);
}

#[test]
fn an_edited_dataset_gives_new_rows() {
    let ds = small();
    let mut ex = Explorer::new();
    let q = search("acme");
    assert_eq!(ex.rows(&ds, 0, ListTab::Organizations, &q).len(), 2);
    let mut edited = (*ds).clone();
    edited.organizations[5].name = "Renamed".into();
    let edited = Arc::new(edited);
    assert_eq!(ex.rows(&edited, 1, ListTab::Organizations, &q), &[0]);
}

/// Renames the first organization of the open dataset: one undoable edit through `apply`.
fn rename_first_organization(state: &mut AppState, name: &str) {
    let mut org = state.doc.dataset.organizations[0].clone();
    org.name = name.into();
    let (label, edits) =
        edit::replace_record(&state.doc.dataset, org.into()).expect("the organization exists");
    state.apply(Action::Edit {
        label,
        edits,
        coalesce: None,
    });
}

#[test]
fn opening_another_dataset_rebuilds_the_cache_though_both_saw_as_many_edits() {
    // Revisions once started at 0 in every document, so A and B below, each edited once, had
    // the same revision; now each document and each edit takes a revision never seen before.
    let dir = tempfile::tempdir().expect("a temporary folder");
    let (path_a, path_b) = (dir.path().join("a.ron"), dir.path().join("b.ron"));
    save_atomic(&small(), &path_a).expect("A is written");
    let b = synth::synthetic(100, 3);
    save_atomic(&b, &path_b).expect("B is written");
    let mut state = AppState::new(Box::new(ScriptedDialogs::default()), Settings::default());
    let mut ex = Explorer::new();
    let (tab, q) = (ListTab::Organizations, ListQuery::default());

    state.apply(Action::Open(path_a));
    rename_first_organization(&mut state, "Acme A");
    state.apply(Action::Save);
    assert!(!state.doc.is_dirty(), "A saved: B opens without asking");
    let rev_a = state.doc.revision;
    assert_eq!(ex.rows(&state.doc.dataset, rev_a, tab, &q).len(), 6);
    assert_eq!(ex.index_builds(), 1);

    state.apply(Action::Open(path_b));
    assert!(state.modal.is_none(), "{:?}", state.modal);
    assert_eq!(state.doc.dataset.organizations.len(), b.organizations.len());
    rename_first_organization(&mut state, "Nimbus B");
    let rev_b = state.doc.revision;
    assert_ne!(rev_b, rev_a, "one edit each, yet the revisions differ");
    let rows = ex.rows(&state.doc.dataset, rev_b, tab, &q).to_vec();
    assert_eq!(ex.index_builds(), 2, "B's revision rebuilds the index");
    assert_eq!(rows.len(), b.organizations.len());
    assert_eq!(
        ids(&state.doc.dataset, tab, &rows),
        rows_of(&state.doc.dataset, tab, &q),
        "B's rows, not A's"
    );
    assert_eq!(
        ex.index(&state.doc.dataset, rev_b).count(ListTab::Models),
        b.models.len()
    );
}

#[test]
fn queries_persist_through_serde() {
    let q = ListQuery {
        search: "qwen".into(),
        org_filter: OrgFilter {
            countries: set(["China".to_owned()]),
            kinds: set([OrgKind::Company]),
            uses_model_from_country: Some("China".into()),
            uses_open_weights: true,
        },
        model_filter: ModelFilter {
            developer_countries: set(["China".to_owned()]),
            families: set([FamilyId::new("qwen")]),
            openness: set([Openness::ApiAccess]),
            release_years: set([2025]),
            ..ModelFilter::default()
        },
        org_sort: OrgSort::FirstAdoption,
        model_sort: ModelSort::Parameters,
        descending: true,
    };
    let text = serde_json::to_string(&q).expect("serializes");
    let back: ListQuery = serde_json::from_str(&text).expect("deserializes");
    assert_eq!(back, q);
    let partial: ListQuery = serde_json::from_str(r#"{"search":"x"}"#).expect("defaults fill in");
    assert_eq!(partial, search("x"));
    assert_eq!(ListTab::default(), ListTab::Organizations);
}

#[test]
fn dangling_references_and_duplicate_ids_do_not_break_the_index() {
    let mut ds = (*small()).clone();
    ds.adoptions[0].organization = OrgId::new("ghost");
    ds.adoptions[1].target = Some(AdoptionTarget::Model(ModelId::new("ghost")));
    ds.adoptions[2].target = Some(AdoptionTarget::Family(FamilyId::new("ghost")));
    ds.claims[0].subject = Subject::Adoption("ghost".into());
    ds.claims[0].source = Some(Citation::new("ghost"));
    ds.conflicts[0].records[0] = RecordRef::Event("ghost".into());
    ds.models[0].developer = OrgId::new("ghost");
    ds.models[1].family = Some(FamilyId::new("ghost"));
    ds.roles[0].person = PersonId::new("ghost");
    let mut dup = ds.organizations[0].clone();
    dup.name = "Duplicate".into();
    ds.organizations.push(dup);
    let ds = Arc::new(ds);
    let ix = Index::build(&ds);
    assert_eq!(
        ix.org(&"acme".into()),
        Some(0),
        "the first of duplicate ids wins"
    );
    assert_eq!(ix.adoptions_of_org(0), &[1]);
    assert_eq!(
        ix.model_adopter_count(0),
        1,
        "only beta's direct adoption resolves"
    );
    assert_eq!(ix.model_developer_country(0), None);
    assert_eq!(ix.family_of_model(1), None);
    let mut ex = Explorer::new();
    for tab in ListTab::ALL {
        for descending in [false, true] {
            let q = ListQuery {
                org_sort: OrgSort::FirstAdoption,
                model_sort: ModelSort::Adoptions,
                descending,
                ..ListQuery::default()
            };
            assert_eq!(ex.rows(&ds, 0, tab, &q).len(), ix.count(tab));
        }
    }
}

// --- the built-in dataset ----------------------------------------------------------------------

#[test]
fn builtin_search_finds_organizations_in_english_and_chinese() {
    let ds = builtin();
    let found = rows_of(&ds, ListTab::Organizations, &search("airbnb"));
    assert_eq!(found, ["airbnb"]);
    let found = rows_of(&ds, ListTab::Organizations, &search("阿里"));
    assert_eq!(found, ["alibaba"]);
    let found = rows_of(&ds, ListTab::Organizations, &search(" AirBnB "));
    assert_eq!(found, ["airbnb"]);
    // Models are found by their developer's name in its own script too.
    let by_native = rows_of(&ds, ListTab::Models, &search("深度求索"));
    let by_name = rows_of(&ds, ListTab::Models, &search("deepseek"));
    assert!(!by_native.is_empty());
    assert!(
        by_native.iter().all(|m| by_name.contains(m)),
        "{by_native:?}"
    );
}

#[test]
fn builtin_adopters_of_chinese_models_are_the_sourced_ones() {
    let ds = builtin();
    let q = org_filter(OrgFilter {
        uses_model_from_country: Some("China".into()),
        ..OrgFilter::default()
    });
    // Airbnb and Pinterest from the article and fact sheet; Cursor (Kimi), Instacart (Qwen,
    // evaluated) and Perplexity (DeepSeek-R1) from the pages logged in data/RESEARCH.md (session
    // 3); AI Singapore (Qwen3-32B), Meta (Qwen, to train Avocado), Microsoft (DeepSeek-R1),
    // NVIDIA (Qwen) and Rakuten (DeepSeek-V3) from session 4. The banks and the insurer adopted
    // only Mistral (France) and are not among them.
    assert_eq!(
        rows_of(&ds, ListTab::Organizations, &q),
        [
            "ai-singapore",
            "airbnb",
            "cursor",
            "instacart",
            "meta",
            "microsoft",
            "nvidia",
            "perplexity",
            "pinterest",
            "rakuten"
        ]
    );
    let ix = Index::build(&ds);
    let pinterest = ix.org(&"pinterest".into()).expect("pinterest");
    assert_eq!(ix.org_developer_countries(pinterest), ["China"]);
    assert_eq!(ix.org_adoption_count(pinterest), 2);
    let airbnb = ix.org(&"airbnb".into()).expect("airbnb");
    assert_eq!(
        ix.org_first_adoption(airbnb),
        PartialDate::parse("2025-10").ok()
    );
    assert!(
        ix.org_uses_open_weights(airbnb),
        "Qwen has open-weight models"
    );
    assert!(
        ix.org_uses_open_weights(pinterest),
        "DeepSeek-R1 is open weights"
    );
    let desc = OrgFilter {
        uses_model_from_country: Some("China".into()),
        ..OrgFilter::default()
    }
    .describe();
    assert_eq!(desc, ["uses models developed in China"]);
}

#[test]
fn builtin_models_developed_in_china_include_deepseek_r1_and_qwen() {
    let ds = builtin();
    let q = model_filter(ModelFilter {
        developer_countries: set(["China".to_owned()]),
        ..ModelFilter::default()
    });
    let found: BTreeSet<String> = rows_of(&ds, ListTab::Models, &q).into_iter().collect();
    assert!(found.contains("deepseek-r1"));
    let qwen: Vec<&Model> = ds
        .models
        .iter()
        .filter(|m| m.family == Some(FamilyId::new("qwen")))
        .collect();
    assert!(qwen.len() > 10);
    for m in qwen {
        assert!(found.contains(m.id.as_str()), "{}", m.id);
    }
    for id in &found {
        let ix = Index::build(&ds);
        let m = ix.model(&ModelId::new(id.as_str())).expect("model");
        assert_eq!(ix.model_developer_country(m), Some("China"), "{id}");
    }
    assert!(!found.contains("llama-1-7b"));
}

#[test]
fn builtin_sort_by_parameters_puts_unknown_sizes_last_both_ways() {
    let ds = builtin();
    for descending in [false, true] {
        let rows = model_sorted(&ds, ModelSort::Parameters, descending);
        let size = |id: &String| {
            ds.models
                .iter()
                .find(|m| &m.id.0 == id)
                .and_then(|m| m.total_params_b)
        };
        let first_unknown = rows
            .iter()
            .position(|id| size(id).is_none())
            .expect("some sizes are unknown");
        assert!(first_unknown > 0);
        assert!(rows[first_unknown..].iter().all(|id| size(id).is_none()));
        let known: Vec<f64> = rows[..first_unknown].iter().filter_map(size).collect();
        assert!(known.windows(2).all(|w| if descending {
            w[0] >= w[1]
        } else {
            w[0] <= w[1]
        }));
        // The unknown ones are in name order whatever the direction.
        let names: Vec<String> = rows[first_unknown..]
            .iter()
            .map(|id| {
                let m = ds.models.iter().find(|m| &m.id.0 == id).expect("model");
                m.name.to_lowercase()
            })
            .collect();
        assert!(names.windows(2).all(|w| w[0] <= w[1]), "{names:?}");
    }
}

#[test]
fn builtin_qwen_models_are_adopted_by_airbnb_through_the_family() {
    let ds = builtin();
    let ix = Index::build(&ds);
    let airbnb = ix.org(&"airbnb".into()).expect("airbnb") as u32;
    let pinterest = ix.org(&"pinterest".into()).expect("pinterest") as u32;
    let qwen_7b = ix.model(&"qwen-7b".into()).expect("qwen-7b");
    let adopters = ix.adopters_of_model(qwen_7b);
    assert!(
        adopters
            .iter()
            .any(|a| a.organization == Some(airbnb) && a.via_family)
    );
    // Airbnb, Instacart (evaluating), Meta and NVIDIA, all through the Qwen family.
    assert_eq!(ix.model_adopter_count(qwen_7b), 4);
    let vl = ix.model(&"qwen3-vl".into()).expect("qwen3-vl");
    let adopters = ix.adopters_of_model(vl);
    assert!(
        adopters
            .iter()
            .any(|a| a.organization == Some(pinterest) && !a.via_family)
    );
    assert!(
        adopters
            .iter()
            .any(|a| a.organization == Some(airbnb) && a.via_family)
    );
    // Pinterest directly, Airbnb, Instacart, Meta and NVIDIA through the family.
    assert_eq!(ix.model_adopter_count(vl), 5);
    // Sorted by adopters, most first: qwen3-vl is among the models with the most (five; so is
    // Qwen3-32B, adopted directly by AI Singapore and through the family by the same four).
    let by_adopters = model_sorted(&ds, ModelSort::Adoptions, true);
    let counts: Vec<usize> = by_adopters
        .iter()
        .map(|id| ix.model_adopter_count(ix.model(&id.as_str().into()).expect("model")))
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    assert_eq!(counts[0], 5);
    let most = counts.iter().take_while(|&&c| c == 5).count();
    assert!(
        by_adopters[..most].iter().any(|id| id == "qwen3-vl"),
        "{:?}",
        &by_adopters[..most]
    );
}

#[test]
fn builtin_citations_of_the_article_include_pinterest() {
    let ds = builtin();
    let ix = Index::build(&ds);
    let article = ix.source(&"article-000".into()).expect("article-000");
    let cites = ix.citing_records(&ds, article);
    assert!(cites.contains(&(
        RecordRef::Organization("pinterest".into()),
        "sources".to_owned()
    )));
    assert!(
        cites
            .iter()
            .any(|(r, f)| matches!(r, RecordRef::Adoption(_)) && f.starts_with("status["))
    );
    assert!(
        cites
            .iter()
            .any(|(r, f)| matches!(r, RecordRef::Claim(_)) && f == "source")
    );
    let venturebeat = ix
        .source(&"venturebeat-pinterest".into())
        .expect("venturebeat-pinterest");
    assert!(
        ix.citations(venturebeat)
            .iter()
            .any(|c| c.field == CiteField::Via),
        "its reprints cite it through `via`"
    );
}

#[test]
fn builtin_rows_are_cached_until_the_revision_changes() {
    let ds = builtin();
    let mut ex = Explorer::new();
    let q = search("qwen");
    let first = ex.rows(&ds, 7, ListTab::Models, &q).to_vec();
    assert!(!first.is_empty());
    let n = ex.recomputations();
    assert_eq!(ex.rows(&ds, 7, ListTab::Models, &q), first.as_slice());
    assert_eq!(ex.recomputations(), n, "same inputs: not recomputed");
    assert_eq!(ex.index_builds(), 1);
    assert_eq!(ex.rows(&ds, 8, ListTab::Models, &q), first.as_slice());
    assert_eq!(ex.recomputations(), n + 1, "new revision: recomputed");
    assert_eq!(ex.index_builds(), 2);
    assert_eq!(ex.total(ListTab::Models), ds.models.len());
}

#[test]
fn builtin_lookups_resolve_every_reference() {
    let ds = builtin();
    let ix = Index::build(&ds);
    for k in &ds.conflicts {
        for r in &k.records {
            let at = ix.resolve(r).expect("conflict record exists");
            assert!(
                ix.conflicts_involving(at)
                    .contains(&(ix.conflict(&k.id).expect("k") as u32))
            );
        }
    }
    for e in &ds.events {
        for r in &e.related {
            let at = ix.resolve(r).expect("related record exists");
            assert!(!ix.events_related_to(at).is_empty());
        }
    }
    // The OpenRouter top-10 shares (ATOM slides) and the LLM website visits (RAND): two
    // measures, two series.
    let china = ix.series_about(&Subject::Country("China".into()));
    assert_eq!(china.len(), 2);
    let menus = ix.org_countries();
    assert!(menus.contains(&"China".to_owned()) && menus.contains(&"United States".to_owned()));
    assert!(menus.windows(2).all(|w| w[0] < w[1]));
}
