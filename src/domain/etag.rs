//! Entity tags for optimistic concurrency: a client reads a resource with its `ETag`, and sends it
//! back in `If-Match` when it changes the resource, so that an edit made meanwhile by someone else
//! is refused (412) instead of silently overwritten.

use std::fmt;

use serde::Serialize;
use sha2::{Digest, Sha256};

/// A strong entity tag: a digest of everything a resource's representation is made of, so it
/// changes whenever the representation does, and only then.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Etag(String);

impl Etag {
    /// The tag of `resource`, from its serialised form.
    pub fn of(resource: &impl Serialize) -> Self {
        let bytes = serde_json::to_vec(resource).expect("a stored resource serialises");
        let digest = Sha256::digest(&bytes);
        let hex: String = digest[..12].iter().map(|b| format!("{b:02x}")).collect();
        Self(format!("\"{hex}\""))
    }

    /// The tag as sent in the `ETag` header, quotes included.
    pub fn as_header(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Etag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What an `If-Match` header asks of the resource's current state.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Precondition {
    /// No `If-Match`: the change applies to whatever is there, as it always has.
    #[default]
    None,
    /// `If-Match: *`: the resource must exist.
    Exists,
    /// `If-Match: "a", "b"`: the resource's tag must be one of these (compared strongly, so weak
    /// tags never match).
    OneOf(Vec<String>),
    /// An `If-Match` that is neither `*` nor entity tags: it matches nothing.
    Unreadable,
}

impl Precondition {
    /// Reads an `If-Match` value; `None` when it is not a list of entity tags or `*`.
    pub fn parse_if_match(value: &str) -> Option<Self> {
        let value = value.trim();
        if value == "*" {
            return Some(Self::Exists);
        }
        let mut tags = Vec::new();
        let mut rest = value;
        loop {
            rest = rest.trim_start();
            let weak = rest.starts_with("W/");
            let quoted = if weak { &rest[2..] } else { rest };
            let body = quoted.strip_prefix('"')?;
            let end = body.find('"')?;
            let tag = &quoted[..end + 2];
            if !weak {
                tags.push(tag.to_owned());
            }
            rest = body[end + 1..].trim_start();
            match rest.strip_prefix(',') {
                Some(after) => rest = after,
                None if rest.is_empty() => break,
                None => return None,
            }
        }
        Some(Self::OneOf(tags))
    }

    /// Whether a change may go ahead on a resource whose current tag is `current` (`None` when
    /// it does not exist).
    pub fn holds_for(&self, current: Option<&Etag>) -> bool {
        match self {
            Self::None => true,
            Self::Exists => current.is_some(),
            Self::OneOf(tags) => current.is_some_and(|etag| tags.contains(&etag.0)),
            Self::Unreadable => false,
        }
    }

    /// Whether `resource`, as it stands, satisfies this precondition.
    pub fn holds_for_resource(&self, resource: &impl Serialize) -> bool {
        matches!(self, Self::None) || self.holds_for(Some(&Etag::of(resource)))
    }
}

impl Precondition {
    /// The refusal of a change to `what` under this precondition, which its current state
    /// (`current`, if it exists) does not meet.
    pub fn refusal(&self, what: &str, current: Option<Etag>) -> super::Failure {
        let detail = match (self, &current) {
            (Precondition::Unreadable, _) => "If-Match must be `*` or a list of entity tags, \
                                              such as `\"3f2a9c\"`, as sent in the ETag header"
                .to_owned(),
            (_, Some(_)) => format!(
                "{what} has changed since you read it; GET it again, reapply your change to what \
                 is there now, and send its new ETag in If-Match"
            ),
            (_, None) => format!("{what} does not exist, so it cannot match If-Match"),
        };
        super::Failure::Stale {
            detail,
            current: current.map(|etag| etag.as_header().to_owned()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_changes_with_the_resource_and_only_then() {
        let a = Etag::of(&("Burma", 3));
        assert_eq!(a, Etag::of(&("Burma", 3)));
        assert_ne!(a, Etag::of(&("Burma", 4)));
        assert!(a.as_header().starts_with('"') && a.as_header().ends_with('"'));
    }

    #[test]
    fn if_match_lists_are_read_as_rfc_9110_writes_them() {
        let tag = Etag::of(&1);
        let header = format!("W/\"zzz\", {tag} , \"other\"");
        let precondition = Precondition::parse_if_match(&header).unwrap();
        assert!(precondition.holds_for(Some(&tag)));
        assert!(!precondition.holds_for(None));
        assert!(!precondition.holds_for(Some(&Etag::of(&2))));
        assert_eq!(
            Precondition::parse_if_match("*"),
            Some(Precondition::Exists)
        );
        assert!(!Precondition::Exists.holds_for(None));
    }

    #[test]
    fn weak_tags_never_match() {
        let tag = Etag::of(&1);
        let weak = Precondition::parse_if_match(&format!("W/{tag}")).unwrap();
        assert!(!weak.holds_for(Some(&tag)));
    }

    #[test]
    fn an_unreadable_if_match_matches_nothing() {
        assert!(!Precondition::Unreadable.holds_for(Some(&Etag::of(&1))));
        assert!(!Precondition::Unreadable.holds_for_resource(&1));
    }

    #[test]
    fn malformed_if_match_values_are_refused() {
        for value in ["abc", "\"open", "\"a\" \"b\"", "\"a\",", ""] {
            assert_eq!(Precondition::parse_if_match(value), None, "{value}");
        }
    }
}
