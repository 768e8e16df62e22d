# Ce qu'une règle refuse, par son code. L'API les envoie en anglais ; les pages les montrent
# dans la langue du lecteur (avec une majuscule et un point ajoutés quand ils sont seuls). Le
# texte entre `accents graves` s'affiche comme du code.

## Qui peut faire quoi

refusal-people-only = ceci est réservé aux personnes connectées en leur nom, pas avec une clé d'API
refusal-needs-admin = ceci demande le rôle d'administrateur ; { $holder ->
        [key] la clé `{ $name }` a
       *[person] votre compte a
    } { $role ->
        [admin] le rôle d'administrateur
        [editor] le rôle d'éditeur
       *[viewer] le rôle de lecteur
    }
refusal-viewer-cannot-write = { $holder ->
        [key] la clé `{ $name }` a
       *[person] votre compte a
    } le rôle de lecteur : il permet de lire mais pas d'écrire
refusal-not-your-organisation = { $holder ->
        [key] la clé `{ $name }` ne peut
       *[person] vous ne pouvez
    } modifier que les interventions de { $holder ->
        [key] sa
       *[person] votre
    } propre organisation
refusal-share-needs-organisation = le partage est réservé aux membres d'une organisation, qui partagent son travail, et aux administrateurs : demandez à un administrateur de partager ce rapport
refusal-share-own-work-only = vous ne pouvez partager que le travail de votre propre organisation : ce sont ses membres qui décident de ce qui en est montré à des personnes sans compte
refusal-share-revoke-not-yours = seule la personne qui a créé un lien, ou un administrateur, peut le révoquer

## La connexion

refusal-key-unknown = la clé d'API est inconnue ou révoquée
refusal-wrong-password = Cette adresse e-mail et ce mot de passe ne correspondent à aucun compte. Vérifiez les deux et réessayez.
refusal-sign-in-again = reconnectez-vous
refusal-sign-in-locked = Trop de mots de passe erronés pour cette adresse : la connexion avec elle est bloquée encore { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }. Demandez à votre administrateur un lien de réinitialisation si vous l'avez oublié.
refusal-email-not-verified = votre fournisseur d'identité n'indique pas que l'adresse { $email } est vérifiée, gaptrack ne peut donc pas savoir qu'elle est à vous : connectez-vous plutôt avec votre mot de passe
refusal-no-account-for = aucun compte gaptrack n'a l'adresse { $email } : demandez à un administrateur de vous inviter
refusal-account-disabled = le compte gaptrack de { $email } est désactivé

## Ce qui entre en conflit avec ce qui est enregistré

refusal-report-exists = un rapport pour { $year } existe déjà
refusal-position-taken = une autre recommandation de ce pays et de cette année occupe déjà ce numéro
refusal-recommendation-linked = cette recommandation est liée à des interventions ; supprimez d'abord ces liens
refusal-recommendation-continued = cette recommandation est prolongée par { $later } ; retirez d'abord leur `continues`
refusal-countries-still-linked = l'intervention est liée à des recommandations pour { $countries } ; supprimez ces liens avant de retirer ces pays
refusal-last-admin-key = c'est la dernière clé d'administrateur active : créez d'abord une autre clé d'administrateur, sinon plus personne ne pourrait gérer les clés et les données du rapport
refusal-last-admin = c'est le dernier administrateur actif : nommez d'abord une autre personne administrateur, sinon plus personne ne pourrait gérer les comptes
refusal-disable-yourself = vous ne pouvez pas désactiver votre propre compte : un autre administrateur le peut
refusal-not-accepted-yet = { $name } n'a pas encore accepté l'invitation : envoyez plutôt un nouveau lien
refusal-second-factor-exists = un second facteur est déjà activé pour ce compte
refusal-no-enrolment = aucun second facteur n'est en cours d'activation : recommencez depuis la page de votre compte
refusal-email-taken = un compte avec l'adresse { $email } existe déjà
refusal-link-used = Ce lien a déjà servi. Connectez-vous avec votre mot de passe, ou demandez un nouveau lien à votre administrateur.
refusal-link-revoked = Ce lien a été retiré. Demandez-en un nouveau à votre administrateur.
refusal-link-expired = Ce lien a expiré. Demandez-en un nouveau à votre administrateur.
refusal-disabled-no-link = { $name } est désactivé : réactivez le compte avant de lui créer un lien
refusal-iati-identifier-taken = une autre organisation a l'identifiant IITA `{ $identifier }`
refusal-organisation-name-taken = une organisation nommée `{ $name }` existe déjà
refusal-no-iati-identifier = `{ $organisation }` n'a pas encore d'identifiant d'organisation IITA, par lequel commence l'identifiant de chaque activité : un administrateur l'enregistre sur l'organisation
refusal-nothing-to-report = `{ $organisation }` n'a encore aucune intervention à déclarer : un fichier d'activités IITA en contient au moins une

## Ce qui n'existe pas

refusal-no-such = il n'existe pas { $thing ->
        [intervention] d'intervention
        [recommendation] de recommandation
        [key] de clé
        [account] de compte
        [account_link] de lien
        [share_link] de lien partagé
        [organisation] d'organisation
       *[other] de { $thing }
    } { $id }{ $filter ->
        [none] {""}
       *[other] {" "}(le filtre `{ $filter }`)
    }
refusal-no-account = ce compte n'existe pas
refusal-carry-not-continued = cette recommandation ne prolonge pas celle à laquelle le travail est lié : le lien ne peut pas y être reporté
refusal-carry-nothing = l'intervention n'est pas liée à la recommandation antérieure : il n'y a aucun lien à reporter
refusal-no-edition = gaptrack ne contient encore aucune recommandation pour { $country } : aucune édition du rapport ne peut être comparée
refusal-no-report = il n'y a pas de rapport pour { $year } ; enregistrez d'abord l'édition du rapport
refusal-session-ended = cette session a déjà pris fin
refusal-share-link-closed = ce lien a expiré ou a été révoqué, ou il a été mal copié : demandez-en un nouveau à la personne qui l'a partagé
refusal-link-organisation-missing = cette organisation n'existe pas (l'`organisation` du lien)
refusal-not-linked = l'intervention { $intervention } n'est pas liée à la recommandation { $recommendation }
refusal-link-unknown = Ce lien n'est pas un lien de gaptrack : vérifiez qu'il a été copié en entier.
refusal-unknown-country = `{ $given }` n'est pas un pays connu : donnez un code ISO (SEN, SN) ou un nom (Sénégal, Burma, Korea, South){ $filter ->
        [none] {""}
       *[other] {" "}(le filtre `{ $filter }`)
    }
refusal-unknown-country-suggested = `{ $given }` n'est pas un pays connu : vouliez-vous dire { $countries } ?{ $filter ->
        [none] {""}
       *[other] {" "}(le filtre `{ $filter }`)
    }
refusal-ambiguous-country = `{ $given }` peut désigner { $countries } : donnez le code du pays ou son nom complet{ $filter ->
        [none] {""}
       *[other] {" "}(le filtre `{ $filter }`)
    }
