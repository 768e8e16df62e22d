//! Word documents, built one at a time: their library builds the whole document in memory
//! (about 17 MB for the pack of the country with the most links, for a 41 KB file), so as many
//! grant writers downloading at once as there are workers would cost that many times as much.
//! Each waits its turn (a pack takes about 70 ms to build). They are built on the worker that
//! asked: built on a thread of their own, each build left its memory with that thread, and the
//! peak of five at once grew by 3 MB (measured with `benches/memory.sh`).

use tokio::sync::Semaphore;

use super::error::ApiError;

/// How many Word documents are built at once.
static TURNS: Semaphore = Semaphore::const_new(1);

/// Builds a Word document with `build` once it is its turn.
pub async fn built_in_turn(
    build: impl FnOnce() -> Result<Vec<u8>, String>,
) -> Result<Vec<u8>, ApiError> {
    let _turn = TURNS.acquire().await.map_err(ApiError::internal)?;
    build().map_err(ApiError::Internal)
}
