//! The responsive rule, as plain arithmetic (no egui): which columns become tabs when the window
//! is too narrow for all of them, and how shares are bent so that no column is narrower than its
//! minimum while there is room.

use std::ops::Range;

/// Groups of neighbouring columns that fit side by side in `width`: each group is shown as one
/// column, its members as tabs. Columns are merged from the right (the plots go in with the
/// detail view before the list does) until the groups' minimum widths (a group needs the widest
/// of its members), plus a `gap` between groups, fit. Every column is in exactly one group, in
/// order; with no room at all everything is one group.
pub fn fold_columns(mins: &[f32], gap: f32, width: f32) -> Vec<Range<usize>> {
    let mut groups: Vec<Range<usize>> = (0..mins.len()).map(|i| i..i + 1).collect();
    let need = |groups: &[Range<usize>]| -> f32 {
        let sum: f32 = groups
            .iter()
            .map(|g| mins[g.clone()].iter().copied().fold(0.0, f32::max))
            .sum();
        sum + gap * groups.len().saturating_sub(1) as f32
    };
    while groups.len() > 1 && need(&groups) > width {
        let last = groups.pop().unwrap_or(0..0);
        if let Some(before) = groups.last_mut() {
            before.end = last.end;
        }
    }
    groups
}

/// The shares that give each column at least its minimum width out of `width` (gaps already
/// taken off), keeping the user's proportions among the columns that are above their minimum.
/// When the minimums alone do not fit, every column gets its minimum scaled down alike. The
/// result sums to the number of columns, as egui_tiles keeps its shares.
pub fn fit_shares(shares: &[f32], mins: &[f32], width: f32) -> Vec<f32> {
    let n = shares.len();
    if n == 0 || width <= 0.0 {
        return shares.to_vec();
    }
    let min_total: f32 = mins.iter().sum();
    let widths: Vec<f32> = if min_total >= width {
        mins.iter()
            .map(|m| m * width / min_total.max(f32::EPSILON))
            .collect()
    } else {
        // Pin the columns that would fall below their minimum, share the rest; pinning one can
        // push another below, so repeat until nothing changes (at most n rounds).
        let mut pinned = vec![false; n];
        loop {
            let free_width: f32 =
                width - (0..n).filter(|&i| pinned[i]).map(|i| mins[i]).sum::<f32>();
            let free_shares: f32 = (0..n)
                .filter(|&i| !pinned[i])
                .map(|i| shares[i].max(0.0))
                .sum();
            let widths: Vec<f32> = (0..n)
                .map(|i| {
                    if pinned[i] {
                        mins[i]
                    } else if free_shares > 0.0 {
                        free_width * shares[i].max(0.0) / free_shares
                    } else {
                        free_width / (0..n).filter(|&j| !pinned[j]).count().max(1) as f32
                    }
                })
                .collect();
            let newly: Vec<usize> = (0..n)
                .filter(|&i| !pinned[i] && widths[i] < mins[i])
                .collect();
            if newly.is_empty() {
                break widths;
            }
            for i in newly {
                pinned[i] = true;
            }
        }
    };
    let total: f32 = widths.iter().sum();
    widths
        .iter()
        .map(|w| w * n as f32 / total.max(f32::EPSILON))
        .collect()
}

/// Whether two share lists differ by more than rounding, so a tree is only touched when it must.
pub fn shares_differ(a: &[f32], b: &[f32]) -> bool {
    a.len() != b.len() || a.iter().zip(b).any(|(x, y)| (x - y).abs() > 1e-3)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn three_columns_fit_in_a_wide_window() {
        assert_eq!(
            fold_columns(&[240.0, 360.0, 320.0], 1.0, 1280.0),
            vec![0..1, 1..2, 2..3]
        );
    }

    #[test]
    fn the_plots_join_the_detail_view_first_then_the_list() {
        let mins = [240.0, 360.0, 320.0];
        assert_eq!(fold_columns(&mins, 1.0, 700.0), vec![0..1, 1..3]);
        assert_eq!(fold_columns(&mins, 1.0, 500.0), vec![0..3]);
        assert_eq!(fold_columns(&mins, 1.0, 10.0), vec![0..3]);
    }

    #[test]
    fn shares_are_kept_when_every_column_has_room() {
        let s = fit_shares(&[1.0, 2.0, 1.0], &[100.0, 100.0, 100.0], 1000.0);
        assert!(!shares_differ(&s, &[0.75, 1.5, 0.75]), "{s:?}");
    }

    #[test]
    fn a_column_below_its_minimum_takes_room_from_the_others() {
        let mins = [240.0, 360.0, 320.0];
        let s = fit_shares(&[0.2, 2.0, 0.8], &mins, 1000.0);
        let widths: Vec<f32> = s.iter().map(|x| x * 1000.0 / 3.0).collect();
        for (w, m) in widths.iter().zip(mins) {
            assert!(*w >= m - 0.01, "{widths:?}");
        }
    }

    proptest! {
        #[test]
        fn folded_groups_cover_every_column_once_and_fit_when_they_can(
            mins in proptest::collection::vec(20.0f32..600.0, 1..6),
            width in 0.0f32..3000.0,
        ) {
            let groups = fold_columns(&mins, 1.0, width);
            let mut next = 0;
            for g in &groups {
                prop_assert_eq!(g.start, next);
                prop_assert!(g.end > g.start);
                next = g.end;
            }
            prop_assert_eq!(next, mins.len());
            let widest = mins.iter().copied().fold(0.0, f32::max);
            if groups.len() > 1 || widest <= width {
                let need: f32 = groups.iter()
                    .map(|g| mins[g.clone()].iter().copied().fold(0.0, f32::max))
                    .sum::<f32>() + (groups.len() - 1) as f32;
                prop_assert!(need <= width + 1e-3);
            }
        }

        #[test]
        fn fitted_shares_give_every_column_its_minimum_when_the_minimums_fit(
            cols in proptest::collection::vec((0.01f32..5.0, 20.0f32..400.0), 1..6),
            width in 100.0f32..3000.0,
        ) {
            let shares: Vec<f32> = cols.iter().map(|c| c.0).collect();
            let mins: Vec<f32> = cols.iter().map(|c| c.1).collect();
            let fitted = fit_shares(&shares, &mins, width);
            let n = fitted.len() as f32;
            prop_assert!((fitted.iter().sum::<f32>() - n).abs() < 1e-2);
            if mins.iter().sum::<f32>() <= width {
                for (s, m) in fitted.iter().zip(&mins) {
                    prop_assert!(s * width / n >= m - 0.05);
                }
            }
        }
    }
}
