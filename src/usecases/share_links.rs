//! Read-only links to share: an editor or admin makes a link to one country's coverage and gap
//! report for a year (optionally one organisation's work), which opens without an account until
//! it expires or is revoked. Making and revoking one is audited.

use chrono::{Duration, Utc};
use uuid::Uuid;

use super::countries::country_from_path;
use super::gap_report::{GapFilters, GapReport, gap_report};
use crate::db::share_links::Maker;
use crate::db::share_links::{self, NewShareLink, ShareLinkRow};
use crate::db::{Connection, Connections, Constrained, reports};
use crate::domain::{Caller, Failure, FieldError, NewSecretToken, Role, secret_token_digest};

/// The longest a link may last.
pub const MOST_DAYS: i64 = 365;

/// A link just made: its row, and its token, to show this once.
pub struct MadeLink {
    pub row: ShareLinkRow,
    pub token: String,
}

/// What a new link opens, and for how long.
pub struct ShareRequest<'a> {
    pub country: &'a str,
    pub year: i32,
    pub organisation: Option<Uuid>,
    pub days: i64,
}

/// Makes a link for `caller`, who must be an editor or an admin: a viewer only reads, and a
/// link shows gaptrack's data to people with no account.
pub async fn create(
    db: &impl Connections,
    caller: &Caller,
    request: &ShareRequest<'_>,
) -> Result<MadeLink, Failure> {
    if caller.role == Role::Viewer {
        return Err(Failure::Forbidden(format!(
            "sharing a report needs the editor or admin role; {} has the viewer role",
            caller.who()
        )));
    }
    if !(1..=MOST_DAYS).contains(&request.days) {
        return Err(Failure::Invalid(vec![FieldError::new(
            "days",
            format!("a link lasts from 1 to {MOST_DAYS} days"),
        )]));
    }
    let mut connection = db.connect().await?;
    let country = country_from_path(&mut connection, request.country).await?;
    if !reports::exists(&mut connection, request.year).await? {
        return Err(super::reports::not_found(request.year));
    }
    let token = NewSecretToken::generate();
    let link = NewShareLink {
        id: Uuid::now_v7(),
        token_sha256: token.sha256.to_vec(),
        country_code: country.code,
        year: request.year,
        organisation_id: request.organisation,
        created_by: caller.key_id,
        created_by_user: caller.user_id,
        expires_at: Utc::now() + Duration::days(request.days),
    };
    match share_links::insert(&mut connection, &caller.actor(), &link).await? {
        Constrained::Done(row) => Ok(MadeLink {
            row,
            token: token.token,
        }),
        Constrained::MissingReference(_) | Constrained::Duplicate(_) => Err(Failure::NotFound(
            "there is no such organisation (the `organisation` of the link)".into(),
        )),
    }
}

/// The link `token` opens, if it is live.
pub async fn open(connection: &mut Connection, token: &str) -> Result<ShareLinkRow, Failure> {
    share_links::find_live(connection, &secret_token_digest(token))
        .await?
        .ok_or_else(|| {
            Failure::NotFound(
                "this link has expired or was revoked, or it was copied wrong: ask the person who \
                 shared it for a new one"
                    .into(),
            )
        })
}

/// What a share link shows: its row, and the gap report it opens, naming no person. The report
/// is read by people with no account, so who linked each intervention (a member of staff, by
/// name) is taken out here, before any edge renders it; organisations stay named.
pub async fn open_report(
    connection: &mut Connection,
    token: &str,
    interventions_limit: u32,
) -> Result<(ShareLinkRow, GapReport), Failure> {
    let link = open(connection, token).await?;
    let filters = GapFilters {
        year: Some(link.year),
        organisation: link.organisation_id,
        ..GapFilters::default()
    };
    let mut report = gap_report(
        connection,
        &link.country_code,
        &filters,
        interventions_limit,
    )
    .await?;
    for recommendation in &mut report.recommendations {
        for intervention in &mut recommendation.interventions {
            intervention.linked_by = None;
        }
    }
    Ok((link, report))
}

/// Link `id`, if `caller` may revoke it: the key that made it, or an admin.
pub async fn revocable(
    connection: &mut Connection,
    caller: &Caller,
    id: Uuid,
) -> Result<ShareLinkRow, Failure> {
    let link = share_links::find(connection, id)
        .await?
        .ok_or_else(|| Failure::NotFound(format!("there is no share link {id}")))?;
    let made_it = match maker(caller) {
        Maker::Person(user) => link.created_by_user == Some(user),
        Maker::Key(key) => link.created_by == Some(key),
    };
    if !made_it && !caller.is_admin() {
        return Err(Failure::Forbidden(
            "only who made a link, or an admin, may revoke it".into(),
        ));
    }
    Ok(link)
}

/// Revokes link `id` for `caller`, if [`revocable`] says it may.
pub async fn revoke(db: &impl Connections, caller: &Caller, id: Uuid) -> Result<(), Failure> {
    let mut connection = db.connect().await?;
    revocable(&mut connection, caller, id).await?;
    share_links::revoke(&mut connection, &caller.actor(), id).await?;
    Ok(())
}

/// Whose links `caller`'s are: the person's, whichever way they signed in, else the key's.
pub fn maker(caller: &Caller) -> Maker {
    match (caller.user_id, caller.key_id) {
        (Some(user), _) => Maker::Person(user),
        (None, Some(key)) => Maker::Key(key),
        (None, None) => unreachable!("a caller is a person or a key"),
    }
}
