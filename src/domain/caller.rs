//! Who is asking, and what each role may do: the one place the rules of roles are written, asked
//! by every use case whichever edge it was called from.

use uuid::Uuid;

use super::{Failure, Role};

/// The key a request was made with, or the person signed in with it.
#[derive(Debug, Clone)]
pub struct Caller {
    pub key_id: Uuid,
    pub name: String,
    pub role: Role,
    pub organisation_id: Option<Uuid>,
    /// The claim of the `Idempotency-Key` request this caller's changes are made for, if any.
    pub idempotency_claim: Option<Uuid>,
}

/// Who makes a change, as the audit trail records it: an API key, or the command line.
#[derive(Debug, Clone)]
pub struct Actor {
    pub key_id: Option<Uuid>,
    pub key_name: String,
    /// The claim of the `Idempotency-Key` request the change is made for, if any: kept with the
    /// audit row so that a retry can tell a stored write from one that never happened.
    pub idempotency_claim: Option<Uuid>,
}

impl Actor {
    /// A change made from the command line (no key), named after the command.
    pub fn command_line(command: &str) -> Self {
        Self {
            key_id: None,
            key_name: format!("command line: {command}"),
            idempotency_claim: None,
        }
    }
}

impl Caller {
    /// Who the audit trail says made a change.
    pub fn actor(&self) -> Actor {
        Actor {
            key_id: Some(self.key_id),
            key_name: self.name.clone(),
            idempotency_claim: self.idempotency_claim,
        }
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

    /// Only admin keys may go on.
    pub fn require_admin(&self) -> Result<(), Failure> {
        match self.role {
            Role::Admin => Ok(()),
            _ => Err(Failure::Forbidden(format!(
                "this needs an admin key; key `{}` is {} {} key",
                self.name,
                article(self.role),
                self.role
            ))),
        }
    }

    /// Which organisation's interventions this key may change: `None` for all (admin), the
    /// editor's own, or a refusal for a viewer.
    pub fn editable_organisation(&self) -> Result<Option<Uuid>, Failure> {
        match self.role {
            Role::Admin => Ok(None),
            Role::Editor => Ok(self.organisation_id),
            Role::Viewer => Err(Failure::Forbidden(format!(
                "key `{}` is a viewer key: it can read but not write",
                self.name
            ))),
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
        Failure::Forbidden(format!(
            "key `{}` may only change the interventions of its own organisation",
            self.name
        ))
    }
}

/// "an" before a vowel sound, "a" otherwise: "an editor key", "a viewer key".
fn article(role: Role) -> &'static str {
    match role {
        Role::Admin | Role::Editor => "an",
        Role::Viewer => "a",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn caller(role: Role, organisation_id: Option<Uuid>) -> Caller {
        Caller {
            key_id: Uuid::nil(),
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
    fn the_admin_refusal_reads_as_english() {
        let Err(Failure::Forbidden(detail)) = caller(Role::Viewer, None).require_admin() else {
            panic!("a viewer is refused");
        };
        assert!(detail.ends_with("is a viewer key"), "{detail}");
        let Err(Failure::Forbidden(detail)) = caller(Role::Editor, None).require_admin() else {
            panic!("an editor is refused");
        };
        assert!(detail.ends_with("is an editor key"), "{detail}");
    }
}
