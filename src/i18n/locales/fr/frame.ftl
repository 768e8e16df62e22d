# Le cadre de chaque page : le document, la navigation, qui est connecté.

page-title = { $title } · gaptrack
skip-to-content = Aller au contenu
nav-label = Menu principal
nav-overview = Vue d'ensemble
nav-interventions = Interventions
nav-report-years = Éditions du rapport
nav-import = Importer
nav-people = Personnes
nav-organisations = Organisations
nav-keys = Clés
nav-audit = Journal des modifications
nav-your-account = Votre compte
signed-in-as = { $name } ({ $role })
sign-out = Se déconnecter

# Des possibilités : « A, B ou C » (`init` vaut « A, B »).
list-or = { $init } ou { $last }

# Au-dessus d'un formulaire refusé.
form-correct = Merci de corriger ceci puis de renvoyer le formulaire :
form-choose-organisation = choisissez une organisation
form-choose-one = choisissez dans la liste
form-choose-role = choisissez un rôle
form-choose-file = choisissez un fichier CSV ou JSON
form-type-new-organisation = saisissez le nom de la nouvelle organisation
form-choose-country = choisissez au moins un pays
form-date-expected = doit être une date, par exemple 31 mars 2024 ou 31/03/2024
form-year-expected = doit être une année, par exemple 2025
form-number-expected = doit être un nombre entier, par exemple 1200 ou 1 200
form-stale = Quelqu'un a modifié cet élément depuis que vous avez ouvert le formulaire. Vos saisies sont conservées ci-dessous ; rouvrez-le pour voir les changements, puis enregistrez les vôtres.
# Des éléments ensemble : « A, B et C » (`init` vaut « A, B »).
list-and = { $init } et { $last }

# Le pied de chaque page : les langues des pages, chacune sous son propre nom.
language-switcher = Langue
language-on-account = Changer la langue des pages sur la page de votre compte
# Ce que dit un bouton Copier une fois la copie faite.
copy-done = Copié
# Un nom avant ce qui le suit : « Titre : ».
before-colon = { $name } :{" "}
