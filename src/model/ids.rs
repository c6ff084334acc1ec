//! Stable, typed record ids. Records refer to each other by these, never by position.

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
            "id `{id}` contains `{c}`; use lowercase letters, digits, `-`, `_` and `.`"
        ));
    }
    Ok(())
}
