//! The period a TIP Report covers.

use chrono::NaiveDate;

/// The dates a report's findings cover, both inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct ReportingPeriod {
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
}

/// A report of year Y covers 1 April of Y-1 to 31 March of Y.
pub fn reporting_period(year: i32) -> ReportingPeriod {
    ReportingPeriod {
        starts_on: NaiveDate::from_ymd_opt(year - 1, 4, 1).expect("1 April exists every year"),
        ends_on: NaiveDate::from_ymd_opt(year, 3, 31).expect("31 March exists every year"),
    }
}

impl ReportingPeriod {
    /// Whether `date` falls in the period.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.starts_on <= date && date <= self.ends_on
    }
}

/// The report that will assess what is done on `today`: the one whose period holds it. From 1
/// April of Y, that is the report of Y+1; before, the report of Y (22 U.S.C. 7107(b)).
pub fn next_report_year(today: NaiveDate) -> i32 {
    use chrono::Datelike;
    if today.month() >= 4 {
        today.year() + 1
    } else {
        today.year()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn work_done_in_december_2026_goes_to_the_2027_report() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(next_report_year(day(2026, 12, 2)), 2027);
        assert_eq!(next_report_year(day(2027, 3, 31)), 2027);
        assert_eq!(next_report_year(day(2027, 4, 1)), 2028);
        for today in [day(2026, 12, 2), day(2027, 3, 31), day(2027, 4, 1)] {
            assert!(reporting_period(next_report_year(today)).contains(today));
        }
    }

    #[test]
    fn the_2023_report_covers_april_2022_to_march_2023() {
        let period = reporting_period(2023);
        assert_eq!(period.starts_on.to_string(), "2022-04-01");
        assert_eq!(period.ends_on.to_string(), "2023-03-31");
    }
}
