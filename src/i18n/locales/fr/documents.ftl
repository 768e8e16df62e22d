# Les documents que l'on télécharge et imprime : le résumé des lacunes, les classeurs et CSV, le
# classeur et le CSV de la couverture, et le dossier pour l'appel à informations (imprimable et
# Word).

## Ce que chaque document dit de lui-même

doc-status-rule = Une recommandation est traitée quand une intervention en cours ou terminée y répond entièrement ; partiellement traitée quand de telles interventions n'y répondent qu'en partie ; prévue quand seules des interventions prévues y répondent. Les interventions annulées ne comptent jamais.
doc-numbers-rule = Les numéros sont ceux des recommandations dans le rapport.
doc-made-by = { $when } par { $who }, avec gaptrack
doc-made-anonymously = { $when }, avec gaptrack
doc-workbook-comment = Créé avec gaptrack
doc-all-organisations = Toutes les organisations
doc-all-regions = Toutes les régions
doc-all-countries = Tous les pays
doc-all-pillars = Tous les piliers
doc-not-ranked = Non classé
doc-yes = Oui
doc-no = Non
doc-and-more = et d'autres
doc-no-value = –
doc-print = Imprimer
doc-controls = Document
doc-page = Page
doc-number = N° { $position }
doc-number-label = N° { $position }.{" "}
doc-prioritized = prioritaire
doc-standing-since = présente depuis { $since } ({ $reports } rapports)
doc-dates = du { $from } au { $to }
doc-dates-since = depuis le { $from }
doc-dates-until = jusqu'au { $to }
doc-dates-unknown = dates non renseignées
doc-answers-it = y répond { $contribution }
doc-answer-in-words = { $title } ({ $organisation }, { $status }, y répond { $contribution })
doc-evidence = Justificatif :{" "}
doc-linked-by = Lien fait par { $name }

## Les titres des faits, des colonnes et des feuilles

doc-fact-what = De quoi il s'agit
doc-fact-country = Pays
doc-fact-report-year = Édition du rapport
doc-fact-report-years = Éditions du rapport
doc-fact-reporting-period = Période couverte
doc-fact-reporting-periods = Périodes couvertes
doc-fact-tier = Niveau
doc-fact-region = Région
doc-fact-counting = Travail compté
doc-fact-listed = Recommandations listées
doc-fact-coverage = Couverture
doc-fact-countries = Pays
doc-fact-made = Créé
doc-fact-made-on = Créé le
doc-fact-made-by = Créé par
doc-fact-shared = Partagé
doc-fact-rule = Comment un statut est compté
doc-fact-recommendations-of = Recommandations du
doc-fact-work-of = Travail de
doc-fact-dates = Dates
doc-fact-reached = Personnes touchées
doc-fact-where = Lieu

doc-column-country = Pays
doc-column-code = Code
doc-column-report-year = Édition du rapport
doc-column-region = Région
doc-column-tier = Niveau
doc-column-movement = Évolution
doc-column-number = N°
doc-column-pillar = Pilier
doc-column-prioritized = Prioritaire
doc-column-status = Statut
doc-column-recommendation = Recommandation
doc-column-report-text = Texte du rapport (anglais)
doc-column-reports-standing = Rapports où elle figure
doc-column-standing-since = Présente depuis
doc-column-ever-addressed = Déjà traitée
doc-column-answered-by = Réponses
doc-column-interventions = Interventions
doc-column-intervention = Intervention
doc-column-kind = Type
doc-column-intervention-status = Statut de l'intervention
doc-column-organisation = Organisation
doc-column-answers-it = Y répond
doc-column-reached = Personnes touchées
doc-column-evidence = Justificatif
doc-column-rationale = Justification
doc-column-linked-by = Lien fait par
doc-column-recommendation-status = Statut de la recommandation
doc-column-counting = Travail compté
doc-column-recommendations = Recommandations
doc-column-addressed = Traitées
doc-column-partly = Partiellement traitées
doc-column-partly-short = En partie
doc-column-planned = Prévues
doc-column-unaddressed = Non traitées
doc-column-total = Total
doc-column-coverage = Couverture
doc-column-coverage-percent = Couverture (%)
doc-column-dates = Dates
doc-column-answers = Répond à

doc-sheet-recommendations = Recommandations
doc-sheet-answers = Réponses
doc-sheet-pillars = Piliers
doc-sheet-coverage = Couverture
doc-sheet-about = À propos

## Le rapport des lacunes

doc-gaps-year = Rapport TIP { $year }
doc-gaps-no-report = Aucun rapport
doc-gaps-page-title = { $country } · { $year } · lacunes
doc-gaps-first-ranking = premier classement
doc-gaps-moved = { $movement } depuis le rapport précédent
doc-gaps-with-waiver = , avec une dérogation
doc-gaps-waiver-alone = avec une dérogation
doc-gaps-shared-until = en lecture seule, jusqu'au { $date }
doc-gaps-fewer-than = moins de { $count }
doc-gaps-coverage-heading = Couverture
# Après « 2 sur 5 » en gras.
doc-gaps-coverage = { $total ->
        [one] recommandation traitée
       *[other] recommandations traitées
    } ({ $percent }) ; { $partly ->
        [one] { $partly } partiellement traitée
       *[other] { $partly } partiellement traitées
    }, { $planned ->
        [one] { $planned } prévue
       *[other] { $planned } prévues
    }, { $unaddressed ->
        [one] { $unaddressed } non traitée
       *[other] { $unaddressed } non traitées
    }.
doc-gaps-addressed-of = { $addressed } sur { $total }
doc-gaps-unaddressed-heading = Recommandations non traitées
doc-gaps-none-unaddressed = Aucune : chaque recommandation listée fait l'objet d'un travail.
doc-gaps-answered-heading = Recommandations qui font l'objet d'un travail
doc-gaps-more-interventions = … et d'autres interventions.
doc-gaps-interventions-heading = Interventions
doc-gaps-no-interventions = Aucune intervention ne compte encore pour ces recommandations.
doc-gaps-total-reach = Personnes touchées, selon les interventions
doc-gaps-workbook-title = { $country } dans le rapport TIP { $year }
doc-gaps-workbook-what = { $title } : le statut de chaque recommandation et le travail qui y répond
doc-gaps-listed-all = Toutes
doc-gaps-listed-persistent = Lacunes persistantes seulement
doc-gaps-listed-status-persistent = { $status }, lacunes persistantes seulement
doc-gaps-coverage-fact = { $addressed ->
        [one] { $addressed } recommandation traitée
       *[other] { $addressed } recommandations traitées
    } sur { $total }

## La couverture

doc-coverage-title-latest = Couverture du dernier rapport TIP de chaque pays ({ $years })
doc-coverage-title-year = Couverture du rapport TIP { $year }
doc-coverage-title = Couverture
doc-coverage-what = { $title }, pays par pays
doc-coverage-years = { $years } : le dernier rapport de chaque pays. La colonne « Édition du rapport » indique de quel rapport viennent les chiffres de chaque ligne ; les totaux les additionnent.
doc-coverage-period-of = rapport { $year } : { $period }

## Le dossier pour l'appel à informations

doc-pack-title = { $country } : actions pour le rapport TIP { $year }
doc-pack-introduction = { $country } : actions concrètes menées pendant la période qu'évalue le rapport { $year } sur la traite des personnes ({ $period }), pour l'appel à informations annuel du département d'État, avec les recommandations auxquelles chacune répond et ses justificatifs.
doc-pack-citation = rapport { $year }, n° { $position } ({ $pillar })
doc-pack-answers-citation = Répond au { $citation } :{" "}
doc-pack-unanswered-of = Recommandations du rapport { $year } sans rien dans la période
doc-pack-unanswered = Recommandations sans rien dans la période
doc-pack-changed = Ce que le rapport { $year } a changé
doc-pack-nothing-dated = Aucune intervention enregistrée dans gaptrack n'a de dates montrant qu'elle a eu lieu dans cette période.
doc-pack-to-check-heading = À vérifier avant l'envoi : des travaux dont les dates ne montrent pas la période
doc-pack-to-check = Ces interventions n'ont pas de date de début, ou sont terminées sans date de fin : gaptrack ne peut donc pas savoir si elles ont eu lieu dans la période ({ $period }). Elles ne sont pas comptées ci-dessus, et les recommandations auxquelles elles répondent sont listées plus bas comme n'ayant rien dans la période. Donnez-leur leurs dates dans gaptrack, ou laissez-les hors de votre envoi.
doc-pack-report-of = rapport TIP { $year }
doc-pack-other-actions = Autres actions dans la période
doc-pack-none-unanswered = Aucune : chaque recommandation a une action dans la période.
doc-pack-answers = Répond à :
# Le nom d'un fait avant sa valeur, dans un document Word : « Dates : ».
doc-fact-name = { $name } :{" "}
doc-translated = Traduction ; le texte du rapport :
