# Les vocabulaires du domaine tels que les gens les lisent, par code : niveau, pilier, statut,
# rôle. Les codes sont ceux de l'API ; seuls les mots après `=` se traduisent.
#
# Les niveaux suivent le français de l'ambassade des États-Unis à Dakar et des versions
# françaises du rapport publiées dans la presse sénégalaise : « niveau 2 », « liste de
# surveillance de niveau 2 » (plutôt que « catégorie », employé par une partie de la presse).

tier-tier_1 = Niveau 1
tier-tier_2 = Niveau 2
tier-tier_2_watch_list = Liste de surveillance de niveau 2
tier-tier_3 = Niveau 3
tier-special_case = Cas particulier

pillar-prosecution = Poursuites
pillar-protection = Protection
pillar-prevention = Prévention
pillar-partnership = Partenariat

region-AF = Afrique
region-EAP = Asie de l'Est et Pacifique
region-EUR = Europe
region-NEA = Proche-Orient
region-SCA = Asie du Sud et Asie centrale
region-WHA = Hémisphère occidental

movement-upgraded = relevé
movement-downgraded = rétrogradé
movement-unchanged = maintenu
movement-new = premier classement

status-addressed = Traitée
status-partially_addressed = Partiellement traitée
status-planned = Prévue
status-unaddressed = Non traitée

intervention-status-planned = Prévue
intervention-status-active = En cours
intervention-status-completed = Terminée
intervention-status-cancelled = Annulée

kind-training = Formation
kind-legal_aid = Aide juridique
kind-victim_services = Services aux victimes
kind-data_collection = Collecte de données
kind-policy_support = Appui aux politiques publiques
kind-coordination = Coordination
kind-prevention = Prévention
kind-research = Recherche
kind-other = Autre

contribution-full = Entièrement
contribution-partial = En partie

role-admin = Administrateur
role-editor = Éditeur
role-viewer = Lecteur
ranking-none = non classé
