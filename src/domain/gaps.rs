//! Rules of the gap report that are not the status rule itself (which is SQL, see
//! `migrations/*_recommendation_status`).

use super::RecommendationStatus;

/// A gap that has outlasted reports: unaddressed now, never addressed along its line, and
/// standing for two or more consecutive reports.
pub fn is_persistent(
    status: RecommendationStatus,
    ever_addressed: bool,
    years_standing: i32,
) -> bool {
    status == RecommendationStatus::Unaddressed && !ever_addressed && years_standing >= 2
}

/// Whether an intervention working in `countries` may answer a recommendation to `country`:
/// only in a country it works in. The write checks it against rows it locks (`db::links`).
pub fn answers_in(countries: &[String], country: &str) -> bool {
    countries.iter().any(|c| c == country)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_persistent_gap_is_unaddressed_never_addressed_and_two_reports_old() {
        use RecommendationStatus::*;
        assert!(is_persistent(Unaddressed, false, 2));
        assert!(!is_persistent(Unaddressed, false, 1));
        assert!(!is_persistent(Unaddressed, true, 3));
        assert!(!is_persistent(Planned, false, 3));
    }

    #[test]
    fn an_intervention_answers_only_in_its_countries() {
        let countries = ["SEN".to_owned(), "SLE".to_owned()];
        assert!(answers_in(&countries, "SLE"));
        assert!(!answers_in(&countries, "MWI"));
    }
}
