# Les e-mails que gaptrack envoie à une personne : une invitation, un lien pour choisir un nouveau
# mot de passe.

letter-invitation-subject = Vous êtes invité·e dans gaptrack
letter-invitation-body =
    Bonjour { $name },

    { $inviter } vous a invité·e dans gaptrack, qui suit les recommandations du rapport sur la traite des personnes (TIP) auxquelles répond le travail de votre organisation.

    Ouvrez ce lien pour choisir votre mot de passe et vous connecter :

    { $address }

    Il ne sert qu'une fois, jusqu'au { $expires }. Si vous ne l'attendiez pas, ignorez ce message.
letter-reset-subject = Choisissez un nouveau mot de passe gaptrack
letter-reset-body =
    Bonjour { $name },

    { $inviter } vous a créé un lien pour choisir un nouveau mot de passe gaptrack :

    { $address }

    Il ne sert qu'une fois, jusqu'au { $expires }. Vos autres sessions prennent fin quand vous l'utilisez. Si vous ne l'avez pas demandé, prévenez votre administrateur.
