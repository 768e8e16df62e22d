//! Which pillar a recommendation's words suggest, proposed when a report is read from its
//! published text (which lists recommendations without their pillar); a person confirms or
//! corrects it in the review before anything is written.

use super::Pillar;

/// Words that point to a pillar (lower case, in English and French), each with its weight: a
/// word that names the pillar's core work weighs more than one many recommendations share.
const SIGNS: &[(Pillar, &str, u32)] = &[
    (Pillar::Prosecution, "prosecut", 3),
    (Pillar::Prosecution, "investigat", 2),
    (Pillar::Prosecution, "convict", 3),
    (Pillar::Prosecution, "sentenc", 2),
    (Pillar::Prosecution, "penalt", 2),
    (Pillar::Prosecution, "criminal", 2),
    (Pillar::Prosecution, "complicit", 3),
    (Pillar::Prosecution, "judges", 1),
    (Pillar::Prosecution, "law enforcement", 1),
    (Pillar::Prosecution, "amend", 1),
    (Pillar::Prosecution, "poursuiv", 3),
    (Pillar::Prosecution, "enquêt", 2),
    (Pillar::Prosecution, "condamn", 3),
    (Pillar::Prosecution, "peines", 2),
    (Pillar::Protection, "victim", 1),
    (Pillar::Protection, "identif", 2),
    (Pillar::Protection, "shelter", 3),
    (Pillar::Protection, "refer", 2),
    (Pillar::Protection, "services", 2),
    (Pillar::Protection, "care", 1),
    (Pillar::Protection, "repatriat", 2),
    (Pillar::Protection, "reintegrat", 2),
    (Pillar::Protection, "restitution", 2),
    (Pillar::Protection, "compensation", 2),
    (Pillar::Protection, "survivor", 1),
    (Pillar::Protection, "foyer", 3),
    (Pillar::Protection, "orient", 2),
    (Pillar::Protection, "prise en charge", 3),
    (Pillar::Protection, "réinsertion", 2),
    (Pillar::Prevention, "awareness", 3),
    (Pillar::Prevention, "campaign", 2),
    (Pillar::Prevention, "recruit", 2),
    (Pillar::Prevention, "action plan", 3),
    (Pillar::Prevention, "labor inspect", 3),
    (Pillar::Prevention, "labour inspect", 3),
    (Pillar::Prevention, "birth registration", 3),
    (Pillar::Prevention, "supply chain", 3),
    (Pillar::Prevention, "prevent", 2),
    (Pillar::Prevention, "migrant workers", 2),
    (Pillar::Prevention, "data", 1),
    (Pillar::Prevention, "sensibilis", 3),
    (Pillar::Prevention, "plan d'action", 3),
    (Pillar::Prevention, "inspecteurs du travail", 3),
    (Pillar::Prevention, "prévenir", 2),
    (Pillar::Partnership, "bilateral", 3),
    (Pillar::Partnership, "regional cooperation", 3),
    (Pillar::Partnership, "memorand", 3),
    (Pillar::Partnership, "foreign governments", 3),
    (Pillar::Partnership, "international cooperation", 3),
    (Pillar::Partnership, "coopération", 3),
];

/// The pillar `text`'s words point to most; on a tie, the one whose word comes first in the
/// text (a recommendation leads with its point). Prosecution when no word points anywhere: the
/// report lists its recommendations prosecution first.
pub fn propose_pillar(text: &str) -> Pillar {
    let lower = text.to_lowercase();
    let mut best: Option<(u32, usize, Pillar)> = None;
    for pillar in Pillar::ALL {
        let mut weight = 0;
        let mut first = usize::MAX;
        for (_, sign, sign_weight) in SIGNS.iter().filter(|(p, _, _)| p == pillar) {
            if let Some(at) = lower.find(sign) {
                weight += sign_weight;
                first = first.min(at);
            }
        }
        let better = match best {
            None => weight > 0,
            Some((best_weight, best_first, _)) => {
                weight > best_weight || (weight == best_weight && first < best_first)
            }
        };
        if better {
            best = Some((weight, first, *pillar));
        }
    }
    best.map_or(Pillar::Prosecution, |(_, _, pillar)| pillar)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_pillars_core_words_point_to_it() {
        for (text, pillar) in [
            (
                "Increase efforts to investigate and prosecute traffickers, and convict them.",
                Pillar::Prosecution,
            ),
            (
                "Expand shelter and services for adult victims and refer them to care.",
                Pillar::Protection,
            ),
            (
                "Adopt and fund a national action plan and raise awareness of fraudulent recruitment.",
                Pillar::Prevention,
            ),
            (
                "Sign bilateral agreements with foreign governments on labor migration.",
                Pillar::Partnership,
            ),
            (
                "Accroître les efforts pour enquêter et poursuivre les trafiquants.",
                Pillar::Prosecution,
            ),
            (
                "Mener des campagnes de sensibilisation.",
                Pillar::Prevention,
            ),
            ("Strengthen the task force.", Pillar::Prosecution),
        ] {
            assert_eq!(propose_pillar(text), pillar, "{text}");
        }
    }

    #[test]
    fn identifying_victims_is_protection_even_when_police_do_it() {
        assert_eq!(
            propose_pillar("Train law enforcement to identify victims and refer them to services."),
            Pillar::Protection
        );
    }
}
