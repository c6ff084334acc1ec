//! Series: dated values of one metric for one subject, and their compact point format.

use serde::{Deserialize, Serialize};

use crate::model::{Citation, Metric, PartialDate, SeriesId, Subject, Unit};

/// One value of a series. Written as a pair `("2025-01", 1000000.0)` (series can hold
/// millions of points); read from that pair or from the struct form
/// `SeriesPoint(date: "2025-01", value: 1000000.0)`.
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesPoint {
    /// When.
    pub date: PartialDate,
    /// The value.
    pub value: f64,
}

impl Serialize for SeriesPoint {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeTuple as _;
        let mut t = serializer.serialize_tuple(2)?;
        t.serialize_element(&self.date)?;
        t.serialize_element(&self.value)?;
        t.end()
    }
}

impl<'de> Deserialize<'de> for SeriesPoint {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = SeriesPoint;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a point: (\"YYYY-MM-DD\", value) or SeriesPoint(date: .., value: ..)")
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<SeriesPoint, A::Error> {
                use serde::de::Error as _;
                let date = seq
                    .next_element()?
                    .ok_or_else(|| A::Error::invalid_length(0, &self))?;
                let value = seq
                    .next_element()?
                    .ok_or_else(|| A::Error::invalid_length(1, &self))?;
                if seq.next_element::<serde::de::IgnoredAny>()?.is_some() {
                    return Err(A::Error::invalid_length(3, &self));
                }
                Ok(SeriesPoint { date, value })
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<SeriesPoint, A::Error> {
                use serde::de::Error as _;
                let (mut date, mut value) = (None, None);
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "date" if date.is_none() => date = Some(map.next_value()?),
                        "value" if value.is_none() => value = Some(map.next_value()?),
                        "date" | "value" => return Err(A::Error::duplicate_field("date or value")),
                        other => return Err(A::Error::unknown_field(other, &["date", "value"])),
                    }
                }
                Ok(SeriesPoint {
                    date: date.ok_or_else(|| A::Error::missing_field("date"))?,
                    value: value.ok_or_else(|| A::Error::missing_field("value"))?,
                })
            }
        }
        deserializer.deserialize_any(V)
    }
}

/// Values of one metric for one subject over time.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Series {
    /// Stable id.
    pub id: SeriesId,
    /// Short name.
    pub name: String,
    /// What it is about.
    pub subject: Subject,
    /// What it measures.
    pub metric: Metric,
    /// Unit of the values.
    #[serde(default)]
    pub unit: Unit,
    /// The points, by date.
    #[serde(default)]
    pub points: Vec<SeriesPoint>,
    /// Free notes.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Sources of the values.
    #[serde(default)]
    pub sources: Vec<Citation>,
}
