//! Reported outcomes: the claimed gains (accuracy, cost, speed) of organizations and their
//! adoptions, one mark per claim, drawn with its hedge.

use crate::model::format::{claim_text, value_text, when_text};
use crate::model::{ClaimValue, Metric, Qualifier, RecordRef, Subject, Unit};
use crate::plots::builder::{Builder, Frame, plural, qualified_kind, unsourced_note};
use crate::plots::{Axis, GroupKind, Mark, MarkKind, Scale};

/// The mark style of a claimed outcome: exact -> bar, "up to" -> open-ended bar, "about" ->
/// hollow marker, "at least"/"more than" -> open-ended bar upwards, a range -> range (whatever
/// its qualifier, which stays in the value text). `None` for values that are not numbers.
pub fn outcome_mark_kind(value: &ClaimValue, qualifier: Qualifier) -> Option<MarkKind> {
    qualified_kind(value, qualifier, MarkKind::Bar)
}

/// Rank of an outcome metric, `None` for metrics that are not outcomes.
fn outcome_rank(m: &Metric) -> Option<u8> {
    match m {
        Metric::AccuracyGain => Some(0),
        Metric::CostReduction => Some(1),
        Metric::SpeedGain => Some(2),
        _ => None,
    }
}
/// Derives the outcomes plot from the claims about the organization rows and their adoptions.
pub(super) fn build(b: &mut Builder) -> Frame {
    let ds = b.ds;
    let orgs = b.orgs;
    let mut claims: Vec<usize> = Vec::new();
    for &o in orgs {
        let Some(org) = ds.organizations.get(o as usize) else {
            continue;
        };
        let mut mine: Vec<usize> =
            b.ix.claims_about(&Subject::Organization(org.id.clone()))
                .iter()
                .map(|&c| c as usize)
                .collect();
        for &a in b.ix.adoptions_of_org(o as usize) {
            if let Some(ad) = ds.adoptions.get(a as usize) {
                mine.extend(
                    b.ix.claims_about(&Subject::Adoption(ad.id.clone()))
                        .iter()
                        .map(|&c| c as usize),
                );
            }
        }
        mine.retain(|&c| {
            ds.claims
                .get(c)
                .is_some_and(|c| outcome_rank(&c.metric).is_some())
        });
        mine.sort_by_key(|&c| (ds.claims.get(c).and_then(|c| outcome_rank(&c.metric)), c));
        mine.dedup();
        claims.extend(mine);
    }

    let (mut not_numbers, mut other_units, mut unsourced) = (0, 0, 0);
    let mut categories: Vec<String> = Vec::new();
    for c in claims.iter().filter_map(|&c| ds.claims.get(c)) {
        let Some(source) = &c.source else {
            unsourced += 1;
            continue;
        };
        let Some(kind) = outcome_mark_kind(&c.value, c.qualifier) else {
            not_numbers += 1;
            continue;
        };
        if c.unit != Unit::Percent {
            other_units += 1;
            continue;
        }
        let (y, y2, value) = match c.value {
            ClaimValue::Number(v) => (v, (kind != MarkKind::Hollow).then_some(0.0), v),
            ClaimValue::Range(lo, hi) => (hi, Some(lo), hi),
            ClaimValue::Date(_) | ClaimValue::Text(_) => continue,
        };
        let metric = c.metric.label();
        b.group(&metric, &metric);
        let x = categories.len() as f64;
        // The baseline is part of the claim: it goes on the axis, not only in the tooltip.
        let baseline = if c.baseline.trim().is_empty() {
            "baseline not stated".to_owned()
        } else {
            format!("vs {}", c.baseline.trim())
        };
        categories.push(format!(
            "{}: {} ({}) — {baseline}",
            b.subject_name(&c.subject),
            metric,
            b.source_credit(&source.source)
        ));
        let mut label = claim_text(c);
        if c.baseline.trim().is_empty() {
            label.push_str(" (baseline not stated)");
        }
        b.push(Mark {
            kind,
            x,
            y,
            y2,
            width: 0.6,
            group: metric,
            label,
            record: Some(RecordRef::Claim(c.id.clone())),
            value: Some(value),
            value_text: value_text(&c.value, &c.unit, c.qualifier),
            date_text: c.when.as_ref().map(when_text).unwrap_or_default(),
            qualifier: c.qualifier,
            sources: vec![source.source.clone()],
            ..Mark::default()
        });
    }
    b.note(unsourced, unsourced_note);
    b.note(not_numbers, |n| {
        format!(
            "{} stated in words, not numbers, not shown",
            plural(n, "outcome", "outcomes")
        )
    });
    b.note(other_units, |n| {
        format!(
            "{} in units other than percent not shown",
            plural(n, "outcome", "outcomes")
        )
    });
    Frame {
        subtitle: "Claimed gains per organization or adoption, one mark per claim as its source \
                   states it; each label names the baseline compared with"
            .to_owned(),
        x_axis: Axis::new(
            "Claim (organization: metric (source), baseline)",
            Scale::Category(categories),
        ),
        y_axis: Axis::new("Claimed gain or reduction (%)", Scale::Linear),
        group_kind: GroupKind::Metric,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PartialDate;

    #[test]
    fn qualifiers_choose_the_style() {
        let n = ClaimValue::Number(5.0);
        assert_eq!(
            qualified_kind(&n, Qualifier::Exact, MarkKind::Point),
            Some(MarkKind::Point)
        );
        assert_eq!(outcome_mark_kind(&n, Qualifier::Exact), Some(MarkKind::Bar));
        assert_eq!(outcome_mark_kind(&n, Qualifier::UpTo), Some(MarkKind::UpTo));
        assert_eq!(
            outcome_mark_kind(&n, Qualifier::About),
            Some(MarkKind::Hollow)
        );
        assert_eq!(
            outcome_mark_kind(&ClaimValue::Range(1.0, 2.0), Qualifier::UpTo),
            Some(MarkKind::Range)
        );
        assert_eq!(
            outcome_mark_kind(&ClaimValue::Date(PartialDate::year(2020)), Qualifier::Exact),
            None
        );
    }
}
