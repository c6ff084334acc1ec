//! `--family-from-name` ([`Mapping::family_from_name`]): a model with no family joins the
//! existing family whose name begins its name and whose developer is its developer; a name that
//! only looks alike, another developer's fine-tune, or a family the row names itself are left
//! as they are. The dataset and the file are made here.

use ai_adoption_explorer::import::*;
use ai_adoption_explorer::model::*;

fn org(id: &str, name: &str) -> Organization {
    Organization {
        id: OrgId::new(id),
        name: name.into(),
        native_name: String::new(),
        country: "China".into(),
        kind: OrgKind::Company,
        sector: String::new(),
        headquarters: String::new(),
        founded: None,
        notes: String::new(),
        sources: vec![Citation::new("made")],
    }
}

/// Two labs, the family "Qwen" of the first, and one of its models without a family.
fn base() -> Dataset {
    Dataset {
        sources: vec![Source {
            id: SourceId::new("made"),
            title: "Made for the test".into(),
            publisher: "Test".into(),
            author: String::new(),
            date: Some(PartialDate::day(2026, 3, 1)),
            locator: "made".into(),
            kind: SourceKind::Dataset,
            via: None,
            notes: String::new(),
        }],
        organizations: vec![org("alibaba", "Alibaba"), org("tuners", "Tuners")],
        families: vec![ModelFamily {
            id: FamilyId::new("qwen"),
            name: "Qwen".into(),
            developer: OrgId::new("alibaba"),
            notes: String::new(),
            sources: vec![Citation::new("made")],
        }],
        models: vec![Model {
            sources: vec![Citation::new("made")],
            ..Model::new(
                ModelId::new("qwen2-7b"),
                "Qwen2-7B".into(),
                OrgId::new("alibaba"),
            )
        }],
        ..Dataset::default()
    }
}

const FILE: &str = "name,developer,family\n\
Qwen2.5-7B,Alibaba,\n\
qwen-1.8b-chat,Alibaba,\n\
Qwenlike-3B,Alibaba,\n\
Qwen2.5-7B-Tuned,Tuners,\n\
Qwen2-7B,Alibaba,\n\
Qwen-Named,Alibaba,Other family\n";

fn family_of(ds: &Dataset, name: &str) -> Option<String> {
    let m = ds.models.iter().find(|m| m.name == name).unwrap();
    m.family.as_ref().map(|f| f.to_string())
}

fn imported(by_name: bool) -> Dataset {
    let ds = base();
    let t = read_bytes(
        "models.csv",
        "models.csv",
        FILE.as_bytes(),
        false,
        &ReadOptions::default(),
    )
    .unwrap();
    let mut m = Mapping::new(ImportKind::Models);
    m.set("name", Target::Field(Field::Name));
    m.set("developer", Target::Field(Field::Developer));
    m.set("family", Target::Field(Field::Family));
    m.family_from_name = by_name;
    let settings = Settings {
        source: SourceInfo {
            title: "Models".into(),
            locator: "models.csv".into(),
            ..Default::default()
        },
        on_conflict: ConflictChoice::Both,
        accept_best: None,
        new_only: false,
    };
    let plan = Import::new(&ds, t, m, settings).unwrap().plan(&ds);
    let mut out = ds.clone();
    ai_adoption_explorer::app::edit::apply_all(&mut out, plan.edits.clone()).unwrap();
    let errors: Vec<String> = validate(&out)
        .into_iter()
        .filter(|p| p.is_error())
        .map(|p| format!("{p:?}"))
        .collect();
    assert_eq!(errors, Vec::<String>::new());
    out
}

#[test]
fn a_model_joins_the_family_its_name_begins_with_only_from_the_same_developer() {
    let ds = imported(true);
    assert_eq!(family_of(&ds, "Qwen2.5-7B").as_deref(), Some("qwen"));
    assert_eq!(family_of(&ds, "qwen-1.8b-chat").as_deref(), Some("qwen"));
    // The existing model without a family joins it too.
    assert_eq!(family_of(&ds, "Qwen2-7B").as_deref(), Some("qwen"));
    // A longer word is another name; another developer's fine-tune is not in Alibaba's family.
    assert_eq!(family_of(&ds, "Qwenlike-3B"), None);
    assert_eq!(family_of(&ds, "Qwen2.5-7B-Tuned"), None);
    // A family the row names wins.
    assert_ne!(family_of(&ds, "Qwen-Named").as_deref(), Some("qwen"));
}

#[test]
fn without_the_option_no_family_is_taken_from_a_name() {
    let ds = imported(false);
    assert_eq!(family_of(&ds, "Qwen2.5-7B"), None);
    assert_eq!(family_of(&ds, "Qwen2-7B"), None);
}
