# Les interventions : la liste, la page d'une intervention et son formulaire.

interventions-title = Interventions
interventions-log = Enregistrer une intervention
interventions-order-newest = Les plus récentes d'abord
interventions-order-oldest = Les plus anciennes d'abord
interventions-order-title = Titre, de A à Z
interventions-order-changed = Dernière modification d'abord
interventions-search-label = Recherche et filtres
interventions-search = Rechercher
interventions-search-hint = Titre, description ou lieu
interventions-organisation = Organisation
interventions-country = Pays
interventions-country-hint = p. ex. Sénégal
interventions-status = Statut
interventions-kind = Type
interventions-any = Tous
interventions-order = Ordre
interventions-clear = Effacer
interventions-answering = Interventions liées à la recommandation { $position } du rapport { $year } sur { $country }.
interventions-answering-back = Revenir à la recommandation
interventions-answering-all = Toutes les interventions
interventions-iati-download = Télécharger le fichier d'activités IITA de { $organisation } (XML)
interventions-iati-missing = { $organisation } n'a pas encore d'identifiant d'organisation IITA : un administrateur doit l'enregistrer pour proposer son fichier d'activités IITA.
interventions-did-you-mean = Vouliez-vous dire :
interventions-could-be = Il peut s'agir de :
interventions-ambiguous = « { $given } » désigne plusieurs pays.
interventions-unknown-country = Aucun pays ne s'appelle « { $given } ».
interventions-country-advice = Saisissez le nom d'un pays tel que le rapport TIP l'écrit (Sierra Leone, Burma) ou son code ISO (SLE).
interventions-count = { $total ->
        [0] Aucune intervention ne correspond.
        [one] { $total } intervention.
       *[other] { $total } interventions.
    }
interventions-showing = Interventions { $first } à { $last } sur { $total }.
interventions-column-title = Titre
interventions-column-organisation = Organisation
interventions-column-countries = Pays
interventions-column-kind = Type
interventions-column-status = Statut
pager-label = Pages
pager-first = Première page
pager-next = Page suivante

# Quelqu'un d'autre a enregistré l'intervention pendant qu'elle était modifiée.
conflict-saved-by = { $name } a enregistré cette intervention le { $moment }, après que vous avez ouvert le formulaire. { $differing ->
        [0] Ses valeurs sont les mêmes que les vôtres : enregistrez pour les garder.
        [one] Un champ diffère : sa valeur est affichée sous la vôtre. Gardez la vôtre, ou cochez pour prendre la sienne, puis enregistrez.
       *[other] { $differing } champs diffèrent : ses valeurs sont affichées sous les vôtres. Gardez les vôtres, ou cochez pour prendre les siennes, puis enregistrez.
    }
conflict-start-again = Ou repartez de sa version
conflict-not-kept = (ce que vous avez saisi n'est pas conservé).

# La page d'une intervention.
interventions-saved = Enregistré.
interventions-its-recommendations = Recommandations de ses pays
interventions-section-year = Rapport { $year }
interventions-none-matches = Aucune recommandation pour { $country } ne correspond à ces filtres.
interventions-no-report = Aucun rapport n'a encore de recommandations pour { $country }.
interventions-unlinked = Le lien est supprimé, avec sa justification et son justificatif.
interventions-description = Description
interventions-started-on = Début
interventions-ended-on = Fin
interventions-location = Lieu
interventions-people-reached = Personnes touchées
interventions-edit = Modifier
interventions-which-recommendations = Quelles recommandations
interventions-pillar = Pilier
interventions-all-pillars = Tous les piliers
interventions-recommendation-search = Contenant les mots
interventions-recommendation-search-hint = En anglais ou en traduction
interventions-show = Afficher
link-change = Modifier le lien
link-this = Lier cette intervention
link-save = Enregistrer le lien
link-remove = Supprimer le lien…
link-answers-fully = Cette intervention y répond entièrement.
link-answers-partly = Cette intervention y répond en partie.
link-no-evidence = Aucun justificatif pour l'instant.
link-linked = Lien fait le { $day }.
link-linked-by = Lien fait par { $name } le { $day }.
link-changed = Modifié le { $day }.
link-changed-by = Modifié par { $name } le { $day }.

# Enregistrer ou modifier une intervention.
interventions-form-edit = Modifier l'intervention
interventions-form-save = Enregistrer
interventions-form-cancel = Annuler
interventions-form-someone = Quelqu'un
interventions-form-title = Titre
interventions-form-choose = Choisir…
interventions-form-date-hint = p. ex. 31 mars 2024
interventions-form-location = Lieu (département ou région)
interventions-form-people-reached = Personnes touchées (un total, aucune donnée personnelle)
interventions-form-theirs = La sienne :
interventions-form-take-theirs = Prendre la sienne
picker-find = Tapez pour trouver un pays
picker-find-for = Trouver un pays pour { $legend }

# Supprimer un lien.
unlink-title = Supprimer le lien ?
unlink-intervention = Intervention :
unlink-recommendation = Recommandation :
unlink-numbered = { $country } { $year }, n° { $position }.
unlink-rationale = Justification : { $rationale }
unlink-evidence = Justificatif : { $url }
unlink-consequence = Sa justification et son justificatif sont supprimés avec lui, et le statut de la recommandation est recalculé. Le journal des modifications garde ce qu'il était.
unlink-submit = Supprimer le lien
unlink-keep = Le garder
interventions-stale = Quelqu'un a modifié cette intervention depuis que vous avez ouvert le formulaire. Vos saisies sont conservées ci-dessous ; rouvrez l'intervention pour voir les changements, puis enregistrez les vôtres.
