//! What a new TIP edition changed for a country: which recommendations continue last edition's
//! (with the words that changed), which are new, which were dropped, and, for the work linked to
//! them, which interventions answered a dropped recommendation and which ongoing ones answer one
//! that continues. A pure rule over the two editions' recommendations and their links, so the
//! page, the API, the pack and the e-mail say the same thing.

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use similar::{Algorithm, ChangeTag};
use utoipa::ToSchema;
use uuid::Uuid;

use super::{Contribution, InterventionStatus, Pillar};

/// A recommendation as the digest reads it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EditionRecommendation {
    pub id: Uuid,
    pub year: i32,
    pub position: i32,
    pub text: String,
    pub pillar: Pillar,
    /// The earlier recommendation it continues, when an admin said so.
    #[serde(skip)]
    pub continues: Option<Uuid>,
}

/// An intervention linked to one of the two editions' recommendations.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct LinkedWork {
    pub intervention_id: Uuid,
    pub title: String,
    pub organisation_id: Uuid,
    pub organisation_name: String,
    pub status: InterventionStatus,
    pub contribution: Contribution,
    #[serde(skip)]
    pub recommendation_id: Uuid,
}

impl LinkedWork {
    /// Work that goes on into the new edition's reporting period: active or planned.
    pub fn is_ongoing(&self) -> bool {
        matches!(
            self.status,
            InterventionStatus::Active | InterventionStatus::Planned
        )
    }
}

/// A piece of a reworded recommendation: kept, taken out or put in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct WordChange {
    pub change: WordChangeKind,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum WordChangeKind {
    Kept,
    Removed,
    Added,
}

/// A recommendation of the new edition that continues an earlier one.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Continuing {
    pub earlier: EditionRecommendation,
    pub current: EditionRecommendation,
    /// Whether the words changed (spacing aside).
    pub reworded: bool,
    /// The new words against the earlier ones, when reworded; empty otherwise.
    pub wording: Vec<WordChange>,
    /// Ongoing interventions linked to the earlier recommendation, each saying whether it is
    /// linked to the new one too.
    pub ongoing_work: Vec<CarriedWork>,
}

/// Ongoing work on a recommendation that continues.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CarriedWork {
    #[serde(flatten)]
    pub work: LinkedWork,
    /// Linked to the new edition's recommendation as well.
    pub linked_to_current: bool,
    /// Who answered no to carrying it, if someone did (and it is not linked since).
    pub declined_by: Option<String>,
}

/// An editor's no to carrying an intervention's link to a new edition's recommendation.
#[derive(Debug, Clone)]
pub struct CarryDecline {
    pub intervention_id: Uuid,
    /// The new edition's recommendation.
    pub recommendation_id: Uuid,
    pub declined_by: String,
}

/// An earlier recommendation the new edition does not continue, often because it was met.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Dropped {
    pub recommendation: EditionRecommendation,
    /// The interventions that answered it.
    pub answered_by: Vec<LinkedWork>,
}

/// What the new edition changed.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EditionChanges {
    pub continuing: Vec<Continuing>,
    pub new: Vec<EditionRecommendation>,
    pub dropped: Vec<Dropped>,
}

impl EditionChanges {
    /// How many dropped recommendations some work answered.
    pub fn dropped_answered(&self) -> usize {
        self.dropped
            .iter()
            .filter(|d| !d.answered_by.is_empty())
            .count()
    }

    /// How many links of ongoing work wait to be carried to the recommendation that continues.
    pub fn waiting_to_carry(&self) -> usize {
        self.continuing
            .iter()
            .flat_map(|c| &c.ongoing_work)
            .filter(|w| !w.linked_to_current && w.declined_by.is_none())
            .count()
    }
}

/// Compares `current` (the new edition) with `earlier` (the recommendations it may continue:
/// the edition before, and any older one an admin named), given the `links` to either.
pub fn compare_editions(
    current: &[EditionRecommendation],
    earlier: &[EditionRecommendation],
    earlier_year: Option<i32>,
    links: &[LinkedWork],
    declines: &[CarryDecline],
) -> EditionChanges {
    let earlier_by_id: HashMap<Uuid, &EditionRecommendation> =
        earlier.iter().map(|r| (r.id, r)).collect();
    let continued: HashSet<Uuid> = current.iter().filter_map(|r| r.continues).collect();
    let links_of = |id: Uuid| links.iter().filter(move |l| l.recommendation_id == id);

    let mut continuing = Vec::new();
    let mut new = Vec::new();
    for recommendation in current {
        match recommendation
            .continues
            .and_then(|id| earlier_by_id.get(&id))
        {
            Some(earlier) => {
                let linked_now: HashSet<Uuid> = links_of(recommendation.id)
                    .map(|l| l.intervention_id)
                    .collect();
                let wording = wording(&earlier.text, &recommendation.text);
                continuing.push(Continuing {
                    reworded: !wording.is_empty(),
                    wording,
                    ongoing_work: links_of(earlier.id)
                        .filter(|l| l.is_ongoing())
                        .map(|work| {
                            let linked_to_current = linked_now.contains(&work.intervention_id);
                            CarriedWork {
                                declined_by: declines
                                    .iter()
                                    .find(|d| {
                                        !linked_to_current
                                            && d.intervention_id == work.intervention_id
                                            && d.recommendation_id == recommendation.id
                                    })
                                    .map(|d| d.declined_by.clone()),
                                linked_to_current,
                                work: work.clone(),
                            }
                        })
                        .collect(),
                    earlier: (*earlier).clone(),
                    current: recommendation.clone(),
                });
            }
            None => new.push(recommendation.clone()),
        }
    }
    let dropped = earlier
        .iter()
        .filter(|r| Some(r.year) == earlier_year && !continued.contains(&r.id))
        .map(|recommendation| Dropped {
            answered_by: links_of(recommendation.id).cloned().collect(),
            recommendation: recommendation.clone(),
        })
        .collect();
    EditionChanges {
        continuing,
        new,
        dropped,
    }
}

/// The words of `new` against `old`, or nothing when they read the same but for spacing.
pub fn wording(old: &str, new: &str) -> Vec<WordChange> {
    let squeeze = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let (old, new) = (squeeze(old), squeeze(new));
    if old == new {
        return Vec::new();
    }
    let mut changes: Vec<WordChange> = Vec::new();
    for (tag, text) in similar::utils::diff_words(Algorithm::Patience, &old, &new) {
        let change = match tag {
            ChangeTag::Equal => WordChangeKind::Kept,
            ChangeTag::Delete => WordChangeKind::Removed,
            ChangeTag::Insert => WordChangeKind::Added,
        };
        match changes.last_mut() {
            Some(last) if last.change == change => last.text.push_str(text),
            _ => changes.push(WordChange {
                change,
                text: text.to_owned(),
            }),
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn recommendation(
        year: i32,
        position: i32,
        text: &str,
        continues: Option<Uuid>,
    ) -> EditionRecommendation {
        EditionRecommendation {
            id: Uuid::now_v7(),
            year,
            position,
            text: text.to_owned(),
            pillar: Pillar::Protection,
            continues,
        }
    }

    fn work(
        on: &EditionRecommendation,
        intervention: Uuid,
        status: InterventionStatus,
    ) -> LinkedWork {
        LinkedWork {
            intervention_id: intervention,
            title: "Shelter".to_owned(),
            organisation_id: Uuid::nil(),
            organisation_name: "Org".to_owned(),
            status,
            contribution: Contribution::Full,
            recommendation_id: on.id,
        }
    }

    #[test]
    fn each_recommendation_is_continuing_new_or_dropped() {
        let kept = recommendation(2024, 1, "Train judges.", None);
        let reworded = recommendation(2024, 2, "Fund shelters for adults.", None);
        let met = recommendation(2024, 3, "Adopt a national action plan.", None);
        let current = [
            recommendation(2025, 1, "Train  judges.", Some(kept.id)),
            recommendation(
                2025,
                2,
                "Fund shelters for children and adults.",
                Some(reworded.id),
            ),
            recommendation(2025, 3, "Screen migrants.", None),
        ];
        let ongoing = Uuid::now_v7();
        let finished = Uuid::now_v7();
        let links = [
            work(&reworded, ongoing, InterventionStatus::Active),
            work(&reworded, finished, InterventionStatus::Completed),
            work(&met, finished, InterventionStatus::Completed),
            work(&current[0], ongoing, InterventionStatus::Active),
            work(&kept, ongoing, InterventionStatus::Active),
        ];
        let changes = compare_editions(
            &current,
            &[kept.clone(), reworded.clone(), met.clone()],
            Some(2024),
            &links,
            &[],
        );
        assert_eq!(changes.continuing.len(), 2);
        assert!(!changes.continuing[0].reworded, "spacing is not a change");
        assert!(changes.continuing[0].ongoing_work[0].linked_to_current);
        assert!(changes.continuing[1].reworded);
        assert_eq!(
            changes.continuing[1]
                .wording
                .iter()
                .filter(|w| w.change == WordChangeKind::Added)
                .map(|w| w.text.as_str())
                .collect::<String>(),
            "children and "
        );
        let carried = &changes.continuing[1].ongoing_work;
        assert_eq!(carried.len(), 1, "only ongoing work is carried");
        assert!(!carried[0].linked_to_current);
        assert_eq!(changes.waiting_to_carry(), 1);
        assert_eq!(changes.new.len(), 1);
        assert_eq!(changes.new[0].text, "Screen migrants.");
        assert_eq!(changes.dropped.len(), 1);
        assert_eq!(changes.dropped[0].recommendation.id, met.id);
        assert_eq!(changes.dropped_answered(), 1);
    }

    #[test]
    fn an_older_recommendation_named_as_continued_is_not_called_dropped_from_this_edition() {
        let old = recommendation(2021, 1, "Train judges.", None);
        let current = [recommendation(2025, 1, "Train judges.", Some(old.id))];
        let changes = compare_editions(&current, &[old], Some(2024), &[], &[]);
        assert_eq!(changes.continuing.len(), 1);
        assert!(changes.dropped.is_empty());
    }

    #[test]
    fn the_wording_puts_back_either_text() {
        let old = "Increase efforts to investigate and prosecute traffickers.";
        let new = "Significantly increase efforts to prosecute and convict traffickers.";
        let changes = wording(old, new);
        let side = |keep: WordChangeKind| -> String {
            changes
                .iter()
                .filter(|w| w.change == WordChangeKind::Kept || w.change == keep)
                .map(|w| w.text.as_str())
                .collect()
        };
        assert_eq!(side(WordChangeKind::Removed), old);
        assert_eq!(side(WordChangeKind::Added), new);
    }
}
