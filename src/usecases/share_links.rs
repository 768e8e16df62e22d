//! Read-only links to share: a person makes a link to one country's coverage and gap report for
//! a year, showing their organisation's work (an admin's may show any organisation's, or all),
//! which opens without an account until it expires or is revoked. Making and revoking one is
//! audited. Who may share what: [`shared_work`].

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use uuid::Uuid;

use super::countries::country_from_path;
use super::gap_report::{GapFilters, GapReport, gap_report_on};
use crate::db::share_links::Maker;
pub use crate::db::share_links::ShareLinkRow;
use crate::db::share_links::{self, NewShareLink};
use crate::db::{Connection, Connections, Constrained, reports};
use crate::domain::Refusal;
use crate::domain::{Caller, Failure, FieldError, NewSecretToken, secret_token_digest};

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

/// Whose work `caller` may share, and so whose work a link of theirs shows, when they ask for
/// `asked` (`None`: every organisation's).
///
/// The rule: a link shows work to people with no account, so each organisation's own people
/// decide what of its work goes out. Its editors and its viewers (the grant writers who send
/// these links to donors) share their organisation's work, and only it: asking for every
/// organisation's work gives theirs. Every organisation's work together, or another
/// organisation's, is shared only by an admin, who runs the instance for all of them. A person
/// of no organisation has no work of their own to share.
pub fn shared_work(caller: &Caller, asked: Option<Uuid>) -> Result<Option<Uuid>, Failure> {
    if caller.is_admin() {
        return Ok(asked);
    }
    match (caller.organisation_id, asked) {
        (None, _) => Err(Failure::Forbidden(Refusal::new(
            "refusal-share-needs-organisation",
        ))),
        (Some(own), None) => Ok(Some(own)),
        (Some(own), Some(asked)) if asked == own => Ok(Some(own)),
        (Some(_), Some(_)) => Err(Failure::Forbidden(Refusal::new(
            "refusal-share-own-work-only",
        ))),
    }
}

/// Whether `caller` may make a link at all (see [`shared_work`]).
pub fn may_share(caller: &Caller) -> bool {
    shared_work(caller, caller.organisation_id).is_ok()
}

/// Makes a link for `caller`, of the work [`shared_work`] lets them share.
pub async fn create(
    db: &impl Connections,
    caller: &Caller,
    request: &ShareRequest<'_>,
) -> Result<MadeLink, Failure> {
    let organisation = shared_work(caller, request.organisation)?;
    if !(1..=MOST_DAYS).contains(&request.days) {
        return Err(Failure::Invalid(vec![FieldError::new(
            "days",
            Refusal::new("invalid-link-days").with("most", MOST_DAYS),
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
        organisation_id: organisation,
        created_by: caller.key_id,
        created_by_user: caller.user_id,
        expires_at: db.now() + Duration::days(request.days),
    };
    match share_links::insert(&mut connection, &caller.actor(), &link).await? {
        Constrained::Done(row) => Ok(MadeLink {
            row,
            token: token.token,
        }),
        Constrained::MissingReference(_) | Constrained::Duplicate(_) => Err(Failure::NotFound(
            Refusal::new("refusal-link-organisation-missing").about("organisation"),
        )),
    }
}

/// The link `token` opens, if it is live at `now`.
async fn open(
    connection: &mut Connection,
    token: &str,
    now: DateTime<Utc>,
) -> Result<ShareLinkRow, Failure> {
    share_links::find_live(connection, &secret_token_digest(token), now)
        .await?
        .ok_or_else(|| Failure::NotFound(Refusal::new("refusal-share-link-closed")))
}

/// What a share link shows: its row, and the gap report it opens, naming no person. The report
/// is read by people with no account, so who linked each intervention (a member of staff, by
/// name) is taken out here, before any edge renders it; organisations stay named.
pub async fn open_report(
    db: &impl Connections,
    token: &str,
    interventions_limit: u32,
) -> Result<(ShareLinkRow, GapReport), Failure> {
    let mut connection = db.connect().await?;
    let connection = &mut connection;
    let link = open(connection, token, db.now()).await?;
    let filters = GapFilters {
        year: Some(link.year),
        organisation: link.organisation_id,
        ..GapFilters::default()
    };
    let mut report = gap_report_on(
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

/// A link with what it shares in words: the country's name and whose work.
#[derive(Debug, Clone)]
pub struct DescribedLink {
    pub row: ShareLinkRow,
    /// The country as the TIP Report names it.
    pub country_name: String,
    /// The organisation whose work it shows; `None` for every organisation's.
    pub organisation_name: Option<String>,
}

/// Link `id`, if `caller` made it, described: to show what a new link shares.
pub async fn made_by_caller(
    connection: &mut Connection,
    caller: &Caller,
    id: Uuid,
) -> Result<DescribedLink, Failure> {
    let link = share_links::find(connection, id)
        .await?
        .filter(|link| made_it(caller, link))
        .ok_or_else(|| Failure::NotFound(Refusal::no_such("share_link", id)))?;
    Ok(describe(connection, vec![link]).await?.remove(0))
}

/// Link `id`, if `caller` may revoke it (see [`revocable`]), described: for the page that asks
/// first.
pub async fn revocable_described(
    connection: &mut Connection,
    caller: &Caller,
    id: Uuid,
) -> Result<DescribedLink, Failure> {
    let link = revocable(connection, caller, id).await?;
    Ok(describe(connection, vec![link]).await?.remove(0))
}

/// The links `caller` made, newest first, described.
pub async fn made_by(
    connection: &mut Connection,
    caller: &Caller,
) -> Result<Vec<DescribedLink>, Failure> {
    let links = share_links::made_by(connection, maker(caller)).await?;
    describe(connection, links).await
}

async fn describe(
    connection: &mut Connection,
    links: Vec<ShareLinkRow>,
) -> Result<Vec<DescribedLink>, Failure> {
    // Two statements whatever the number of links: every country's name, every organisation's.
    let countries: HashMap<String, String> =
        crate::db::countries::list(connection, None, None, 400)
            .await?
            .into_iter()
            .map(|country| (country.code, country.tip_name))
            .collect();
    let organisations: HashMap<Uuid, String> = crate::db::organisations::all(connection)
        .await?
        .into_iter()
        .map(|organisation| (organisation.id, organisation.name))
        .collect();
    Ok(links
        .into_iter()
        .map(|row| DescribedLink {
            country_name: countries
                .get(&row.country_code)
                .cloned()
                .unwrap_or_else(|| row.country_code.clone()),
            organisation_name: row
                .organisation_id
                .and_then(|id| organisations.get(&id).cloned()),
            row,
        })
        .collect())
}

fn made_it(caller: &Caller, link: &ShareLinkRow) -> bool {
    match maker(caller) {
        Maker::Person(user) => link.created_by_user == Some(user),
        Maker::Key(key) => link.created_by == Some(key),
    }
}

/// Link `id`, if `caller` may revoke it: the key that made it, or an admin.
pub async fn revocable(
    connection: &mut Connection,
    caller: &Caller,
    id: Uuid,
) -> Result<ShareLinkRow, Failure> {
    let link = share_links::find(connection, id)
        .await?
        .ok_or_else(|| Failure::NotFound(Refusal::no_such("share_link", id)))?;
    if !made_it(caller, &link) && !caller.is_admin() {
        return Err(Failure::Forbidden(Refusal::new(
            "refusal-share-revoke-not-yours",
        )));
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
