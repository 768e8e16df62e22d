# Reminders before the TIP Office's deadlines, by e-mail, and where they are set.

reminder-call-subject = The call for information for the { $year } TIP Report closes on { $deadline }
reminder-period-subject = The period the { $year } TIP Report assesses ends on { $deadline }
reminder-greeting = Hello { $name },
reminder-call-intro = The TIP Office's call for information for the { $year } report closes on { $deadline }. These recommendations of the countries where { $organisation } works have no work of { $organisation } in the period the report assesses ({ $period }) yet:
reminder-period-intro = The period the { $year } report assesses ({ $period }) ends on { $deadline }. These recommendations of the countries where { $organisation } works have no work of { $organisation } in it yet:
reminder-country = { $country }: { $count ->
        [one] 1 recommendation without work
       *[other] { $count } recommendations without work
    }
reminder-item = - { $year } no. { $position } ({ $pillar }): { $text }
reminder-pack = The call-for-information pack: { $link }
reminder-footer = You receive this as an editor of { $organisation } in gaptrack. To stop these reminders, turn them off on your account page: { $account }
own-reminders-title = E-mails from gaptrack
own-reminders-intro = Before the TIP Office's call for information closes and before the reporting period ends (31 March), editors get one e-mail listing the recommendations of their countries that still have no work of their organisation.
own-reminders-wanted = Send me these reminders
own-reminders-save = Save
own-reminders-saved = Your choice of e-mails is saved.
deadline-title = Call for information deadlines
deadline-intro = The date the TIP Office's call for information closes, for each report. Editors are reminded { $days ->
        [one] 1 day
       *[other] { $days } days
    } before it, and before the reporting period ends on 31 March.
deadline-none = No deadline is recorded yet.
deadline-report = Report
deadline-date = Closes on
deadline-save = Record the deadline
deadline-saved = The deadline is recorded.
own-digest-wanted = Send me what each new TIP edition changed for our work, once it is in gaptrack
