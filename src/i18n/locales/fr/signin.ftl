# La page de connexion, pour qui n'est pas connecté.

sign-in-title = Connexion
sign-in-email = Adresse e-mail
sign-in-password = Mot de passe
sign-in-submit = Se connecter
sign-in-forgotten = Mot de passe oublié ? Votre administrateur peut vous envoyer un lien pour en choisir un nouveau.
sign-in-single-sign-on = Se connecter avec { $provider }
sign-in-with-key = Se connecter plutôt avec une clé d'API
sign-in-with-key-intro = Une clé créée pour vous par un administrateur, ou l'une de vos propres clés, vous connecte pour 12 heures, ou jusqu'à ce que vous vous déconnectiez ou que la clé soit révoquée.
sign-in-key = Clé d'API
sign-in-key-submit = Se connecter avec la clé
sign-in-wrong-password = Cette adresse e-mail et ce mot de passe ne correspondent à aucun compte. Vérifiez les deux et réessayez.
sign-in-wrong-key = Cette clé est inconnue ou révoquée. Vérifiez-la et collez-la de nouveau.
sign-in-locked = Trop de mots de passe erronés pour cette adresse : la connexion avec elle est bloquée encore { $minutes ->
        [one] une minute
       *[other] { $minutes } minutes
    }. Demandez à votre administrateur un lien de réinitialisation si vous l'avez oublié.
