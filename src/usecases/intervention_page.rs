//! What an intervention's page shows, read in one go: the intervention and its organisation, its
//! links, and for each of its countries the recommendations of the report year shown (each
//! country's latest unless one is chosen), with their status, so that a person links from there.

use std::collections::{HashMap, HashSet};

use uuid::Uuid;

use super::translations::{self, TranslationRow};
pub use crate::db::gaps::RecommendationGap;
pub use crate::db::interventions::Intervention;
pub use crate::db::links::LinkRow;
use crate::db::recommendations::{self, RecommendationFilter};
pub use crate::db::reports::ReportRow;
use crate::db::{Connection, Connections, countries, gaps, links, organisations, reports};
use crate::domain::{Caller, Failure, Language, Pillar};

/// An intervention's page.
#[derive(Debug)]
pub struct InterventionPage {
    pub intervention: Intervention,
    pub organisation_name: Option<String>,
    /// Whether the visitor may change it (and its links).
    pub editable: bool,
    /// Its links, by recommendation.
    pub linked: HashMap<Uuid, LinkRow>,
    /// The TIP Report's name of each of its countries, in their order.
    pub country_names: Vec<String>,
    pub sections: Vec<CountrySection>,
    /// The report years to choose from.
    pub years: Vec<ReportRow>,
    /// The listed recommendations' texts in the reader's language, where there is one.
    pub translations: HashMap<Uuid, TranslationRow>,
}

/// Which recommendations of its countries the page lists.
#[derive(Debug, Default)]
pub struct RecommendationChoice {
    /// A report year for every country; each country's latest when `None`.
    pub year: Option<i32>,
    pub pillar: Option<Pillar>,
    /// A piece of text the recommendation says, in English or in a translation.
    pub text: Option<String>,
}

/// The recommendations of one of the intervention's countries, of the year shown for it.
#[derive(Debug)]
pub struct CountrySection {
    pub code: String,
    pub name: String,
    pub year: Option<i32>,
    pub gaps: Vec<RecommendationGap>,
}

/// The page of intervention `id`, with the recommendations `choice` keeps, for a reader of
/// `language`.
pub async fn intervention_page(
    db: &impl Connections,
    caller: &Caller,
    id: Uuid,
    choice: &RecommendationChoice,
    language: Language,
) -> Result<InterventionPage, Failure> {
    let mut connection = db.connect().await?;
    let intervention = crate::db::interventions::find(&mut connection, id)
        .await?
        .ok_or_else(|| super::interventions::not_found(id))?;
    let organisation_id = intervention.row.organisation_id;
    let organisation_name = organisations::find(&mut connection, organisation_id)
        .await?
        .map(|organisation| organisation.name);
    let linked = links::of_intervention(&mut connection, id, None, i64::MAX)
        .await?
        .into_iter()
        .map(|link| (link.recommendation_id, link))
        .collect();
    let matches = countries::resolve(&mut connection, &intervention.countries).await?;
    let country_names: Vec<String> = intervention
        .countries
        .iter()
        .map(|code| {
            matches
                .country(code)
                .map_or_else(|_| code.clone(), |c| c.tip_name)
        })
        .collect();
    let mut sections = Vec::new();
    for (country, name) in intervention.countries.iter().zip(&country_names) {
        // A chosen year applies to every country; otherwise each country shows its own latest
        // report (a new year loaded for one country does not hide the others' recommendations).
        let shown = match choice.year {
            Some(year) => Some(year),
            None => gaps::latest_year(&mut connection, Some(country)).await?,
        };
        let gaps = match shown {
            Some(shown) => chosen_gaps(&mut connection, country, shown, choice).await?,
            None => Vec::new(),
        };
        sections.push(CountrySection {
            code: country.clone(),
            name: name.clone(),
            year: shown,
            gaps,
        });
    }
    let listed: Vec<Uuid> = sections
        .iter()
        .flat_map(|section| section.gaps.iter().map(|gap| gap.id))
        .collect();
    let translations = translations::in_language(&mut connection, &listed, language).await?;
    Ok(InterventionPage {
        translations,
        editable: caller.may_edit(Some(organisation_id)),
        organisation_name,
        linked,
        country_names,
        sections,
        years: reports::list(&mut connection, None, i64::MAX).await?,
        intervention,
    })
}

/// The recommendations of `country`'s report of `year` that `choice` keeps, with their status.
async fn chosen_gaps(
    connection: &mut Connection,
    country: &str,
    year: i32,
    choice: &RecommendationChoice,
) -> Result<Vec<RecommendationGap>, Failure> {
    let saying: Option<HashSet<Uuid>> = match &choice.text {
        Some(text) => {
            let filter = RecommendationFilter {
                country: Some(country.to_owned()),
                year: Some(year),
                pillar: choice.pillar,
                text: Some(text.clone()),
            };
            let rows = recommendations::list(connection, &filter, None, i64::MAX).await?;
            Some(rows.into_iter().map(|row| row.id).collect())
        }
        None => None,
    };
    Ok(gaps::recommendation_gaps(connection, country, year, None)
        .await?
        .into_iter()
        .filter(|gap| choice.pillar.is_none_or(|p| p == gap.pillar))
        .filter(|gap| saying.as_ref().is_none_or(|ids| ids.contains(&gap.id)))
        .collect())
}
