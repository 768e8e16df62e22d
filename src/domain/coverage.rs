//! Counting statuses into the coverage figures grant writers cite.

use serde::Serialize;
use utoipa::ToSchema;

use super::RecommendationStatus;

/// How many recommendations stand at each status, and the share addressed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, ToSchema)]
pub struct StatusCounts {
    pub total: i64,
    pub addressed: i64,
    pub partially_addressed: i64,
    pub planned: i64,
    pub unaddressed: i64,
    /// `addressed / total`, from 0 to 1; 0 when there are no recommendations.
    #[schema(example = 0.4)]
    pub coverage_ratio: f64,
}

impl StatusCounts {
    /// Counts from per-status totals.
    pub fn new(addressed: i64, partially_addressed: i64, planned: i64, unaddressed: i64) -> Self {
        let total = addressed + partially_addressed + planned + unaddressed;
        Self {
            total,
            addressed,
            partially_addressed,
            planned,
            unaddressed,
            coverage_ratio: ratio(addressed, total),
        }
    }

    /// Counts of a list of statuses.
    pub fn of(statuses: impl IntoIterator<Item = RecommendationStatus>) -> Self {
        let mut counts = [0_i64; 4];
        for status in statuses {
            counts[status as usize] += 1;
        }
        Self::new(counts[0], counts[1], counts[2], counts[3])
    }

    /// The sum of several counts, with the ratio recomputed over the whole.
    pub fn sum(parts: impl IntoIterator<Item = Self>) -> Self {
        parts.into_iter().fold(Self::default(), |acc, part| {
            Self::new(
                acc.addressed + part.addressed,
                acc.partially_addressed + part.partially_addressed,
                acc.planned + part.planned,
                acc.unaddressed + part.unaddressed,
            )
        })
    }
}

fn ratio(addressed: i64, total: i64) -> f64 {
    if total == 0 {
        0.0
    } else {
        addressed as f64 / total as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use RecommendationStatus::*;

    #[test]
    fn coverage_is_the_share_of_addressed_recommendations() {
        let counts = StatusCounts::of([
            Addressed,
            Addressed,
            PartiallyAddressed,
            Unaddressed,
            Planned,
        ]);
        assert_eq!(counts.total, 5);
        assert_eq!(counts.addressed, 2);
        assert_eq!(counts.coverage_ratio, 0.4);
    }

    #[test]
    fn no_recommendations_means_zero_coverage_not_nan() {
        assert_eq!(StatusCounts::of([]).coverage_ratio, 0.0);
    }

    #[test]
    fn sums_recompute_the_ratio() {
        let total =
            StatusCounts::sum([StatusCounts::new(1, 0, 0, 0), StatusCounts::new(0, 0, 0, 3)]);
        assert_eq!(total.total, 4);
        assert_eq!(total.coverage_ratio, 0.25);
    }
}
