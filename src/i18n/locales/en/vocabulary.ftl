# The domain's vocabularies as people read them, by code: a tier, a pillar, a status, a role.
# The codes are the API's; only the words after `=` are translated.


tier-tier_1 = Tier 1
tier-tier_2 = Tier 2
tier-tier_2_watch_list = Tier 2 Watch List
tier-tier_3 = Tier 3
tier-special_case = Special Case

pillar-prosecution = Prosecution
pillar-protection = Protection
pillar-prevention = Prevention
pillar-partnership = Partnership

region-AF = Africa
region-EAP = East Asia and Pacific
region-EUR = Europe
region-NEA = Near East
region-SCA = South and Central Asia
region-WHA = Western Hemisphere

movement-upgraded = upgraded
movement-downgraded = downgraded
movement-unchanged = unchanged
movement-new = first ranking

status-addressed = Addressed
status-partially_addressed = Partly addressed
status-planned = Planned
status-unaddressed = Unaddressed

intervention-status-planned = Planned
intervention-status-active = Active
intervention-status-completed = Completed
intervention-status-cancelled = Cancelled

kind-training = Training
kind-legal_aid = Legal aid
kind-victim_services = Victim services
kind-data_collection = Data collection
kind-policy_support = Policy support
kind-coordination = Coordination
kind-prevention = Prevention
kind-research = Research
kind-other = Other

contribution-full = Fully
contribution-partial = Partly

role-admin = Admin
role-editor = Editor
role-viewer = Viewer
ranking-none = not ranked
