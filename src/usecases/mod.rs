//! What people do with gaptrack, one module per thing, called alike by the JSON API, the pages and
//! the command line.
//!
//! A use case takes input already read from its edge, and a [`Caller`](crate::domain::Caller)
//! whose rights it checks itself (none relies on its edge to have checked). It calls `db::` and
//! answers a result or a [`Failure`](crate::domain::Failure), which knows nothing of HTTP: each
//! edge renders it its own way. It takes its connection from a [`Connections`](crate::db::Connections)
//! (the pool for the command line, the app state for the HTTP edges), so that what needs no
//! database (the caller's rights, the input's rules) is answered before one is asked for.
//!
//! Reads come here too, even those that are only a query: an edge calls no `db::` function
//! (`tests/api/architecture.rs` fails when one does). The
//! rows a use case answers are re-exported by it, and so are the connection type, for an edge that
//! holds a connection across several use cases, and the pool's, for the command line's own.

pub mod accounts;
pub mod audit;
pub mod backups;
pub mod call_for_information;
pub mod carry_forward;
pub mod countries;
pub mod country_page;
pub mod coverage;
pub mod digest_letter;
pub mod edition_digest;
pub mod gap_report;
pub mod health;
pub mod iati;
pub mod idempotency;
pub mod imports;
pub mod intervention_page;
pub mod interventions;
pub mod keys;
pub mod lineage;
pub mod links;
pub mod organisations;
pub mod ranking;
pub mod read_model;
pub mod recommendations;
pub mod reminders;
pub mod reports;
pub mod sessions;
pub mod share_links;
pub mod tiers;
pub mod translations;

pub use crate::db::{Connection, DbPool};
