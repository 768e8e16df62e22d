//! Word documents, built one at a time: their library builds the whole document in memory
//! (about 18 MB for the pack of the country with the most links, for a 41 KB file), so five grant
//! writers downloading at once would cost five times that. Each waits its turn, off the workers'
//! threads, which keep answering everyone else meanwhile.

use tokio::sync::Semaphore;

use super::error::ApiError;

/// How many Word documents are built at once.
static TURNS: Semaphore = Semaphore::const_new(1);

/// Builds a Word document with `build` once it is its turn.
pub async fn built_in_turn(
    build: impl FnOnce() -> Result<Vec<u8>, String> + Send + 'static,
) -> Result<Vec<u8>, ApiError> {
    let _turn = TURNS.acquire().await.map_err(ApiError::internal)?;
    actix_web::web::block(build)
        .await
        .map_err(ApiError::internal)?
        .map_err(ApiError::Internal)
}
