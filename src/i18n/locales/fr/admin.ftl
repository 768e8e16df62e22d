# Les pages d'administration.

reports-year = Année
reports-title = Titre
reports-published-on = Publié le
reports-source = Où il est publié

# Les personnes.
people-title = Personnes
people-invite = Inviter quelqu'un
people-invite-intro = La personne reçoit un lien à usage unique pour choisir son mot de passe{ $mail ->
        [yes] , par e-mail et affiché pour vous
       *[no] , affiché pour que vous le lui transmettiez
    } ; il est valable { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    }.
people-name = Nom
people-email = Adresse e-mail
people-role = Rôle
people-role-help = Les lecteurs voient tout ; les éditeurs enregistrent aussi le travail de leur organisation ; les administrateurs importent aussi les données du rapport et gèrent les personnes et les clés.
people-organisation = Organisation (pour un éditeur)
people-new-organisation = Nom de la nouvelle organisation (si vous en avez choisi une nouvelle)
people-invite-submit = Inviter
people-accounts = Comptes
people-column-email = E-mail
people-column-organisation = Organisation
people-column-state = État
people-column-second-factor = Second facteur
people-yes = oui
people-no = non
people-no-organisation = Aucune : administrateur ou lecteur de tout
people-a-new-organisation = Une nouvelle organisation…
people-invited = invité
people-invited-expired = invité (lien expiré)
people-invited-no-link = invité (aucun lien ouvert)
people-active = actif
people-disabled = désactivé
people-link-title = Un lien pour { $name }
people-link-mailed = Il a été envoyé par e-mail à { $email }. Vous pouvez aussi le transmettre vous-même :
people-link-not-mailed = Il n'a pas pu être envoyé par e-mail (le serveur de messagerie l'a refusé ou n'a pas répondu) : transmettez-le vous-même.
people-link-pass-on = Transmettez ce lien à { $name } ({ $email }) par un canal de confiance. Il ne sert qu'une fois.
people-link = Lien
people-link-copy = Copier
people-link-once = Il ne s'affiche que cette fois-ci. S'il est perdu, créez-en un nouveau depuis
people-link-shown = Le lien a été affiché une seule fois, à sa création ; il ne peut plus l'être. Créez-en un nouveau depuis
people-link-if-lost = s'il a été perdu.
people-page-of = la page de { $name }
people-back = Retour aux personnes
people-withdraw-title = Retirer le lien de { $name } ?
people-withdraw-first-admin = Retirer le lien du premier administrateur ?
people-withdraw-consequence = Le lien ne s'ouvrira plus. Vous pourrez en créer un nouveau plus tard.
people-withdraw-submit = Retirer le lien
people-cancel = Annuler
person-saved = Enregistré.
person-disabled = Le compte est désactivé : ses sessions ont pris fin et ses clés ne fonctionnent plus.
person-enabled = Le compte est de nouveau actif.
person-withdrawn = Le lien est retiré.
person-disable-title = Désactiver { $name } ?
person-disable-submit = Désactiver { $name }
person-disable-consequence = { $name } ({ $email }) sera aussitôt déconnecté, sur tous ses appareils, et aucune de ses clés ne fonctionnera. Son travail et son historique restent. Vous pourrez réactiver le compte plus tard.
person-summary = { $email } · { $state } · { $keys ->
        [one] { $keys } clé active
       *[other] { $keys } clés actives
    } à son nom ·
person-audit = ses modifications dans le journal
person-details = Rôle et organisation
person-save = Enregistrer
person-access = Accès
person-is-disabled = Ce compte est désactivé : il ne peut pas se connecter et ses clés ne fonctionnent pas.
person-enable = Réactiver le compte
person-new-invitation = Créer un nouveau lien d'invitation
person-new-reset = Créer un lien de réinitialisation du mot de passe
person-open-link = Un lien { $purpose ->
        [invitation] d'invitation
       *[reset] de réinitialisation
    } est ouvert jusqu'au { $moment }.
person-withdraw = Le retirer…
person-disable = Désactiver le compte…

# Les clés.
keys-title = Clés d'API
keys-create-heading = Créer une clé pour un service
keys-create-intro = Pour un autre système qui appelle l'API. Les personnes créent les clés de leurs propres scripts sur la page de leur compte.
keys-name = Nom (le service qui l'utilise)
keys-role = Rôle
keys-organisation = Organisation (pour une clé d'éditeur)
keys-none = Aucune
keys-create = Créer la clé
keys-list = Clés
keys-column-name = Nom
keys-column-whose = À qui
keys-column-organisation = Organisation
keys-column-created = Créée le
keys-column-last-used = Dernière utilisation
keys-column-state = État
keys-never = jamais
keys-revoked-on = révoquée le { $day }
keys-revoke = Révoquer…
keys-revoke-label = Révoquer { $name }
keys-revoked = La clé est révoquée : ses requêtes et ses sessions sont refusées dès maintenant.

# Les éditions du rapport.
reports-page-title = Éditions du rapport
reports-record = Enregistrer une édition du rapport
reports-record-intro = Enregistrez d'abord l'année, puis importez-y ses niveaux et ses recommandations. Le rapport de l'année A couvre la période du 1er avril A−1 au 31 mars A.
reports-published-if-out = Publié le (s'il est paru)
reports-published-hint = p. ex. 24 juin 2025
reports-source-field = Où il est publié (une adresse web)
reports-record-submit = Enregistrer l'année, puis importer
reports-none = Aucune édition du rapport n'est encore enregistrée.
reports-column-period = Période couverte
reports-column-published = Publié
reports-column-actions = Actions
reports-not-recorded = non renseigné
reports-import-into = Importer dans { $year }

# Les organisations.
organisations-title = Organisations
organisations-add = Ajouter une organisation
organisations-name = Nom
organisations-add-submit = Ajouter
organisations-column-iati = Identifiant IITA
organisations-column-state = État
organisations-archived-on = archivée le { $day }
organisations-active = active
organisations-done = { $done ->
        [created] L'organisation est créée.
        [renamed] L'organisation est renommée.
        [archived] L'organisation est archivée.
       *[restored] L'organisation est réactivée.
    }
organisations-interventions = Ses interventions
organisations-history = Son historique
organisations-rename = Renommer
organisations-state = État
organisations-archived-since = Archivée le { $day } : son travail reste dans chaque rapport, mais aucune nouvelle intervention ne peut être enregistrée pour elle.
organisations-restore = La réactiver
organisations-is-active = Active.
organisations-archive = L'archiver…
organisations-back = Retour aux organisations
organisations-archive-title = Archiver { $name } ?
organisations-archive-consequence = Ses interventions, leurs liens et leur historique restent, et comptent toujours dans chaque rapport. Aucune nouvelle intervention ne peut être enregistrée pour elle, et personne ne peut y être invité, tant qu'elle n'est pas réactivée.
organisations-archive-submit = L'archiver
organisations-cancel = Annuler
keys-a-service = un service
reports-source-hint = https://www.state.gov/…

# Importer les données du rapport.
import-title = Importer les données du rapport
import-recorded = L'édition { $year } du rapport est enregistrée. Importez maintenant ses niveaux et ses recommandations : l'année est choisie ci-dessous.
import-nothing-imported = Rien n'a été importé. { $count ->
        [one] Un problème
       *[other] { $count } problèmes
    } à corriger avant de téléverser de nouveau le fichier :
import-line = Ligne { $row },
import-changes-report = le rapport { $year } de { $countries }
import-changes-tiers = l'historique des niveaux de { $countries }
import-no-country = aucun pays
import-valid = Le fichier est valide. Il modifie { $what }. Voici ce que ferait son import ; rien n'est écrit avant votre confirmation.
import-done = Importé, en une seule transaction : { $what }.
import-next = Ensuite
import-next-countries = Ouvrez la page de chaque pays pour le rapport { $year } : elle montre les nouvelles recommandations et demande lesquelles prolongent celles du rapport précédent.
import-country-in = { $country } dans le rapport { $year }
import-see-overview = Voir la vue d'ensemble
import-see-overview-after = , avec le niveau de chaque pays et son évolution.
import-dry-run = Essai à blanc
import-imported = Importé
import-rows = Lignes
import-in-file = Dans le fichier
import-new = Nouvelles
import-changed = Modifiées
import-unchanged = Inchangées
import-skipped = Ignorées
import-tiers = Niveaux
import-recommendations = Recommandations
import-years-created = Éditions du rapport créées : { $years }
import-columns-ignored = Colonnes ignorées : { $columns }
import-confirm = Confirmer l'import
import-kind = Ce que contient le fichier
import-kind-report = Une édition du rapport : niveaux et recommandations
import-kind-tiers = Un historique des niveaux sur plusieurs années
import-year = Édition du rapport (pour une seule édition)
import-new-year = Une nouvelle année ?
import-record-year = Enregistrez l'édition du rapport
import-new-year-after = d'abord, puis importez-y.
import-file = Fichier CSV ou JSON
import-csv-header = CSV : un en-tête nommant
import-csv-or = (niveaux) ou
import-csv-after = (recommandations). Le fichier est d'abord vérifié ; rien n'est écrit avant votre confirmation.
import-paste = Ou collez les chapitres par pays du rapport
import-paste-hint = Copiez le chapitre d'un ou de plusieurs pays depuis les pages pays du Département d'État ou depuis le PDF du rapport, titres compris (« SENEGAL: Tier 2 »). Le niveau et les recommandations de chaque pays sont lus et présentés pour vérification ; rien n'est écrit avant que vous ne les importiez.
import-narratives = Chapitres par pays
import-source-url = Où ils ont été publiés
import-review-title = Vérifiez ce qui a été lu
import-review-intro = Corrigez au besoin un niveau, un texte, un pilier ou une filiation, puis importez. Les piliers sont proposés d'après les mots de chaque recommandation, et la recommandation du rapport précédent que chacune prolonge d'après la ressemblance de leurs textes (chacune proposée une fois).
import-review-tier = Niveau
import-review-waiver = A bénéficié d'une dérogation
import-review-item = Recommandation { $position }
import-review-proposed = (proposé)
import-review-continues = Prolonge
import-review-new = Nouvelle dans ce rapport
import-review-earlier = { $year }, n° { $position } :
import-review-import = Importer
import-check = Vérifier le fichier
import-choose-year = choisissez l'édition du rapport
people-letter-language = Langue de l'e-mail d'invitation

## Sauvegardes (/admin/backups)
backup-title = Sauvegardes
backup-managed = gaptrack sauvegarde la base de données qu’il gère chaque jour et avant d’appliquer de nouvelles migrations, dans { $folder }, et garde les { $keep } dernières.
backup-unmanaged = gaptrack utilise une base de données qu’il ne gère pas (DATABASE_URL) : sauvegardez-la avec la commande gaptrack backup (listées ici) ou avec les sauvegardes de votre PostgreSQL.
backup-none = Aucune sauvegarde n’a encore été enregistrée.
backup-last = Dernière sauvegarde : { $moment }, { $size }.
backup-recent = Dernières sauvegardes
backup-when = Faite le
backup-why = Pourquoi
backup-size = Taille
backup-where = Où
backup-reason-daily = Quotidienne
backup-reason-before-migration = Avant de nouvelles migrations
backup-reason-before-restore = Avant qu’une restauration remplace la base
backup-reason-command = Par la commande gaptrack backup
audit-backups-link = Sauvegardes
