# La vue d'ensemble : la couverture par pays, pour les rédacteurs de demandes de financement.

overview-title-year = Couverture du rapport TIP { $year }
overview-title-latest = Couverture du dernier rapport TIP de chaque pays
overview-title = Couverture
filters-label = Filtres
filter-report-year = Édition du rapport
filter-each-latest = La dernière de chaque pays
filter-region = Région
filter-all-regions = Toutes les régions
filter-count-work-of = Compter le travail de
filter-all-organisations = Toutes les organisations
filter-apply = Appliquer les filtres
download-xlsx = Télécharger le classeur (.xlsx)
download-csv = Télécharger le CSV
overview-countries = Pays
overview-no-country = Aucun pays n'a de recommandations pour ces filtres.
overview-caption = { $count ->
        [one] { $count } pays
       *[other] { $count } pays
    } ; choisissez un pays pour voir ses recommandations
column-country = Pays
column-report = Rapport
column-region = Région
column-tier = Niveau
column-movement = Évolution
column-placement-source = Source
column-recommendations = Recommandations
column-addressed = Traitées
column-partly = En partie
column-planned = Prévues
column-unaddressed = Non traitées
column-coverage = Couverture
overview-totals = { $unaddressed ->
        [one] { $unaddressed } recommandation sur { $total } reste non traitée
       *[other] { $unaddressed } recommandations sur { $total } restent non traitées
    } ; { $addressed } { $addressed ->
        [one] est traitée
       *[other] sont traitées
    } ({ $coverage }), { $partly } en partie et { $planned ->
        [one] { $planned } seulement prévue
       *[other] { $planned } seulement prévues
    }.
chart-title = Où sont les lacunes
chart-intro = { $count ->
        [one] Le pays
       *[other] Les { $count } pays
    } qui ont le plus de recommandations non traitées.
chart-unaddressed-of = { $unaddressed ->
        [one] { $unaddressed } non traitée
       *[other] { $unaddressed } non traitées
    } sur { $total }
chart-country-unaddressed-of = { $country } : { $unaddressed ->
        [one] { $unaddressed } non traitée
       *[other] { $unaddressed } non traitées
    } sur { $total }
chart-segment = { $country } : { $count } { $status }
placements-heading = Classements par niveau
placements-heading-year = Classements par niveau en { $year }
placements-none-yet = Aucun classement n'est encore enregistré.
placements-none-in-year = Aucun classement n'est enregistré pour { $year } avec ces filtres.
placements-source = Source : { $source }.
placements-partial = Cette année n'est connue qu'en partie : la liste reprend les classements qu'une page publique cite, pas tous les pays classés, et un pays qui n'y figure pas peut avoir été classé.
placements-caption = { $count ->
        [one] { $count } pays classé, que gaptrack tienne ou non ses recommandations
       *[other] { $count } pays classés, que gaptrack tienne ou non leurs recommandations
    }
placements-year = Année des classements
placements-show = Afficher
