//! Recording a country's tier placement in a report year (admins only).

use serde::Deserialize;
use utoipa::ToSchema;

use super::countries::country_from_path;
pub use crate::db::tiers::TierRow;
use crate::db::tiers::{self, NewTier};
use crate::db::{Connections, Constrained};
use crate::domain::{Caller, Failure, Tier, Validator};

/// A placement to record.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"tier": "tier_2", "waiver": false}))]
pub struct PutTier {
    pub tier: Tier,
    #[serde(default)]
    pub waiver: bool,
    #[schema(max_length = 20000, pattern = "^[^\\u0000]*$")]
    pub note: Option<String>,
}

/// A placement as recorded, with the placement of the year before and whether it is new.
pub struct Placed {
    pub row: TierRow,
    pub previous: Option<Tier>,
    pub created: bool,
}

/// Records or replaces the placement of the country named `code` in `year`, for `caller`, who
/// must be an admin. The report year must exist.
pub async fn place(
    db: &impl Connections,
    caller: &Caller,
    code: &str,
    year: i32,
    placement: &PutTier,
) -> Result<Placed, Failure> {
    caller.require_admin()?;
    let mut check = Validator::default();
    check.year("year", year);
    let note = check.optional_text("note", placement.note.as_deref());
    check.finish()?;

    let mut connection = db.connect().await?;
    let country = country_from_path(&mut connection, code).await?;
    let new = NewTier {
        country_code: &country.code,
        year,
        tier: placement.tier,
        waiver: placement.waiver,
        note: note.as_deref(),
    };
    let (row, created) = match tiers::upsert(&mut connection, &caller.actor(), &new).await? {
        Constrained::Done(result) => result,
        // The only reference a placement makes that a person chooses is its report year.
        Constrained::MissingReference(_) | Constrained::Duplicate(_) => {
            return Err(super::reports::not_found(year));
        }
    };
    let (_, previous) = tiers::with_previous(&mut connection, &country.code, year).await?;
    Ok(Placed {
        row,
        previous,
        created,
    })
}

/// Every placement of the country named `code`, oldest first.
pub async fn history(db: &impl Connections, code: &str) -> Result<Vec<TierRow>, Failure> {
    let mut connection = db.connect().await?;
    let country = country_from_path(&mut connection, code).await?;
    Ok(tiers::history(&mut connection, &country.code).await?)
}
