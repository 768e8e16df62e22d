//! Cursor pagination: every list answers `{"items": [...], "next_cursor": ...}`.
//!
//! A cursor is the sort key of the last item served, as base64url-encoded JSON: opaque to clients,
//! stable under inserts (unlike an offset), and checked when it comes back.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::Serialize;
use serde::de::DeserializeOwned;
use utoipa::ToSchema;

use crate::error::ApiError;

pub const DEFAULT_LIMIT: u32 = 50;
pub const MAX_LIMIT: u32 = 200;

/// One page of a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Pass as `cursor` to get the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

impl<T> Page<T> {
    /// A list that is never long enough to page.
    pub fn whole(items: Vec<T>) -> Self {
        Self {
            items,
            next_cursor: None,
        }
    }
}

/// The page a request asks for: how many items, and after which key.
#[derive(Debug)]
pub struct PageRequest<K> {
    pub limit: u32,
    pub after: Option<K>,
}

impl<K: DeserializeOwned + Serialize> PageRequest<K> {
    /// Validates `limit` (1 to 200, default 50) and decodes `cursor`.
    pub fn new(limit: Option<u32>, cursor: Option<&str>) -> Result<Self, ApiError> {
        let limit = limit.unwrap_or(DEFAULT_LIMIT);
        if !(1..=MAX_LIMIT).contains(&limit) {
            return Err(ApiError::invalid(
                "limit",
                format!("must be between 1 and {MAX_LIMIT}"),
            ));
        }
        let after = cursor.map(decode).transpose()?;
        Ok(Self { limit, after })
    }

    /// How many rows to fetch: one more than the page, to know whether another page follows.
    pub fn fetch(&self) -> i64 {
        i64::from(self.limit) + 1
    }

    /// Cuts the fetched rows to the page and makes the cursor of the next page from the last row.
    pub fn page<R, T>(
        &self,
        mut rows: Vec<R>,
        key: impl Fn(&R) -> K,
        to_item: impl Fn(R) -> T,
    ) -> Page<T> {
        let limit = self.limit as usize;
        let next_cursor = if rows.len() > limit {
            rows.truncate(limit);
            rows.last().map(|row| encode(&key(row)))
        } else {
            None
        };
        Page {
            items: rows.into_iter().map(to_item).collect(),
            next_cursor,
        }
    }
}

fn encode<K: Serialize>(key: &K) -> String {
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(key).expect("cursor keys serialise"))
}

fn decode<K: DeserializeOwned>(cursor: &str) -> Result<K, ApiError> {
    URL_SAFE_NO_PAD
        .decode(cursor)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .ok_or_else(|| {
            ApiError::BadRequest(
                "invalid cursor: pass back the next_cursor of a previous page unchanged".into(),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_round_trips_and_a_forged_one_is_refused() {
        let request = PageRequest::<i32>::new(Some(2), None).unwrap();
        let page = request.page(vec![2025, 2024, 2023], |year| *year, |year| year);
        assert_eq!(page.items, vec![2025, 2024]);
        let cursor = page.next_cursor.unwrap();
        let next = PageRequest::<i32>::new(Some(2), Some(&cursor)).unwrap();
        assert_eq!(next.after, Some(2024));
        assert!(PageRequest::<i32>::new(None, Some("not-a-cursor")).is_err());
    }

    #[test]
    fn limit_is_bounded() {
        assert!(PageRequest::<i32>::new(Some(0), None).is_err());
        assert!(PageRequest::<i32>::new(Some(201), None).is_err());
        assert_eq!(PageRequest::<i32>::new(None, None).unwrap().limit, 50);
    }
}
