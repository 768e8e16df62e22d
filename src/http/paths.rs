//! Where gaptrack serves what both edges need to tell apart.

/// The prefix of the JSON API.
pub const API_PREFIX: &str = "/api/v1";

/// Where the OpenAPI document is served.
pub const OPENAPI_PATH: &str = "/api/v1/openapi.json";

/// Where the interactive API documentation is served.
pub const DOCS_PATH: &str = "/docs/";
