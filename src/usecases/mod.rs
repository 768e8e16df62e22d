//! What people do with gaptrack, one module per thing, called alike by the JSON API, the pages and
//! the command line.
//!
//! A use case takes input already read from its edge, and a [`Caller`](crate::domain::Caller)
//! whose rights it checks itself (none relies on its edge to have checked). It calls `db::` and
//! answers a result or a [`Failure`](crate::domain::Failure), which knows nothing of HTTP: each
//! edge renders it its own way.

pub mod countries;
pub mod coverage;
pub mod gap_report;
pub mod imports;
pub mod interventions;
pub mod keys;
pub mod links;
pub mod organisations;
pub mod recommendations;
pub mod reports;
pub mod tiers;
