# Les liens en lecture seule vers un rapport, pour des personnes sans compte.

shares-what = { $country }, rapport TIP { $year } : { $organisation ->
        [none] le travail de toutes les organisations
       *[other] le travail de { $organisation }
    }
shares-made-title = Lien en lecture seule
shares-shares = Partage
shares-until = Jusqu'au
shares-until-date = { $day }, sauf si vous le révoquez avant
shares-copy-now = Toute personne qui a ce lien peut lire le rapport, sans compte. Copiez-le maintenant : il ne s'affiche qu'une fois.
shares-link = Lien
shares-copy = Copier
shares-shown-once = Le lien a été affiché une seule fois, à sa création ; il ne peut plus l'être. Créez-en un nouveau s'il est perdu, et révoquez l'ancien.
shares-yours = Vos liens partagés
shares-none-yet-before = Vous n'avez encore partagé aucun rapport. Le bouton
shares-none-yet-after = de la page d'un pays en crée un.
shares-not-for-you = Le partage est réservé aux membres d'une organisation, qui partagent son travail, et aux administrateurs. Demandez à un administrateur de partager un rapport pour vous.
shares-report = Rapport
shares-work-of = Travail de
shares-made = Créé le
shares-state = État
shares-action = Action
shares-report-of = { $country } { $year }
shares-all-organisations = Toutes les organisations
shares-revoked = révoqué
shares-expired = expiré
shares-open = ouvert
shares-revoke = Révoquer…
shares-revoke-title = Révoquer le lien ?
shares-revoke-consequence = Le lien vers { $what } cesse aussitôt de fonctionner pour tous ceux qui l'ont. C'est irréversible ; un nouveau lien peut être créé.
shares-revoke-submit = Révoquer le lien
shares-keep = Le garder
