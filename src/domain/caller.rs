//! Who is asking, and what each role may do: the one place the rules of roles are written, asked
//! by every use case whichever edge it was called from.

use uuid::Uuid;

use super::{Failure, Refusal, Role};

/// Who is asking: a person signed in to the pages, a key (a script or another service), or a
/// person's own key. The role and organisation are the ones in force: a person's key never has
/// more rights than the person.
#[derive(Debug, Clone)]
pub struct Caller {
    /// The key the request was made with: every API request, and a page session signed in with
    /// a key.
    pub key_id: Option<Uuid>,
    /// The person behind the request: signed in as themselves, or the owner of the key.
    pub user_id: Option<Uuid>,
    /// How the audit trail and the pages name the caller: the person's name (with the key's, for
    /// their key), or the key's.
    pub name: String,
    pub role: Role,
    pub organisation_id: Option<Uuid>,
    /// The claim of the `Idempotency-Key` request this caller's changes are made for, if any.
    pub idempotency_claim: Option<Uuid>,
}

/// Who makes a change, as the audit trail records it: a person, a key, a person's key, or the
/// command line.
#[derive(Debug, Clone)]
pub struct Actor {
    pub key_id: Option<Uuid>,
    pub user_id: Option<Uuid>,
    /// The name recorded with the change, kept even if the person or key is renamed.
    pub key_name: String,
    /// The claim of the `Idempotency-Key` request the change is made for, if any: kept with the
    /// audit row so that a retry can tell a stored write from one that never happened.
    pub idempotency_claim: Option<Uuid>,
}

impl Actor {
    /// The name a thing this actor made is signed with where readers see it (who linked an
    /// intervention, in documents meant for donors): a person or a key, never the command line,
    /// which no reader knows ("command line: serve: first start" for the demo's links). The
    /// audit trail still names the command line.
    pub fn author_name(&self) -> Option<&str> {
        (self.key_id.is_some() || self.user_id.is_some()).then_some(self.key_name.as_str())
    }

    /// A change made from the command line (no key), named after the command.
    pub fn command_line(command: &str) -> Self {
        Self {
            key_id: None,
            user_id: None,
            key_name: format!("command line: {command}"),
            idempotency_claim: None,
        }
    }
}

impl Caller {
    /// Who the audit trail says made a change.
    pub fn actor(&self) -> Actor {
        Actor {
            key_id: self.key_id,
            user_id: self.user_id,
            key_name: self.name.clone(),
            idempotency_claim: self.idempotency_claim,
        }
    }

    /// Whose limits the request counts against, and whose things (share links) it made: the
    /// person, else the key. Ids are UUIDv7, unique across both.
    pub fn principal_id(&self) -> Uuid {
        self.user_id
            .or(self.key_id)
            .expect("a caller is a person or a key")
    }

    /// A refusal of this caller: its words say "your account" to a person and name a key by
    /// its name (`holder` is `person` or `key`, `name` the name).
    pub fn refusal(&self, code: &'static str) -> Refusal {
        let holder = match (self.user_id, self.key_id) {
            (Some(_), None) => "person",
            _ => "key",
        };
        Refusal::new(code)
            .with("holder", holder)
            .with("name", self.name.as_str())
    }

    /// Whether this caller may see and use the admin's tools (imports, keys, the audit trail).
    pub fn is_admin(&self) -> bool {
        self.role == Role::Admin
    }

    /// Whether this caller may log and change interventions of `organisation` (or, with `None`,
    /// of some organisation).
    pub fn may_edit(&self, organisation: Option<Uuid>) -> bool {
        match self.editable_organisation() {
            Ok(None) => true,
            Ok(Some(own)) => organisation.is_none_or(|organisation| organisation == own),
            Err(_) => false,
        }
    }

    /// The account of a person signed in as themselves. A key's session (a service's key, or a
    /// person's own key used to sign in to the pages) has none to manage: a leaked key must not
    /// mint more keys, set up a second factor on the account or change its password, and a key
    /// has no second factor to stand for the one admins must give before they manage people.
    pub fn signed_in_person(&self) -> Result<Uuid, Failure> {
        match (self.user_id, self.key_id) {
            (Some(user), None) => Ok(user),
            _ => Err(Failure::Forbidden(Refusal::new("refusal-people-only"))),
        }
    }

    /// Only an admin signed in as themselves may manage people (invite them, change or disable
    /// their accounts, make or withdraw their links): a key may read the list, not change it.
    pub fn require_person_admin(&self) -> Result<Uuid, Failure> {
        self.require_admin()?;
        self.signed_in_person()
    }

    /// Only admin keys may go on.
    pub fn require_admin(&self) -> Result<(), Failure> {
        match self.role {
            Role::Admin => Ok(()),
            _ => Err(Failure::Forbidden(
                self.refusal("refusal-needs-admin").with("role", self.role),
            )),
        }
    }

    /// Which organisation's interventions this key may change: `None` for all (admin), the
    /// editor's own, or a refusal for a viewer.
    pub fn editable_organisation(&self) -> Result<Option<Uuid>, Failure> {
        match self.role {
            Role::Admin => Ok(None),
            Role::Editor => Ok(self.organisation_id),
            Role::Viewer => Err(Failure::Forbidden(
                self.refusal("refusal-viewer-cannot-write"),
            )),
        }
    }

    /// Only a key that may change `organisation`'s interventions may go on.
    pub fn require_editor_of(&self, organisation: Uuid) -> Result<(), Failure> {
        match self.editable_organisation()? {
            Some(own) if own != organisation => Err(self.not_yours()),
            _ => Ok(()),
        }
    }

    /// The refusal for an editor touching another organisation's work.
    pub fn not_yours(&self) -> Failure {
        Failure::Forbidden(self.refusal("refusal-not-your-organisation"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn caller(role: Role, organisation_id: Option<Uuid>) -> Caller {
        Caller {
            key_id: Some(Uuid::nil()),
            user_id: None,
            name: "k".into(),
            role,
            organisation_id,
            idempotency_claim: None,
        }
    }

    #[test]
    fn an_editor_may_change_only_its_own_organisations_work() {
        let own = Uuid::now_v7();
        let editor = caller(Role::Editor, Some(own));
        assert!(editor.require_editor_of(own).is_ok());
        assert!(matches!(
            editor.require_editor_of(Uuid::now_v7()),
            Err(Failure::Forbidden(_))
        ));
        assert!(editor.may_edit(Some(own)) && !editor.may_edit(Some(Uuid::now_v7())));
        assert!(!caller(Role::Viewer, None).may_edit(None));
        assert!(caller(Role::Admin, None).may_edit(Some(own)));
    }

    #[test]
    fn only_a_person_signed_in_as_themselves_manages_an_account_or_people() {
        let person = Uuid::now_v7();
        let mut admin = caller(Role::Admin, None);
        assert!(matches!(
            admin.require_person_admin(),
            Err(Failure::Forbidden(_))
        ));
        // A person's own key acts as them, but is not them signed in.
        admin.user_id = Some(person);
        assert!(matches!(
            admin.signed_in_person(),
            Err(Failure::Forbidden(_))
        ));
        admin.key_id = None;
        assert_eq!(admin.require_person_admin().ok(), Some(person));
        let mut editor = admin.clone();
        editor.role = Role::Editor;
        assert_eq!(editor.signed_in_person().ok(), Some(person));
        assert!(editor.require_person_admin().is_err());
    }

    #[test]
    fn the_command_line_signs_nothing_a_reader_sees() {
        assert_eq!(
            Actor::command_line("serve: first start").author_name(),
            None
        );
        let key = caller(Role::Editor, None).actor();
        assert_eq!(key.author_name(), Some("k"));
    }

    #[test]
    fn the_admin_refusal_names_the_key_and_its_role() {
        let Err(Failure::Forbidden(refusal)) = caller(Role::Viewer, None).require_admin() else {
            panic!("a viewer is refused");
        };
        assert_eq!(refusal.code(), "refusal-needs-admin");
        assert_eq!(
            refusal.to_string(),
            "refusal-needs-admin holder=\"key\" name=\"k\" role=viewer"
        );
    }
}
