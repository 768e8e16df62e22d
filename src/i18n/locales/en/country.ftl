# A country's page: its tier, its recommendations by pillar, and what answers them.

gaps-title-year = { $country } in the { $year } TIP Report
gaps-placed = Placed on { $tier } ({ $movement }){ $waiver ->
        [yes] , with a waiver
       *[no] {""}
    }.
gaps-summary = { $unaddressed } of { $total } recommendations unaddressed, { $addressed } addressed ({ $coverage }), { $partly } partly, { $planned } planned.
gaps-window-waiting = { $waiting } of { $total } have nothing yet in the period the { $year } report will assess ({ $period }).
gaps-window-note = Nothing yet in the period the next report will assess ({ $period })
gaps-printable = Printable summary
gaps-pack = Call-for-information pack
back-to-overview = Back to the overview
gaps-no-year = None yet
filter-status = Status
filter-any-status = Any status
filter-persistent-only = Persistent gaps only
sharing-label = Share
sharing-own-work = A link shows your organisation's work in this report, to anyone who has it.
sharing-days = Link lasts (days)
sharing-submit = Share a read-only link
sharing-yours = Your shared links
lineage-answers-saved = { $count ->
        [one] 1 answer saved.
       *[other] { $count } answers saved.
    }
gaps-no-match = No recommendation matches these filters.
placement-history = Tier history
placement-none = No tier placement is recorded.
placement-with-waiver = { $tier } (waiver)
placement-source-research = Research data coded from the report (Kelley and Heiss)
placement-source-pages = A public page citing the report
placement-source-page = its page
placement-year-partial = (this year is known only in part)
recommendation-prioritized = (prioritized)
recommendation-standing = Standing since { $since } ({ $reports } reports){ $ever ->
        [no] , never addressed
       *[yes] {""}
    }.
recommendation-new = New in this report.
recommendation-answered-by = Answered by:
answer-line = { $organisation }, { $status }, { $contribution ->
        [full] answers it in full
       *[partial] answers it in part
    }
answer-linked-by = Linked by { $name }
answer-evidence = Evidence:
answers-more = More interventions answer it than are listed here.
answers-all = See every intervention linked to it
printable-back-to = Back to { $country }

# Linking from the country page.
offer-summary = Link an intervention to this recommendation
offer-choose-organisation = Choose whose work counts, in the filters above, to link one of that organisation's interventions.
offer-none-here = None of these interventions works in this country yet.
offer-intervention = Intervention
offer-intervention-option = { $title } ({ $status })
offer-more-before = The { $count } newest are listed; link an older one from its own page, found in
offer-more-link = the interventions list
offer-contribution = Contribution
offer-rationale = Rationale
offer-evidence = Evidence URL
offer-submit = Link
offer-new = Log a new intervention for it
linked-notice = Linked. The recommendation's status is recomputed.
relinked-notice = The link is changed. The recommendation's status is recomputed.

# Which recommendations continue the previous report's.
lineage-title = Do these continue the { $year } report's?
lineage-intro = Each of these { $year } recommendations reads like one of the { $earlier } report. Confirm the ones that continue it: the page then says how long a recommendation has stood.
lineage-question = { $year } no. { $position } continues { $earlier } no. { $earlier-position }?
lineage-numbered = { $year } no. { $position }
lineage-alike = Alike: { $similarity }
lineage-yes = Yes, it continues it
lineage-no = No
lineage-not-sure = Not sure yet
lineage-submit = Save these answers

# The call-for-information pack's page.
pack-report = Report
pack-work-of = Work of
pack-printable = Printable version
pack-docx = Download Word document (.docx)
pack-back-to-country = Back to { $country }
pack-back = Back to the pack

# A recommendation read in the reader's language, where an admin added its translation.
recommendation-translated = Translation: the report's own text
recommendation-translated-by = Added by { $name }
recommendation-translation-source = source of the translation
recommendation-edit-translation = Its text in { $language ->
       *[fr] French
    }

# Adding or correcting a recommendation's text in another language.
translation-title = The recommendation in { $language ->
       *[fr] French
    }
translation-original = The report's text:
translation-text = Its text in this language
translation-source = Where this text comes from (a web address)
translation-save = Save the text
translation-cancel = Back to the recommendation
