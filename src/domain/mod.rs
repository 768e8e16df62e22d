//! Validated domain types and the pure rules of the TIP Report: what a tier, a pillar or a status can
//! be, what to say of a country name that matches none or several, and how a tier placement moves from one year to the next.

mod api_key;
pub mod backups;
mod caller;
mod clock;
mod country_name;
mod coverage;
mod edition_digest;
mod enums;
mod etag;
mod failure;
mod gaps;
mod letter;
mod movement;
pub mod password;
mod pillar_proposal;
mod refusal;
mod reminders;
mod reporting_period;
pub mod second_factor;
mod secret_token;
mod tier_label;
mod validation;

pub use api_key::{NewApiKey, parse_token, secret_matches};
pub use caller::{Actor, Caller};
pub use clock::{Clock, ManualClock, SharedClock, SystemClock};
pub use country_name::{CountryMention, UnresolvedCountry};
pub use coverage::StatusCounts;
pub use edition_digest::{
    CarriedWork, CarryDecline, Continuing, Dropped, EditionChanges, EditionRecommendation,
    LinkedWork, WordChange, WordChangeKind, compare_editions, wording,
};
pub use enums::{
    AccountLinkPurpose, AuditAction, Contribution, IatiOrganisationType, InterventionKind,
    InterventionStatus, Language, Pillar, RecommendationStatus, Region, ResourceType, Role,
    SessionPending, Tier, UserState,
};
pub use etag::{Etag, Precondition};
pub use failure::{Failure, FieldError};
pub use gaps::{answers_in, is_persistent};
pub use letter::{Letter, Postman};
pub use movement::{Movement, known_movement, movement};
pub use pillar_proposal::propose_pillar;
pub use refusal::{Argument, Refusal};
pub use reminders::{DueReminder, ReminderKind, due_digest, due_reminders};
pub use reporting_period::{ReportingPeriod, next_report_year, reporting_period};
pub use secret_token::{NewSecretToken, secret_token_digest};
pub use tier_label::parse_tier_label;
pub use validation::{
    IATI_IDENTIFIER_MESSAGE, LINE_MAX_CHARS, NUL_MESSAGE, REPORT_YEARS, SEARCH_MAX_CHARS,
    TEXT_MAX_CHARS, Validator, YEAR_MESSAGE, continues, double_option, iati_identifier,
    optional_text, report_year, required_text, search_text, web_url,
};
