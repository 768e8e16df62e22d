//! Integration tests: the real app on a random port, over HTTP, against a real PostgreSQL.

mod helpers;

mod access;
mod architecture;
mod audit;
mod browser;
mod countries;
mod coverage;
mod demo;
mod errors;
mod exports;
mod faults;
mod gaps;
mod generate;
mod health;
mod idempotency;
mod import;
mod interventions;
mod lineage;
mod links;
mod lost_connections;
mod metrics;
mod migrations;
mod openapi;
mod organisations;
mod pages;
mod preconditions;
mod rate_limits;
mod recommendations;
mod reports;
mod roles;
mod serve;
mod sign_in_security;
mod snapshots;
mod tiers;
mod uploads;
