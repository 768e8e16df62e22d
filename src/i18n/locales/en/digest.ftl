# The edition digest: what a new report changed for a country, and carrying work forward.

digest-link = What the { $year } report changed
digest-title = What the { $year } report changed for { $country }
digest-back-to = Back to { $country }
digest-work-of = Show the work of
digest-summary = Summary
digest-previous-tier = In { $year }: { $tier }.
digest-counts = Against the { $earlier } report: { $continuing ->
        [one] 1 recommendation continues
       *[other] { $continuing } recommendations continue
    } ({ $reworded } reworded), { $new ->
        [one] 1 is new
       *[other] { $new } are new
    } and { $dropped ->
        [one] 1 was dropped
       *[other] { $dropped } were dropped
    }.
digest-no-earlier = gaptrack holds no earlier report's recommendations for { $country }: every recommendation is new.
digest-dropped-answered = { $dropped ->
        [one] Work { $answered ->
            [0] did not answer
           *[other] answered
        } the recommendation the { $year } report dropped.
       *[other] Work answered { $answered } of the { $dropped } recommendations the { $year } report dropped.
    }
digest-dropped-answered-by = { $dropped ->
        [one] { $organisation }'s work { $answered ->
            [0] did not answer
           *[other] answered
        } the recommendation the { $year } report dropped.
       *[other] { $organisation }'s work answered { $answered } of the { $dropped } recommendations the { $year } report dropped.
    }
digest-waiting = { $count ->
        [one] 1 link of ongoing work waits
       *[other] { $count } links of ongoing work wait
    } to be carried forward: answer yes or no below.
digest-continuing = Recommendations that continue
digest-continues = { $current } continues { $earlier }
digest-words-removed = words taken out
digest-words-added = words put in
digest-reworded = Reworded: words taken out are struck through, words put in are underlined.
digest-same-words = The same words.
digest-ongoing-on = Ongoing work linked to { $earlier }
digest-linked-to-current = linked to { $current } too
digest-declined-by = not carried forward ({ $name } said no)
digest-not-carried = not yet linked to { $current }
digest-carry-question = Carry “{ $title }” forward to { $current }, with its rationale and evidence?
digest-carry-yes = Yes, carry it forward
digest-carry-no = No
digest-new = New recommendations
digest-dropped = Dropped recommendations
digest-dropped-intro = The earlier report made these and the new one does not: often because they were met.
digest-no-work = No work is linked to it.
digest-answered-by = Answered by:
digest-none = None.
digest-done-carried = The link is carried forward: the work now counts for the new recommendation.
digest-done-declined = Not carried forward; you will not be asked again for this work.
digest-done-already = That work was linked to the new recommendation already.
digest-letter-subject = What the { $year } TIP Report changed for { $organisation }'s work
digest-letter-intro = The { $year } TIP Report is in gaptrack. What it changed in the countries where { $organisation } works:
digest-letter-waiting = { $count ->
        [one] 1 link of ongoing work waits
       *[other] { $count } links of ongoing work wait
    } to be carried forward to the new recommendations.
digest-letter-link = Read it, and carry the work forward: { $link }
digest-letter-footer = You receive this because you asked for it on your account page, where you can stop it: { $account }
