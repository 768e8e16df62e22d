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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_2023_report_covers_april_2022_to_march_2023() {
        let period = reporting_period(2023);
        assert_eq!(period.starts_on.to_string(), "2022-04-01");
        assert_eq!(period.ends_on.to_string(), "2023-03-31");
    }
}
