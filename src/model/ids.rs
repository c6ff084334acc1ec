//! Stable, typed record ids, the kinds of record, and references by kind and id. Records refer to
//! each other by these, never by position.

use std::fmt;

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// Makes an id from any text.
            pub fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }

            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_owned())
            }
        }

        impl From<String> for $name {
            fn from(s: String) -> Self {
                Self(s)
            }
        }
    };
}

id_type!(
    /// Id of a [`crate::model::Source`].
    SourceId
);
id_type!(
    /// Id of an [`crate::model::Organization`].
    OrgId
);
id_type!(
    /// Id of a [`crate::model::Person`].
    PersonId
);
id_type!(
    /// Id of a [`crate::model::Role`].
    RoleId
);
id_type!(
    /// Id of a [`crate::model::ModelFamily`].
    FamilyId
);
id_type!(
    /// Id of a [`crate::model::Model`].
    ModelId
);
id_type!(
    /// Id of an [`crate::model::Adoption`].
    AdoptionId
);
id_type!(
    /// Id of a [`crate::model::Claim`].
    ClaimId
);
id_type!(
    /// Id of a [`crate::model::Conflict`].
    ConflictId
);
id_type!(
    /// Id of a [`crate::model::Series`].
    SeriesId
);
id_type!(
    /// Id of an [`crate::model::Event`].
    EventId
);

/// Checks the shape of an id: non-empty, at most 128 characters, lowercase ASCII letters,
/// digits and `-`, `_`, `.`, so ids stay stable, readable and safe in file names and URLs.
pub fn check_id_shape(id: &str) -> Result<(), String> {
    if id.is_empty() {
        return Err("id is empty".to_owned());
    }
    if id.len() > 128 {
        return Err(format!("id is {} characters long (at most 128)", id.len()));
    }
    if let Some(c) = id
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.')))
    {
        return Err(format!(
            "the id contains `{c}`; use lowercase letters, digits, `-`, `_` and `.`"
        ));
    }
    Ok(())
}

/// Kind of record, for locating problems and for navigation.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum RecordKind {
    /// The dataset header.
    Dataset,
    /// A source.
    Source,
    /// An organization.
    Organization,
    /// A person.
    Person,
    /// A role.
    Role,
    /// A model family.
    Family,
    /// A model.
    Model,
    /// An adoption.
    Adoption,
    /// A claim.
    Claim,
    /// A conflict.
    Conflict,
    /// A series.
    Series,
    /// An event.
    Event,
}

impl RecordKind {
    /// Lowercase name used in messages ("organization").
    pub fn name(self) -> &'static str {
        match self {
            RecordKind::Dataset => "dataset",
            RecordKind::Source => "source",
            RecordKind::Organization => "organization",
            RecordKind::Person => "person",
            RecordKind::Role => "role",
            RecordKind::Family => "family",
            RecordKind::Model => "model",
            RecordKind::Adoption => "adoption",
            RecordKind::Claim => "claim",
            RecordKind::Conflict => "conflict",
            RecordKind::Series => "series",
            RecordKind::Event => "event",
        }
    }
}

impl fmt::Display for RecordKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Any record, by kind and id.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RecordRef {
    /// A source.
    Source(SourceId),
    /// An organization.
    Organization(OrgId),
    /// A person.
    Person(PersonId),
    /// A role.
    Role(RoleId),
    /// A model family.
    Family(FamilyId),
    /// A model.
    Model(ModelId),
    /// An adoption.
    Adoption(AdoptionId),
    /// A claim.
    Claim(ClaimId),
    /// A series.
    Series(SeriesId),
    /// An event.
    Event(EventId),
    /// A conflict.
    Conflict(ConflictId),
}

impl RecordRef {
    /// A reference to the record of `kind` with `id` (`None` for the dataset header).
    pub fn from_kind_and_id(kind: RecordKind, id: &str) -> Option<RecordRef> {
        let id = id.to_owned();
        Some(match kind {
            RecordKind::Dataset => return None,
            RecordKind::Source => RecordRef::Source(SourceId(id)),
            RecordKind::Organization => RecordRef::Organization(OrgId(id)),
            RecordKind::Person => RecordRef::Person(PersonId(id)),
            RecordKind::Role => RecordRef::Role(RoleId(id)),
            RecordKind::Family => RecordRef::Family(FamilyId(id)),
            RecordKind::Model => RecordRef::Model(ModelId(id)),
            RecordKind::Adoption => RecordRef::Adoption(AdoptionId(id)),
            RecordKind::Claim => RecordRef::Claim(ClaimId(id)),
            RecordKind::Conflict => RecordRef::Conflict(ConflictId(id)),
            RecordKind::Series => RecordRef::Series(SeriesId(id)),
            RecordKind::Event => RecordRef::Event(EventId(id)),
        })
    }

    /// Kind and id of the referenced record.
    pub fn kind_and_id(&self) -> (RecordKind, &str) {
        match self {
            RecordRef::Source(i) => (RecordKind::Source, i.as_str()),
            RecordRef::Organization(i) => (RecordKind::Organization, i.as_str()),
            RecordRef::Person(i) => (RecordKind::Person, i.as_str()),
            RecordRef::Role(i) => (RecordKind::Role, i.as_str()),
            RecordRef::Family(i) => (RecordKind::Family, i.as_str()),
            RecordRef::Model(i) => (RecordKind::Model, i.as_str()),
            RecordRef::Adoption(i) => (RecordKind::Adoption, i.as_str()),
            RecordRef::Claim(i) => (RecordKind::Claim, i.as_str()),
            RecordRef::Series(i) => (RecordKind::Series, i.as_str()),
            RecordRef::Event(i) => (RecordKind::Event, i.as_str()),
            RecordRef::Conflict(i) => (RecordKind::Conflict, i.as_str()),
        }
    }
}
