# Le résumé d'édition : ce qu'un nouveau rapport a changé pour un pays, et le report du travail.

digest-link = Ce que le rapport { $year } a changé
digest-title = Ce que le rapport { $year } a changé pour { $country }
digest-back-to = Retour à { $country }
digest-work-of = Afficher le travail de
digest-summary = Résumé
digest-previous-tier = En { $year } : { $tier }.
digest-counts = Par rapport au rapport { $earlier } : { $continuing ->
        [one] { $continuing } recommandation est reprise
       *[other] { $continuing } recommandations sont reprises
    } ({ $reworded } reformulées), { $new ->
        [one] { $new } est nouvelle
       *[other] { $new } sont nouvelles
    } et { $dropped ->
        [one] { $dropped } a été abandonnée
       *[other] { $dropped } ont été abandonnées
    }.
digest-no-earlier = gaptrack ne contient aucune recommandation d'un rapport antérieur pour { $country } : toutes les recommandations sont nouvelles.
digest-dropped-answered = { $dropped ->
        [one] Le travail { $answered ->
            [0] n'a pas répondu
           *[other] a répondu
        } à la recommandation que le rapport { $year } a abandonnée.
       *[other] Le travail a répondu à { $answered } des { $dropped } recommandations que le rapport { $year } a abandonnées.
    }
digest-dropped-answered-by = { $dropped ->
        [one] Le travail de { $organisation } { $answered ->
            [0] n'a pas répondu
           *[other] a répondu
        } à la recommandation que le rapport { $year } a abandonnée.
       *[other] Le travail de { $organisation } a répondu à { $answered } des { $dropped } recommandations que le rapport { $year } a abandonnées.
    }
digest-waiting = { $count ->
        [one] { $count } lien de travail en cours attend
       *[other] { $count } liens de travail en cours attendent
    } d'être reportés : répondez oui ou non ci-dessous.
digest-continuing = Recommandations reprises
digest-continues = { $current } reprend { $earlier }
digest-words-removed = mots retirés
digest-words-added = mots ajoutés
digest-reworded = Reformulée : les mots retirés sont barrés, les mots ajoutés soulignés.
digest-same-words = Les mêmes mots.
digest-ongoing-on = Travail en cours lié à { $earlier }
digest-linked-to-current = lié aussi à { $current }
digest-declined-by = non reporté ({ $name } a répondu non)
digest-not-carried = pas encore lié à { $current }
digest-carry-question = Reporter « { $title } » sur { $current }, avec sa justification et ses preuves ?
digest-carry-yes = Oui, le reporter
digest-carry-no = Non
digest-new = Nouvelles recommandations
digest-dropped = Recommandations abandonnées
digest-dropped-intro = Le rapport antérieur les faisait et le nouveau non : souvent parce qu'elles ont été satisfaites.
digest-no-work = Aucun travail n'y est lié.
digest-answered-by = Y ont répondu :
digest-none = Aucune.
digest-done-carried = Le lien est reporté : le travail compte désormais pour la nouvelle recommandation.
digest-done-declined = Non reporté ; la question ne vous sera plus posée pour ce travail.
digest-done-already = Ce travail était déjà lié à la nouvelle recommandation.
digest-letter-subject = Ce que le rapport TIP { $year } a changé pour le travail de { $organisation }
digest-letter-intro = Le rapport TIP { $year } est dans gaptrack. Ce qu'il a changé dans les pays où { $organisation } travaille :
digest-letter-waiting = { $count ->
        [one] { $count } lien de travail en cours attend
       *[other] { $count } liens de travail en cours attendent
    } d'être reportés sur les nouvelles recommandations.
digest-letter-link = Pour le lire et reporter le travail : { $link }
digest-letter-footer = Vous recevez ce message parce que vous l'avez demandé sur la page de votre compte, où vous pouvez l'arrêter : { $account }
