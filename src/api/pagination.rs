//! Cursor pagination: every list answers `{"items": [...], "next_cursor": ...}`.
//!
//! A cursor is the sort key of the last item served, written as plain text (a year, an id, a
//! country code): stable under inserts (unlike an offset), and of a format each list's contract
//! states as a `pattern`, so that any cursor a client forms from the document is a place to
//! resume from: the page after that key.

use crate::domain::Refusal;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::http::error::ApiError;

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

/// A sort key as it travels in a cursor.
pub trait CursorKey: Sized {
    fn to_cursor(&self) -> String;
    /// `None` when the text is not of the key's format.
    fn from_cursor(text: &str) -> Option<Self>;
}

/// `-?[0-9]{1,max_digits}`, exactly as the contract's patterns say (no `+`, no spaces).
fn is_integer(text: &str, max_digits: usize) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    (1..=max_digits).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit())
}

/// Up to 9 digits: every such number is an `i32`.
impl CursorKey for i32 {
    fn to_cursor(&self) -> String {
        self.to_string()
    }

    fn from_cursor(text: &str) -> Option<Self> {
        is_integer(text, 9).then(|| text.parse().ok())?
    }
}

/// Up to 18 digits: every such number is an `i64`.
impl CursorKey for i64 {
    fn to_cursor(&self) -> String {
        self.to_string()
    }

    fn from_cursor(text: &str) -> Option<Self> {
        is_integer(text, 18).then(|| text.parse().ok())?
    }
}

/// The hyphenated form only (`Uuid::try_parse` also takes braces, `urn:uuid:` and bare hex).
impl CursorKey for Uuid {
    fn to_cursor(&self) -> String {
        self.hyphenated().to_string()
    }

    fn from_cursor(text: &str) -> Option<Self> {
        let hyphenated = text.len() == 36
            && text.char_indices().all(|(at, c)| match at {
                8 | 13 | 18 | 23 => c == '-',
                _ => c.is_ascii_hexdigit(),
            });
        hyphenated.then(|| Uuid::try_parse(text).ok())?
    }
}

/// A country's alpha-3 code.
impl CursorKey for String {
    fn to_cursor(&self) -> String {
        self.clone()
    }

    fn from_cursor(text: &str) -> Option<Self> {
        (text.len() == 3 && text.bytes().all(|b| b.is_ascii_uppercase())).then(|| text.to_owned())
    }
}

impl<K: CursorKey> PageRequest<K> {
    /// Validates `limit` (1 to 200, default 50) and decodes `cursor`.
    pub fn new(limit: Option<u32>, cursor: Option<&str>) -> Result<Self, ApiError> {
        let limit = limit.unwrap_or(DEFAULT_LIMIT);
        if !(1..=MAX_LIMIT).contains(&limit) {
            return Err(ApiError::invalid(
                "limit",
                Refusal::new("invalid-between")
                    .with("least", 1)
                    .with("most", i64::from(MAX_LIMIT)),
            ));
        }
        let after = cursor
            .map(|text| {
                K::from_cursor(text).ok_or_else(|| {
                    ApiError::BadRequest(format!(
                        "`{text}` is not a cursor of this list: pass back the next_cursor of a \
                         previous page unchanged"
                    ))
                })
            })
            .transpose()?;
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
            rows.last().map(|row| key(row).to_cursor())
        } else {
            None
        };
        Page {
            items: rows.into_iter().map(to_item).collect(),
            next_cursor,
        }
    }
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
    fn cursors_are_exactly_of_their_documented_format() {
        assert_eq!(i32::from_cursor("2023"), Some(2023));
        assert_eq!(i32::from_cursor("-7"), Some(-7));
        for bad in ["+5", " 5", "5 ", "1234567890", "", "-", "2023\n"] {
            assert_eq!(i32::from_cursor(bad), None, "{bad:?}");
        }
        let id = Uuid::now_v7();
        assert_eq!(Uuid::from_cursor(&id.to_cursor()), Some(id));
        assert_eq!(Uuid::from_cursor(&id.simple().to_string()), None);
        assert_eq!(Uuid::from_cursor(&id.urn().to_string()), None);
        assert_eq!(String::from_cursor("SLE"), Some("SLE".to_string()));
        assert_eq!(String::from_cursor("sle"), None);
    }

    #[test]
    fn limit_is_bounded() {
        assert!(PageRequest::<i32>::new(Some(0), None).is_err());
        assert!(PageRequest::<i32>::new(Some(201), None).is_err());
        assert_eq!(PageRequest::<i32>::new(None, None).unwrap().limit, 50);
    }
}
