//! What admins and monitoring are told about backups: the ones gaptrack took, newest first.

use crate::db::{self, Connections};
use crate::domain::backups::Backup;
use crate::domain::{Caller, Failure};

/// How many of the latest backups the admin page lists.
pub const LISTED: i64 = 10;

/// The latest backups, newest first, for an admin.
pub async fn recent(db: &impl Connections, caller: &Caller) -> Result<Vec<Backup>, Failure> {
    caller.require_admin()?;
    let mut connection = db.connect().await?;
    Ok(db::backups::latest(&mut connection, LISTED).await?)
}
