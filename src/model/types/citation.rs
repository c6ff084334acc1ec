//! Citations: a source and, optionally, where in it ("row 37", "p. 4", "§7").
//!
//! In a file, a citation without a detail is a bare source id (`"epoch-ai"`), exactly as format 1
//! wrote every source; one with a detail is `Citation(source: "epoch-ai", detail: "row 37")`
//! (the struct name may be left out). Optional references that format 1 required (a claim's
//! source, an adoption's target) are written bare when set and left out when unset; they are read
//! bare, as `Some(..)` or as `None`.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeStruct as _, Serializer};
use serde::{Deserialize, Serialize};

use crate::model::{AdoptionTarget, FamilyId, ModelId, SourceId};

/// A source, and where in it the cited fact is.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Citation {
    /// The source cited.
    pub source: SourceId,
    /// Where in the source ("row 37", "p. 4", "§7"); empty when the whole source is meant.
    pub detail: String,
}

impl Citation {
    /// A citation of a whole source, with no detail.
    pub fn new(source: impl Into<SourceId>) -> Self {
        Self {
            source: source.into(),
            detail: String::new(),
        }
    }

    /// A citation of a place in a source.
    pub fn with_detail(source: impl Into<SourceId>, detail: impl Into<String>) -> Self {
        Self {
            source: source.into(),
            detail: detail.into(),
        }
    }

    /// The ids of the sources a list cites, in order (repeats kept).
    pub fn ids(list: &[Citation]) -> Vec<SourceId> {
        list.iter().map(|c| c.source.clone()).collect()
    }
}

impl From<SourceId> for Citation {
    fn from(source: SourceId) -> Self {
        Self {
            source,
            detail: String::new(),
        }
    }
}

impl From<&str> for Citation {
    fn from(source: &str) -> Self {
        Self::new(source)
    }
}

impl Serialize for Citation {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.detail.is_empty() {
            self.source.serialize(serializer)
        } else {
            let mut s = serializer.serialize_struct("Citation", 2)?;
            s.serialize_field("source", &self.source)?;
            s.serialize_field("detail", &self.detail)?;
            s.end()
        }
    }
}

/// Reads a citation: a bare source id, the struct form, or (when `optional`) `Some(..)`/`None`.
struct CitationVisitor;

impl<'de> Visitor<'de> for CitationVisitor {
    type Value = Option<Citation>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(
            "a source id such as \"epoch-ai\", or Citation(source: \"epoch-ai\", detail: \"row 37\")",
        )
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Some(Citation::new(v)))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        use de::Error as _;
        let (mut source, mut detail) = (None::<SourceId>, None::<String>);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "source" if source.is_none() => source = Some(map.next_value()?),
                "detail" if detail.is_none() => detail = Some(map.next_value()?),
                "source" => return Err(A::Error::duplicate_field("source")),
                "detail" => return Err(A::Error::duplicate_field("detail")),
                other => return Err(A::Error::unknown_field(other, &["source", "detail"])),
            }
        }
        Ok(Some(Citation {
            source: source.ok_or_else(|| A::Error::missing_field("source"))?,
            detail: detail.unwrap_or_default(),
        }))
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        Citation::deserialize(d).map(Some)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
}

impl<'de> Deserialize<'de> for Citation {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Plain;
        impl<'de> Visitor<'de> for Plain {
            type Value = Citation;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                CitationVisitor.expecting(f)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Citation, E> {
                Ok(Citation::new(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Citation, A::Error> {
                CitationVisitor
                    .visit_map(map)
                    .map(|c| c.unwrap_or_default())
            }
        }
        deserializer.deserialize_any(Plain)
    }
}

/// Serde helpers for `Option<Citation>` fields: written bare when set (left out when unset, with
/// `skip_serializing_if = "Option::is_none"`); read bare, as `Some(..)` or as `None`.
pub(crate) mod optional_citation {
    use super::*;

    /// Writes the citation itself (the field is skipped when `None`).
    pub fn serialize<S: Serializer>(v: &Option<Citation>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(c) => c.serialize(s),
            None => s.serialize_none(),
        }
    }

    /// Reads `"id"`, `Citation(..)`, `Some(..)` or `None`.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Citation>, D::Error> {
        d.deserialize_any(CitationVisitor)
    }
}

/// Serde helpers for `Option<AdoptionTarget>`: written bare (`Model("x")`) when set and left out
/// when unset; read bare (as format 1 wrote it), as `Some(Model("x"))` or as `None`.
pub(crate) mod optional_target {
    use serde::de::{EnumAccess, VariantAccess as _};

    use super::*;

    /// Writes the target itself (the field is skipped when `None`).
    pub fn serialize<S: Serializer>(v: &Option<AdoptionTarget>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(t) => t.serialize(s),
            None => s.serialize_none(),
        }
    }

    const VARIANTS: &[&str] = &["Model", "Family", "Some", "None"];

    #[derive(Deserialize)]
    enum Tag {
        Model,
        Family,
        Some,
        None,
    }

    struct V;

    impl<'de> Visitor<'de> for V {
        type Value = Option<AdoptionTarget>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("Model(\"id\") or Family(\"id\")")
        }

        fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Self::Value, A::Error> {
            let (tag, variant) = data.variant::<Tag>()?;
            Ok(match tag {
                Tag::Model => Some(AdoptionTarget::Model(variant.newtype_variant::<ModelId>()?)),
                Tag::Family => Some(AdoptionTarget::Family(
                    variant.newtype_variant::<FamilyId>()?,
                )),
                Tag::Some => Some(variant.newtype_variant::<AdoptionTarget>()?),
                Tag::None => {
                    variant.unit_variant()?;
                    None
                }
            })
        }
    }

    /// Reads `Model("x")`, `Family("x")`, `Some(..)` or `None`.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<AdoptionTarget>, D::Error> {
        d.deserialize_enum("AdoptionTarget", VARIANTS, V)
    }
}
