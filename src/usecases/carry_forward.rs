//! Carrying work forward to a new edition: an editor answers, for each ongoing intervention
//! linked to an earlier recommendation that a new one continues, yes (link it to the new one,
//! with its rationale and evidence) or no (do not ask again). Nothing is carried without it.

use crate::db::Connections;
pub use crate::db::carry_forward::CarryAnswer;
use crate::db::carry_forward::{self, Carrying};
use crate::domain::{Caller, Failure, Refusal};

/// What an answer did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Carried {
    /// The new link is made.
    Carried,
    /// No is kept.
    Declined,
    /// The intervention was linked to the new recommendation already: nothing to do.
    AlreadyLinked,
}

/// Answers one carry for `caller`, who must be able to link the intervention (an editor of its
/// organisation, or an admin).
pub async fn answer(
    db: &impl Connections,
    caller: &Caller,
    answer: CarryAnswer,
) -> Result<Carried, Failure> {
    let only_of = caller.editable_organisation()?;
    let mut connection = db.connect().await?;
    let now = db.now();
    match carry_forward::answer(&mut connection, &caller.actor(), only_of, answer, now).await? {
        Carrying::Carried(_) => Ok(Carried::Carried),
        Carrying::Declined => Ok(Carried::Declined),
        Carrying::AlreadyLinked => Ok(Carried::AlreadyLinked),
        Carrying::NotContinued => Err(Failure::invalid(
            "to",
            Refusal::new("refusal-carry-not-continued"),
        )),
        Carrying::NothingToCarry => Err(Failure::invalid(
            "from",
            Refusal::new("refusal-carry-nothing"),
        )),
        Carrying::Refused(refused) => Err(super::links::refusal(
            caller,
            refused,
            answer.intervention_id,
            answer.to,
        )),
    }
}
