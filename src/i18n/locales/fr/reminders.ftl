# Les rappels avant les échéances du Bureau TIP, par courriel, et où on les règle.

reminder-call-subject = L'appel à informations pour le rapport TIP { $year } se clôt le { $deadline }
reminder-period-subject = La période évaluée par le rapport TIP { $year } se termine le { $deadline }
reminder-greeting = Bonjour { $name },
reminder-call-intro = L'appel à informations du Bureau TIP pour le rapport { $year } se clôt le { $deadline }. Ces recommandations des pays où { $organisation } travaille n'ont encore aucun travail de { $organisation } dans la période évaluée par le rapport ({ $period }) :
reminder-period-intro = La période évaluée par le rapport { $year } ({ $period }) se termine le { $deadline }. Ces recommandations des pays où { $organisation } travaille n'y ont encore aucun travail de { $organisation } :
reminder-country = { $country } : { $count ->
        [one] { $count } recommandation sans travail
       *[other] { $count } recommandations sans travail
    }
reminder-item = - { $year } n° { $position } ({ $pillar }) : { $text }
reminder-pack = Le dossier de l'appel à informations : { $link }
reminder-footer = Vous recevez ce message en tant qu'éditeur de { $organisation } dans gaptrack. Pour ne plus recevoir ces rappels, désactivez-les sur la page de votre compte : { $account }
own-reminders-title = Courriels de gaptrack
own-reminders-intro = Avant la clôture de l'appel à informations du Bureau TIP et avant la fin de la période évaluée (31 mars), les éditeurs reçoivent un courriel listant les recommandations de leurs pays qui n'ont encore aucun travail de leur organisation.
own-reminders-wanted = M'envoyer ces rappels
own-reminders-save = Enregistrer
own-reminders-saved = Votre choix de courriels est enregistré.
deadline-title = Échéances des appels à informations
deadline-intro = La date de clôture de l'appel à informations du Bureau TIP, pour chaque rapport. Les éditeurs reçoivent un rappel { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    } avant, et avant la fin de la période évaluée le 31 mars.
deadline-none = Aucune échéance n'est encore enregistrée.
deadline-report = Rapport
deadline-date = Clôture le
deadline-save = Enregistrer l'échéance
deadline-saved = L'échéance est enregistrée.
own-digest-wanted = M'envoyer ce que chaque nouvelle édition du rapport TIP change pour notre travail, dès qu'elle est dans gaptrack
