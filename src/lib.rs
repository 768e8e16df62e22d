//! gaptrack: which Trafficking in Persons (TIP) Report recommendations an organisation's work
//! already answers, and which remain unaddressed, country by country.
//!
//! Where things live:
//! - [`config`]: settings from environment variables;
//! - [`startup`]: the HTTP server and the OpenAPI document, built from one route table;
//! - [`api`]: the route table and one module per resource (DTOs and short handlers);
//! - [`error`]: the one error type at the HTTP edge, rendered as problem+json;
//! - holding through faults and abuse, at the edge: [`api::deadline`] bounds every API request
//!   (503 past `REQUEST_TIMEOUT_MS`) but for the time its body takes to arrive, which
//!   [`api::upload`] bounds on its own (408 past `UPLOAD_TIMEOUT_MS`), [`api::read_retry`] runs a read once more when PostgreSQL
//!   ends its connection, [`api::idempotency`] serves a POST once per `Idempotency-Key`,
//!   [`api::rate_limit`] limits each key and each client ([`api::client_address`]: which client,
//!   behind trusted proxies), [`api::preconditions`] turns `If-Match` into a guarded write;
//! - [`domain`]: validated types and the pure rules of the TIP Report;
//!   country names are matched in SQL (`country_name_key` and the `country_names` table, migration
//!   `*_country_names`), read through [`db::countries::resolve`];
//! - [`db`]: every SQL statement, one module per table; the gap rule itself is an SQL function
//!   (see `migrations/*_recommendation_status`);
//! - [`local_postgres`]: the PostgreSQL cluster gaptrack runs for itself when no `DATABASE_URL` is set;
//! - [`demo`]: the demo dataset, from the 2023 TIP Report;
//! - [`web`]: the web interface, server-rendered pages on the same rules as the API;
//! - [`cli`]: the command line.

pub mod api;
pub mod cli;
pub mod config;
pub mod database;
pub mod db;
pub mod demo;
pub mod domain;
pub mod error;
pub mod generate;
pub mod import;
pub mod local_postgres;
pub mod startup;
pub mod web;
