# Ce qui ne va pas dans un champ d'un formulaire, d'une requête ou d'un fichier téléversé, dit
# après le nom du champ (« title : ne doit pas être vide ») ou à côté de lui sur un formulaire.

invalid-empty = ne doit pas être vide
invalid-nul = ne doit pas contenir le caractère NUL
invalid-too-long = doit compter au plus { $most } caractères ; celui-ci en compte { $length }
invalid-search-too-long = doit compter au plus { $most } caractères
invalid-url = doit être une adresse http ou https complète
invalid-report-year = doit être une année de rapport entre 2000 et 2100
invalid-iati-identifier = doit être un identifiant d'organisation IITA comme `GB-COH-01234567` : de 3 à 100 lettres, chiffres, `-`, `.`, `_` ou `:`
invalid-continues = { $earlier } n'est pas une recommandation pour { $country } antérieure à { $year }

## Comment une liste d'erreurs se résume en une phrase

invalid-summary-field = { $field } : { $message }
invalid-summary-row = ligne { $row }, { $field } : { $message }
invalid-summary-fields = { $count } champs ne sont pas valides
invalid-summary-rows = { $count } problèmes dans le fichier ; rien n'a été importé
invalid-summary-first-rows = { $total } problèmes dans le fichier (les { $count } premiers sont listés) ; rien n'a été importé

## Des valeurs qui ne font pas partie d'une liste

invalid-one-of = `{ $given }` n'est pas { $choices }
invalid-tier = `{ $given }` n'est pas un niveau : utilisez tier_1, tier_2, tier_2_watch_list, tier_3, special_case, la formulation du rapport (Tier 2 Watch List) ou le codage des chercheurs (1 à 4)
invalid-json-value = { $detail }

## Les lignes d'un fichier importé

invalid-missing = est manquant
invalid-position = doit être un nombre entier, 1 ou plus
invalid-continues-id = doit être l'identifiant (un UUID) d'une recommandation antérieure
invalid-tier-twice = { $country } a déjà un niveau pour { $year } dans ce fichier ({ $line ->
        [0] { $item }
       *[other] ligne { $line }
    })
invalid-position-twice = { $country } a déjà une recommandation n° { $position } pour { $year } dans ce fichier ({ $line ->
        [0] { $item }
       *[other] ligne { $line }
    })
invalid-year-not-the-import = vaut { $given }, mais cet import concerne { $year }
invalid-year-missing = est manquant : un historique des niveaux demande une année sur chaque ligne
invalid-boolean = `{ $given }` n'est ni vrai ni faux (true, false)
invalid-header = l'en-tête doit nommer soit une colonne `tier` (un fichier de niveaux), soit une colonne `text` (un fichier de recommandations)

## Les mots de passe

invalid-password-short = utilisez au moins { $least } caractères
invalid-password-guessable = ce mot de passe est trop facile à deviner{ $warning ->
        [rows-of-keys] : les rangées de touches sont faciles à deviner
        [keyboard-pattern] : les courts motifs de clavier sont faciles à deviner
        [repeats] : les répétitions comme « aaa » sont faciles à deviner
        [repeated-groups] : les répétitions comme « abcabcabc » sont à peine plus difficiles à deviner que « abc »
        [top-password] : c'est l'un des mots de passe les plus courants
        [common-password] : c'est un mot de passe très courant
        [like-common-password] : il ressemble à un mot de passe très utilisé
        [sequences] : les suites comme abc ou 6543 sont faciles à deviner
        [recent-years] : les années récentes sont faciles à deviner
        [one-word] : un mot seul est facile à deviner
        [dates] : les dates sont souvent faciles à deviner
        [names] : les noms et prénoms seuls sont faciles à deviner
        [common-names] : les noms et prénoms courants sont faciles à deviner
       *[none] {""}
    }{ $suggestion ->
        [few-words] ; utilisez quelques mots, évitez les expressions courantes
        [no-symbols-needed] ; les symboles, chiffres et majuscules ne sont pas nécessaires
        [another-word] ; ajoutez un mot ou deux, de préférence peu courants
        [capitals] ; les majuscules n'aident pas beaucoup
        [all-capitals] ; tout en majuscules est presque aussi facile à deviner que tout en minuscules
        [reversed] ; les mots à l'envers ne sont guère plus difficiles à deviner
        [substitutions] ; les substitutions prévisibles comme « @ » pour « a » n'aident pas beaucoup
        [longer-pattern] ; utilisez un motif de clavier plus long, avec plus de changements de direction
        [avoid-repeats] ; évitez les mots et caractères répétés
        [avoid-sequences] ; évitez les suites
        [avoid-recent-years] ; évitez les années récentes
        [avoid-your-years] ; évitez les années qui vous sont associées
        [avoid-your-dates] ; évitez les dates et années qui vous sont associées
       *[none] {""}
    } (quelques mots sans rapport entre eux en font un bon)

## Les règles des cas d'usage

invalid-position-at-least-one = doit valoir 1 ou plus
invalid-no-report = il n'y a pas de rapport pour { $year } ; enregistrez d'abord l'édition du rapport
invalid-people-reached = doit être un nombre entre 0 et 2147483647
invalid-ends-before-start = ne doit pas précéder la date de début
invalid-no-country = doit nommer au moins un pays
invalid-editor-key-organisation = une clé d'éditeur doit nommer l'organisation dont elle peut modifier le travail
invalid-key-role-above-yours = votre propre rôle est { $role ->
        [admin] administrateur
        [editor] éditeur
       *[viewer] lecteur
    } : une clé à vous peut avoir ce rôle ou un rôle moindre
invalid-not-current-password = n'est pas votre mot de passe actuel
invalid-same-password = doit être différent de votre mot de passe actuel
invalid-invited-by-hand = un compte ne devient « invité » que par une invitation
invalid-organisation-gone = cette organisation n'existe plus
invalid-email = doit être une adresse e-mail, comme nom@exemple.org
invalid-name-too-long = doit compter au plus { $most } caractères
invalid-editor-organisation = un éditeur doit appartenir à l'organisation dont il modifie le travail
invalid-confirmation = doit être de nouveau le même mot de passe
invalid-no-organisation = il n'existe pas d'organisation { $id }
invalid-organisation-archived = { $name } est archivée : elle garde son historique mais ne reçoit plus de nouvelles interventions, personnes ni clés (un administrateur peut la réactiver)
invalid-outside-countries = la recommandation concerne { $country }, où cette intervention n'a pas lieu ({ $countries }) ; ajoutez d'abord ce pays à l'intervention
invalid-history-with-recommendations = un historique des niveaux ne contient que des niveaux ; importez les recommandations édition par édition
invalid-checked-file-gone = le fichier vérifié n'est plus conservé (il a déjà été importé, ou vérifié il y a plus d'un jour) : choisissez-le de nouveau
invalid-sign-in-code = ce code n'est pas le bon, ou il a déjà servi : saisissez les 6 chiffres que votre application affiche maintenant, ou l'un de vos codes de secours
invalid-enrolment-code = ce code n'est pas le bon : saisissez les 6 chiffres que votre application affiche maintenant (vérifiez que l'horloge du téléphone est à l'heure)
invalid-organisation-exists = une organisation nommée « { $name } » existe déjà : choisissez-la plutôt dans la liste
invalid-link-days = un lien dure de 1 à { $most } jours
invalid-not-of-report = { $id } n'est pas une recommandation pour { $country } de { $year }

## Les paramètres propres à l'API

invalid-between = doit être compris entre { $least } et { $most }
invalid-idempotency-key-reused = `{ $key }` a d'abord servi pour une autre requête ; une nouvelle tentative doit reprendre la même méthode, le même chemin et le même corps, et une nouvelle requête demande une nouvelle clé
invalid-not-an-object = doit être un objet JSON, comme `{"{"}"name": "..."{"}"}`

## Les fichiers et corps qui ne peuvent pas du tout être lus (suivis des mots de l'analyseur)

unreadable-csv-header = l'en-tête CSV ne peut pas être lu : { $detail }
unreadable-csv-line = la ligne { $line } ne peut pas être lue comme du CSV : { $detail }
unreadable-json = le corps n'est pas du JSON valide : { $detail }
invalid-translation-language = doit être une langue que gaptrack parle, autre que l'anglais du rapport : fr

## Les chapitres par pays d'un rapport, collés

invalid-narrative-no-heading = aucun chapitre de pays trouvé : chacun commence par son pays et son niveau, comme « SENEGAL: Tier 2 » ou « SÉNÉGAL : niveau 2 » ; le texte commence par « { $text } »
invalid-narrative-before-heading = des recommandations viennent avant le titre d'un pays (« { $text } ») : commencez par la ligne du pays, comme « SENEGAL: Tier 2 »
invalid-narrative-no-recommendations = { $country } : aucune section de recommandations (« PRIORITIZED RECOMMENDATIONS: », « RECOMMENDATIONS FOR { $country }: » ou « RECOMMANDATIONS PRIORITAIRES ») n'a été trouvée ; le chapitre dit « { $text } »
invalid-narrative-empty-section = { $country } : sa section de recommandations ne contient rien de lisible (« { $text } »)
invalid-narrative-french-alone = { $country } : un chapitre en français donne le texte français des recommandations ; chargez d'abord le chapitre anglais du rapport, puis ajoutez les textes français (la colonne text_fr d'un import, ou la page de chaque recommandation)
invalid-source-url-for-narratives = sert aux chapitres publiés (text/plain, text/html) ; les lignes d'un fichier portent leur propre colonne source_url
