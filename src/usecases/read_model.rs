//! The status read model, checked against the live gap rule: the operator's
//! `gaptrack dev check-read-model [--rebuild]` (see the README's "The status read model").

pub use crate::db::read_model::Difference;
use crate::db::{Connection, read_model};
use crate::domain::Failure;

/// Where the stored statuses differ from the live rule, after building them again from the live
/// tables first when `rebuild` (writes to links and interventions wait while it runs).
pub async fn check(connection: &mut Connection, rebuild: bool) -> Result<Vec<Difference>, Failure> {
    if rebuild {
        read_model::rebuild(connection).await?;
    }
    Ok(read_model::differences(connection).await?)
}
