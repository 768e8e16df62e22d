# La page d'un pays : son niveau, ses recommandations par pilier, et ce qui y répond.

gaps-title-year = { $country } dans le rapport TIP { $year }
gaps-placed = Classé { $tier } ({ $movement }){ $waiver ->
        [yes] , avec une dérogation
       *[no] {""}
    }.
gaps-summary = { $unaddressed ->
        [one] { $unaddressed } recommandation non traitée
       *[other] { $unaddressed } recommandations non traitées
    } sur { $total }, { $addressed ->
        [one] { $addressed } traitée
       *[other] { $addressed } traitées
    } ({ $coverage }), { $partly } en partie, { $planned ->
        [one] { $planned } prévue
       *[other] { $planned } prévues
    }.
gaps-window-waiting = { $waiting } sur { $total } { $waiting ->
        [one] n'a
       *[other] n'ont
    } encore rien dans la période que le rapport { $year } évaluera ({ $period }).
gaps-window-note = Encore rien dans la période que le prochain rapport évaluera ({ $period })
gaps-printable = Résumé imprimable
gaps-pack = Dossier pour l'appel à informations
back-to-overview = Retour à la vue d'ensemble
gaps-no-year = Aucune pour l'instant
filter-status = Statut
filter-any-status = Tous les statuts
filter-persistent-only = Lacunes persistantes seulement
sharing-label = Partager
sharing-own-work = Un lien montre le travail de votre organisation dans ce rapport à toute personne qui le détient.
sharing-days = Durée du lien (jours)
sharing-submit = Partager un lien en lecture seule
sharing-yours = Vos liens partagés
lineage-answers-saved = { $count ->
        [one] { $count } réponse enregistrée.
       *[other] { $count } réponses enregistrées.
    }
gaps-no-match = Aucune recommandation ne correspond à ces filtres.
placement-history = Historique des niveaux
placement-none = Aucun classement n'est enregistré.
placement-with-waiver = { $tier } (dérogation)
placement-source-research = Données de recherche codées d'après le rapport (Kelley et Heiss)
placement-source-pages = Une page publique citant le rapport
placement-source-page = la page
placement-year-partial = (cette année n'est connue qu'en partie)
recommendation-prioritized = (prioritaire)
recommendation-standing = Présente depuis { $since } ({ $reports } rapports){ $ever ->
        [no] , jamais traitée
       *[yes] {""}
    }.
recommendation-new = Nouvelle dans ce rapport.
recommendation-answered-by = Réponses :
answer-line = { $organisation }, { $status }, { $contribution ->
        [full] y répond entièrement
       *[partial] y répond en partie
    }
answer-linked-by = Lien fait par { $name }
answer-evidence = Justificatif :
answers-more = D'autres interventions y répondent que celles listées ici.
answers-all = Voir toutes les interventions qui y sont liées
printable-back-to = Retour à { $country }

# Lier depuis la page d'un pays.
offer-summary = Lier une intervention à cette recommandation
offer-choose-organisation = Choisissez, dans les filtres ci-dessus, l'organisation dont le travail compte, pour lier l'une de ses interventions.
offer-none-here = Aucune de ces interventions ne porte encore sur ce pays.
offer-intervention = Intervention
offer-intervention-option = { $title } ({ $status })
offer-more-before = Les { $count } plus récentes sont listées ; liez une intervention plus ancienne depuis sa propre page, à trouver dans
offer-more-link = la liste des interventions
offer-contribution = Contribution
offer-rationale = Justification
offer-evidence = URL du justificatif
offer-submit = Lier
offer-new = Enregistrer une nouvelle intervention pour elle
linked-notice = Lien créé. Le statut de la recommandation est recalculé.
relinked-notice = Le lien est modifié. Le statut de la recommandation est recalculé.

# Les recommandations qui prolongent celles du rapport précédent.
lineage-title = Celles-ci prolongent-elles le rapport { $year } ?
lineage-intro = Chacune de ces recommandations de { $year } ressemble à l'une du rapport { $earlier }. Confirmez celles qui la prolongent : la page dira alors depuis combien de temps une recommandation est présente.
lineage-question = { $year } n° { $position } prolonge { $earlier } n° { $earlier-position } ?
lineage-numbered = { $year } n° { $position }
lineage-alike = Ressemblance : { $similarity }
lineage-yes = Oui, elle la prolonge
lineage-no = Non
lineage-not-sure = Pas encore sûr
lineage-submit = Enregistrer ces réponses

# La page du dossier pour l'appel à informations.
pack-report = Rapport
pack-work-of = Travail de
pack-printable = Version imprimable
pack-docx = Télécharger le document Word (.docx)
pack-back-to-country = Retour à { $country }
pack-back = Retour au dossier

# Une recommandation lue dans la langue du lecteur, quand un administrateur en a ajouté la traduction.
recommendation-translated = Traduction : le texte original du rapport
recommendation-translated-by = Ajoutée par { $name }
recommendation-translation-source = source de la traduction
recommendation-edit-translation = Son texte en { $language ->
       *[fr] français
    }

# Ajouter ou corriger le texte d'une recommandation dans une autre langue.
translation-title = La recommandation en { $language ->
       *[fr] français
    }
translation-original = Le texte du rapport :
translation-text = Son texte dans cette langue
translation-source = D'où vient ce texte (une adresse web)
translation-save = Enregistrer le texte
translation-cancel = Retour à la recommandation
