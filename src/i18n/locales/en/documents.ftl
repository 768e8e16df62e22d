# The documents people download and print: the gap report's summary, spreadsheets and CSV, the
# coverage spreadsheet and CSV, and the call-for-information pack (printable and Word).

## What every document says of itself

doc-status-rule = A recommendation counts as addressed when an active or completed intervention answers it fully; partly addressed when such interventions answer it only in part; planned when only planned ones answer it. Cancelled interventions never count.
doc-numbers-rule = Numbers are the recommendations' numbers in the report.
doc-made-by = { $when } by { $who }, with gaptrack
doc-made-anonymously = { $when }, with gaptrack
doc-workbook-comment = Made with gaptrack
doc-all-organisations = All organisations
doc-all-regions = All regions
doc-all-countries = All countries
doc-all-pillars = All pillars
doc-not-ranked = Not ranked
doc-yes = Yes
doc-no = No
doc-and-more = and more
doc-no-value = –
doc-print = Print
doc-controls = Document
doc-page = Page
doc-number = No. { $position }
doc-number-label = No. { $position }.{" "}
doc-prioritized = prioritized
doc-standing-since = standing since { $since } ({ $reports } reports)
doc-dates = { $from } to { $to }
doc-dates-since = since { $from }
doc-dates-until = until { $to }
doc-dates-unknown = dates not recorded
doc-answers-it = answers it { $contribution }
doc-answer-in-words = { $title } ({ $organisation }, { $status }, answers it { $contribution })
doc-evidence = Evidence:{" "}
doc-linked-by = Linked by { $name }

## Headings of facts, columns and sheets

doc-fact-what = What this is
doc-fact-country = Country
doc-fact-report-year = Report year
doc-fact-report-years = Report years
doc-fact-reporting-period = Reporting period
doc-fact-reporting-periods = Reporting periods
doc-fact-tier = Tier
doc-fact-region = Region
doc-fact-counting = Counting the work of
doc-fact-listed = Recommendations listed
doc-fact-coverage = Coverage
doc-fact-countries = Countries
doc-fact-made = Made
doc-fact-made-on = Made on
doc-fact-made-by = Made by
doc-fact-shared = Shared
doc-fact-rule = How a status is counted
doc-fact-recommendations-of = Recommendations of
doc-fact-work-of = Work of
doc-fact-dates = Dates
doc-fact-reached = People reached
doc-fact-where = Where

doc-column-country = Country
doc-column-code = Code
doc-column-report-year = Report year
doc-column-region = Region
doc-column-tier = Tier
doc-column-movement = Movement
doc-column-number = No.
doc-column-pillar = Pillar
doc-column-prioritized = Prioritized
doc-column-status = Status
doc-column-recommendation = Recommendation
doc-column-report-text = The report's text (English)
doc-column-reports-standing = Reports standing
doc-column-standing-since = Standing since
doc-column-ever-addressed = Ever addressed
doc-column-answered-by = Answered by
doc-column-interventions = Interventions
doc-column-intervention = Intervention
doc-column-kind = Kind
doc-column-intervention-status = Intervention status
doc-column-organisation = Organisation
doc-column-answers-it = Answers it
doc-column-reached = People reached
doc-column-evidence = Evidence
doc-column-rationale = Rationale
doc-column-linked-by = Linked by
doc-column-recommendation-status = Recommendation status
doc-column-counting = Counting the work of
doc-column-recommendations = Recommendations
doc-column-addressed = Addressed
doc-column-partly = Partly addressed
doc-column-partly-short = Partly
doc-column-planned = Planned
doc-column-unaddressed = Unaddressed
doc-column-total = Total
doc-column-coverage = Coverage
doc-column-coverage-percent = Coverage (%)
doc-column-dates = Dates
doc-column-answers = Answers

doc-sheet-recommendations = Recommendations
doc-sheet-answers = Answers
doc-sheet-pillars = Pillars
doc-sheet-coverage = Coverage
doc-sheet-about = About

## The gap report

doc-gaps-year = { $year } TIP Report
doc-gaps-no-report = No report
doc-gaps-page-title = { $country } · { $year } · gaps
doc-gaps-first-ranking = first ranking
doc-gaps-moved = { $movement } since the previous report
doc-gaps-with-waiver = , with a waiver
doc-gaps-waiver-alone = with a waiver
doc-gaps-shared-until = read-only, until { $date }
doc-gaps-fewer-than = fewer than { $count }
doc-gaps-coverage-heading = Coverage
# After "2 of 5" in bold.
doc-gaps-coverage = { $total ->
        [one] recommendation addressed
       *[other] recommendations addressed
    } ({ $percent }); { $partly } partly addressed, { $planned } planned, { $unaddressed } unaddressed.
doc-gaps-addressed-of = { $addressed } of { $total }
doc-gaps-unaddressed-heading = Unaddressed recommendations
doc-gaps-none-unaddressed = None: every recommendation listed has work against it.
doc-gaps-answered-heading = Recommendations with work against them
doc-gaps-more-interventions = … and more interventions.
doc-gaps-interventions-heading = Interventions
doc-gaps-no-interventions = No intervention counts towards these recommendations yet.
doc-gaps-total-reach = People reached, as the interventions record it
doc-gaps-workbook-title = { $country } in the { $year } TIP Report
doc-gaps-workbook-what = { $title }: each recommendation's status and the work that answers it
doc-gaps-listed-all = All
doc-gaps-listed-persistent = Persistent gaps only
doc-gaps-listed-status-persistent = { $status }, persistent gaps only
doc-gaps-coverage-fact = { $addressed } of { $total } recommendations addressed

## Coverage

doc-coverage-title-latest = Coverage of each country's latest TIP Report ({ $years })
doc-coverage-title-year = Coverage of the { $year } TIP Report
doc-coverage-title = Coverage
doc-coverage-what = { $title }, country by country
doc-coverage-years = { $years }: each country's latest report. The Report year column says which report each row's figures come from; the totals add them up.
doc-coverage-period-of = { $year } report: { $period }

## The call-for-information pack

doc-pack-title = { $country }: actions for the { $year } TIP Report
doc-pack-introduction = Concrete actions taken in { $country } during the period the { $year } Trafficking in Persons Report assesses ({ $period }), for the State Department's annual call for information, with the recommendations each answers and its supporting documents.
doc-pack-citation = { $year } report, No. { $position } ({ $pillar })
doc-pack-answers-citation = Answers { $citation }:{" "}
doc-pack-unanswered-of = Recommendations of the { $year } report with nothing in the period
doc-pack-unanswered = Recommendations with nothing in the period
doc-pack-changed = What the { $year } report changed
doc-pack-nothing-dated = No intervention recorded in gaptrack has dates that show it was done in this period.
doc-pack-to-check-heading = To check before sending: work whose dates do not show the period
doc-pack-to-check = These interventions have no start date, or are completed with no end date, so gaptrack cannot tell whether they were done in the period ({ $period }). They are not counted above, and the recommendations they answer are listed below as having nothing in the period. Give each its dates in gaptrack, or leave it out of what you send.
doc-pack-report-of = the { $year } TIP Report
doc-pack-other-actions = Other actions in the period
doc-pack-none-unanswered = None: every recommendation has an action in the period.
doc-pack-answers = Answers:
# A fact's name before its value, in a Word document: "Dates: ".
doc-fact-name = { $name }:{" "}
doc-translated = Translated; the report's own text:
