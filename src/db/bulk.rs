//! Bulk inserts for generated data sets (`gaptrack dev generate`): one statement per batch, rows
//! passed as one array per column. The service itself writes interventions and links one at a
//! time, with an audit row each; a load-test data set of a million interventions cannot.

use chrono::NaiveDate;
use diesel::sql_types::{Array, Date, Int4, Nullable, Text, Uuid as SqlUuid};
use diesel_async::RunQueryDsl;
use uuid::Uuid;

use super::{Connection, DbError};
use crate::domain::{Contribution, InterventionKind, InterventionStatus};

/// An intervention to insert, with its countries.
#[derive(Debug, Clone)]
pub struct GeneratedIntervention {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub countries: Vec<String>,
    pub kind: InterventionKind,
    pub title: String,
    pub status: InterventionStatus,
    pub started_on: Option<NaiveDate>,
    pub ended_on: Option<NaiveDate>,
    pub location: Option<String>,
    pub people_reached: Option<i32>,
}

/// A link to insert.
#[derive(Debug, Clone)]
pub struct GeneratedLink {
    pub intervention_id: Uuid,
    pub recommendation_id: Uuid,
    pub contribution: Contribution,
}

/// Inserts interventions and their countries.
pub async fn insert_interventions(
    connection: &mut Connection,
    interventions: &[GeneratedIntervention],
) -> Result<(), DbError> {
    let ids: Vec<Uuid> = interventions.iter().map(|i| i.id).collect();
    let organisations: Vec<Uuid> = interventions.iter().map(|i| i.organisation_id).collect();
    let kinds: Vec<&str> = interventions.iter().map(|i| i.kind.as_str()).collect();
    let titles: Vec<&str> = interventions.iter().map(|i| i.title.as_str()).collect();
    let statuses: Vec<&str> = interventions.iter().map(|i| i.status.as_str()).collect();
    let starts: Vec<Option<NaiveDate>> = interventions.iter().map(|i| i.started_on).collect();
    let ends: Vec<Option<NaiveDate>> = interventions.iter().map(|i| i.ended_on).collect();
    let locations: Vec<Option<&str>> = interventions
        .iter()
        .map(|i| i.location.as_deref())
        .collect();
    let reached: Vec<Option<i32>> = interventions.iter().map(|i| i.people_reached).collect();
    diesel::sql_query(
        "INSERT INTO interventions (id, organisation_id, kind, title, status, started_on, ended_on, \
                                    location, people_reached) \
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], \
                              $6::date[], $7::date[], $8::text[], $9::int4[])",
    )
    .bind::<Array<SqlUuid>, _>(&ids)
    .bind::<Array<SqlUuid>, _>(organisations)
    .bind::<Array<Text>, _>(kinds)
    .bind::<Array<Text>, _>(titles)
    .bind::<Array<Text>, _>(statuses)
    .bind::<Array<Nullable<Date>>, _>(starts)
    .bind::<Array<Nullable<Date>>, _>(ends)
    .bind::<Array<Nullable<Text>>, _>(locations)
    .bind::<Array<Nullable<Int4>>, _>(reached)
    .execute(connection)
    .await?;

    let (country_ids, countries): (Vec<Uuid>, Vec<&str>) = interventions
        .iter()
        .flat_map(|i| i.countries.iter().map(move |c| (i.id, c.as_str())))
        .unzip();
    diesel::sql_query(
        "INSERT INTO intervention_countries (intervention_id, country_code) \
         SELECT * FROM unnest($1::uuid[], $2::text[])",
    )
    .bind::<Array<SqlUuid>, _>(country_ids)
    .bind::<Array<Text>, _>(countries)
    .execute(connection)
    .await?;
    Ok(())
}

/// Inserts links; a pair already linked is left as it is.
pub async fn insert_links(
    connection: &mut Connection,
    links: &[GeneratedLink],
) -> Result<(), DbError> {
    let interventions: Vec<Uuid> = links.iter().map(|l| l.intervention_id).collect();
    let recommendations: Vec<Uuid> = links.iter().map(|l| l.recommendation_id).collect();
    let contributions: Vec<&str> = links.iter().map(|l| l.contribution.as_str()).collect();
    diesel::sql_query(
        "INSERT INTO links (intervention_id, recommendation_id, contribution) \
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[]) \
         ON CONFLICT DO NOTHING",
    )
    .bind::<Array<SqlUuid>, _>(interventions)
    .bind::<Array<SqlUuid>, _>(recommendations)
    .bind::<Array<Text>, _>(contributions)
    .execute(connection)
    .await?;
    Ok(())
}

/// Refreshes the planner's statistics and the visibility map after a bulk load, as autovacuum
/// would in time, so that benchmarks measure a settled database.
pub async fn vacuum_analyze(connection: &mut Connection) -> Result<(), DbError> {
    diesel::sql_query("VACUUM (ANALYZE)")
        .execute(connection)
        .await?;
    Ok(())
}
