# La page d'erreur des pages : ce qui s'est passé, avec des mots de tous les jours, et quoi faire
# ensuite. Les titres ne parlent jamais de clés ni de ressources.

error-request-id = Identifiant de la requête : { $id } (citez-le pour signaler un problème)
error-back-to-overview = Retour à la vue d'ensemble

error-forged-form = Ce formulaire ne peut pas être accepté
error-forged-form-next = Rouvrez la page et envoyez le formulaire depuis celle-ci.

error-unreadable = Ceci n'a pas pu être lu
error-unreadable-detail = L'adresse ou le formulaire envoyé n'a pas pu être lu.
error-unreadable-next = Revenez en arrière et réessayez. Si cela se reproduit, transmettez l'identifiant de la requête ci-dessous à votre administrateur.
error-sign-in = Merci de vous connecter
error-sign-in-next = Connectez-vous, puis rouvrez la page.
error-forbidden = Vous ne pouvez pas faire ceci
error-forbidden-next = Votre rôle ne le permet pas. Si votre travail l'exige, demandez à un administrateur.
error-not-found = Cette page ou cet élément n'existe pas
error-not-found-next = Il a peut-être été supprimé, ou l'adresse contient une faute de frappe. La vue d'ensemble et la liste des interventions mènent à ce qui existe.
error-no-such-page = Il n'y a pas de page à l'adresse { $path }.
error-method = Cette adresse n'accepte pas cette action
error-method-next = Revenez à la page d'où vous venez et utilisez ses boutons.
error-conflict = Ceci entre en conflit avec ce qui est déjà enregistré
error-conflict-next = Rouvrez la page pour voir ce qui s'y trouve maintenant, puis réessayez.
error-invalid = Une partie de l'envoi n'est pas valide
error-invalid-next = Revenez en arrière, corrigez ce que le message indique, puis renvoyez.
error-stale = Quelqu'un d'autre a modifié ceci avant vous
error-stale-next = Rouvrez-le pour voir sa modification, puis faites la vôtre.
error-too-large = L'envoi est trop volumineux
error-too-large-next = Envoyez moins à la fois (un fichier plus petit, ou un texte plus court).
error-too-slow = L'envoi est arrivé trop lentement
error-too-slow-next = Vérifiez la connexion et renvoyez-le.
error-throttled = Trop de tentatives
error-throttled-next = Patientez un instant, puis réessayez.
error-media-type = Ce type de contenu n'est pas accepté ici
error-media-type-next = Revenez à la page d'où vous venez et utilisez ses boutons.
error-unavailable = gaptrack ne parvient pas à joindre sa base de données pour le moment
error-unavailable-next = Rien n'a été modifié. Réessayez dans une minute.
error-took-too-long = Ceci a pris trop de temps
error-took-too-long-next = Rien n'en a été conservé. Réessayez dans un instant.
error-internal = Une erreur s'est produite du côté de gaptrack
error-internal-next = Réessayez. Si cela se reproduit, transmettez l'identifiant de la requête ci-dessous à votre administrateur.
