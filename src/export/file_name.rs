//! What a downloaded document is called: a name that says what it holds, so that a second
//! download with other filters does not overwrite the first (`gaptrack-SEN-2023-unaddressed.csv`).

use crate::domain::RecommendationStatus;
use crate::usecases::call_for_information::CallForInformation;
use crate::usecases::coverage::CoverageReport;
use crate::usecases::gap_report::GapReport;

/// The file name of a coverage document: `gaptrack-coverage-2023-AF-reseau-sahel.xlsx`, or
/// `gaptrack-coverage-latest-2023-2024.xlsx` when its rows come from several reports (each
/// country's latest).
pub fn coverage(report: &CoverageReport, extension: &str) -> String {
    let mut parts = vec!["gaptrack".to_owned(), "coverage".to_owned()];
    match report.row_years().as_slice() {
        [first, .., last] => {
            parts.extend(["latest".to_owned(), first.to_string(), last.to_string()])
        }
        _ => parts.push(year(report.year)),
    }
    parts.extend(report.region.map(|region| region.as_str().to_owned()));
    parts.extend(report.organisation_name.as_deref().map(slug));
    format!("{}.{extension}", parts.join("-"))
}

/// The file name of a country's gap document: `gaptrack-SEN-2023-unaddressed.csv`.
pub fn gaps(
    report: &GapReport,
    status: Option<RecommendationStatus>,
    persistent_only: bool,
    extension: &str,
) -> String {
    let mut parts = vec![
        "gaptrack".to_owned(),
        report.country.code.clone(),
        year(report.year),
    ];
    parts.extend(status.map(|status| status.as_str().replace('_', "-")));
    if persistent_only {
        parts.push("persistent".to_owned());
    }
    parts.extend(report.organisation_name.as_deref().map(slug));
    format!("{}.{extension}", parts.join("-"))
}

/// The file name of a call-for-information pack: `gaptrack-SEN-2027-call-for-information.docx`.
pub fn call_for_information(pack: &CallForInformation, extension: &str) -> String {
    let mut parts = vec![
        "gaptrack".to_owned(),
        pack.country.code.clone(),
        pack.report_year.to_string(),
        "call-for-information".to_owned(),
    ];
    parts.extend(pack.organisation_name.as_deref().map(slug));
    format!("{}.{extension}", parts.join("-"))
}

/// The file name of an organisation's IATI activity file: `gaptrack-cenhtro-iati-activities.xml`.
pub fn iati_activities(organisation_name: &str) -> String {
    format!("gaptrack-{}-iati-activities.xml", slug(organisation_name))
}

fn year(year: Option<i32>) -> String {
    year.map_or_else(|| "no-report".to_owned(), |y| y.to_string())
}

/// A name as letters and digits joined by hyphens, accents dropped, at most 40 characters:
/// safe in any file system and in a `Content-Disposition` header.
pub fn slug(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars().flat_map(unaccented) {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let mut slug: String = slug.trim_end_matches('-').chars().take(40).collect();
    while slug.ends_with('-') {
        slug.pop();
    }
    if slug.is_empty() {
        "organisation".to_owned()
    } else {
        slug
    }
}

/// The letter without its accent, for the letters of the languages gaptrack's organisations
/// write in; other characters as they are (and then dropped by [`slug`] if not ASCII).
fn unaccented(c: char) -> impl Iterator<Item = char> {
    let plain = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => "a",
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => "A",
        'ç' => "c",
        'Ç' => "C",
        'è' | 'é' | 'ê' | 'ë' => "e",
        'È' | 'É' | 'Ê' | 'Ë' => "E",
        'ì' | 'í' | 'î' | 'ï' => "i",
        'Ì' | 'Í' | 'Î' | 'Ï' => "I",
        'ñ' => "n",
        'Ñ' => "N",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => "o",
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => "O",
        'ù' | 'ú' | 'û' | 'ü' => "u",
        'Ù' | 'Ú' | 'Û' | 'Ü' => "U",
        'ý' | 'ÿ' => "y",
        'œ' => "oe",
        'Œ' => "OE",
        'æ' => "ae",
        'Æ' => "AE",
        _ => "",
    };
    let kept = plain.is_empty().then_some(c);
    plain.chars().chain(kept)
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn a_french_name_becomes_a_plain_slug() {
        assert_eq!(
            slug("Réseau Sahel contre la traite"),
            "reseau-sahel-contre-la-traite"
        );
        assert_eq!(
            slug("  Œuvre d'Accueil — Thiès  "),
            "oeuvre-d-accueil-thies"
        );
    }

    #[test]
    fn a_name_of_no_latin_letters_still_names_a_file() {
        assert_eq!(slug("\"/\\\r\n"), "organisation");
        assert_eq!(slug(&"a".repeat(90)).len(), 40);
    }
}
