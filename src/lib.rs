//! gaptrack: which Trafficking in Persons (TIP) Report recommendations an organisation's work
//! already answers, and which remain unaddressed, country by country.
//!
//! Where things live, from the core out (a test, `tests/api/architecture.rs`, keeps each layer
//! from importing the ones outside it, and files from importing each other in a cycle):
//! - [`domain`]: validated types and every rule, once: the TIP Report's tiers, pillars and
//!   statuses; text, URL and year rules; roles and what each may do ([`domain::Caller`]); and
//!   [`domain::Failure`], what a use case answers instead of its result;
//! - [`db`]: every SQL statement, one module per table; the gap rule itself is an SQL function
//!   (see `migrations/*_recommendation_status`); country names are matched in SQL
//!   (`country_name_key` and the `country_names` table), read through [`db::countries::resolve`];
//! - [`import`]: reading and checking report files, and writing them in one transaction;
//! - [`usecases`]: what people do, one module each, checking the caller's rights themselves;
//!   called alike by the API, the pages and the command line;
//! - [`export`]: renderings of reports as files (CSV, printable HTML);
//! - [`config`]: settings from environment variables;
//! - [`http`]: the machinery both HTTP edges share: request ids, client addresses, rate limits,
//!   metrics, [`http::deadline`] (503 past `REQUEST_TIMEOUT_MS`, but for the time a body takes to
//!   arrive, which [`http::upload`] bounds on its own), [`http::read_retry`], body reading, and
//!   [`http::error`], a failure or a fault rendered as problem+json;
//! - the edges: [`api`] (the JSON API: one module per resource, with [`api::idempotency`] and
//!   [`api::preconditions`]), [`web`] (server-rendered pages, with their own error page) and
//!   [`cli`] (the command line); [`startup`] builds the server from both HTTP edges;
//! - [`local_postgres`]: the PostgreSQL cluster gaptrack runs for itself when no `DATABASE_URL`
//!   is set; [`demo`]: the demo dataset, from the 2023 TIP Report; [`generate`]: load-test data.

pub mod api;
pub mod backup;
pub mod cli;
pub mod config;
pub mod database;
pub mod db;
pub mod demo;
pub mod domain;
pub mod export;
pub mod generate;
pub mod http;
pub mod i18n;
pub mod import;
pub mod local_postgres;
pub mod mail;
pub mod oidc;
pub mod reminder_schedule;
pub mod startup;
pub mod tier_history;
pub mod usecases;
pub mod web;
