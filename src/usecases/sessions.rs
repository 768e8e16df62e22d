//! The pages' sessions: started when someone signs in, found on every page they open (as the
//! caller it stands for, while the key is not revoked and the person not disabled), completed
//! when the second factor is given, and ended by signing out or from the person's own list.

use chrono::{DateTime, Utc};

use crate::db::Connections;
use crate::db::sessions::{self, Holder};
pub use crate::db::sessions::{NewHolder, SessionRow};
use crate::domain::Refusal;
use crate::domain::{Caller, Failure, Language, SessionPending};

/// A new session to store, by the digest of its id.
#[derive(Debug)]
pub struct NewSession<'a> {
    pub id_sha256: &'a [u8],
    pub holder: NewHolder,
    pub csrf_token: &'a str,
    pub expires_at: DateTime<Utc>,
    pub user_agent: Option<&'a str>,
    pub pending: Option<SessionPending>,
}

/// A live session, as the pages use it.
#[derive(Debug)]
pub struct LiveSession {
    /// Whom it stands for.
    pub caller: Caller,
    pub csrf_token: String,
    pub pending: Option<SessionPending>,
    /// The language the person chose on their account page; `None` for a key's session, or a
    /// person who follows their browser.
    pub language: Option<Language>,
}

/// Stores a session.
pub async fn start(db: &impl Connections, new: &NewSession<'_>) -> Result<(), Failure> {
    let mut connection = db.connect().await?;
    sessions::insert(
        &mut connection,
        new.id_sha256,
        new.holder,
        new.csrf_token,
        new.expires_at,
        new.user_agent,
        new.pending,
    )
    .await?;
    Ok(())
}

/// The live session stored by this digest: `None` when it has expired or ended, or when its key
/// was revoked or its person disabled since.
pub async fn find(db: &impl Connections, id_sha256: &[u8]) -> Result<Option<LiveSession>, Failure> {
    let mut connection = db.connect().await?;
    let Some(session) = sessions::find_live(&mut connection, id_sha256, db.now()).await? else {
        return Ok(None);
    };
    let (caller, language) = match &session.holder {
        Holder::Person(user) => (Some(user.caller()), user.preferred_language),
        Holder::Key { key, owner } => (key.clone().caller(owner.as_ref()), None),
    };
    Ok(caller.map(|caller| LiveSession {
        caller,
        csrf_token: session.csrf_token,
        pending: session.pending,
        language,
    }))
}

/// The session no longer waits for anything (its second factor was given, or set up).
pub async fn complete(db: &impl Connections, id_sha256: &[u8]) -> Result<(), Failure> {
    let mut connection = db.connect().await?;
    sessions::complete(&mut connection, id_sha256).await?;
    Ok(())
}

/// Ends the session itself (signing out).
pub async fn end(db: &impl Connections, id_sha256: &[u8]) -> Result<(), Failure> {
    let mut connection = db.connect().await?;
    sessions::delete(&mut connection, id_sha256).await?;
    Ok(())
}

/// Ends one of the signed-in person's own sessions, from their list; not found when it is not
/// theirs or has already ended.
pub async fn end_own(
    db: &impl Connections,
    caller: &Caller,
    id_sha256: &[u8],
) -> Result<(), Failure> {
    let user = caller.signed_in_person()?;
    let mut connection = db.connect().await?;
    if sessions::delete_of_person(&mut connection, user, id_sha256).await? {
        Ok(())
    } else {
        Err(Failure::NotFound(Refusal::new("refusal-session-ended")))
    }
}
