# Le journal des modifications : qui a changé quoi, quand, chaque champ avant et après.

audit-title = Journal des modifications
audit-none = Aucune modification ne correspond à ces filtres.
audit-column-what = Quoi
audit-column-who = Qui
audit-column-when = Quand
audit-column-changes = Modifications
audit-older = Modifications plus anciennes
audit-filters = Filtres
audit-filter-kind = Type
audit-filter-resource = Identifiant de l'élément
audit-filter-key = Clé
audit-filter-person = Personne
audit-filter-from = Du
audit-filter-to = Au
audit-filter-any = Tous
audit-filter-anyone = Tout le monde
audit-filter-apply = Appliquer les filtres
audit-from-example = p. ex. 1er mars 2026
audit-to-example = p. ex. 31 mars 2026
audit-date-unreadable = « { $text } » n'est pas une date pour « { $field } » : donnez une date, comme 31 mars 2024 ou 31/03/2024.
audit-command-line = La ligne de commande ({ $what })

## Les types d'éléments, tels que le filtre les nomme

audit-kind-api-key = Clé d'API
audit-kind-intervention = Intervention
audit-kind-link = Lien d'une intervention
audit-kind-organisation = Organisation
audit-kind-recommendation = Recommandation
audit-kind-report = Édition du rapport
audit-kind-share-link = Lien en lecture seule
audit-kind-tier = Niveau
audit-kind-tier-history = Historique des niveaux
audit-kind-user = Personne
audit-kind-account-link = Lien d'invitation ou de réinitialisation

## Ce qui a été fait

audit-action-create = créé
audit-action-update = modifié
audit-action-delete = supprimé
audit-action-link = lié
audit-action-unlink = délié
audit-action-import = importé
audit-action-revoke = révoqué

## L'élément modifié

audit-thing-intervention = une intervention
audit-thing-link = le lien de « { $title } »
audit-thing-key = clé « { $name } »
audit-thing-report = le rapport { $year }
audit-thing-recommendation = recommandation { $country } { $year }
audit-thing-recommendation-numbered = recommandation { $country } { $year } n° { $position }
audit-thing-a-recommendation = une recommandation
audit-thing-a-person = une personne
audit-thing-invitation = l'invitation de { $name }
audit-thing-reset = le lien de réinitialisation du mot de passe de { $name }
audit-thing-first-admin = le lien du premier administrateur
audit-thing-account-link = un lien de compte
audit-thing-share-link = le lien en lecture seule vers le rapport { $year } de { $country }
audit-thing-a-share-link = un lien en lecture seule
audit-thing-other = { $kind } { $id }

## Les champs de ce qui a changé

audit-field-archived-at = Archivée le
audit-field-carried-from = Reporté depuis
audit-field-continues = Prolonge
audit-field-reminders-wanted = Reçoit les rappels
audit-field-digest-wanted = Reçoit les changements de chaque édition
audit-field-contribution = Contribution
audit-field-countries = Pays
audit-field-country-code = Pays
audit-field-created-by = Créé par
audit-field-created-by-user = Créé par
audit-field-description = Description
audit-field-display-name = Nom
audit-field-does-not-continue = Ne prolonge pas
audit-field-email = Adresse e-mail
audit-field-ended-on = Fin
audit-field-evidence-url = Justificatif
audit-field-expires-at = Jusqu'au
audit-field-iati-identifier = Identifiant IITA
audit-field-iati-organisation-type = Type d'organisation IITA
audit-field-intervention-id = Intervention
audit-field-kind = Type
audit-field-last-used-at = Dernière utilisation
audit-field-location = Lieu
audit-field-movement = Évolution
audit-field-name = Nom
audit-field-note = Note
audit-field-organisation-id = Organisation
audit-field-owner-id = Titulaire
audit-field-people-reached = Personnes touchées
audit-field-pillar = Pilier
audit-field-position = Numéro
audit-field-preferred-language = Langue
audit-field-prioritized = Prioritaire
audit-field-published-on = Publié le
audit-field-purpose = Type de lien
audit-field-rationale = Justification
audit-field-recommendation-id = Recommandation
audit-field-revoked-at = Révoquée le
audit-field-role = Rôle
audit-field-second-factor = Second facteur
audit-field-source-url = Source
audit-field-started-on = Début
audit-field-state = État
audit-field-status = Statut
audit-field-text = Texte
audit-field-tier = Niveau
audit-field-title = Titre
audit-field-totp-confirmed-at = Second facteur activé le
audit-field-used-at = Utilisé le
audit-field-user-id = Personne
audit-field-waiver = Dérogation
audit-field-year = Année

## Les valeurs

audit-state-invited = Invité
audit-state-active = Actif
audit-state-disabled = Désactivé
audit-language-en = Anglais
audit-language-fr = Français
audit-purpose-invitation = Invitation
audit-purpose-password-reset = Réinitialisation du mot de passe
audit-purpose-first-admin = Le lien du premier administrateur
audit-second-factor-enrolled = Activé
audit-second-factor-removed = Retiré
audit-yes = oui
audit-no = non
audit-nothing = –
audit-quoted = « { $text } »
audit-new-password = Un nouveau mot de passe a été choisi.
audit-what-it-holds = Ce qu'il contient
audit-what-it-held = Ce qu'il contenait
audit-filter-any-key = Toutes
