//! Whether this instance can serve: its database answers. The readiness probe asks, and bounds
//! the wait itself.

use crate::db::{self, Connections};
use crate::domain::Failure;

/// Takes a connection and has the database answer a trivial query on it.
pub async fn database_answers(db: &impl Connections) -> Result<(), Failure> {
    let mut connection = db.connect().await?;
    Ok(db::answers(&mut connection).await?)
}
