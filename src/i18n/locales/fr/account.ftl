# Le compte d'une personne : le lien qui l'ouvre, le second facteur, sa propre page.

link-closed-title = Ce lien ne s'ouvre pas
link-go-to-sign-in = Aller à la page de connexion
link-first-admin-title = Créer le premier compte administrateur
link-first-admin-intro = Ce gaptrack n'a pas encore d'administrateur. Créez votre compte : vous inviterez ensuite votre équipe depuis les pages.
link-welcome-title = Bienvenue dans gaptrack
link-welcome-intro = Vous êtes invité·e en tant que { $name } ({ $email }). Choisissez votre mot de passe pour vous connecter.
link-reset-title = Choisir un nouveau mot de passe
link-reset-intro = Choisissez un nouveau mot de passe pour { $name } ({ $email }). Vos autres sessions prendront fin.
link-choose-title = Choisir un mot de passe
link-your-name = Votre nom
link-your-email = Votre adresse e-mail
link-password = Mot de passe (au moins { $min } caractères ; quelques mots sans rapport entre eux en font un bon)
link-confirmation = Le même mot de passe, de nouveau
link-submit = Enregistrer et se connecter

# Le second facteur.
factor-title = Votre second facteur
factor-intro = Ouvrez l'application d'authentification de votre téléphone et saisissez le code à 6 chiffres qu'elle affiche pour gaptrack. Téléphone perdu ? Saisissez plutôt l'un de vos codes de secours.
factor-code = Code
factor-continue = Continuer
factor-set-up = Votre second facteur est activé. Désormais, la connexion demande un code de votre application.
recovery-codes-title = Codes de secours
recovery-codes-heading = Vos codes de secours
recovery-codes-intro = Si vous perdez votre téléphone, chacun de ces codes vous connecte une fois à la place du code de l'application. Gardez-les en lieu sûr (imprimés, ou dans un gestionnaire de mots de passe) : ils ne s'affichent que cette fois-ci.
enrol-title = Activer un second facteur
enrol-required = Votre rôle exige un second facteur : un code d'une application d'authentification sur votre téléphone, demandé à chaque connexion, pour qu'un mot de passe volé n'ouvre rien à lui seul.
enrol-install = Installez une application d'authentification (FreeOTP, Aegis, Google Authenticator, Microsoft Authenticator...).
enrol-scan = Dans l'application, ajoutez un compte en scannant ce code :
enrol-type-key = Ou saisissez cette clé dans l'application :
enrol-code = Le code à 6 chiffres que l'application affiche maintenant
enrol-submit = Activer le second facteur
enrol-not-now = Pas maintenant
enrol-qr-label = Code QR de la clé du second facteur
enrol-qr-failed = Le code QR ne peut pas être dessiné : saisissez plutôt la clé ci-dessous.

# L'authentification unique.
sso-title = Authentification unique
sso-not-set-up = L'authentification unique n'est pas configurée sur ce gaptrack.
sso-refused = Le fournisseur d'identité ne vous a pas connecté. Réessayez, ou connectez-vous avec votre mot de passe.
sso-out-of-date = Cette connexion est périmée ou n'a pas commencé ici : recommencez depuis la page de connexion.
sso-unreachable = Le fournisseur d'identité est injoignable pour le moment. Réessayez dans un instant, ou connectez-vous avec votre mot de passe.
sso-back = Retour à la page de connexion

# La page de la personne.
own-title = Votre compte
own-password-changed = Votre mot de passe est modifié. Vos autres sessions ont pris fin.
own-language-saved = Votre langue est enregistrée.
own-session-ended = Cette session a pris fin.
own-key-revoked = La clé est révoquée.
own-with-key = Vous êtes connecté avec la clé d'API { $name }. Les mots de passe, le second facteur et les clés personnelles appartiennent aux comptes personnels : demandez à un administrateur de vous inviter.
own-email = Adresse e-mail
own-role = Rôle
own-organisation = Organisation
own-language = Langue des pages
own-language-browser = Celle de mon navigateur
own-save = Enregistrer
own-password = Mot de passe
own-current-password = Mot de passe actuel
own-new-password = Nouveau mot de passe (au moins { $min } caractères)
own-new-password-again = Le nouveau mot de passe, de nouveau
own-change-password = Changer le mot de passe
own-second-factor = Second facteur
own-second-factor-on = La connexion demande un code de votre application d'authentification. { $codes ->
        [one] Il reste { $codes } code de secours.
       *[other] Il reste { $codes } codes de secours.
    }
own-second-factor-lost = Téléphone et codes de secours perdus ? Un administrateur peut réinitialiser votre second facteur en ligne de commande.
own-second-factor-off = La connexion ne demande que votre mot de passe. Un code d'une application sur votre téléphone rend un mot de passe volé inutile.
own-set-up-second-factor = Activer un second facteur
own-sessions = Où vous êtes connecté
own-browser = Navigateur
own-since = Depuis
own-last-seen = Dernière activité
own-action = Action
own-this-session = { $browser } (celle-ci)
own-end-session = Fermer
own-unknown-browser = navigateur inconnu
own-a-browser = un navigateur
own-browser-on = { $browser } sous { $system }
own-keys = Vos clés d'API
own-keys-intro = Pour vos propres scripts : une clé agit en votre nom, jamais avec plus de droits que votre rôle, et cesse de fonctionner quand votre compte est désactivé.
own-key-name = Nom
own-key-created = Créée le
own-key-last-used = Dernière utilisation
own-key-state = État
own-key-never-used = jamais
own-key-revoked-state = révoquée
own-key-revoke = Révoquer…
own-key-revoke-label = Révoquer { $name }
own-key-name-field = Nom (ce qui l'utilisera)
own-key-create = Créer une clé

# Une clé tout juste créée, et la révocation d'une clé.
made-key-title = Nouvelle clé d'API
made-key-copy-now = Copiez la clé maintenant : elle ne s'affiche que cette fois-ci. Envoyez-la en tant que
made-key-label = Clé
made-key-copy = Copier
made-key-shown-once = La clé a été affichée une seule fois, à sa création ; elle ne peut plus l'être. Révoquez-la et créez-en une nouvelle si elle est perdue.
made-key-back = Retour
revoke-key-title = Révoquer la clé « { $name } » ?
revoke-key-consequence = Tout script ou service qui l'utilise sera refusé dès maintenant, et les sessions ouvertes avec elle prennent fin. C'est irréversible.
revoke-key-submit = Révoquer la clé
revoke-key-cancel = Annuler
